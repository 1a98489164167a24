// One PP-OCR worker thread: one set of ORT sessions, jobs answered in order.
import { parentPort, workerData } from 'node:worker_threads';
import type { PpocrJob, PpocrReply } from './pool.js';
import { PpocrModels } from './models-session.js';

const port = parentPort;
if (!port) throw new Error('the PP-OCR worker runs in a worker thread');
const { modelDir } = workerData as { modelDir: string };
const ready = PpocrModels.load(modelDir);
// Jobs run one at a time: a session runs one job at a time anyway.
let queue: Promise<unknown> = ready;

port.on('message', (job: PpocrJob) => {
  queue = queue.then(async () => {
    const models = await ready;
    let reply: PpocrReply;
    try {
      const page = { data: job.grey, width: job.width, height: job.height };
      if (job.type === 'release') {
        await models.release();
        reply = { id: job.id, ok: true, lines: [] };
      } else if (job.type === 'page') {
        const { lines, ...rest } = await models.readPage(page, {
          ...(job.limitSide !== undefined ? { limitSide: job.limitSide } : {}),
          squeeze: job.squeeze ?? 1,
        });
        reply = { id: job.id, ok: true, lines, page: rest };
      } else if (job.type === 'region') {
        reply = { id: job.id, ok: true, lines: await models.readRegion(page, job.region, job.threshold) };
      } else if (job.type === 'detect') {
        reply = { id: job.id, ok: true, lines: [], boxes: await models.detect(page, job.detect ?? {}) };
      } else {
        const quads = job.type === 'read' ? (await models.detect(page, job.detect ?? {})).map((b) => b.quad) : job.quads;
        const lines = await models.recognize(page, quads, {
          classify: job.classify ?? false,
          squeeze: job.squeeze ?? 1,
          ...(job.type === 'recognize' && job.threshold !== undefined ? { threshold: job.threshold } : {}),
        });
        reply = { id: job.id, ok: true, lines };
      }
    } catch (err) {
      reply = { id: job.id, ok: false, error: (err as Error).stack ?? String(err) };
    }
    port.postMessage(reply);
  });
});
ready.then(
  () => port.postMessage({ id: -1, ok: true, lines: [] } satisfies PpocrReply),
  (err: unknown) => {
    port.postMessage({ id: -1, ok: false, error: (err as Error).stack ?? String(err) } satisfies PpocrReply);
  },
);
