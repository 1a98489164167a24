// Lines tesseract drops as picture: the sign-off (organ and date) under a
// seal on a grey scan, where red ink cannot be told from black. Found as ink
// that no recognised line covers, to be read again with a darker threshold.
import sharp from 'sharp';
import type { BBox } from './engine.js';
import { paperLevel } from './preprocess.js';
import type { PreparedPage } from './preprocess.js';

// The ink mask is computed at a quarter of the page size: fast, and specks vanish.
const MASK_SCALE = 4;

export interface InkBand {
  region: { left: number; top: number; width: number; height: number };
  /**
   * Grey level below which a pixel is print, not seal: set for dark ink, which may be
   * a grey seal over a sign-off. Unset for ink too thin to be a seal (handwriting),
   * which a darker threshold would only break up.
   */
  threshold?: number;
}

// Share of the paper's level below which a quarter-size pixel is dark ink (print, a
// seal), and light ink: thin handwriting averages light at a quarter of the size, and
// at the dark level a signed 以上笔录我看过 line between two printed ones vanished.
const DARK_INK = 0.55;
const LIGHT_INK = 0.75;

type Region = InkBand['region'];

/**
 * `covers` hide dark ink: the confident lines (a seal's ring read as weak nonsense
 * must not hide the sign-off under it). Light ink is looked for only where no line
 * at all was read (`readLines`): it is a line tesseract dropped, not one it misread.
 */
export async function uncoveredInkBands(
  page: PreparedPage,
  covers: readonly { bbox: BBox }[],
  readLines: readonly { bbox: BBox }[] = covers,
): Promise<InkBand[]> {
  // A copy: rules are erased from it.
  const full = Buffer.from(page.grey);
  const paper = paperLevel(full);
  // Table rules and box borders are ink that no text line covers; they are not text either.
  eraseRules(full, page.width, page.height, paper * DARK_INK);
  const width = Math.max(1, Math.round(page.width / MASK_SCALE));
  const { data, info } = await sharp(full, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize({ width })
    .median(3)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mask = { data, w: info.width, h: info.height, covered: coveredMask(covers, info.width, info.height) };
  const dark = inkRegions(mask, paper * DARK_INK, page);
  // Light bands that a dark one already holds are the same ink, read once, as dark.
  const light = inkRegions({ ...mask, covered: coveredMask(readLines, info.width, info.height) }, paper * LIGHT_INK, page).filter(
    (r) => !dark.some((d) => overlapShare(box(r), box(d)) > 0),
  );
  return [...dark.map((region) => ({ region, threshold: Math.round(paper * 0.42) })), ...light.map((region) => ({ region }))];
}

function box(r: Region): BBox {
  return [r.left, r.top, r.left + r.width, r.top + r.height];
}

function coveredMask(covers: readonly { bbox: BBox }[], w: number, h: number): Uint8Array {
  const covered = new Uint8Array(w * h);
  for (const { bbox } of covers) {
    const pad = (bbox[3] - bbox[1]) * 0.3;
    const x0 = Math.max(0, Math.floor((bbox[0] - pad) / MASK_SCALE));
    const x1 = Math.min(w - 1, Math.ceil((bbox[2] + pad) / MASK_SCALE));
    const y0 = Math.max(0, Math.floor((bbox[1] - pad) / MASK_SCALE));
    const y1 = Math.min(h - 1, Math.ceil((bbox[3] + pad) / MASK_SCALE));
    for (let y = y0; y <= y1; y++) covered.fill(1, y * w + x0, y * w + x1 + 1);
  }
  return covered;
}

/** Bands of rows holding uncovered ink darker than `ink`, as regions of the page. */
function inkRegions(
  mask: { data: Buffer; w: number; h: number; covered: Uint8Array },
  ink: number,
  page: { width: number; height: number },
): Region[] {
  const { data, w, h, covered } = mask;
  // Scan borders and skew wedges are dark but not text.
  const marginX = Math.round(w * 0.04);
  const marginY = Math.round(h * 0.03);
  const rowInk = new Array<number>(h).fill(0);
  const rowMin = new Array<number>(h).fill(w);
  const rowMax = new Array<number>(h).fill(-1);
  for (let y = marginY; y < h - marginY; y++) {
    for (let x = marginX; x < w - marginX; x++) {
      const i = y * w + x;
      if (covered[i] === 0 && (data[i] as number) < ink) {
        rowInk[y] = (rowInk[y] as number) + 1;
        if (x < (rowMin[y] as number)) rowMin[y] = x;
        if (x > (rowMax[y] as number)) rowMax[y] = x;
      }
    }
  }
  const regions: Region[] = [];
  let start = -1;
  let gap = 0;
  const close = (end: number): void => {
    const rows = end - start + 1;
    let left = w;
    let right = -1;
    let total = 0;
    for (let y = start; y <= end; y++) {
      if ((rowInk[y] as number) > 0) {
        left = Math.min(left, rowMin[y] as number);
        right = Math.max(right, rowMax[y] as number);
        total += rowInk[y] as number;
      }
    }
    // A line of print at 200 dpi is about ten mask rows tall.
    if (rows < 6 || total < 40 || right < left) return;
    const pad = 3;
    const x0 = Math.max(0, left - pad) * MASK_SCALE;
    const y0 = Math.max(0, start - pad) * MASK_SCALE;
    const x1 = Math.min(page.width, (right + pad + 1) * MASK_SCALE);
    const y1 = Math.min(page.height, (end + pad + 1) * MASK_SCALE);
    regions.push({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 });
  };
  for (let y = 0; y < h; y++) {
    if ((rowInk[y] as number) >= 2) {
      if (start < 0) start = y;
      gap = 0;
    } else if (start >= 0 && ++gap > 4) {
      close(y - gap);
      start = -1;
      gap = 0;
    }
  }
  if (start >= 0) close(h - 1);
  return regions;
}

/**
 * Paint long straight runs of ink (rules, borders, underlines) as paper. At
 * full resolution no stroke of a character runs this long.
 */
function eraseRules(grey: Buffer, w: number, h: number, ink: number): void {
  const across = Math.max(120, Math.round(w * 0.08));
  const down = Math.max(90, Math.round(h * 0.04));
  const rule = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let run = 0;
    const row = y * w;
    for (let x = 0; x <= w; x++) {
      if (x < w && (grey[row + x] as number) < ink) {
        run++;
        continue;
      }
      if (run >= across) rule.fill(1, row + x - run, row + x);
      run = 0;
    }
  }
  // Down the columns, row after row (memory order): one run counter per column.
  const runs = new Uint32Array(w);
  for (let y = 0; y <= h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (y < h && (grey[row + x] as number) < ink) {
        runs[x] = (runs[x] as number) + 1;
        continue;
      }
      const run = runs[x] as number;
      if (run >= down) for (let k = y - run; k < y; k++) rule[k * w + x] = 1;
      runs[x] = 0;
    }
  }
  for (let i = 0; i < rule.length; i++) if (rule[i] === 1) grey[i] = 255;
}

/** Share of `a`'s area that `b` covers. */
export function overlapShare(a: BBox, b: BBox): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const area = (a[2] - a[0]) * (a[3] - a[1]);
  return w <= 0 || h <= 0 || area <= 0 ? 0 : (w * h) / area;
}
