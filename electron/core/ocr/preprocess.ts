// What tesseract is given: one grey channel in which red ink (seals,
// fingerprints, red approval stamps) is as light as the paper, while black
// and blue writing stays dark.
import sharp from 'sharp';

export type Rotation = 0 | 90 | 180 | 270;

export interface PreparedPage {
  /**
   * The page as tesseract reads it: a binary PGM (header + `grey`), rotated
   * upright by `rotation` degrees clockwise. Leptonica reads PGM without
   * inflating anything; a PNG cost a deflate in sharp and an inflate in WASM.
   */
  image: Buffer;
  /** The same pixels, one byte each, row after row (a view into `image`). */
  grey: Buffer;
  width: number;
  height: number;
  rotation: Rotation;
  /** Whether the scan had colour, so red ink was dropped. */
  colour: boolean;
}

// Mean |R-G| + |R-B| per pixel above which a page counts as a colour scan; a
// grey scan with JPEG noise stays far below.
const COLOUR_THRESHOLD = 2.5;
// How far red ink is lifted above its own red channel: enough to pass the
// paper, little enough that a black stroke blurred into a seal stays dark.
const RED_LIFT = 40;

export async function prepareForOcr(source: Buffer, opts: { rotation?: Rotation; dropRedInk?: boolean } = {}): Promise<PreparedPage> {
  const rotation = opts.rotation ?? 0;
  const input = sharp(source, { limitInputPixels: 300_000_000 }).rotate(rotation === 0 ? undefined : rotation);
  const { data, info } = await input.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const pixels = info.width * info.height;
  let grey: Buffer;
  let colour = false;
  if (channels >= 3) {
    let chroma = 0;
    const step = Math.max(1, Math.floor(pixels / 200_000));
    let sampled = 0;
    for (let p = 0; p < pixels; p += step) {
      const o = p * channels;
      const r = data[o] as number;
      chroma += Math.abs(r - (data[o + 1] as number)) + Math.abs(r - (data[o + 2] as number));
      sampled++;
    }
    colour = chroma / sampled > COLOUR_THRESHOLD;
    grey = Buffer.allocUnsafe(pixels);
    const dropRed = colour && opts.dropRedInk !== false;
    for (let p = 0, o = 0; p < pixels; p++, o += channels) {
      const r = data[o] as number;
      const g = data[o + 1] as number;
      const b = data[o + 2] as number;
      const luma = (r * 77 + g * 150 + b * 29) >> 8;
      // Red ink: the red channel well above green and blue. Pushed past the
      // paper's brightness by its redness; black (dark everywhere) and blue
      // ink (dark in red) keep their luma, and so does grey paper.
      const redness = r - Math.max(g, b);
      grey[p] = dropRed && redness > 0 ? Math.min(255, Math.max(luma, r) + Math.min(RED_LIFT, redness >> 1)) : luma;
    }
  } else {
    grey = Buffer.from(data.buffer, data.byteOffset, pixels);
  }
  // One channel all the way: an RGB image triples what tesseract decodes.
  const image = toPgm(grey, info.width, info.height);
  return { image, grey: image.subarray(image.length - pixels), width: info.width, height: info.height, rotation, colour };
}

/** A binary PGM (P5) of one-byte grey pixels: what tesseract.js is given instead of PNG. */
export function toPgm(grey: Uint8Array, width: number, height: number): Buffer {
  if (grey.length !== width * height) throw new RangeError(`${grey.length} bytes for a ${width}×${height} grey image`);
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(header.length + grey.length);
  header.copy(out, 0);
  out.set(grey, header.length);
  return out;
}

/** A region of a grey page, optionally scaled and thresholded, as PGM. */
export async function cropToPgm(
  page: { grey: Buffer; width: number; height: number },
  region: { left: number; top: number; width: number; height: number },
  opts: { scale?: number; threshold?: number } = {},
): Promise<Buffer> {
  let img = sharp(page.grey, { raw: { width: page.width, height: page.height, channels: 1 } }).extract(region);
  if (opts.scale !== undefined && opts.scale !== 1) {
    img = img.resize({ width: Math.round(region.width * opts.scale), height: Math.round(region.height * opts.scale), kernel: 'lanczos3' });
  }
  if (opts.threshold !== undefined) img = img.threshold(opts.threshold);
  const { data, info } = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return toPgm(data.subarray(0, info.width * info.height), info.width, info.height);
}

/** Pages are mostly paper: the grey level below which 60 % of the first `n` pixels lie. */
export function paperLevel(grey: Uint8Array, n = grey.length): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < n; i++) {
    const v = grey[i] as number;
    histogram[v] = (histogram[v] as number) + 1;
  }
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen >= n * 0.6) return v;
  }
  return 255;
}
