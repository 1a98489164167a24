// The pass that reads ink no recognised line covers, on two scanned pages of
// generated cases where it once went wrong:
// - a suspect's handwritten 以上笔录我看过，和我说的相符 between two printed lines,
//   which tesseract drops (it rides on the fingerprinted signature row below): lost,
//   it made RECORD_CONFIRMATION report a confirmation the paper has;
// - a weakly read line holding an ID number, which a second reading of its ink
//   must not replace with a confident misreading of the check digit.
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

/** Page images of a generated case's scanned volume whose printed text holds `needle`. */
async function volumePagesWith(
  opts: { seed: number; name: string; defects: string[] },
  needle: string,
): Promise<{ page: number; image: Buffer }[]> {
  const g = await generateCase({ ...opts, outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'cr-ink-')), forms: 'all' });
  const volume = g.truth.files.find((f) => f.form === 'volume')!;
  const bytes = new Uint8Array(fs.readFileSync(path.join(g.folder, volume.path)));
  return Promise.all(
    volume.pages
      .filter((p) => p.text.includes(needle))
      .map(async (p) => ({ page: p.page, image: (await pageImage({ kind: 'pdf', bytes }, p.page)).image })),
  );
}

beforeAll(async () => {
  engine = await OcrEngine.create({ workers: 2 });
}, 120_000);
afterAll(async () => {
  await engine?.close();
  await closePdfs();
});

describe('ink no recognised line covers', () => {
  it('brings back a signed confirmation line on every page that carries it', async () => {
    // The rules bench's case where the line was lost (seed 117).
    const pages = await volumePagesWith({ seed: 117, name: 'bench-SEARCH_PROCEDURE', defects: ['SEARCH_PROCEDURE'] }, CONFIRMATION);
    expect(pages.length).toBeGreaterThan(0);
    const read = await Promise.all(pages.map(async (p) => ({ page: p.page, text: (await engine.recognize(p.image)).text })));
    for (const r of read) expect(readExactly(r.text, CONFIRMATION), `volume page ${r.page}`).toBe(true);
  }, 240_000);

  it('does not replace a weak reading of an ID number with a wrong one', async () => {
    // The case bench's second case: its only print of this ID, read at 0.68 confidence.
    const id = '341221199407063621';
    const pages = await volumePagesWith({ seed: 901, name: 'bench-case-2', defects: [] }, id);
    expect(pages.length).toBe(1);
    const text = (await engine.recognize(pages[0]!.image)).text;
    expect(readExactly(text, id)).toBe(true);
  }, 240_000);
});
