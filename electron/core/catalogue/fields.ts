// What a reviewer reads off each form: its number, its sign-off date, and the facts the
// procedure rules need (session times and participants of a 笔录, execution and jail times of a
// warrant, when and whom a notice reached). The readers live in forms/; which fields each kind of
// form has is the table in forms/table.ts.
import type { DocumentType } from '../../../shared/vocab.js';
import type { RecordFields } from '../rules/facts.js';
import { allDates, readSignOffDate, yearsIn } from './forms/dates.js';
import { labelled } from './forms/labels.js';
import type { FieldEvidence, NameLexicon } from './forms/reading.js';
import { FORM_FIELDS, type FormReading } from './forms/table.js';
import { closeLetterSpacing, flowText, repairOcrDates } from './forms/text.js';

// One definition of what a record's fields are: the facts contract the rules read.
export type { RecordFields } from '../rules/facts.js';
export type { FieldEvidence, NameLexicon } from './forms/reading.js';
export { allDates, looseChineseDate, readSignOffDate } from './forms/dates.js';
export { readDocumentNumber } from './forms/numbers.js';
export { flowText, repairOcrDates } from './forms/text.js';

export interface FieldsRead {
  fields: RecordFields;
  evidence: FieldEvidence;
}

/**
 * The fields of one document of a known type. `date` is its sign-off date, the
 * reference for times written without a date (至次日1时10分, 同日).
 */
export function readFields(
  type: DocumentType,
  printed: string,
  date: string | null,
  opts: { lexicon?: NameLexicon | null } = {},
): FieldsRead {
  const text = repairOcrDates(flowText(closeLetterSpacing(printed)));
  const x: FormReading = {
    type,
    text,
    fields: {},
    evidence: {},
    ref: date,
    lexicon: opts.lexicon ?? null,
    docYear: Math.max(0, ...yearsIn(text)) || null,
  };
  for (const read of FORM_FIELDS[type] ?? []) read(x);
  return { fields: x.fields, evidence: x.evidence };
}

/** The date a document bears, given its type: records carry it in their header. */
export function documentDate(type: DocumentType, printed: string): string | null {
  const text = repairOcrDates(closeLetterSpacing(printed));
  const signed = readSignOffDate(text);
  if (type === 'INTERROGATION_RECORD' || type === 'INQUIRY_RECORD' || type === 'SEARCH_RECORD') {
    const head = text.slice(0, 600);
    const t = labelled(head, ['讯问时间', '询问时间', '搜查时间', '时间']);
    const d = t ? allDates(t.value)[0] : undefined;
    if (d) return d.date;
  }
  return signed;
}
