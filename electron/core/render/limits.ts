// How large a page may be, in pixels. Pictures are decoded by libvips as a stream and shrunk
// as they are read, so memory stays bounded whatever their size; time does not (a plain
// 20,000×20,000 PNG decodes in ~1 s here, a noisy one longer), hence a ceiling.

/**
 * A picture beyond this is refused: A0 at 600 dpi is 558 MP, and a phone's 200 MP mode
 * 16,320×12,240. Beyond it is not a page but a trap (a 100,000×100,000 PNG bomb is 10 GP).
 */
export const MAX_SOURCE_PIXELS = 600_000_000;

/**
 * A picture larger than this is shrunk before OCR and before the viewer resizes it: an A4
 * page at 600 dpi (35 MP) is read as it is; a 20,000×20,000 scan is read at ~6,300 px a
 * side. Tesseract reads big print worst, and a 49 MP page already took the process to
 * 770 MB; two workers read two pages at once.
 */
export const MAX_IMAGE_RASTER_PIXELS = 40_000_000;

/** The number said the way a Chinese reader counts: 600_000_000 → "6 亿". */
export function pixelsInChinese(n: number): string {
  return n >= 100_000_000 ? `${+(n / 100_000_000).toFixed(1)} 亿` : `${Math.round(n / 10_000)} 万`;
}
