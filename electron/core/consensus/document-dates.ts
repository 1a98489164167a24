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
import { numberKey } from '../../../shared/document-number.js';
import { daysBetween, parseCaseTime } from '../../../shared/case-time.js';
import { parseChineseNumeralDate } from '../extract/datetime.js';

export { numberKey };
import type { RecordFields } from '../rules/facts.js';

interface CitingDocument {
  type: DocumentType;
  date: string | null;
  number?: string | null;
  fields: RecordFields;
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
    if (!parseCaseTime(corrected)) continue;
    d.fields = { ...d.fields, readings: [...(d.fields.readings ?? []), { field: 'date', original: d.date, corrected, confidence: 0.8 }] };
    d.date = corrected;
    changed++;
  }
  return changed;
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** A small number as a sign-off writes it: 8 八, 14 十四, 20 二十, 31 三十一. */
function cnSmall(n: number): string {
  if (n < 10) return CN[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN[tens]}十${n % 10 ? CN[n % 10] : ''}`;
}
/** 2023-02-08 as a sign-off prints it: 二〇二三年二月八日. */
function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${[...(y ?? '')].map((c) => CN[Number(c)]).join('')}年${cnSmall(Number(m))}月${cnSmall(Number(d))}日`;
}
// The slips OCR makes in numerals under a red seal: a stroke lost or gained (二/三, 一/二), 七 for 十,
// and characters the seal hides altogether (二十五日 read 五日, 三十日 read 十日).
const CONFUSED: Record<string, string[]> = { 一: ['二'], 二: ['一', '三'], 三: ['二'], 七: ['十'], 十: ['七'] };
const HIDDEN = ['二', '三', '十', '二十', '三十', '一', '四', '五', '六', '七', '八', '九'];

/** The dates one numeral slip away from a sign-off date: a character misread, or one or two hidden. */
export function oneSlipAway(iso: string): string[] {
  const text = cnDate(iso);
  const out = new Set<string>();
  const add = (t: string): void => {
    const d = parseChineseNumeralDate(t);
    if (d && d !== iso) out.add(d);
  };
  // Only the month and the day: the year is settled by the number.
  const from = text.indexOf('年') + 1;
  for (let i = from; i <= text.length; i++) {
    const c = text[i] ?? '';
    for (const to of CONFUSED[c] ?? []) add(`${text.slice(0, i)}${to}${text.slice(i + 1)}`);
    for (const h of HIDDEN) add(`${text.slice(0, i)}${h}${text.slice(i)}`);
  }
  return [...out];
}

/** Days from a paper's date back to its act's (the case clock counts them). */
const days = (act: string, date: string): number => daysBetween(date, act);

/**
 * The act a paper is signed for, printed in the body in Arabic digits: a warrant's execution, a
 * notice's receipt, a seizure decision's list (same number). A paper is signed on the day of its act or a few days
 * before; an OCR'd sign-off weeks earlier that one numeral slip would put in that week
 * (二〇二三年二月十四日 for 三月十四日, executed 2023-03-14) is read as that slip.
 */
export function settleSignOffBySlip<D extends CitingDocument>(docs: D[], isOcr: (d: D) => boolean): number {
  let changed = 0;
  for (const d of docs) {
    if (!d.date || !isOcr(d)) continue;
    const found = actOf(d, docs);
    if (!found) continue;
    const { act, within } = found;
    if (days(act, d.date) <= within) continue;
    // The slip that lands nearest before the act; two equally near are left as read.
    const near = oneSlipAway(d.date)
      .filter((c) => days(act, c) >= 0 && days(act, c) <= within)
      .sort((a, b) => days(act, a) - days(act, b));
    if (near.length === 0 || (near.length > 1 && days(act, near[0]!) === days(act, near[1]!))) continue;
    const corrected = near[0]!;
    d.fields = { ...d.fields, readings: [...(d.fields.readings ?? []), { field: 'date', original: d.date, corrected, confidence: 0.7 }] };
    d.date = corrected;
    changed++;
  }
  return changed;
}

/**
 * Whether a document's date disagrees with the act its own body prints in Arabic digits (a warrant
 * dated after the execution it records, or weeks before it). A paper with no such act in its body
 * (an approval, a request) is never contradicted by it: its date stands as read.
 */
export function contradictedByItsAct<D extends CitingDocument>(d: D, docs: D[]): boolean {
  const found = d.date ? actOf(d, docs) : null;
  return !!found && (days(found.act, d.date!) < 0 || days(found.act, d.date!) > found.within);
}

/** The act a paper is signed for, and how many days before it a paper is signed as a rule. */
function actOf<D extends CitingDocument>(d: D, docs: D[]): { act: string; within: number } | null {
  const day = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
  const at = (act: string | null, within: number) => (act ? { act, within } : null);
  if (d.type === 'DETENTION_WARRANT' || d.type === 'ARREST_WARRANT') return at(day(d.fields.executedAt), 7);
  // A notice is signed before the person told signs for it (本通知书已于…收到).
  if (d.type.endsWith('_NOTICE')) return at(day(d.fields.notifiedAt), 7);
  // A seizure is decided when the things are taken (扣押决定书 and 扣押清单 bear one number).
  if (d.type === 'SEIZURE_DECISION' && d.number) {
    const list = docs.filter((x) => x.type === 'SEIZURE_LIST' && x.number && numberKey(x.number) === numberKey(d.number!));
    return list.length === 1 ? at(day(list[0]!.fields.start) ?? list[0]!.date, 2) : null;
  }
  return null;
}
