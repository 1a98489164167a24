// One page of a source file as a raster: the input of OCR and the page the
// viewer shows. Text-layer extraction lives in the ingest, not here.
import sharp from 'sharp';
import { closePdfs, countPdfPages, pdfPageSize, renderPdfPage } from './pdf.js';

export interface PageSourceBytes { kind: 'pdf' | 'image' | 'tiff'; bytes: Uint8Array }
export interface RenderOptions {
  /** Resolution for PDFs; images keep their own pixels. Default 200, what OCR wants for body text. */
  dpi?: number;
  /** Downscale so the raster is at most this wide (thumbnails, the viewer). */
  maxWidth?: number;
}
export interface RenderedPage { png: Buffer; width: number; height: number }

export const DEFAULT_DPI = 200;
// pdf.js can be asked for absurd sizes (a 5 m poster page at 200 dpi); cap the raster.
const MAX_PIXELS = 60_000_000;

export { closePdfs };

/** Pages are numbered from 1. */
export async function renderPage(src: PageSourceBytes, page: number, opts: RenderOptions = {}): Promise<RenderedPage> {
  if (src.kind === 'pdf') {
    const dpi = opts.dpi ?? DEFAULT_DPI;
    let scale = dpi / 72;
    if (opts.maxWidth !== undefined) {
      // Measure the page first so the width limit is met by rendering smaller, not by resampling.
      const probe = await pdfPageSize(src.bytes, page);
      scale = Math.min(scale, opts.maxWidth / probe.width);
    }
    const raster = await renderPdfPage(src.bytes, page, scale);
    if (raster.width * raster.height > MAX_PIXELS) throw new RangeError(`page ${page} is too large to render`);
    const png = await sharp(Buffer.from(raster.rgba.buffer, raster.rgba.byteOffset, raster.rgba.byteLength), {
      raw: { width: raster.width, height: raster.height, channels: 4 },
    }).removeAlpha().png({ compressionLevel: 3 }).toBuffer();
    return { png, width: raster.width, height: raster.height };
  }
  const pages = await countPages(src);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new RangeError(`page ${page} is outside 1..${pages}`);
  let image = sharp(src.bytes, src.kind === 'tiff' ? { page: page - 1, limitInputPixels: MAX_PIXELS * 4 } : { limitInputPixels: MAX_PIXELS * 4 });
  // Phone photos and some scanners store orientation in EXIF only.
  image = image.rotate();
  if (opts.maxWidth !== undefined) image = image.resize({ width: Math.round(opts.maxWidth), withoutEnlargement: true });
  const { data, info } = await image.flatten({ background: '#ffffff' }).png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

export async function countPages(src: PageSourceBytes): Promise<number> {
  if (src.kind === 'pdf') return countPdfPages(src.bytes);
  const meta = await sharp(src.bytes, { limitInputPixels: MAX_PIXELS * 4 }).metadata();
  return src.kind === 'tiff' ? (meta.pages ?? 1) : 1;
}
