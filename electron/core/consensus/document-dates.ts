// The date a document bears, checked against what else is printed about it. Its sign-off date is
// written in Chinese numerals under the seal, where OCR slips most (七月 read as 十月, 二〇二三 as
// 二〇二六); the number's year and a decision that cites the paper are printed apart from it.
//
// A decision cites the paper it answers: "你局于2024年7月25日以庐公（刑）提捕字[2024]136号提请批准
// 逮捕书提请批准逮捕". That date is printed in the body in Arabic digits, the request's own date is
// its sign-off in Chinese numerals under the seal — where OCR slips most (七月 read as 十月). Where the
// request was OCR'd and the decision names it by its number, the cited date is the request's date;
// the page's reading is kept in fields.readings for the reviewer.
import type { DocumentType } from '../../../shared/vocab.js';
import type { RecordFields } from '../rules/facts.js';

interface CitingDocument { type: DocumentType; date: string | null; number?: string | null; fields: RecordFields }

/** A document number with the brackets and spaces typists and OCR vary: 〔2024〕, [2024], 【2024】, [2024). */
export function numberKey(n: string): string {
  return n.replace(/[\s〔〕[\]【】()（）{}「」]/g, '').replace(/第/g, '');
}

const ANSWERS: Partial<Record<DocumentType, DocumentType>> = {
  ARREST_APPROVAL: 'ARREST_REQUEST',
};

/** Settles the date of each OCR'd request that a decision cites by number. Returns how many changed. */
export function settleCitedDates<D extends CitingDocument>(docs: D[], isOcr: (d: D) => boolean): number {
  let changed = 0;
  for (const decision of docs) {
    const answers = ANSWERS[decision.type];
    const cited = decision.fields.requestedAt;
    const citedNumber = decision.fields.requestNumber;
    if (!answers || !cited || !citedNumber) continue;
    const requests = docs.filter((d) => d.type === answers && d.number && numberKey(d.number) === numberKey(citedNumber));
    if (requests.length !== 1) continue;
    const request = requests[0]!;
    if (!isOcr(request) || request.date === cited.slice(0, 10)) continue;
    const original = request.date;
    request.date = cited.slice(0, 10);
    request.fields = {
      ...request.fields,
      readings: [...(request.fields.readings ?? []), { field: 'date', original: original ?? '', corrected: request.date, confidence: 0.8 }],
    };
    changed++;
  }
  return changed;
}

/** The year a document number carries: 庐公（刑）拘字〔2023〕750号, 拘字[2023)750号, 拘字2023-750号. */
export function numberYear(n: string | null | undefined): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?=\s*[〕\]】)）}」]|\s*[-－]?\s*\d{1,5}\s*号)/.exec(n ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * An OCR'd document whose date's year is not its number's (二〇二六年三月五日 on 拘字〔2023〕750号):
 * the year is the number's, for a number is given when the paper is signed. Returns how many changed.
 */
export function settleYearByNumber<D extends CitingDocument>(docs: D[], isOcr: (d: D) => boolean): number {
  let changed = 0;
  for (const d of docs) {
    const year = numberYear(d.number);
    if (!year || !d.date || !isOcr(d) || Number(d.date.slice(0, 4)) === year) continue;
    const corrected = `${year}${d.date.slice(4)}`;
    if (Number.isNaN(Date.parse(`${corrected}T00:00:00Z`)) || new Date(`${corrected}T00:00:00Z`).toISOString().slice(0, 10) !== corrected) continue;
    d.fields = { ...d.fields, readings: [...(d.fields.readings ?? []), { field: 'date', original: d.date, corrected, confidence: 0.8 }] };
    d.date = corrected;
    changed++;
  }
  return changed;
}
