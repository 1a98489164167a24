// A PDF that asks to act: JavaScript on open, close, page open and in a form field, a
// /Launch of /usr/bin/touch, an attached shell script. pdf.js in Node parses these as data
// and runs none (its scripting lives in the viewer's sandbox, which the app never loads);
// the test proves the text is read, the page renders, and nothing ran or was written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFJS_ASSETS } from '../../../electron/core/pdf/pdfjs.js';
import { readCaseFile } from '../../../electron/core/ingest/read-file.js';
import { renderPage, closePdfs } from '../../../electron/core/render/index.js';
import { activePdf, writePdf } from '../../support/hostile-pdf.js';
import { loadPdfJs } from '../../../electron/core/pdf/pdfjs.js';

/** Every file under a folder (its own tree only), for "nothing new was written". */
function listTree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => path.join(d.parentPath, d.name));
}

describe('a PDF with JavaScript, a /Launch action and an attached file', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-active-pdf-'));
  const witness = path.join(root, 'pwned');
  const attachment = `payload-${crypto.randomUUID().slice(0, 8)}.sh`;
  const pdf = activePdf({
    lines: ['讯问笔录', '被讯问人：张三，男，1990年5月3日出生。'],
    witness,
    attachment: { name: attachment, content: `#!/bin/sh\ntouch ${witness}\n` },
  });
  fs.writeFileSync(path.join(root, '讯问笔录.pdf'), pdf);

  it('is a PDF that asks for all of it (the generator wrote what it claims)', async () => {
    const { getDocument } = await loadPdfJs();
    const doc = await getDocument({ ...PDFJS_ASSETS, data: new Uint8Array(pdf), verbosity: 0 }).promise;
    try {
      // Asked for here only to prove they are there; the app never asks.
      const attachments = (await doc.getAttachments()) as Record<string, { filename: string; content: Uint8Array }> | null;
      expect(Object.values(attachments ?? {}).map((a) => a.filename)).toContain(attachment);
      expect(JSON.stringify(await doc.getJSActions())).toContain('exportDataObject');
      expect(JSON.stringify(await doc.getJSActions())).toContain('app.alert');
    } finally {
      await doc.destroy();
    }
  });

  it('pdf.js is configured with nothing that evaluates: no eval, no XFA (scripted forms)', () => {
    expect(PDFJS_ASSETS.isEvalSupported).toBe(false);
    expect(PDFJS_ASSETS.enableXfa).toBe(false);
    // enableScripting is an option of pdf.js's viewer (its annotation layer), not of getDocument:
    // nothing in the backend may pass it.
    expect(Object.keys(PDFJS_ASSETS)).not.toContain('enableScripting');
  });

  it('its text is read, its page renders, and nothing runs or is extracted', async () => {
    const before = listTree(root);
    const read = await readCaseFile(pdf, 'pdf');
    expect(read.pages[0]!.text).toBe('讯问笔录\n被讯问人：张三，男，1990年5月3日出生。');
    const page = await renderPage({ kind: 'pdf', bytes: pdf }, 1, { dpi: 72 });
    expect([page.width, page.height]).toEqual([595, 842]);
    await closePdfs();
    // Give anything launched a moment to have written its witness.
    await new Promise((r) => setTimeout(r, 300));
    expect(fs.existsSync(witness)).toBe(false);
    // Where an extracted attachment would land: beside the file, the temporary folder, the working folder.
    expect(listTree(root)).toEqual(before);
    for (const dir of [os.tmpdir(), process.cwd(), os.homedir()])
      expect(fs.readdirSync(dir).filter((f) => f.includes(attachment))).toEqual([]);
  });
});

describe('a PDF page that says it is 200 inches square', () => {
  it('renders within the raster limit instead of allocating a 60,000-pixel canvas', async () => {
    const content = 'BT /F1 600 Tf 720 12000 Td (HUGE) Tj ET';
    const pdf = writePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]);
    const page = await renderPage({ kind: 'pdf', bytes: pdf }, 1, { dpi: 300 });
    await closePdfs();
    expect(page.width * page.height).toBeLessThanOrEqual(60_000_000);
    expect(page.width).toBeGreaterThan(7000);
  });
});
