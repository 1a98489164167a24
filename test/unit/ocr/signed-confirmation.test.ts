// A suspect's handwritten 以上笔录我看过，和我说的相符 between two printed lines of a
// scanned record: tesseract drops the line (it rides on the fingerprinted signature
// row below), and the ink no line covers must bring it back, read right. Lost, it
// made RECORD_CONFIRMATION report a confirmation the paper has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../../electron/core/ocr/index.js';
import { closePdfs, pageImage } from '../../../electron/core/render/index.js';
import { generateCase } from '../../fixtures/generator/index.js';
import { readExactly } from './scoring.js';

const CONFIRMATION = '以上笔录我看过，和我说的相符';
let engine: OcrEngine;
let pages: { page: number; image: Buffer }[];

beforeAll(async () => {
  // The case of the rules bench where the line was lost (seed 117, its evidence volume).
  const g = await generateCase({ seed: 117, outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cr-confirm-')), name: 'bench-SEARCH_PROCEDURE', defects: ['SEARCH_PROCEDURE'], forms: 'all' });
  const volume = g.truth.files.find((f) => f.form === 'volume')!;
  const bytes = new Uint8Array(fs.readFileSync(path.join(g.folder, volume.path)));
  const signed = volume.pages.filter((p) => p.text.includes(CONFIRMATION));
  pages = await Promise.all(signed.map(async (p) => ({ page: p.page, image: (await pageImage({ kind: 'pdf', bytes }, p.page)).image })));
  engine = await OcrEngine.create({ workers: 2 });
}, 240_000);
afterAll(async () => { await engine?.close(); await closePdfs(); });

describe('a signed confirmation line on a scanned record', () => {
  it('is read on every page that carries it', async () => {
    expect(pages.length).toBeGreaterThan(0);
    const read = await Promise.all(pages.map(async (p) => ({ page: p.page, text: (await engine.recognize(p.image)).text })));
    for (const r of read) expect(readExactly(r.text, CONFIRMATION), `volume page ${r.page}`).toBe(true);
  }, 120_000);
});
