// The hybrid's plan: tesseract's lines beside PP-OCR's detected lines. Where
// tesseract is doubtful, or found no line where the detector did (a sign-off
// under a seal, a faint line), the detected lines are read by PP-OCR and their
// reading takes the place of tesseract's; everywhere else tesseract's stands.
import { isDoubtful } from './doubt.js';
import type { Quad } from './ppocr/geometry.js';
import { rows } from './page-lines.js';
import type { BBox, WordedLine } from './types.js';

export interface DetectedLine {
  quad: Quad;
  score: number;
}

export interface CrossReadPlan {
  /** Indices of the detected lines PP-OCR reads. */
  read: number[];
  groups: Group[];
}

interface Group {
  /** Tesseract lines (indices into the flat list) the group replaces. */
  lines: number[];
  /** Detected lines (indices) read in their place. */
  boxes: number[];
}

// A detected line and a tesseract line are the same text when they overlap by
// this share of the smaller one's height and of its width.
const SAME_HEIGHT = 0.5;
const SAME_WIDTH = 0.3;
// PP-OCR readings below this confidence are noise (seal rings, specks).
const MIN_CONFIDENCE = 0.6;
// A line only PP-OCR found must be this sure and this long: seal rings read as
// two confident characters (安局) that tesseract rightly dropped.
const NEW_LINE_CONFIDENCE = 0.8;
const NEW_LINE_CHARS = 3;

export function quadBox(q: Quad): BBox {
  const xs = q.map((p) => p.x);
  const ys = q.map((p) => p.y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function sameText(a: BBox, b: BBox): boolean {
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  if (h <= 0 || w <= 0) return false;
  return h >= SAME_HEIGHT * Math.min(a[3] - a[1], b[3] - b[1]) && w >= SAME_WIDTH * Math.min(a[2] - a[0], b[2] - b[0]);
}

/**
 * Groups tesseract's lines with the detected lines they share text with
 * (connected by overlap), and reads a group's detected lines when one of its
 * tesseract lines is doubtful or it has none.
 */
export function planCrossRead(lines: readonly WordedLine[], detected: readonly DetectedLine[]): CrossReadPlan {
  const n = lines.length;
  const parent = Array.from({ length: n + detected.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const boxes = detected.map((d) => quadBox(d.quad));
  boxes.forEach((box, j) =>
    lines.forEach((line, i) => {
      if (sameText(line.bbox, box)) parent[find(n + j)] = find(i);
    }),
  );
  const byRoot = new Map<number, Group>();
  for (let k = 0; k < n + detected.length; k++) {
    const root = find(k);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = { lines: [], boxes: [] }));
    if (k < n) g.lines.push(k);
    else g.boxes.push(k - n);
  }
  const groups = [...byRoot.values()].filter(
    (g) => g.boxes.length > 0 && (g.lines.length === 0 || g.lines.some((i) => isDoubtful(lines[i] as WordedLine, 'ppocr'))),
  );
  return { read: groups.flatMap((g) => g.boxes).sort((a, b) => a - b), groups };
}

/**
 * Tesseract's lines with each read group put in place: its PP-OCR lines joined
 * into rows (cells of one table row side by side), at the place of the group's
 * first tesseract line, or by height on the page when tesseract had none.
 */
export function composeCrossRead(
  lines: readonly WordedLine[],
  detected: readonly DetectedLine[],
  plan: CrossReadPlan,
  readings: ReadonlyMap<number, WordedLine | null>,
): { lines: WordedLine[]; replaced: number; added: number } {
  const keyed: { key: number; line: WordedLine }[] = [];
  const replacedLines = new Set<number>();
  const fresh: WordedLine[] = [];
  let replaced = 0;
  for (const g of plan.groups) {
    const isFresh = g.lines.length === 0;
    const read = g.boxes
      .map((j) => readings.get(j) ?? null)
      .filter((line): line is WordedLine => line !== null && line.confidence >= (isFresh ? NEW_LINE_CONFIDENCE : MIN_CONFIDENCE))
      .filter((line) => !isFresh || countChars(line.text) >= NEW_LINE_CHARS)
      // Within a group with tesseract lines, a short reading no tesseract word lies on is a seal's ring.
      .filter(
        (line) =>
          isFresh ||
          countChars(line.text) > 2 ||
          g.lines.some((i) => (lines[i] as WordedLine).words.some((w) => overlaps(w.bbox, line.bbox))),
      );
    if (read.length === 0) continue;
    if (isFresh) {
      fresh.push(...read);
      continue;
    }
    for (const i of g.lines) replacedLines.add(i);
    replaced += g.lines.length;
    rows(read).forEach((row, k) => keyed.push({ key: Math.min(...g.lines) + k * 1e-3, line: row }));
  }
  // Lines only the detector found, joined into rows, each after the tesseract line above it.
  const added = rows(fresh);
  added.forEach((row, k) => keyed.push({ key: placeByHeight(lines, row.bbox) + 0.5 + k * 1e-3, line: row }));
  lines.forEach((line, i) => {
    if (!replacedLines.has(i)) keyed.push({ key: i, line });
  });
  keyed.sort((a, b) => a.key - b.key);
  return { lines: keyed.map((k) => k.line), replaced, added: added.length };
}

function countChars(text: string): number {
  return Array.from(text.replace(/\s/g, '')).length;
}

function overlaps(a: BBox, b: BBox): boolean {
  return Math.min(a[2], b[2]) > Math.max(a[0], b[0]) && Math.min(a[3], b[3]) > Math.max(a[1], b[1]);
}

/** Index after which a line at `box` comes: the last tesseract line whose middle is above its middle. */
function placeByHeight(lines: readonly WordedLine[], box: BBox): number {
  const mid = (box[1] + box[3]) / 2;
  let at = -1;
  lines.forEach((l, i) => {
    if ((l.bbox[1] + l.bbox[3]) / 2 < mid) at = i;
  });
  return at;
}
