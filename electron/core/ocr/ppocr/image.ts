// Grey images as the PP-OCR models are fed: resized pages for detection and
// line crops warped upright from their quadrilaterals (the reference's
// get_rotate_crop_image: perspective warp to the quad's own size, then resized
// to the recognizer's height) in one sampling step.
import { applyHomography, distance, perspectiveTransform } from './geometry.js';
import type { Point, Quad } from './geometry.js';

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Samples the quad of `src` (corners top-left, top-right, bottom-right,
 * bottom-left) into a `width`×`height` image. Bilinear, averaged over the
 * output pixel's footprint when shrinking (so thin strokes survive a large
 * reduction), edge pixels replicated outside the image (BORDER_REPLICATE).
 */
export function sampleQuad(src: GreyImage, quad: readonly Point[], width: number, height: number): GreyImage {
  const out = new Uint8Array(width * height);
  const rect: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const h = perspectiveTransform(rect, quad);
  const [q0, q1, q2, q3] = quad as [Point, Point, Point, Point];
  const scaleX = Math.max(distance(q0, q1), distance(q3, q2)) / width;
  const scaleY = Math.max(distance(q0, q3), distance(q1, q2)) / height;
  const sx = Math.max(1, Math.min(4, Math.ceil(scaleX)));
  const sy = Math.max(1, Math.min(4, Math.ceil(scaleY)));
  const { data, width: W, height: H } = src;
  const affine = Math.abs(h[6] as number) < 1e-12 && Math.abs(h[7] as number) < 1e-12;
  const at = (x: number, y: number): number => {
    // pixel centres: output (x, y) is the area [x, x+1); source pixel i covers [i, i+1)
    const fx = Math.min(W - 1, Math.max(0, x - 0.5));
    const fy = Math.min(H - 1, Math.max(0, y - 0.5));
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const x1 = Math.min(W - 1, x0 + 1);
    const y1 = Math.min(H - 1, y0 + 1);
    const ax = fx - x0;
    const ay = fy - y0;
    const r0 = y0 * W;
    const r1 = y1 * W;
    const top = (data[r0 + x0] as number) * (1 - ax) + (data[r0 + x1] as number) * ax;
    const bottom = (data[r1 + x0] as number) * (1 - ax) + (data[r1 + x1] as number) * ax;
    return top * (1 - ay) + bottom * ay;
  };
  const n = sx * sy;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < sy; j++) {
        const oy = y + (j + 0.5) / sy;
        for (let i = 0; i < sx; i++) {
          const ox = x + (i + 0.5) / sx;
          let px: number;
          let py: number;
          if (affine) {
            px = (h[0] as number) * ox + (h[1] as number) * oy + (h[2] as number);
            py = (h[3] as number) * ox + (h[4] as number) * oy + (h[5] as number);
          } else {
            const p = applyHomography(h, { x: ox, y: oy });
            px = p.x;
            py = p.y;
          }
          sum += at(px, py);
        }
      }
      out[y * width + x] = Math.round(sum / n);
    }
  }
  return { data: out, width, height };
}

export function resizeGrey(src: GreyImage, width: number, height: number): GreyImage {
  return sampleQuad(
    src,
    [
      { x: 0, y: 0 },
      { x: src.width, y: 0 },
      { x: src.width, y: src.height },
      { x: 0, y: src.height },
    ],
    width,
    height,
  );
}

/** A quad's size as the reference measures a crop: the longer of each pair of opposite sides. */
export function quadSize(quad: Quad): { width: number; height: number } {
  return {
    width: Math.max(distance(quad[0], quad[1]), distance(quad[3], quad[2])),
    height: Math.max(distance(quad[0], quad[3]), distance(quad[1], quad[2])),
  };
}

/**
 * Corners of the quad as the crop reads it: a crop at least 1.5 times as tall as
 * wide is a column of text, turned (np.rot90, counter-clockwise) to read across.
 */
export function readingCorners(quad: Quad): Quad {
  const { width, height } = quadSize(quad);
  if (height >= width * 1.5) return [quad[1], quad[2], quad[3], quad[0]];
  return quad;
}

export function rotate180(img: GreyImage): GreyImage {
  const out = new Uint8Array(img.data.length);
  for (let i = 0, j = img.data.length - 1; i < img.data.length; i++, j--) out[i] = img.data[j] as number;
  return { data: out, width: img.width, height: img.height };
}

export function axisQuad(x0: number, y0: number, x1: number, y1: number): Quad {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}
