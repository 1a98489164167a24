// Fields of OCR'd documents read again once the case's clean readings are known.
import type { DocumentType } from '../../../shared/vocab.js';
import { readFields } from '../catalogue/fields.js';
import type { RecordFields } from '../rules/facts.js';
import { settleCitedDates, settleSignOffBySlip, settleYearByNumber } from './document-dates.js';
import { buildLexicon, type CaseLexicon } from './lexicon.js';

export interface ConsensusPage {
  file: string;
  page: number;
  text: string;
  source: string;
}
export interface ConsensusDocument {
  type: DocumentType;
  file: string;
  pageFrom: number;
  pageTo: number;
  files?: string[];
  date: string | null;
  number?: string | null;
  fields: RecordFields;
}

function pagesOf(d: ConsensusDocument, byFile: Map<string, ConsensusPage[]>): ConsensusPage[] {
  if (d.files && d.files.length > 1) return d.files.flatMap((f) => byFile.get(f) ?? []);
  return (byFile.get(d.file) ?? []).filter((p) => p.page >= d.pageFrom && p.page <= d.pageTo);
}

/**
 * Re-reads the fields of every document with an OCR'd page against the lexicon of the
 * case's names; corrections are recorded in fields.readings ({ field, original, corrected }).
 * Returns the lexicon, for the later stages' use.
 */
export function reconcileFields<D extends ConsensusDocument>(
  docs: D[],
  pages: readonly ConsensusPage[],
): { docs: D[]; lexicon: CaseLexicon } {
  const byFile = new Map<string, ConsensusPage[]>();
  for (const p of pages) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const info = docs.map((d) => {
    const ps = pagesOf(d, byFile);
    return { d, text: ps.map((p) => p.text).join('\n'), ocr: ps.some((p) => p.source === 'ocr') };
  });
  const lexicon = buildLexicon(info.map((x) => ({ fields: x.d.fields, clean: !x.ocr })));
  const out = info.map(({ d, text, ocr }) => {
    if (!ocr) return d;
    const before = lexicon.readings.length;
    const { fields } = readFields(d.type, text, d.date, { lexicon });
    const made = lexicon.readings.slice(before);
    const merged: RecordFields = { ...fields };
    if (made.length) {
      const own = fields.readings ?? [];
      merged.readings = [...own, ...made.map((r) => ({ original: r.original, corrected: r.corrected, confidence: r.confidence }))];
    }
    if (d.date) merged.dateByOcr = true;
    return { ...d, fields: merged };
  });
  // Dates read under a seal, against the number's year and the decision that cites the paper.
  // (An OCR'd document is a fresh copy above, so settling it leaves the caller's drafts alone.)
  const ocr = (d: D): boolean => info[out.indexOf(d)]?.ocr ?? false;
  settleYearByNumber(out, ocr);
  settleCitedDates(out, ocr);
  settleSignOffBySlip(out, ocr);
  return { docs: out, lexicon };
}
