// The timeline figure as PNG for DOCX, which cannot hold vector drawings portably.
import sharp from 'sharp';
import { figureSvg } from './figure-svg.js';
import type { FigureLayout } from './timeline-figure.js';

/** PNG at `scale` pixels per point, sharp enough for print at A4 width. */
export async function figurePng(layout: FigureLayout, scale = 3): Promise<{ png: Buffer; width: number; height: number }> {
  const png = await sharp(Buffer.from(figureSvg(layout)), { density: 72 * scale })
    .png({ compressionLevel: 9 })
    .toBuffer();
  const meta = await sharp(png).metadata();
  return { png, width: meta.width ?? Math.round(layout.width * scale), height: meta.height ?? Math.round(layout.height * scale) };
}
