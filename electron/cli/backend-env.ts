// The CLI runs the backend in its own process, so that process must start with the backend's
// environment as the desktop app's utility process does (core/process-env.ts): glibc reads
// MALLOC_ARENA_MAX once, when a process starts, and setting it later changes nothing. A CLI started
// without it runs itself again, once, as a child that has it: same arguments, same terminal, same
// exit code; a signal sent to the parent reaches the child, and a child killed by one kills the
// parent the same way.
import { spawn } from 'node:child_process';
import { BACKEND_PROCESS_ENV } from '../core/process-env.js';

/** Set in the child (to its parent's pid): it is the re-run, and never runs itself again. */
export const CLI_PARENT_ENV = 'CASE_REVIEW_CLI_PARENT';
/** 1: run in this process whatever its environment (a debugger; a test that kills one process). */
export const NO_RERUN_ENV = 'CASE_REVIEW_NO_RERUN';

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** The backend's variables this environment lacks (one the user set, to any value, is theirs). */
export function missingBackendEnv(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(BACKEND_PROCESS_ENV).filter((k) => env[k] === undefined);
}

/**
 * Runs this CLI again as a child with the backend's environment when this process lacks it, and
 * resolves to the child's exit code; null when this process should do the work itself.
 */
export function rerunWithBackendEnv(): Promise<number | null> | null {
  const env = process.env;
  if (env[CLI_PARENT_ENV] || env[NO_RERUN_ENV] === '1' || missingBackendEnv(env).length === 0) return null;
  // execArgv keeps tsx's loader (npm run review) or nothing (the built CLI): the child starts as this one did.
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...BACKEND_PROCESS_ENV, ...env, [CLI_PARENT_ENV]: String(process.pid) },
  });
  // Ctrl-C reaches both from the terminal; the child's handlers take a repeat as the same request.
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, forward);
  return new Promise((resolve) => {
    const done = () => {
      for (const s of FORWARDED) process.off(s, forward);
    };
    // The child could not be started at all: the work is done here, without the environment.
    child.once('error', () => {
      done();
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      done();
      if (signal) process.kill(process.pid, signal);
      else resolve(code ?? 1);
    });
  });
}

/**
 * In the re-run child: calls `stop` once its parent is gone (killed with SIGKILL, which cannot be
 * forwarded), so a review does not go on unseen; the same clean stop as Ctrl-C.
 */
export function whenParentGone(stop: () => void): () => void {
  const parent = Number(process.env[CLI_PARENT_ENV]);
  if (!parent) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** For CASE_REVIEW_DEBUG: which process runs, and with which of the backend's variables. */
export function describeProcessEnv(): string {
  const vars = Object.keys(BACKEND_PROCESS_ENV).map((k) => `${k}=${process.env[k] ?? '（未设置）'}`);
  const parent = process.env[CLI_PARENT_ENV];
  return `进程 ${process.pid}${parent ? `（由进程 ${parent} 以后端环境重新启动）` : ''}：${vars.join(' ')}`;
}
