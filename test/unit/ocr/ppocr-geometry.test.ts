// PP-OCR's detection post-processing, ported from PaddleOCR's DBPostProcess,
// on synthetic probability maps, and the geometry under it.
import { describe, expect, it } from 'vitest';
import { boxesFromProbabilityMap, detectionSize, orderClockwise, readingOrder } from '../../../electron/core/ocr/ppocr/detect.js';
import {
  applyHomography,
  connectedComponents,
  minAreaRect,
  perspectiveTransform,
  unclipRect,
} from '../../../electron/core/ocr/ppocr/geometry.js';
import type { Quad } from '../../../electron/core/ocr/ppocr/geometry.js';

/** A map of zeros with the given rectangles (x0, y0, x1, y1 inclusive) at `p`. */
function mapWith(width: number, height: number, rects: [number, number, number, number, number][]): Float32Array {
  const map = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) map[y * width + x] = p;
  return map;
}

describe('DB post-processing', () => {
  it('finds each text kernel, grows it by area×1.5/perimeter and scales it to the page', () => {
    // Two lines in a 200×100 map of a 400×200 page: kernels 100×10 and 40×8 px.
    const map = mapWith(200, 100, [
      [20, 20, 120, 30, 0.9],
      [30, 60, 70, 68, 0.8],
    ]);
    const boxes = boxesFromProbabilityMap(map, 200, 100, 400, 200, { boxThresh: 0.6, unclipRatio: 1.5 });
    expect(boxes).toHaveLength(2);
    // Pixel centres 20..120 × 20..30: a 100×10 rectangle; d = 100·10·1.5 / 220 ≈ 6.82.
    const d = (100 * 10 * 1.5) / 220;
    const [first] = readingOrder(boxes);
    const q = first!.quad;
    expect(q[0].x).toBeCloseTo(Math.round((20 - d) * 2), -1);
    expect(q[0].y).toBeCloseTo(Math.round((20 - d) * 2), -1);
    expect(q[2].x).toBeCloseTo(Math.round((120 + d) * 2), -1);
    expect(q[2].y).toBeCloseTo(Math.round((30 + d) * 2), -1);
    expect(first!.score).toBeCloseTo(0.9, 5);
  });

  it('drops kernels below the box threshold and those thinner than three pixels', () => {
    const map = mapWith(200, 100, [
      [20, 20, 120, 30, 0.45],
      [20, 60, 120, 61, 0.95],
    ]);
    expect(boxesFromProbabilityMap(map, 200, 100, 200, 100, { boxThresh: 0.5 })).toHaveLength(0);
  });

  it('orders lines top to bottom, and left to right within 10 px of height', () => {
    const box = (x: number, y: number): { quad: Quad } => ({
      quad: [
        { x, y },
        { x: x + 10, y },
        { x: x + 10, y: y + 5 },
        { x, y: y + 5 },
      ],
    });
    const sorted = readingOrder([box(100, 52), box(10, 50), box(10, 10), box(50, 55)]);
    expect(sorted.map((b) => b.quad[0].x)).toEqual([10, 10, 50, 100]);
  });

  it('resizes the page for the detector to multiples of 32 under the side limit', () => {
    expect(detectionSize(1654, 2339, 736)).toEqual({ width: 512, height: 736 });
    expect(detectionSize(400, 300, 960)).toEqual({ width: 416, height: 288 });
  });
});

describe('geometry', () => {
  it('finds the minimum-area rectangle of a rotated rectangle', () => {
    const a = Math.PI / 6;
    const pts = [];
    for (let u = 0; u <= 40; u++)
      for (const v of [0, 10]) pts.push({ x: 100 + u * Math.cos(a) - v * Math.sin(a), y: 50 + u * Math.sin(a) + v * Math.cos(a) });
    const r = minAreaRect(pts);
    expect(Math.max(r.width, r.height)).toBeCloseTo(40, 5);
    expect(Math.min(r.width, r.height)).toBeCloseTo(10, 5);
  });

  it('labels 8-connected components, a diagonal touch joining them', () => {
    const bitmap = new Uint8Array(5 * 5);
    bitmap[0] = 1;
    bitmap[6] = 1;
    bitmap[24] = 1;
    const comps = connectedComponents(bitmap, 5, 5);
    expect(comps.map((c) => c.area).sort()).toEqual([1, 2]);
  });

  it('grows a rectangle by area·ratio/perimeter on each side (the unclip offset)', () => {
    const r = unclipRect({ center: { x: 0, y: 0 }, width: 100, height: 10, angle: 0 }, 1.5);
    expect(r.width).toBeCloseTo(100 + 2 * (1500 / 220), 6);
    expect(r.height).toBeCloseTo(10 + 2 * (1500 / 220), 6);
  });

  it('maps corners with the perspective transform and orders them clockwise', () => {
    const src = [
      { x: 10, y: 10 },
      { x: 110, y: 20 },
      { x: 105, y: 70 },
      { x: 5, y: 60 },
    ];
    const dst = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
      { x: 0, y: 50 },
    ];
    const h = perspectiveTransform(src, dst);
    src.forEach((p, i) => {
      const m = applyHomography(h, p);
      expect(m.x).toBeCloseTo(dst[i]!.x, 6);
      expect(m.y).toBeCloseTo(dst[i]!.y, 6);
    });
    expect(orderClockwise([src[2]!, src[0]!, src[3]!, src[1]!])).toEqual(src);
  });
});
