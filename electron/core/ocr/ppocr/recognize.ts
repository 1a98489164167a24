// PP-OCR text recognition (SVTR-LCNet, CTC head) around the model: crops
// resized to height 48 and batched by aspect ratio (tools/infer/predict_rec.py,
// RapidOCR ch_ppocr_rec), CTC decoding (ppocr/postprocess/rec_postprocess.py
// CTCLabelDecode), and each character's box from the time steps that emitted
// it, mapped back through the crop's quad to the page (RapidOCR cal_rec_boxes).
import type { Point, Quad } from './geometry.js';
import { quadSize, readingCorners, sampleQuad } from './image.js';
import type { GreyImage } from './image.js';

export const REC_HEIGHT = 48;
/** The recognizer's base width: batches are at least 320/48 wide per unit of height. */
export const REC_BASE_RATIO = 320 / 48;
// Batches of six (the reference) cost more per pixel here than one line at a time
// (measured: 189 against 150 µs per pixel at width 1600) and twice the memory.
export const REC_BATCH = 1;
export const CLS_HEIGHT = 48;
export const CLS_WIDTH = 192;
/** The line classifier's verdict needed to turn a line over (cls_thresh). */
export const CLS_THRESHOLD = 0.9;

/** A line crop upright at the recognizer's height, and the width its content fills (the rest is padding). */
export interface LineCrop {
  image: GreyImage;
  quad: Quad;
}

/** The line at height 48 and its own width (the reference's crop then resize_norm_img, before padding). */
export function cropLine(page: GreyImage, quad: Quad, squeeze = 1, maxRatio = 40): LineCrop {
  const corners = readingCorners(quad);
  const { width, height } = quadSize(corners);
  const ratio = Math.min(maxRatio, Math.max(0.1, (width / Math.max(1, height)) * squeeze));
  const w = Math.max(1, Math.ceil(REC_HEIGHT * ratio));
  return { image: sampleQuad(page, corners, w, REC_HEIGHT), quad: corners };
}

/** Batches of up to `size` crops, narrowest first (the reference sorts by aspect ratio so padding is small). */
export function batchesByWidth(crops: readonly { image: GreyImage }[], size = REC_BATCH): number[][] {
  const order = crops
    .map((_, i) => i)
    .sort((a, b) => (crops[a] as { image: GreyImage }).image.width - (crops[b] as { image: GreyImage }).image.width);
  const out: number[][] = [];
  for (let i = 0; i < order.length; i += size) out.push(order.slice(i, i + size));
  return out;
}

/** NCHW tensor data for a batch: each crop normalised ((x/255 − 0.5)/0.5) and right-padded with zeros. */
export function recognitionInput(images: readonly GreyImage[]): { data: Float32Array; width: number } {
  const maxWidth = Math.max(...images.map((i) => i.width));
  const width = Math.max(Math.ceil(REC_HEIGHT * REC_BASE_RATIO), maxWidth);
  const plane = REC_HEIGHT * width;
  const data = new Float32Array(images.length * 3 * plane);
  images.forEach((img, b) => {
    for (let y = 0; y < REC_HEIGHT; y++) {
      for (let x = 0; x < img.width; x++) {
        const v = (img.data[y * img.width + x] as number) / 127.5 - 1;
        const o = b * 3 * plane + y * width + x;
        data[o] = v;
        data[o + plane] = v;
        data[o + 2 * plane] = v;
      }
    }
  });
  return { data, width };
}

/** The classifier's input: each crop at height 48, at most 192 wide, padded. */
export function classifierInput(images: readonly GreyImage[]): Float32Array {
  const plane = CLS_HEIGHT * CLS_WIDTH;
  const data = new Float32Array(images.length * 3 * plane);
  images.forEach((img, b) => {
    const w = Math.min(CLS_WIDTH, Math.ceil(CLS_HEIGHT * (img.width / img.height)));
    const small = sampleQuad(
      img,
      [
        { x: 0, y: 0 },
        { x: img.width, y: 0 },
        { x: img.width, y: img.height },
        { x: 0, y: img.height },
      ],
      w,
      CLS_HEIGHT,
    );
    for (let y = 0; y < CLS_HEIGHT; y++) {
      for (let x = 0; x < w; x++) {
        const v = (small.data[y * w + x] as number) / 127.5 - 1;
        const o = b * 3 * plane + y * CLS_WIDTH + x;
        data[o] = v;
        data[o + plane] = v;
        data[o + 2 * plane] = v;
      }
    }
  });
  return data;
}

export interface DecodedChar {
  text: string;
  confidence: number;
  /** Time steps [first, last] that emitted it (repeats merged). */
  from: number;
  to: number;
}
export interface DecodedLine {
  text: string;
  confidence: number;
  chars: DecodedChar[];
  steps: number;
}

/**
 * Greedy CTC decoding of one line's [steps × classes] probabilities: the best
 * class per step, repeats merged, blanks (class 0) dropped. Classes are blank,
 * the dictionary, then a space. Confidence is the mean of the kept steps' probabilities.
 */
export function ctcDecode(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[], offset = 0): DecodedLine {
  const chars: DecodedChar[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const base = offset + t * classes;
    let best = 0;
    let bestP = probs[base] as number;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c] as number;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best === prev) {
      const last = chars[chars.length - 1];
      if (last) last.to = t;
    } else if (best !== 0) {
      chars.push({ text: classText(best, dictionary), confidence: bestP, from: t, to: t });
    }
    prev = best;
  }
  const confidence = chars.length === 0 ? 0 : chars.reduce((s, c) => s + c.confidence, 0) / chars.length;
  return { text: chars.map((c) => c.text).join(''), confidence, chars, steps };
}

function classText(index: number, dictionary: readonly string[]): string {
  return index - 1 < dictionary.length ? (dictionary[index - 1] as string) : ' ';
}

export interface CharBox {
  text: string;
  confidence: number;
  bbox: [number, number, number, number];
}

/**
 * Each character's box on the page. A character sits at the centre of the time
 * steps that emitted it; its width is the line's typical spacing between
 * characters (capped by its neighbours' centres), as RapidOCR's cal_rec_boxes
 * does. `fill` is the share of the padded input the crop's content filled.
 */
export function characterBoxes(line: DecodedLine, quad: Quad, fill: number): CharBox[] {
  const chars = line.chars.filter((c) => c.text.trim().length > 0);
  if (chars.length === 0 || line.steps === 0) return [];
  // Position along the crop, 0..1, of a time step's centre.
  const at = (t: number): number => Math.min(1, Math.max(0, (t + 0.5) / line.steps / fill));
  const centres = chars.map((c) => at((c.from + c.to) / 2));
  const gaps: number[] = [];
  for (let i = 1; i < centres.length; i++) gaps.push((centres[i] as number) - (centres[i - 1] as number));
  gaps.sort((a, b) => a - b);
  const { width, height } = quadSize(quad);
  // One character is about as wide as the line is high (a Han character's em box).
  const fallback = width > 0 ? height / width : 0.05;
  const pitch = gaps.length > 0 ? Math.min(gaps[Math.floor(gaps.length / 2)] as number, fallback * 1.3) : fallback;
  return chars.map((c, i) => {
    const centre = centres[i] as number;
    // Latin letters and digits are about half as wide as a Han character.
    const half = ((c.text.codePointAt(0) ?? 0) < 0x100 ? pitch * 0.55 : pitch) / 2;
    const prev = i > 0 ? ((centres[i - 1] as number) + centre) / 2 : 0;
    const next = i < centres.length - 1 ? ((centres[i + 1] as number) + centre) / 2 : 1;
    const u0 = Math.max(prev, centre - half, 0);
    const u1 = Math.min(next, centre + half, 1);
    const corners = [pointOn(quad, u0, 0), pointOn(quad, u1, 0), pointOn(quad, u1, 1), pointOn(quad, u0, 1)];
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    return {
      text: c.text,
      confidence: c.confidence,
      bbox: [Math.round(Math.min(...xs)), Math.round(Math.min(...ys)), Math.round(Math.max(...xs)), Math.round(Math.max(...ys))],
    };
  });
}

/** A point of the quad at (u across, v down), both 0..1, by bilinear interpolation of its corners. */
function pointOn(q: Quad, u: number, v: number): Point {
  const top = { x: q[0].x + (q[1].x - q[0].x) * u, y: q[0].y + (q[1].y - q[0].y) * u };
  const bottom = { x: q[3].x + (q[2].x - q[3].x) * u, y: q[3].y + (q[2].y - q[3].y) * u };
  return { x: top.x + (bottom.x - top.x) * v, y: top.y + (bottom.y - top.y) * v };
}
