// Plane geometry for PP-OCR's detection post-processing and line crops: what
// the reference pipeline (PaddleOCR tools/infer, RapidOCR) takes from OpenCV
// (findContours, minAreaRect, boxPoints, getPerspectiveTransform) and from
// pyclipper (the unclip offset), in plain TypeScript.

export interface Point {
  x: number;
  y: number;
}
/** Four corners: top-left, top-right, bottom-right, bottom-left (image coordinates, y down). */
export type Quad = [Point, Point, Point, Point];

export interface Component {
  /** Pixel count. */
  area: number;
  /** Per row of the component: [y, leftmost x, rightmost x]; enough for its convex hull. */
  rows: [number, number, number][];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * 8-connected components of a binary map. The DB reference takes the outer
 * contours of `findContours(RETR_LIST)` and only ever uses their minimum-area
 * rectangle, which depends on the contour's convex hull alone: the hull of a
 * component's pixel centres is the hull of its leftmost and rightmost pixel
 * per row, so those are all that is kept.
 */
export function connectedComponents(bitmap: Uint8Array, width: number, height: number, maxComponents = 1000): Component[] {
  const label = new Int32Array(width * height);
  const out: Component[] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < bitmap.length; start++) {
    if (!bitmap[start] || label[start]) continue;
    if (out.length >= maxComponents) break;
    next++;
    label[start] = next;
    stack.push(start);
    const rowSpan = new Map<number, [number, number]>();
    let area = 0;
    let x0 = width,
      y0 = height,
      x1 = -1,
      y1 = -1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      const x = i % width;
      const y = (i - x) / width;
      area++;
      const span = rowSpan.get(y);
      if (!span) rowSpan.set(y, [x, x]);
      else {
        if (x < span[0]) span[0] = x;
        if (x > span[1]) span[1] = x;
      }
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if ((dx === 0 && dy === 0) || nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (bitmap[j] && !label[j]) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    const rows = [...rowSpan.entries()].sort((a, b) => a[0] - b[0]).map(([y, [l, r]]): [number, number, number] => [y, l, r]);
    out.push({ area, rows, x0, y0, x1, y1 });
  }
  return out;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in y-up terms; collinear points dropped. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = points.slice().sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length <= 2) return pts;
  const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as Point;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

export interface RotatedRect {
  center: Point;
  width: number;
  height: number;
  /** radians */ angle: number;
}

/**
 * The minimum-area enclosing rectangle (OpenCV's minAreaRect): one side of the
 * best rectangle lies on an edge of the convex hull (rotating calipers).
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = convexHull(points);
  if (hull.length === 0) return { center: { x: 0, y: 0 }, width: 0, height: 0, angle: 0 };
  if (hull.length === 1) return { center: { ...(hull[0] as Point) }, width: 0, height: 0, angle: 0 };
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i] as Point;
    const b = hull[(i + 1) % hull.length] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let minU = Infinity,
      maxU = -Infinity,
      minV = Infinity,
      maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { center: { x: cu * ux - cv * uy, y: cu * uy + cv * ux }, width: maxU - minU, height: maxV - minV, angle: Math.atan2(uy, ux) };
    }
  }
  return best ?? { center: { ...(hull[0] as Point) }, width: 0, height: 0, angle: 0 };
}

/** The rectangle's four corners (OpenCV's boxPoints), in no particular order. */
export function boxPoints(r: RotatedRect): Point[] {
  const c = Math.cos(r.angle);
  const s = Math.sin(r.angle);
  const hw = r.width / 2;
  const hh = r.height / 2;
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => ({
    x: r.center.x + (u as number) * c - (v as number) * s,
    y: r.center.y + (u as number) * s + (v as number) * c,
  }));
}

/**
 * The reference's get_mini_boxes: the minimum-area rectangle's corners ordered
 * top-left, top-right, bottom-right, bottom-left, and its shorter side.
 */
export function miniBox(points: readonly Point[]): { box: Quad; shortSide: number; rect: RotatedRect } {
  const rect = minAreaRect(points);
  const pts = boxPoints(rect).sort((a, b) => a.x - b.x);
  const [p0, p1, p2, p3] = pts as [Point, Point, Point, Point];
  const [tl, bl] = p1.y > p0.y ? [p0, p1] : [p1, p0];
  const [tr, br] = p3.y > p2.y ? [p2, p3] : [p3, p2];
  return { box: [tl, tr, br, bl], shortSide: Math.min(rect.width, rect.height), rect };
}

/**
 * The reference's unclip: pyclipper's round-joined offset of the box by
 * area·ratio/perimeter, whose minimum-area rectangle is then taken. For a
 * rectangle the offset is that rectangle grown by d on every side with rounded
 * corners, and the minimum-area rectangle of a rounded rectangle is the grown
 * rectangle itself: so the offset is computed exactly, without Clipper.
 */
export function unclipRect(rect: RotatedRect, ratio: number): RotatedRect {
  const perimeter = 2 * (rect.width + rect.height);
  if (perimeter === 0) return rect;
  const d = (rect.width * rect.height * ratio) / perimeter;
  return { ...rect, width: rect.width + 2 * d, height: rect.height + 2 * d };
}

/** Mean of `map` over the pixels inside the convex quad (the reference's box_score_fast). */
export function meanInQuad(map: Float32Array, width: number, height: number, quad: readonly Point[]): number {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const xmin = clamp(Math.floor(Math.min(...xs)), 0, width - 1);
  const xmax = clamp(Math.ceil(Math.max(...xs)), 0, width - 1);
  const ymin = clamp(Math.floor(Math.min(...ys)), 0, height - 1);
  const ymax = clamp(Math.ceil(Math.max(...ys)), 0, height - 1);
  // Winding sign of the quad, so "inside" is the same side of every edge.
  let area = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    area += a.x * b.y - b.x * a.y;
  }
  const sign = area >= 0 ? 1 : -1;
  let sum = 0;
  let n = 0;
  for (let y = ymin; y <= ymax; y++) {
    for (let x = xmin; x <= xmax; x++) {
      let inside = true;
      for (let i = 0; i < quad.length && inside; i++) {
        const a = quad[i] as Point;
        const b = quad[(i + 1) % quad.length] as Point;
        // Half a pixel of tolerance: fillPoly paints the pixels the outline passes through.
        const cross = ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x)) * sign;
        if (cross < -0.5 * Math.hypot(b.x - a.x, b.y - a.y)) inside = false;
      }
      if (inside) {
        sum += map[y * width + x] as number;
        n++;
      }
    }
  }
  return n === 0 ? 0 : sum / n;
}

/** The 3×3 homography taking `src` corners to `dst` corners (OpenCV's getPerspectiveTransform), row-major. */
export function perspectiveTransform(src: readonly Point[], dst: readonly Point[]): number[] {
  // Eight unknowns h0..h7 (h8 = 1): for each pair, two linear equations.
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = src[i] as Point;
    const { x: u, y: v } = dst[i] as Point;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return [...h, 1];
}

export function applyHomography(h: readonly number[], p: Point): Point {
  const [a, b, c, d, e, f, g, k, l] = h as [number, number, number, number, number, number, number, number, number];
  const w = g * p.x + k * p.y + l;
  return { x: (a * p.x + b * p.y + c) / w, y: (d * p.x + e * p.y + f) / w };
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const pr = m[col] as number[];
    const pv = pr[col] as number;
    if (Math.abs(pv) < 1e-12) throw new Error('degenerate quadrilateral');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] as number) / pv;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - f * (pr[c] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
