import type { OcrWord } from '../../../shared/api.js';
import type { CaseStore } from '../store/case-store.js';

/** One page of a document as the analysis stages read it. */
export interface DocPage { fileId: number; file: string; page: number; text: string; words: OcrWord[] | null }
export interface StoredDocument {
  id: string; ordinal: number; type: string; title: string; fileId: number; file: string; pageFrom: number; pageTo: number;
  date: string | null; number: string | null; fields: Record<string, unknown>; pages: DocPage[];
}

/**
 * The case's documents with their pages' text. A document of loose page photos spans
 * several files (fields.files); any other spans a page range of one file.
 */
export function loadDocuments(store: CaseStore, caseId: string): StoredDocument[] {
  const rows = store.casePages(caseId);
  const byFile = new Map<string, DocPage[]>();
  const idByPath = new Map<string, number>();
  for (const r of rows) {
    idByPath.set(r.path, r.file_id);
    const list = byFile.get(r.path) ?? [];
    list.push({ fileId: r.file_id, file: r.path, page: r.page_no, text: r.text, words: r.words_json ? (JSON.parse(r.words_json) as OcrWord[]) : null });
    byFile.set(r.path, list);
  }
  const files = new Map(store.listFiles(caseId).map((f) => [f.id, f.path]));
  return store.listDocuments(caseId).map((d) => {
    const fields = d.fields_json ? (JSON.parse(d.fields_json) as Record<string, unknown>) : {};
    const file = files.get(d.file_id) ?? '';
    const parts = Array.isArray(fields.files) && fields.files.length > 0 ? (fields.files as string[]) : null;
    const pages = parts
      ? parts.flatMap((p) => byFile.get(p) ?? [])
      : (byFile.get(file) ?? []).filter((p) => p.page >= d.page_from && p.page <= d.page_to);
    return { id: d.id, ordinal: d.ordinal, type: d.type, title: d.title, fileId: d.file_id, file, pageFrom: d.page_from, pageTo: d.page_to, date: d.date, number: d.number, fields, pages };
  });
}

/** The whole text of a document, pages joined as the reader sees them. */
export function documentText(d: StoredDocument): string {
  return d.pages.map((p) => p.text).join('\n');
}

/**
 * Character ranges of OCR words within the page text they were assembled into, so a
 * mention or a search hit (offsets in text) can be drawn as a box on the page image.
 */
export function wordRanges(text: string, words: OcrWord[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const w of words) {
    const needle = w.text.replace(/\s+/g, '');
    if (!needle) { out.push({ start: cursor, end: cursor }); continue; }
    const at = text.indexOf(needle, cursor);
    // a word the post-processing changed (digits repaired, punctuation widened) is skipped, not guessed
    if (at < 0 || at - cursor > 40) { out.push({ start: -1, end: -1 }); continue; }
    out.push({ start: at, end: at + needle.length });
    cursor = at + needle.length;
  }
  return out;
}

/** The box around the words that overlap [start, end) of the page text; null if none. */
export function boxFor(start: number, end: number, words: OcrWord[] | null, ranges?: { start: number; end: number }[], text?: string): [number, number, number, number] | null {
  if (!words || words.length === 0) return null;
  const spans = ranges ?? (text !== undefined ? wordRanges(text, words) : null);
  if (!spans) return null;
  let box: [number, number, number, number] | null = null;
  words.forEach((w, i) => {
    const r = spans[i];
    if (!r || r.start < 0 || r.end <= start || r.start >= end) return;
    box = box ? [Math.min(box[0], w.bbox[0]), Math.min(box[1], w.bbox[1]), Math.max(box[2], w.bbox[2]), Math.max(box[3], w.bbox[3])] : [...w.bbox];
  });
  return box;
}
