import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../electron/core/render/index.js';
import { writeTextPdf } from '../../support/text-pdf.js';

describe('rendering pages of PDFs at once', () => {
  it('renders every page when pages of several fresh PDFs are asked for together', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-render-'));
    const files = await Promise.all(
      [0, 1, 2].map(async (n) => {
        const f = path.join(dir, `v${n}.pdf`);
        await writeTextPdf(
          f,
          Array.from({ length: 4 }, (_, i) => `卷${n} 第${i + 1}页`),
        );
        return new Uint8Array(fs.readFileSync(f));
      }),
    );
    // more documents in flight than the parse cache holds, pages of each interleaved
    const jobs = files.flatMap((bytes) => [1, 2, 3, 4].map((page) => renderPage({ kind: 'pdf', bytes }, page, { dpi: 30 })));
    const pages = await Promise.all(jobs);
    expect(pages).toHaveLength(12);
    for (const p of pages) expect(p.width).toBeGreaterThan(100);
  });
});
