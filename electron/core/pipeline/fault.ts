// A fault the kill test injects (test/integration/kill-every-stage.test.ts): with
// CASE_REVIEW_KILL_AT=<stage>:<n> set, the process kills itself (SIGKILL: no cleanup, no
// finally, as a power cut or the task manager would) when that stage reports its n-th unit of
// work. Unset — always, outside that test — it costs one comparison.
import type { Stage } from '../../../shared/api.js';

const spec = /^([a-z]+):(\d+)$/.exec(process.env.CASE_REVIEW_KILL_AT ?? '');
const killStage = spec?.[1] as Stage | 'report' | undefined;
const killAt = Number(spec?.[2] ?? 0);

export function faultPoint(stage: Stage | 'report', done: number): void {
  if (killStage === stage && done >= killAt) process.kill(process.pid, 'SIGKILL');
}
