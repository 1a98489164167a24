// PP-OCR text detection (DB) around the model: the input tensor (PaddleOCR
// tools/infer/predict_det.py: DetResizeForTest, NormalizeImage, ToCHWImage) and
// the post-processing of the probability map (ppocr/postprocess/db_postprocess.py).
import { clamp, connectedComponents, distance, meanInQuad, miniBox, unclipRect, boxPoints } from './geometry.js';
import type { Point, Quad } from './geometry.js';
import sharp from 'sharp';
import type { GreyImage } from './image.js';

export interface DetectOptions {
  /** The longer side is brought down to this (det_limit_type 'max'); default 960. */
  limitSide?: number;
  /** Probability above which a pixel is text; default 0.3. */
  thresh?: number;
  /** Mean probability a box must reach; default 0.6. */
  boxThresh?: number;
  /** How far the shrunk text kernel is grown back; default 1.5. */
  unclipRatio?: number;
}

// box 0.5 (RapidOCR) rather than 0.6 (PaddleOCR): a signed line of mixed print and
// handwriting scored 0.597 and was lost.
export const DETECT_DEFAULTS: Required<DetectOptions> = { limitSide: 960, thresh: 0.3, boxThresh: 0.5, unclipRatio: 1.5 };

// PaddleOCR's NormalizeImage for detection: ImageNet mean and std, scale 1/255,
// on cv2's BGR channel order.
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;
const MIN_SIZE = 3;
const MAX_CANDIDATES = 1000;

export interface DetInput {
  data: Float32Array;
  width: number;
  height: number;
}

/** DetResizeForTest (limit_type max): scale the longer side down to the limit, each side rounded to a multiple of 32. */
export function detectionSize(width: number, height: number, limitSide: number): { width: number; height: number } {
  const ratio = Math.max(width, height) > limitSide ? limitSide / Math.max(width, height) : 1;
  const w = Math.max(32, Math.round(Math.trunc(width * ratio) / 32) * 32);
  const h = Math.max(32, Math.round(Math.trunc(height * ratio) / 32) * 32);
  return { width: w, height: h };
}

/**
 * The page as the detector's NCHW float tensor (grey replicated into three
 * channels). Resized by libvips (sharp): the same as a JavaScript resampler at
 * a tenth of the time (a 200 dpi page to 512×736 in ~15 ms against 160 ms).
 */
export async function detectionInput(page: GreyImage, limitSide: number): Promise<DetInput> {
  const size = detectionSize(page.width, page.height, limitSide);
  const { data: pixels } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize(size.width, size.height, { fit: 'fill', kernel: 'linear' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const small = { data: pixels, width: size.width, height: size.height };
  const plane = size.width * size.height;
  const data = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    const mean = MEAN[c] as number;
    const std = STD[c] as number;
    const off = c * plane;
    for (let i = 0; i < plane; i++) data[off + i] = ((small.data[i] as number) / 255 - mean) / std;
  }
  return { data, width: size.width, height: size.height };
}

export interface DetectedBox {
  quad: Quad;
  score: number;
}

/**
 * DBPostProcess + filter_tag_det_res: threshold the map, take each region's
 * minimum-area rectangle, drop weak or tiny ones, grow (unclip) the rest, and
 * scale them to the page; corners ordered clockwise from top-left.
 */
export function boxesFromProbabilityMap(
  map: Float32Array,
  mapWidth: number,
  mapHeight: number,
  pageWidth: number,
  pageHeight: number,
  opts: DetectOptions = {},
): DetectedBox[] {
  const o = { ...DETECT_DEFAULTS, ...opts };
  const bitmap = new Uint8Array(map.length);
  for (let i = 0; i < map.length; i++) bitmap[i] = (map[i] as number) > o.thresh ? 1 : 0;
  const out: DetectedBox[] = [];
  for (const comp of connectedComponents(bitmap, mapWidth, mapHeight, MAX_CANDIDATES)) {
    const hullPoints: Point[] = [];
    for (const [y, l, r] of comp.rows) {
      hullPoints.push({ x: l, y });
      if (r !== l) hullPoints.push({ x: r, y });
    }
    const { box, shortSide, rect } = miniBox(hullPoints);
    if (shortSide < MIN_SIZE) continue;
    const score = meanInQuad(map, mapWidth, mapHeight, box);
    if (score < o.boxThresh) continue;
    const grown = miniBox(boxPoints(unclipRect(rect, o.unclipRatio)));
    if (grown.shortSide < MIN_SIZE + 2) continue;
    const sx = pageWidth / mapWidth;
    const sy = pageHeight / mapHeight;
    const scaled = grown.box.map((p) => ({
      x: clamp(Math.round(p.x * sx), 0, pageWidth),
      y: clamp(Math.round(p.y * sy), 0, pageHeight),
    }));
    const quad = orderClockwise(scaled).map((p) => ({
      x: clamp(Math.trunc(p.x), 0, pageWidth - 1),
      y: clamp(Math.trunc(p.y), 0, pageHeight - 1),
    })) as Quad;
    if (Math.trunc(distance(quad[0], quad[1])) <= 3 || Math.trunc(distance(quad[0], quad[3])) <= 3) continue;
    out.push({ quad, score });
  }
  return out;
}

/** order_points_clockwise: the two leftmost points give top-left and bottom-left, the others the right side. */
export function orderClockwise(pts: readonly Point[]): Quad {
  const xs = pts.slice().sort((a, b) => a.x - b.x);
  const left = xs.slice(0, 2).sort((a, b) => a.y - b.y);
  const right = xs.slice(2).sort((a, b) => a.y - b.y);
  return [left[0] as Point, right[0] as Point, right[1] as Point, left[1] as Point];
}

/**
 * sorted_boxes (tools/infer/predict_system.py): by top edge, then left to right
 * among boxes whose tops lie within 10 px of each other.
 */
export function readingOrder<T extends { quad: Quad }>(boxes: readonly T[]): T[] {
  const sorted = boxes.slice().sort((a, b) => a.quad[0].y - b.quad[0].y || a.quad[0].x - b.quad[0].x);
  for (let i = 0; i < sorted.length - 1; i++) {
    for (let j = i; j >= 0; j--) {
      const a = sorted[j] as T;
      const b = sorted[j + 1] as T;
      if (Math.abs(b.quad[0].y - a.quad[0].y) < 10 && b.quad[0].x < a.quad[0].x) {
        sorted[j] = b;
        sorted[j + 1] = a;
      } else break;
    }
  }
  return sorted;
}
