import type { OcrWord } from '../../../shared/api.js';
export { boxFor, wordRanges } from '../pages/words.js';
import type { RecordFields } from '../rules/facts.js';
import type { CaseStore } from '../store/case-store.js';
import type { WordRange } from '../store/reader-page.js';

/** One page of a document as the analysis stages read it. */
export interface DocPage {
  fileId: number;
  file: string;
  page: number;
  text: string;
  source: string;
  /** Only when loaded with `words`; ranges are the words' offsets in text. */
  words: OcrWord[] | null;
  ranges: WordRange[] | null;
}
export interface StoredDocument {
  id: string;
  ordinal: number;
  type: string;
  title: string;
  fileId: number;
  file: string;
  pageFrom: number;
  pageTo: number;
  date: string | null;
  number: string | null;
  fields: RecordFields;
  pages: DocPage[];
}

/**
 * The case's documents with their pages' text. A document of loose page photos spans
 * several files (fields.files); any other spans a page range of one file.
 */
export function loadDocuments(store: CaseStore, caseId: string, opts: { words?: boolean } = {}): StoredDocument[] {
  // OCR word boxes are the bulk of a page row: parse them only for the stage that places mentions.
  const rows = store.readerPages(caseId, { words: opts.words ?? false });
  const byFile = new Map<string, DocPage[]>();
  const idByPath = new Map<string, number>();
  for (const r of rows) {
    idByPath.set(r.path, r.file_id);
    const list = byFile.get(r.path) ?? [];
    list.push({ fileId: r.file_id, file: r.path, page: r.page_no, text: r.text, source: r.source, words: r.words, ranges: r.ranges });
    byFile.set(r.path, list);
  }
  const files = new Map(store.listFiles(caseId).map((f) => [f.id, f.path]));
  return store.listDocuments(caseId).map((d) => {
    const fields: RecordFields = d.fields ?? {};
    const file = files.get(d.file_id) ?? '';
    const parts = Array.isArray(fields.files) && fields.files.length > 0 ? (fields.files as string[]) : null;
    const pages = parts
      ? parts.flatMap((p) => byFile.get(p) ?? [])
      : (byFile.get(file) ?? []).filter((p) => p.page >= d.page_from && p.page <= d.page_to);
    return {
      id: d.id,
      ordinal: d.ordinal,
      type: d.type,
      title: d.title,
      fileId: d.file_id,
      file,
      pageFrom: d.page_from,
      pageTo: d.page_to,
      date: d.date,
      number: d.number,
      fields,
      pages,
    };
  });
}

/** The whole text of a document, pages joined as the reader sees them. */
export function documentText(d: StoredDocument): string {
  return d.pages.map((p) => p.text).join('\n');
}

/** Where each page of documentText begins. */
export function pageStarts(d: StoredDocument): number[] {
  const out: number[] = [];
  let at = 0;
  for (const p of d.pages) {
    out.push(at);
    at += p.text.length + 1;
  }
  return out.length ? out : [0];
}
