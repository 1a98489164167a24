// Which way a page's lines run, judged from its ink in a few milliseconds, so
// that a page scanned on its side or upside down is turned before the
// expensive reading instead of after a wasted one.
import sharp from 'sharp';
import { paperLevel } from './preprocess.js';
import type { Rotation } from './preprocess.js';

/** The guess, to be checked by reading: `sideways` is 90 or 270, which the ink alone cannot tell. */
export type OrientationGuess = 'upright' | 'upside-down' | 'sideways' | 'unknown';

export interface LineLayout {
  guess: OrientationGuess;
  /** Rotations worth reading, most likely first; the others are left to the confidence check. */
  candidates: Rotation[];
}

// The layout is judged at a quarter of the page's size: lines stay apart, specks fade.
const SCALE = 4;
// Share of blank rows (or columns) between the first and last inked one by
// which one direction must beat the other. Measured on generated 200 dpi
// volumes (3 seeds, moderate and heavy noise): upright pages 0.11–0.45 ahead
// in rows, pages on their side 0.31–0.77 ahead in columns.
const DIRECTION_MARGIN = 0.15;
// Lines whose left (or right) edge lies this near the common margin, in mask pixels.
const EDGE_TOLERANCE = 3;
// Upright case papers align their short lines (labels, paragraph ends) on the
// left and only the sign-off on the right; turned over, the right edge is the
// aligned one. Measured: turned pages 4–18 aligned on the right against 1–3
// on the left; upright pages never more than one line ahead on the right.
const TURNED_OVER_LEAD = 3;
const TURNED_OVER_MIN_LINES = 4;

export async function lineLayout(page: { grey: Buffer; width: number; height: number }): Promise<LineLayout> {
  const { data, info } = await sharp(page.grey, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize({ width: Math.max(1, Math.round(page.width / SCALE)) })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = info.width;
  const h = info.height;
  const ink = paperLevel(data, w * h) * 0.7;
  // Scan borders are dark but not text.
  const mx = Math.round(w * 0.04);
  const my = Math.round(h * 0.03);
  const rows = new Uint32Array(h);
  const cols = new Uint32Array(w);
  for (let y = my; y < h - my; y++) {
    const row = y * w;
    for (let x = mx; x < w - mx; x++) {
      if ((data[row + x] as number) < ink) {
        rows[y] = (rows[y] as number) + 1;
        cols[x] = (cols[x] as number) + 1;
      }
    }
  }
  const rowBlank = blankShare(rows);
  const colBlank = blankShare(cols);
  if (colBlank >= rowBlank + DIRECTION_MARGIN) return { guess: 'sideways', candidates: [90, 270] };
  if (rowBlank < colBlank + DIRECTION_MARGIN) return { guess: 'unknown', candidates: [0, 90, 180, 270] };

  // Lines run across: upright or turned over. Compare how many lines share the left edge and the right.
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const [top, bottom] of inkBands(rows)) {
    let left = w;
    let right = -1;
    for (let y = top; y < bottom; y++) {
      const row = y * w;
      for (let x = mx; x < w - mx; x++) {
        if ((data[row + x] as number) < ink) {
          if (x < left) left = x;
          if (x > right) right = x;
        }
      }
    }
    if (right > left) {
      lefts.push(left);
      rights.push(right);
    }
  }
  const alignedLeft = lefts.length === 0 ? 0 : lefts.filter((x) => x - Math.min(...lefts) <= EDGE_TOLERANCE).length;
  const alignedRight = rights.length === 0 ? 0 : rights.filter((x) => Math.max(...rights) - x <= EDGE_TOLERANCE).length;
  const turnedOver = alignedRight >= TURNED_OVER_MIN_LINES && alignedRight >= alignedLeft + TURNED_OVER_LEAD;
  return turnedOver ? { guess: 'upside-down', candidates: [180, 0] } : { guess: 'upright', candidates: [0, 180] };
}

/** Share of empty lines of the profile between its first and last inked one. */
function blankShare(profile: Uint32Array): number {
  let first = 0;
  while (first < profile.length && profile[first] === 0) first++;
  let last = profile.length - 1;
  while (last > first && profile[last] === 0) last--;
  if (first >= profile.length) return 0;
  let blank = 0;
  // One stray mark in a gap does not fill it.
  for (let i = first; i <= last; i++) if ((profile[i] as number) <= 1) blank++;
  return blank / (last - first + 1);
}

/** Runs of inked rows: the page's lines. */
function inkBands(rows: Uint32Array): [number, number][] {
  const bands: [number, number][] = [];
  let start = -1;
  for (let y = 0; y <= rows.length; y++) {
    const inked = y < rows.length && (rows[y] as number) > 1;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      if (y - start >= 3) bands.push([start, y]);
      start = -1;
    }
  }
  return bands;
}
