// PP-OCR worker threads, one ORT session set each, fed from the main thread.
// From the TypeScript source (tests, the CLI under tsx) a worker cannot load a
// .ts file by itself: it registers tsx first; the built app runs worker.js.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DetectedBox, DetectOptions } from './detect.js';
import type { Quad } from './geometry.js';
import type { PageReading, RecognizedLine } from './models-session.js';
import { defaultPpocrModelDir } from './models.js';
import { disableOrtTelemetry } from './no-telemetry.js';

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface PageJob {
  id: number;
  grey: Uint8Array;
  width: number;
  height: number;
  classify?: boolean;
  squeeze?: number;
}
export type PpocrJob =
  | (PageJob & { type: 'read'; detect?: DetectOptions })
  | (PageJob & { type: 'recognize'; quads: Quad[]; threshold?: number })
  | (PageJob & { type: 'detect'; detect?: DetectOptions })
  | (PageJob & { type: 'region'; region: Region; threshold?: number })
  | (PageJob & { type: 'page'; limitSide?: number })
  | (PageJob & { type: 'release' });
export type PpocrReply =
  | { id: number; ok: true; lines: RecognizedLine[]; boxes?: DetectedBox[]; page?: Omit<PageReading, 'lines'> }
  | { id: number; ok: false; error: string };

type Answer = { lines: RecognizedLine[]; boxes?: DetectedBox[]; page?: Omit<PageReading, 'lines'> };
interface Slot {
  worker: Worker;
  busy: number;
  pending: Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>;
}

export class PpocrPool {
  private nextId = 1;
  private closed = false;

  private constructor(private readonly slots: Slot[]) {}

  static async create(opts: { workers?: number; modelDir?: string } = {}): Promise<PpocrPool> {
    const modelDir = opts.modelDir ?? defaultPpocrModelDir();
    const count = Math.max(1, opts.workers ?? 1);
    const slots = await Promise.all(Array.from({ length: count }, () => startWorker(modelDir)));
    return new PpocrPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Detect and read every line of the page. */
  async read(
    page: { grey: Uint8Array; width: number; height: number },
    opts: { detect?: DetectOptions; classify?: boolean; squeeze?: number } = {},
  ): Promise<RecognizedLine[]> {
    return (
      await this.send({
        type: 'read',
        ...this.pageJob(page),
        ...(opts.detect ? { detect: opts.detect } : {}),
        classify: opts.classify ?? true,
        squeeze: opts.squeeze ?? 1,
      })
    ).lines;
  }

  /** The whole page: detected, its upside-down state voted on by the line classifier, every line read. */
  async readPage(
    page: { grey: Uint8Array; width: number; height: number },
    opts: { limitSide?: number; squeeze?: number } = {},
  ): Promise<PageReading> {
    const answer = await this.send({
      type: 'page',
      ...this.pageJob(page),
      ...(opts.limitSide !== undefined ? { limitSide: opts.limitSide } : {}),
      squeeze: opts.squeeze ?? 1,
    });
    if (!answer.page) throw new Error('PP-OCR worker answered a page without its reading');
    return { ...answer.page, lines: answer.lines };
  }

  /** The page's text lines (quads in reading order), not read. */
  async detect(page: { grey: Uint8Array; width: number; height: number }, opts: DetectOptions = {}): Promise<DetectedBox[]> {
    return (await this.send({ type: 'detect', ...this.pageJob(page), detect: opts })).boxes ?? [];
  }

  /**
   * Detect and read the lines of one region of the page, optionally with every
   * pixel lighter than `threshold` made paper (a grey seal over black print).
   */
  async readRegion(
    page: { grey: Uint8Array; width: number; height: number },
    region: Region,
    threshold?: number,
  ): Promise<RecognizedLine[]> {
    return (await this.send({ type: 'region', ...this.pageJob(page), region, ...(threshold !== undefined ? { threshold } : {}) })).lines;
  }

  /** Read the given quads of the page (from another detector). */
  async recognize(
    page: { grey: Uint8Array; width: number; height: number },
    quads: Quad[],
    opts: { classify?: boolean; squeeze?: number; threshold?: number } = {},
  ): Promise<RecognizedLine[]> {
    if (quads.length === 0) return [];
    return (
      await this.send({
        type: 'recognize',
        ...this.pageJob(page),
        quads,
        classify: opts.classify ?? false,
        squeeze: opts.squeeze ?? 1,
        ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
      })
    ).lines;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.slots.map(async (s) => {
        for (const p of s.pending.values()) p.reject(new Error('PP-OCR pool closed'));
        await s.worker.terminate();
      }),
    );
  }

  private pageJob(page: { grey: Uint8Array; width: number; height: number }): PageJob {
    // A copy travels to the worker; the caller keeps its page.
    return { id: this.nextId++, grey: page.grey, width: page.width, height: page.height };
  }

  private send(job: PpocrJob): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('PP-OCR pool closed'));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (slot.busy++ === 0) slot.worker.ref();
    return new Promise<Answer>((resolve, reject) => {
      slot.pending.set(job.id, { resolve, reject });
      slot.worker.postMessage(job);
    }).finally(() => {
      // An idle worker must not keep the process alive; a busy one must.
      if (--slot.busy === 0) slot.worker.unref();
    });
  }
}

function startWorker(modelDir: string): Promise<Slot> {
  disableOrtTelemetry();
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  let worker: Worker;
  if (fromSource) {
    const require = createRequire(here);
    const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    worker = new Worker(code, { eval: true, workerData: { modelDir } });
  } else {
    // A packaged app keeps this folder unpacked beside app.asar (electron-builder.yml).
    const file = fileURLToPath(new URL('./worker.js', here)).replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    worker = new Worker(file, { workerData: { modelDir } });
  }
  const slot: Slot = { worker, busy: 0, pending: new Map() };
  return new Promise<Slot>((resolve, reject) => {
    let started = false;
    worker.on('message', (reply: PpocrReply) => {
      if (reply.id === -1) {
        started = true;
        if (reply.ok) {
          worker.unref();
          resolve(slot);
        } else {
          reject(new Error(`PP-OCR worker failed to start: ${reply.error}`));
          void worker.terminate();
        }
        return;
      }
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply);
      else p.reject(new Error(reply.error));
    });
    worker.on('error', (err) => {
      if (!started) reject(err);
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
    });
    // A worker that dies without an error (killed, out of memory) must not leave a review waiting forever.
    worker.on('exit', (code) => {
      const err = new Error(`PP-OCR worker exited (code ${code})`);
      if (!started) reject(err);
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
    });
  });
}
