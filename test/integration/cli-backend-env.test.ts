// The CLI's review runs with the backend's environment (MALLOC_ARENA_MAX=2, onnxruntime's telemetry
// off) as the desktop app's backend does, even when started from a plain shell: it runs itself again,
// once, with it. What the user sees does not change: the same output, the same exit codes, and
// SIGTERM or Ctrl-C sent to the process they started still stops the review cleanly.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTextPdf } from '../support/text-pdf.js';
import { openRawStore } from '../support/store-key.js';

const repo = path.resolve(import.meta.dirname, '../..');
const CLI = ['--import', 'tsx', path.join(repo, 'electron/cli/main.ts')];
let root: string;

/** The environment of a plain shell: none of the backend's variables, the debug line on. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CASE_REVIEW_DEBUG: '1', ...extra };
  for (const k of ['MALLOC_ARENA_MAX', 'ORT_DISABLE_TELEMETRY', 'CASE_REVIEW_CLI_PARENT', 'CASE_REVIEW_NO_RERUN'])
    if (!(k in extra)) delete env[k];
  return env;
}

/** The debug lines naming the process that did the work: its pid, its parent's (when re-run), its variables. */
function workers(stderr: string): { pid: number; parent: number | null; vars: string }[] {
  return [...stderr.matchAll(/^进程 (\d+)(?:（由进程 (\d+) 以后端环境重新启动）)?：(.*)$/gm)].map((m) => ({
    pid: Number(m[1]),
    parent: m[2] ? Number(m[2]) : null,
    vars: m[3] ?? '',
  }));
}

function cli(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [...CLI, ...args], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-cli-env-'));
  fs.mkdirSync(path.join(root, '乙案'));
  fs.writeFileSync(path.join(root, '乙案', '立案决定书.txt'), '立案决定书\n决定对吴某诈骗案立案侦查。\n二〇二四年三月五日');
  // Scanned pages, so the review is still reading when it is stopped.
  fs.mkdirSync(path.join(root, '甲案'));
  for (let i = 1; i <= 4; i++) {
    const pdf = path.join(root, `p${i}.pdf`);
    await writeTextPdf(pdf, [`询问笔录\n时间：2024年3月${i}日9时至10时\n询问人：郑凯、冯磊\n被询问人：李娜\n问：第${i}页。\n答：好的。`]);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-gray', '-singlefile', pdf, path.join(root, '甲案', `询问笔录-${i}`)]);
  }
}, 120_000);

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('the CLI runs with the backend environment (issue 16)', () => {
  it('a plain shell: the work is done once, in a child with MALLOC_ARENA_MAX=2; a bad folder still exits 1 in Chinese', () => {
    const r = cli(['review', path.join(root, '不存在的案卷'), '--out', path.join(root, 'out-bad')], plainEnv());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('错误：案卷文件夹不存在');
    expect(r.stderr.match(/案卷文件夹不存在/g)).toHaveLength(1);
    const ran = workers(r.stderr);
    expect(ran).toHaveLength(1);
    expect(ran[0]?.parent).toBe(r.pid);
    expect(ran[0]?.pid).not.toBe(r.pid);
    expect(ran[0]?.vars).toBe('MALLOC_ARENA_MAX=2 ORT_DISABLE_TELEMETRY=1');
  }, 120_000);

  it('a review through the re-run writes review.json and exits 0; usage errors keep exit 2', () => {
    const out = path.join(root, 'out-ok');
    const r = cli(['review', path.join(root, '乙案'), '--out', out, '--db', path.join(root, 'ok.db')], plainEnv());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('完成 (done): 1 个文件');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'review.json'), 'utf8'))).toMatchObject({ schema: 'case-review/1' });
    expect(workers(r.stderr)[0]?.parent).toBe(r.pid);

    const usage = cli(['review', path.join(root, '乙案')], plainEnv());
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('缺少参数');
  }, 120_000);

  it("keeps the user's own value, and runs in place when asked to or when the environment is already there", () => {
    const own = cli(['review', path.join(root, '不存在'), '--out', root], plainEnv({ MALLOC_ARENA_MAX: '4' }));
    expect(own.status).toBe(1);
    expect(workers(own.stderr).map((w) => [w.parent, w.vars])).toEqual([[own.pid, 'MALLOC_ARENA_MAX=4 ORT_DISABLE_TELEMETRY=1']]);

    const ready = cli(
      ['review', path.join(root, '不存在'), '--out', root],
      plainEnv({ MALLOC_ARENA_MAX: '2', ORT_DISABLE_TELEMETRY: '1' }),
    );
    expect(workers(ready.stderr)).toEqual([{ pid: ready.pid, parent: null, vars: 'MALLOC_ARENA_MAX=2 ORT_DISABLE_TELEMETRY=1' }]);

    const hatch = cli(['review', path.join(root, '不存在'), '--out', root], plainEnv({ CASE_REVIEW_NO_RERUN: '1' }));
    expect(hatch.status).toBe(1);
    expect(workers(hatch.stderr)).toEqual([
      { pid: hatch.pid, parent: null, vars: 'MALLOC_ARENA_MAX=（未设置） ORT_DISABLE_TELEMETRY=（未设置）' },
    ]);
  }, 120_000);

  // SIGTERM to the pid the user started; Ctrl-C in a terminal, which signals the whole process group.
  it.each([
    { how: 'SIGTERM to the process started', group: false, signal: 'SIGTERM' as const },
    { how: 'Ctrl-C (SIGINT to the process group)', group: true, signal: 'SIGINT' as const },
  ])(
    '$how reaches the review: stopped cleanly, exit 130; the child had MALLOC_ARENA_MAX=2 from its start',
    async ({ group, signal }) => {
      const db = path.join(root, `stop-${signal}.db`);
      const child = spawn(
        process.execPath,
        [...CLI, 'review', path.join(root, '甲案'), '--out', path.join(root, `out-${signal}`), '--db', db],
        {
          cwd: repo,
          env: plainEnv(),
          stdio: ['ignore', 'ignore', 'pipe'],
          // its own group, as a shell gives the job it runs
          detached: group,
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      const until = async (test: () => boolean) => {
        const deadline = Date.now() + 120_000;
        while (!test()) {
          if (Date.now() > deadline) throw new Error(`timed out; stderr:\n${stderr}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await until(() => workers(stderr).length > 0);
      const worker = workers(stderr)[0]!;
      // What glibc read when the process began: its environment as the kernel holds it.
      const environ = fs.readFileSync(`/proc/${worker.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('MALLOC_ARENA_MAX=2');
      expect(environ).toContain('ORT_DISABLE_TELEMETRY=1');
      // Stopped while it reads: the first file's progress is out, four scanned pages are not all read.
      await until(() => /\[(ingest|ocr)\]/.test(stderr));
      if (group) process.kill(-child.pid!, signal);
      else child.kill(signal);
      const end = await exited;
      expect(end, stderr).toEqual({ code: 130, signal: null });
      expect(stderr).toContain('已中断');
      // The child is gone with it.
      expect(fs.existsSync(`/proc/${worker.pid}`)).toBe(false);
    },
    180_000,
  );

  it('a parent killed outright (SIGKILL, which cannot be passed on) takes the review with it: cancelled, not finished unseen', async () => {
    const db = path.join(root, 'orphan.db');
    const child = spawn(process.execPath, [...CLI, 'review', path.join(root, '甲案'), '--out', path.join(root, 'out-orphan'), '--db', db], {
      cwd: repo,
      env: plainEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 120_000;
    while (!/\[(ingest|ocr)\]/.test(stderr) || workers(stderr).length === 0) {
      if (Date.now() > deadline) throw new Error(`timed out; stderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const worker = workers(stderr)[0]!;
    child.kill('SIGKILL');
    await exited;
    while (fs.existsSync(`/proc/${worker.pid}`)) {
      if (Date.now() > deadline) throw new Error('the re-run child outlived its parent');
      await new Promise((r) => setTimeout(r, 100));
    }
    const d = openRawStore(db, { readonly: true });
    const jobs = d.prepare('SELECT status FROM jobs').all() as { status: string }[];
    d.close();
    expect(jobs).toEqual([{ status: 'cancelled' }]);
  }, 180_000);
});
