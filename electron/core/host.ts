// Entry of the backend when Electron runs it in a utilityProcess. It never imports
// 'electron': Electron gives a utility process `process.parentPort`, a MessagePort-like
// object, and that is all this file relies on.
import { createService, type CaseReviewService } from './service.js';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type HostRequest =
  /** key: the store's key in hex, from the OS keychain (electron/main.ts). */
  { type: 'init'; dbPath: string; key: string } | { type: 'call'; id: number; method: string; request: unknown } | { type: 'shutdown' };

export type HostMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: unknown }
  | { type: 'event'; event: unknown }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  let service: CaseReviewService | null = null;
  parentPort.on('message', (e) => {
    const msg = e.data as HostRequest;
    if (msg.type === 'init') {
      try {
        service = createService({ dbPath: msg.dbPath, key: Buffer.from(msg.key, 'hex'), resumeJobs: true, program: '阅卷桌面程序' });
        service.onEvent((event) => parentPort.postMessage({ type: 'event', event } satisfies HostMessage));
        parentPort.postMessage({ type: 'ready' } satisfies HostMessage);
      } catch (err) {
        parentPort.postMessage({ type: 'fatal', message: (err as Error).message } satisfies HostMessage);
      }
    } else if (msg.type === 'call') {
      const s = service;
      if (!s) {
        parentPort.postMessage({
          type: 'result',
          id: msg.id,
          envelope: { ok: false, error: { code: 'unavailable', message: 'backend not ready' } },
        } satisfies HostMessage);
        return;
      }
      void s
        .dispatch(msg.method, msg.request)
        .then((envelope) => parentPort.postMessage({ type: 'result', id: msg.id, envelope } satisfies HostMessage));
    } else if (msg.type === 'shutdown') {
      // Drain: running jobs are cancelled (their pages are already stored) and the db closed.
      void (service?.close() ?? Promise.resolve()).finally(() => parentPort.postMessage({ type: 'closed' } satisfies HostMessage));
    }
  });
}
