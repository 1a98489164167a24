import sharp, { type Metadata } from 'sharp';
import type { OcrWord } from '../../../shared/api.js';
import type { FileKind } from '../../../shared/vocab.js';
import { docxText } from './docx-text.js';
import { checkDocxPackage, DocxPackageError } from './docx-package.js';
import { readPdfText, UnreadablePdfError } from './pdf-text.js';
import { decodeCaseText } from './text-encoding.js';
import { normaliseExtractedText } from './normalise-text.js';
import { isUsableTextLayer } from '../ocr/text-layer.js';
import { MAX_SOURCE_PIXELS, pixelsInChinese } from '../render/limits.js';

// text/2: DOCX read from its HTML, a table row on one line (docx-text.ts).
export const TEXT_ENGINE = 'text/2';

export interface ReadPage {
  page: number;
  text: string | null;
  width: number | null;
  height: number | null;
  source: 'text-layer' | 'docx' | 'txt';
  /** A text layer's characters with their boxes on the page; none for DOCX and TXT. */
  words?: OcrWord[] | null;
}
export interface ReadResult {
  kind: FileKind;
  pageCount: number;
  pages: ReadPage[];
}

export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/**
 * Reads what can be read without OCR: PDF text layers, DOCX and TXT text, and the page
 * count and size of images. Pages without usable text come back with text null, for OCR.
 */
export async function readCaseFile(bytes: Uint8Array, kind: FileKind): Promise<ReadResult> {
  switch (kind) {
    case 'pdf': {
      const pages = await readPdfText(bytes);
      return {
        kind,
        pageCount: pages.length,
        pages: pages.map((p) => ({
          page: p.page,
          text: isUsableTextLayer(p.text) ? p.text : null,
          width: p.width,
          height: p.height,
          source: 'text-layer' as const,
          words: p.words.length > 0 ? p.words : null,
        })),
      };
    }
    case 'docx': {
      // Refuses a zip bomb or a DTD before mammoth inflates anything.
      await checkDocxPackage(bytes);
      const mammoth = (await import('mammoth')).default;
      let value: string;
      try {
        value = await docxText(mammoth, bytes);
      } catch (err) {
        throw new UnreadableFileError(`DOCX 文件无法解析：${(err as Error).message}`);
      }
      return { kind, pageCount: 1, pages: [{ page: 1, text: normaliseExtractedText(value), width: null, height: null, source: 'docx' }] };
    }
    case 'txt': {
      const { text } = decodeCaseText(bytes);
      return { kind, pageCount: 1, pages: [{ page: 1, text: normaliseExtractedText(text), width: null, height: null, source: 'txt' }] };
    }
    case 'image':
    case 'tiff': {
      let meta: Metadata;
      try {
        // The header only, whatever the size: the size is what decides, and is told.
        meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      } catch (err) {
        throw new UnreadableFileError(`图片无法解码：${(err as Error).message}`);
      }
      if (!meta.width || !meta.height) throw new UnreadableFileError('图片无法解码：没有尺寸信息');
      // A huge page is read shrunk (render/limits.ts); beyond the ceiling it is a trap.
      if (meta.width * meta.height > MAX_SOURCE_PIXELS) {
        throw new UnreadableFileError(
          `图片过大（${meta.width}×${meta.height} 像素，约 ${pixelsInChinese(meta.width * meta.height)}像素，超过 ${pixelsInChinese(MAX_SOURCE_PIXELS)}像素的上限），已跳过（image too large）`,
        );
      }
      const pageCount = kind === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
      const pages: ReadPage[] = [];
      for (let n = 1; n <= pageCount; n++)
        pages.push({ page: n, text: null, width: n === 1 ? meta.width : null, height: n === 1 ? meta.height : null, source: 'text-layer' });
      return { kind, pageCount, pages };
    }
  }
}

export function describeReadError(err: unknown): string {
  if (err instanceof UnreadablePdfError || err instanceof UnreadableFileError || err instanceof DocxPackageError) return err.message;
  return `无法读取：${(err as Error)?.message ?? String(err)}`;
}
