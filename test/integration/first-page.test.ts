import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../../electron/core/service.js';
import { defaultOcrProvider, type OcrProvider } from '../../electron/core/pipeline/ocr-provider.js';
import type { BackendEvent } from '../../shared/api.js';
import { imagePdf } from '../fixtures/generator/render.js';
import { writeTextPdf } from '../support/text-pdf.js';

// Issue 16: the reviewer who drops a scanned case reads its first page while the rest is still
// being read. Ordering, not time: the OCR engine reads its first page freely and every later one
// only once the test has been served the first page; a review that read another page first, or
// kept pages from the desk until its end, never gets there.
let root: string;
let folder: string;

async function scannedPdf(file: string, pages: string[]): Promise<void> {
  const text = path.join(root, 'print.pdf');
  await writeTextPdf(text, pages);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-jpeg', text, path.join(root, 'scan')]);
  const scans = fs
    .readdirSync(root)
    .filter((n) => n.startsWith('scan') && n.endsWith('.jpg'))
    .sort();
  const images = [];
  for (const n of scans) {
    const jpeg = fs.readFileSync(path.join(root, n));
    const meta = await sharp(jpeg).metadata();
    images.push({ jpeg, width: meta.width, height: meta.height });
    fs.rmSync(path.join(root, n));
  }
  fs.writeFileSync(file, await imagePdf(images, 150));
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-first-page-'));
  folder = path.join(root, 'case');
  fs.mkdirSync(folder);
  const page = (n: number, of: number, who: string) =>
    `询问笔录\n时间：2024年3月5日14时30分\n询问人：郑凯、冯磊\n被询问人：${who}\n第${n}页 共${of}页`;
  // 卷一 is the desk's first file (the store lists by path); a pinyin sort would put 卷二 (er) before it (yi).
  await scannedPdf(
    path.join(folder, '卷一.pdf'),
    [1, 2, 3].map((n) => page(n, 3, '李娜')),
  );
  await scannedPdf(
    path.join(folder, '卷二.pdf'),
    [1, 2].map((n) => page(n, 2, '王强')),
  );
}, 120_000);

/** The shipped engine, holding every read after the first until `open` is called. */
function gatedOcr(): { provider: OcrProvider; open(): void; reads(): number } {
  const inner = defaultOcrProvider();
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let reads = 0;
  return {
    open,
    reads: () => reads,
    provider: {
      engineId: inner.engineId,
      async create() {
        const reader = await inner.create();
        return {
          engineId: reader.engineId,
          concurrency: reader.concurrency,
          read: async (png, signal) => {
            if (reads++ > 0) await gate;
            return reader.read(png, signal);
          },
          close: () => reader.close(),
        };
      },
    },
  };
}

describe('the first page of a dropped scanned case (issue 16)', () => {
  it('is read first and served by the service, image and text, while the review is still reading', async () => {
    const ocr = gatedOcr();
    const service = createService({ dbPath: path.join(root, 'case.db'), ocr: ocr.provider });
    const events: BackendEvent[] = [];
    const firstPage = new Promise<Extract<BackendEvent, { kind: 'page' }>>((resolve) =>
      service.onEvent((e) => {
        events.push(e);
        if (e.kind === 'page') resolve(e);
      }),
    );
    try {
      const { caseId, jobId } = await service.api.startReview({ folder });
      let ended = false;
      void service.whenJobEnds(jobId).then(() => (ended = true));
      const first = await firstPage;

      // The desk opens a case with no catalogue yet at its first file's first page.
      const detail = await service.api.getCase({ caseId });
      const desk = detail.fileList.find((f) => f.pages > 0)!;
      expect(desk.path).toBe('卷一.pdf');
      expect(first.event).toEqual({ caseId, sha256: desk.sha256, page: 1 });
      const view = await service.api.getPage({ caseId, fileId: desk.id, page: 1 });
      expect(view.source).toBe('ocr');
      expect(view.text).toContain('李娜');
      const image = await service.api.getPageImage({ caseId, sha256: desk.sha256!, page: 1 });
      expect(image.mime).toBe('image/png');
      expect(image.width).toBeGreaterThan(100);
      // Served with four pages still unread: the review is far from done.
      expect(ended).toBe(false);
      expect(events.filter((e) => e.kind === 'page')).toHaveLength(1);
      expect(events.some((e) => e.kind === 'job' && e.event.status === 'done')).toBe(false);

      ocr.open();
      expect(await service.whenJobEnds(jobId)).toBe('done');
      // Then the rest in reading order: 卷一's pages before 卷二's, each announced as it was stored.
      const order = events.flatMap((e) =>
        e.kind === 'page' ? [`${e.event.sha256 === desk.sha256 ? '卷一' : '卷二'}:${e.event.page}`] : [],
      );
      expect(order[0]).toBe('卷一:1');
      expect(new Set(order)).toEqual(new Set(['卷一:1', '卷一:2', '卷一:3', '卷二:1', '卷二:2']));
      expect(order.lastIndexOf('卷一:3')).toBeLessThan(order.indexOf('卷二:2'));
      expect(ocr.reads()).toBe(5);
      // The first page was read as soon as ingest had its file, before the OCR stage began,
      // which counts it with the four it read itself: one from the start, five at the end.
      const stageBegins = events.findIndex((e) => e.kind === 'progress' && e.event.stage === 'ocr');
      expect(events.findIndex((e) => e.kind === 'page')).toBeLessThan(stageBegins);
      const ocrProgress = events.flatMap((e) => (e.kind === 'progress' && e.event.stage === 'ocr' ? [e.event] : []));
      expect(ocrProgress[0]).toMatchObject({ done: 1, total: 5 });
      expect(ocrProgress.at(-1)).toMatchObject({ done: 5, total: 5, messageKey: 'ocr.done' });
      expect(service.store.getJob(jobId)?.progress).toMatchObject({ stages: { ocr: { pagesRead: 5, alreadyRead: 0 } } });
    } finally {
      ocr.open();
      await service.close();
    }
  }, 300_000);
});
