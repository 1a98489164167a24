import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../electron/core/service.js';
import { readPdfText } from '../../../electron/core/ingest/pdf-text.js';
import { writeTextPdf } from '../../support/text-pdf.js';

// Issue 16: the first PDF of a dropped case no longer waits for pdf.js to load its worker. The
// backend loads the library and its worker when it starts, and hands the worker to pdf.js where
// pdf.js looks for one already loaded (globalThis.pdfjsWorker) instead of importing it again.
describe('pdf.js loaded ahead of the first case', () => {
  it('is loaded, worker included, when the service is warm, and reads PDFs through that worker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-pdfjs-warm-'));
    const service = createService({ dbPath: path.join(dir, 'case.db') });
    try {
      await service.whenWarm();
      const worker = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker;
      expect(typeof worker?.WorkerMessageHandler).toBe('function');
      const file = path.join(dir, 'a.pdf');
      await writeTextPdf(file, ['询问笔录\n被询问人：李娜']);
      const [page] = await readPdfText(new Uint8Array(fs.readFileSync(file)));
      expect(page?.text).toContain('李娜');
    } finally {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
