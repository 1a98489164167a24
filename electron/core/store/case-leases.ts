// Two programs on one store (the desk open while the CLI reviews) take turns on a case
// (migration 009). The holder keeps its lease fresh; a lease gone stale, or held by a process
// that is no longer alive on this machine, is taken over.
import os from 'node:os';
import type { Db } from './db.js';

/** Who reviews a case: this process, told apart from others on the machine and on other machines sharing the store. */
export interface LeaseOwner {
  owner: string;
  host: string;
  pid: number;
  program: string;
}
export interface CaseLease extends LeaseOwner {
  case_id: string;
  acquired_at: string;
  heartbeat_at: string;
}

const now = () => new Date().toISOString();

function leaseIsFree(l: CaseLease, staleMs: number): boolean {
  if (Date.now() - Date.parse(l.heartbeat_at) > staleMs) return true;
  if (l.host !== os.hostname()) return false;
  try {
    process.kill(l.pid, 0);
    return false;
  } catch (err) {
    // EPERM: alive, someone else's; ESRCH: gone.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export class CaseLeases {
  constructor(private readonly db: Db) {}

  /**
   * Takes the case for one program's review, unless another live program holds it: the holder is
   * returned then. A lease is free when its heartbeat is older than `staleMs`, or when it was taken
   * by a process of this machine that no longer runs.
   */
  acquire(caseId: string, me: LeaseOwner, staleMs: number): CaseLease | null {
    // IMMEDIATE: two programs asking at once do not both read the lease as free.
    return this.db
      .transaction((): CaseLease | null => {
        const held = this.db.prepare('SELECT * FROM case_leases WHERE case_id = ?').get(caseId) as CaseLease | undefined;
        if (held && held.owner !== me.owner && !leaseIsFree(held, staleMs)) return held;
        const t = now();
        this.db
          .prepare(
            `INSERT INTO case_leases (case_id, owner, host, pid, program, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (case_id) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid, program = excluded.program,
          acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
          )
          .run(caseId, me.owner, me.host, me.pid, me.program, t, t);
        return null;
      })
      .immediate();
  }
  renew(caseId: string, owner: string): void {
    this.db.prepare('UPDATE case_leases SET heartbeat_at = ? WHERE case_id = ? AND owner = ?').run(now(), caseId, owner);
  }
  release(caseId: string, owner: string): void {
    this.db.prepare('DELETE FROM case_leases WHERE case_id = ? AND owner = ?').run(caseId, owner);
  }
}
