// How a catalogue entry is named: a statement record says whose statement it is and which
// session (询问笔录（张三，第2次）), from the catalogue's own fields, so fifteen entries of a
// volume do not all read "询问笔录" (issue 16).
import type { DocumentType } from './vocab.js';

const RECORDS = new Set<DocumentType>(['INTERROGATION_RECORD', 'INQUIRY_RECORD']);

export interface LabelledEntry {
  type: DocumentType;
  title: string;
  person?: string | null;
  session?: number | null;
}

/** The entry's name; typeLabel is the document type's name in the reader's language (the fallback title). */
export function catalogueLabel(entry: LabelledEntry, typeLabel: string): string {
  const title = entry.title.trim() || typeLabel;
  if (!RECORDS.has(entry.type) || !entry.person) return title;
  // The printed title's own bracket (（第一次）) is replaced by the person's: the session is said there.
  const base = title.replace(/\s*[（(][^（）()]*[）)]\s*$/, '') || typeLabel;
  return `${base}（${entry.person}${entry.session ? `，第${entry.session}次` : ''}）`;
}
