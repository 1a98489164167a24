// The catalogue in the order a reviewer reads a case: how it came in (受案, 立案),
// the coercive measures in the order the law chains them (传唤 → 拘留 → 提请逮捕 →
// 批捕 → 逮捕 → notices), the evidence-gathering acts, then the statements
// grouped by person and session (第1次, 第2次 … so a changed story is seen in
// sequence), the expert opinions and their notices, and the closing opinion.
// Within one kind, date order; the file's own position breaks ties so the
// order never depends on sort stability.
// A case bound into volumes (a file holding several documents: a scanned 卷) is
// listed as bound instead, volume by volume and page by page (issue 16: a volume
// sorted by type sent the reviewer jumping through it); the procedure order is for
// loose papers, whose files say nothing of where they were bound.
import type { DocumentType } from '../../../shared/vocab.js';
import type { DocumentDraft } from './segment.js';

export const PROCEDURE: readonly DocumentType[] = [
  'REPORT_REGISTRATION',
  'CASE_FILING',
  'SUMMONS',
  'NARRATIVE',
  'DETENTION_REQUEST',
  'DETENTION_WARRANT',
  'DETENTION_NOTICE',
  'DETENTION_EXTENSION',
  'ARREST_REQUEST',
  'ARREST_APPROVAL',
  'ARREST_WARRANT',
  'ARREST_NOTICE',
  'BAIL',
  'RESIDENTIAL_SURVEILLANCE',
  'SEARCH_WARRANT',
  'SEARCH_RECORD',
  'SEIZURE_DECISION',
  'SEIZURE_LIST',
  'RIGHTS_NOTICE',
  'INTERROGATION_RECORD',
  'INQUIRY_RECORD',
  'APPRAISAL',
  'APPRAISAL_NOTICE',
  'PROSECUTION_OPINION',
  // The case after the police: the procuratorate's and the court's papers.
  'PLEA_AGREEMENT',
  'SENTENCING_RECOMMENDATION',
  'INDICTMENT',
  'NON_PROSECUTION',
  'JUDGMENT',
  'RULING',
  'OTHER',
];

const RECORDS = new Set<DocumentType>(['INTERROGATION_RECORD', 'INQUIRY_RECORD']);

function when(d: DocumentDraft): string {
  const start = typeof d.fields.start === 'string' ? d.fields.start : null;
  return start ?? d.date ?? '9999';
}

function subject(d: DocumentDraft): string {
  return typeof d.fields.subject === 'string' ? d.fields.subject : '';
}

const volumeOrder = new Intl.Collator('zh-CN', { numeric: true });

/** True when some file holds more than one document: the case came bound in volumes. */
export function isBound(docs: readonly Pick<DocumentDraft, 'file'>[]): boolean {
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.file)) return true;
    seen.add(d.file);
  }
  return false;
}

export function orderCatalogue(docs: DocumentDraft[]): (DocumentDraft & { ordinal: number })[] {
  if (isBound(docs)) {
    const bound = [...docs].sort((a, b) => volumeOrder.compare(a.file, b.file) || a.pageFrom - b.pageFrom);
    return bound.map((d, i) => ({ ...d, ordinal: i + 1 }));
  }
  const position = new Map(docs.map((d, i) => [d, i]));
  // A person's statements sit where that person was first heard.
  const firstHeard = new Map<string, string>();
  for (const d of docs) {
    if (!RECORDS.has(d.type)) continue;
    const key = `${d.type}:${subject(d)}`;
    const t = when(d);
    const seen = firstHeard.get(key);
    if (seen === undefined || t < seen) firstHeard.set(key, t);
  }
  const sorted = [...docs].sort((a, b) => {
    const ra = PROCEDURE.indexOf(a.type);
    const rb = PROCEDURE.indexOf(b.type);
    if (ra !== rb) return ra - rb;
    if (RECORDS.has(a.type) && subject(a) !== subject(b)) {
      const fa = firstHeard.get(`${a.type}:${subject(a)}`) ?? '9999';
      const fb = firstHeard.get(`${b.type}:${subject(b)}`) ?? '9999';
      if (fa !== fb) return fa < fb ? -1 : 1;
      return subject(a) < subject(b) ? -1 : 1;
    }
    if (RECORDS.has(a.type)) {
      const sa = typeof a.fields.session === 'number' ? a.fields.session : null;
      const sb = typeof b.fields.session === 'number' ? b.fields.session : null;
      if (sa !== null && sb !== null && sa !== sb) return sa - sb;
    }
    const ta = when(a);
    const tb = when(b);
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (position.get(a) ?? 0) - (position.get(b) ?? 0);
  });
  return sorted.map((d, i) => ({ ...d, ordinal: i + 1 }));
}
