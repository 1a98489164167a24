import type { FileKind } from '../../../shared/vocab.js';

/** Decides a file's format from its first bytes; the extension only breaks ties for text. */
export function sniffKind(head: Uint8Array, name: string): FileKind | null {
  const b = head;
  const ascii = (from: number, s: string) => s.split('').every((c, i) => b[from + i] === c.charCodeAt(0));
  // %PDF may follow a little junk: Acrobat tolerates up to 1 KB before the header
  const headText = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  if (headText.includes('%PDF-')) return 'pdf';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image';
  if (ascii(0, '\x89PNG')) return 'image';
  if ((ascii(0, 'II') && b[2] === 42 && b[3] === 0) || (ascii(0, 'MM') && b[2] === 0 && b[3] === 42)) return 'tiff';
  if (ascii(0, 'PK\x03\x04') && /\.docx$/i.test(name)) return 'docx';
  if (/\.(txt|text)$/i.test(name)) return 'txt';
  return null;
}
