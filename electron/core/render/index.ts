// One page of a source file as a raster: the input of OCR and the page the
// viewer shows. Text-layer extraction lives in the ingest, not here.
import sharp from 'sharp';
import { closePdfs, countPdfPages, pdfPageSize, renderPdfPage } from './pdf.js';
import { singleImageOfPage } from './pdf-image.js';
import type { EmbeddedImage } from './pdf-image.js';
import { MAX_IMAGE_RASTER_PIXELS, MAX_SOURCE_PIXELS, pixelsInChinese } from './limits.js';

export interface PageSourceBytes {
  kind: 'pdf' | 'image' | 'tiff';
  bytes: Uint8Array;
}
export interface RenderOptions {
  /** Resolution for PDFs; images keep their own pixels. Default 200, what OCR wants for body text. */
  dpi?: number;
  /** Downscale so the raster is at most this wide (thumbnails, the viewer). */
  maxWidth?: number;
}
export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
}
/** A page as encoded bytes sharp decodes (JPEG or PNG), for OCR: no re-encoding when the scan's own JPEG will do. */
export interface PageImage {
  image: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Whether the pixels came straight from the PDF's picture instead of rendering. */
  embedded: boolean;
}

// libvips keeps recent operations and their results (by default up to 50 MB and 100 of them) for
// the same operation run again, which a review never does: each page is rendered once for OCR.
// Measured on the 60-page scanned case: peak RSS 1.03 GB without the cache, 1.14 GB with it, at
// the same speed (`npm run bench -- scale --only=review --pages=60`).
sharp.cache(false);

export const DEFAULT_DPI = 200;
// pdf.js can be asked for absurd sizes (a 5 m poster page at 200 dpi); cap the raster.
const MAX_PIXELS = 60_000_000;

export { closePdfs };

/** Pages are numbered from 1. */
export async function renderPage(src: PageSourceBytes, page: number, opts: RenderOptions = {}): Promise<RenderedPage> {
  if (src.kind === 'pdf') {
    const embedded = embeddedPicture(src.bytes, page, opts);
    if (embedded) {
      const { data, info } = await embedded.image.png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
      return { png: data, width: info.width, height: info.height };
    }
    const dpi = opts.dpi ?? DEFAULT_DPI;
    let scale = dpi / 72;
    // Measure the page first so that limits are met by rendering smaller, not by resampling:
    // a page may say it is 200 inches square (60,000 px a side at 300 dpi), and its canvas
    // would be allocated whole.
    const probe = await pdfPageSize(src.bytes, page);
    if (opts.maxWidth !== undefined) scale = Math.min(scale, opts.maxWidth / probe.width);
    scale = Math.min(scale, Math.sqrt(MAX_PIXELS / Math.max(1, probe.width * probe.height)) * 0.999);
    const raster = await renderPdfPage(src.bytes, page, scale);
    const png = await sharp(Buffer.from(raster.rgba.buffer, raster.rgba.byteOffset, raster.rgba.byteLength), {
      raw: { width: raster.width, height: raster.height, channels: 4 },
    })
      .removeAlpha()
      .png({ compressionLevel: 3 })
      .toBuffer();
    return { png, width: raster.width, height: raster.height };
  }
  const pages = await countPages(src);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new RangeError(`page ${page} is outside 1..${pages}`);
  const input = src.kind === 'tiff' ? { page: page - 1, limitInputPixels: MAX_SOURCE_PIXELS } : { limitInputPixels: MAX_SOURCE_PIXELS };
  // The header only: the size decides how much smaller the picture is decoded.
  const meta = await sharp(src.bytes, { ...input, limitInputPixels: false }).metadata();
  const upright = meta.autoOrient;
  let width = upright.width;
  const pixels = upright.width * upright.height;
  if (pixels > MAX_SOURCE_PIXELS)
    throw new RangeError(`图片过大（${upright.width}×${upright.height} 像素，超过 ${pixelsInChinese(MAX_SOURCE_PIXELS)}像素的上限）`);
  if (pixels > MAX_IMAGE_RASTER_PIXELS) width = Math.floor(upright.width * Math.sqrt(MAX_IMAGE_RASTER_PIXELS / pixels));
  if (opts.maxWidth !== undefined) width = Math.min(width, Math.round(opts.maxWidth));
  // Phone photos and some scanners store orientation in EXIF only.
  let image = sharp(src.bytes, input).rotate();
  // Shrunk while decoded (libvips reads the rows in order): a 400 MP page never sits in memory.
  if (width < upright.width) image = image.resize({ width: Math.max(1, width) });
  const { data, info } = await image.flatten({ background: '#ffffff' }).png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/**
 * The page for OCR. A scanned PDF page that is one picture gives the picture's
 * own pixels (decoded by sharp, never by pdf.js), scaled down only when finer
 * than `dpi` — a 200 dpi scan asked for at 300 stays 200, since enlarging adds
 * no detail and costs OCR time; its JPEG passes through untouched when nothing
 * needs changing. Other PDF pages are rendered; images are as renderPage gives them.
 */
export async function pageImage(src: PageSourceBytes, page: number, opts: RenderOptions = {}): Promise<PageImage> {
  if (src.kind === 'pdf') {
    const embedded = embeddedPicture(src.bytes, page, opts);
    if (embedded) {
      if (embedded.passThrough)
        return {
          image: embedded.source.bytes,
          format: 'jpeg',
          width: embedded.source.width,
          height: embedded.source.height,
          embedded: true,
        };
      const { data, info } = await embedded.image.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
      return { image: data, format: 'png', width: info.width, height: info.height, embedded: true };
    }
  }
  const r = await renderPage(src, page, opts);
  return { image: r.png, format: 'png', width: r.width, height: r.height, embedded: false };
}

/** The sharp pipeline for a page's single picture, or null when the page must be rendered. */
function embeddedPicture(
  bytes: Uint8Array,
  page: number,
  opts: RenderOptions,
): { image: ReturnType<typeof sharp>; source: EmbeddedImage; passThrough: boolean } | null {
  const found = singleImageOfPage(bytes, page);
  if (!found || found.width * found.height > MAX_PIXELS) return null;
  const dpi = opts.dpi ?? DEFAULT_DPI;
  const nativeDpi = found.width / (found.pageWidthPt / 72);
  let width = found.width;
  // Finer than asked (5 % slack for rounding): scale down to the asked resolution.
  if (nativeDpi > dpi * 1.05) width = Math.round(found.width * (dpi / nativeDpi));
  if (opts.maxWidth !== undefined) {
    const across = found.rotate === 90 || found.rotate === 270 ? found.height * (width / found.width) : width;
    if (across > opts.maxWidth) width = Math.round(width * (opts.maxWidth / across));
  }
  let image =
    found.kind === 'jpeg'
      ? sharp(found.bytes, { limitInputPixels: MAX_PIXELS * 4 })
      : sharp(found.bytes, { raw: { width: found.width, height: found.height, channels: found.channels } });
  if (width !== found.width) image = image.resize({ width: Math.max(1, width) });
  if (found.rotate !== 0) image = image.rotate(found.rotate);
  const passThrough = found.kind === 'jpeg' && width === found.width && found.rotate === 0;
  return { image, source: found, passThrough };
}

export async function countPages(src: PageSourceBytes): Promise<number> {
  if (src.kind === 'pdf') return countPdfPages(src.bytes);
  // The header only: the pixels are limited where they are decoded.
  const meta = await sharp(src.bytes, { limitInputPixels: false }).metadata();
  return src.kind === 'tiff' ? (meta.pages ?? 1) : 1;
}
