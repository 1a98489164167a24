// A text PDF's characters come with their boxes on the page, so its marks can be drawn on
// its image as a scan's are (issue 16: text-layer pages showed no marks at all).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../electron/core/ingest/pdf-text.js';
import { boxesFor, wordRanges } from '../../../shared/word-boxes.js';
import { writeTextPdf } from '../../support/text-pdf.js';

describe('text-layer character boxes', () => {
  it('places every character of the layer in the text, each boxed where the page prints it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-words-'));
    const file = path.join(dir, 'a.pdf');
    const body = '犯罪嫌疑人张建国，身份证号码330602199005031234，于2022年11月16日被刑事拘留，现羁押于绍兴市看守所。扣押现金人民币3200元。';
    await writeTextPdf(file, [body]);
    const [page] = await readPdfText(new Uint8Array(fs.readFileSync(file)));
    if (!page) throw new Error('no page');
    const ranges = wordRanges(page.text, page.words);
    expect(page.words.length).toBe(page.text.replace(/\s/g, '').length);
    expect(ranges.filter((r) => r.start < 0)).toHaveLength(0);
    for (const w of page.words) {
      expect(w.bbox[0]).toBeGreaterThanOrEqual(0);
      expect(w.bbox[2]).toBeLessThanOrEqual(page.width);
      expect(w.bbox[3]).toBeLessThanOrEqual(page.height);
      expect(w.bbox[2]).toBeGreaterThan(w.bbox[0]);
    }
    // pdfkit prints at x=72, y=72 (from the top) in 14 pt: the first line's first name sits there.
    const name = page.text.indexOf('张建国');
    const [box] = boxesFor(name, name + 3, page.words, ranges);
    expect(box![0]).toBeGreaterThan(72 + 4 * 14);
    expect(box![0]).toBeLessThan(72 + 6 * 14);
    expect(box![1]).toBeGreaterThan(70);
    expect(box![3]).toBeLessThan(72 + 2 * 14);
    expect(box![2] - box![0]).toBeCloseTo(3 * 14, -1);
    // A later line lies below it.
    const money = page.text.indexOf('3200');
    const [later] = boxesFor(money, money + 4, page.words, ranges);
    expect(later![1]).toBeGreaterThan(box![3]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
