// What a reviewer reads off each form: its number, its sign-off date, and the
// facts the procedure rules need (session times and participants of a 笔录,
// execution and jail times of a warrant, when and whom a notice reached).
import type { DocumentType } from '../../../shared/vocab.js';
import type { DateTimeMention } from '../extract/datetime.js';
import { findDateTimes, parseSmallChineseNumber } from '../extract/datetime.js';
import { matchTitle } from './titles.js';

export interface RecordFields {
  start?: string | null;
  end?: string | null /* ISO +08:00 */;
  place?: string | null;
  investigators?: string[];
  recorder?: string | null;
  subject?: string | null;
  attendees?: { role: string; name: string }[];
  session?: number | null;
  approvedAt?: string | null;
  executedAt?: string | null;
  custodyAt?: string | null;
  notifiedAt?: string | null;
  recipient?: string | null;
  exception?: string | null;
  [k: string]: unknown;
}

/** The line of text each field was read from, so events can quote and locate it. */
export type FieldEvidence = Record<string, string>;

/**
 * Paragraphs as one line each: printed paragraphs wrap at the page edge, and a
 * date cut in two by the wrap (2024年3月\n5日) would be lost. A line joins the
 * next when it is long, is not a row of spaced cells, ends mid-sentence, and
 * the next line is not a new "label：" or a question/answer.
 */
export function flowText(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1] ?? '';
    const next = lines[i] ?? '';
    // Cells of a form row are spaced apart; a prose line has at most the one space of "4日 21:10".
    const wrapped = [...prev.trim()].length >= 24 && (prev.trim().match(/[ \u3000]/g) ?? []).length <= 1 && !/[。；;：:！？]$/.test(prev.trim())
      && !/^\s*([\u4e00-\u9fff、]{1,12}[：:]|问|答|第\s*\d+\s*页)/.test(next);
    out += (wrapped ? '' : '\n') + next;
  }
  return out;
}

// ---------------------------------------------------------------- numbers ---

const DOC_NUMBER = /([\u4e00-\u9fff]{1,12}(?:[（(][\u4e00-\u9fff]{1,4}[)）])?[\u4e00-\u9fff]{0,6})\s*[〔[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*([\u4e00-\u9fff]{0,4}?)\s*(第?)\s*(\d{1,6})\s*号/u;

/** 越公（刑）拘字〔2024〕0211号, however the year is bracketed; null when the form has none. */
export function readDocumentNumber(text: string): string | null {
  const lines = text.split('\n').slice(0, 40);
  for (const raw of lines) {
    const line = raw.replace(/^\s*(?:文号|编号|文书编号)\s*[：:]\s*/, '');
    const m = DOC_NUMBER.exec(line);
    if (!m) continue;
    // 根据…第八十二条 in prose is not a number; a number's prefix is an organ abbreviation.
    const prefix = (m[1] ?? '').replace(/^.*?(?:根据|依照|经|以|于|用)/, '');
    const ownLine = line.trim().startsWith(m[0].trim()) || line.trim().startsWith(prefix);
    if (!ownLine && !/[字检公鉴法院局所]|[（(]/.test(prefix + (m[3] ?? ''))) continue;
    const open = /[〔[［【(（]/.exec(line.slice(m.index + (m[1] ?? '').length))?.[0] ?? '〔';
    const close = { '〔': '〕', '[': ']', '［': '］', '【': '】', '(': ')', '（': '）' }[open] ?? '〕';
    return `${prefix}${open}${m[2]}${close}${m[3] ?? ''}${m[4] ?? ''}${m[5]}号`;
  }
  return null;
}

// ------------------------------------------------------------------ dates ---

/**
 * Every dated mention. findDateTimes reads "2023年6月16日 13:27" (a space before
 * a colon time, as forms are filled in) as a date and then a time on that date:
 * the two are one moment here.
 */
export function allDates(text: string, ref?: string | null): DateTimeMention[] {
  const found = findDateTimes(text, ref ? { date: ref } : undefined).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.date));
  const out: DateTimeMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const d = found[i] as DateTimeMention;
    const next = found[i + 1];
    if (d.time === null && !d.range && next && next.time !== null && next.date === d.date
      && /^[ \t\u3000]{1,2}$/.test(text.slice(d.end, next.start))) {
      out.push({ ...next, start: d.start, text: text.slice(d.start, next.end) });
      i++;
      continue;
    }
    out.push(d);
  }
  return out;
}

const CN_ZERO = '〇○零0OoＯ';
const CN_YEAR_DIGIT = `[${CN_ZERO}一二三四五六七八九]`;
const CN_SMALL = '一二三四五六七八九十廿卅';

function cnDigit(c: string): number | null {
  if (CN_ZERO.includes(c)) return 0;
  const i = '一二三四五六七八九'.indexOf(c);
  return i < 0 ? null : i + 1;
}

/** Years the document itself mentions: the one a damaged seal date most likely bears. */
function yearsIn(text: string): Set<number> {
  return new Set([...text.matchAll(/((?:19|20)\d{2})\s*[年.\-/〕\]）]/g)].map((m) => Number(m[1])));
}

/**
 * A seal date in Chinese numerals read through OCR damage: 年/月/日 lost or
 * misread, spaces inside, at most one year digit unreadable (restored from the
 * years the document mentions). Only an unambiguous reading is returned.
 */
export function looseChineseDate(line: string, years: Set<number>): string | null {
  const t = line.replace(/[\s\u3000]/g, '').replace(/[（(]?印[)）]?$/, '');
  if ([...t].length < 7 || [...t].length > 13) return null;
  const yearChars = [...t].slice(0, 4);
  let year: number | null = null;
  const digits = yearChars.map(cnDigit);
  const bad = digits.filter((d) => d === null).length;
  if (bad === 0) year = digits.reduce<number>((y, d) => y * 10 + (d ?? 0), 0);
  else if (bad === 1) {
    const fits = [...years].filter((y) => String(y).split('').every((c, i) => digits[i] === null || digits[i] === Number(c)));
    if (fits.length === 1) year = fits[0] ?? null;
  }
  if (year === null || year < 1990 || year > 2100) return null;
  const rest = [...t].slice(4);
  if (rest[0] !== undefined && !CN_SMALL.includes(rest[0])) rest.shift();
  if (rest.length && !CN_SMALL.includes(rest[rest.length - 1] ?? '')) rest.pop();
  if (rest.length < 2 || rest.length > 6) return null;
  const readings = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    for (const skip of [0, 1]) {
      const monthText = rest.slice(0, cut).join('');
      const dayText = rest.slice(cut + skip).join('');
      if (skip === 1 && CN_SMALL.includes(rest[cut] ?? '')) continue;
      if (!/^[一二三四五六七八九十]{1,2}$/.test(monthText) || !/^[一二三四五六七八九十廿卅]{1,3}$/.test(dayText)) continue;
      const m = parseSmallChineseNumber(monthText);
      const d = parseSmallChineseNumber(dayText);
      if (m === null || d === null || m < 1 || m > 12 || d < 1 || d > 31) continue;
      const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (new Date(`${iso}T00:00:00Z`).getUTCDate() === d) readings.add(iso);
    }
  }
  return readings.size === 1 ? ([...readings][0] ?? null) : null;
}

const SEAL_LINE = new RegExp(`^[\\s]*${CN_YEAR_DIGIT}{2}.{0,11}$`);

/**
 * The sign-off date: the date printed under the seal, in Chinese numerals on
 * the printed forms. Failing that, the last date standing alone on a line near
 * the end. A form whose seal date cannot be read gets none rather than another
 * date of its text (a birth date is not a sign-off).
 */
export function readSignOffDate(text: string): string | null {
  const lines = text.split('\n');
  const years = yearsIn(text);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').replace(/[\s\u3000]/g, '');
    if (!SEAL_LINE.test(line) || /\d{3}/.test(line)) continue;
    const d = allDates(line)[0];
    if (d && d.time === null) return d.date;
    const loose = looseChineseDate(line, years);
    if (loose) return loose;
  }
  const tail = lines.slice(-12);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = (tail[i] ?? '').trim();
    const ds = allDates(line);
    const d = ds[ds.length - 1];
    if (d && line.length - d.text.length <= 10) return d.date;
  }
  return null;
}

// ------------------------------------------------------------ label/value ---

interface Found { value: string; line: string; index: number }

/** The value after a label on its line ("侦查员：郑凯、冯磊", "被拘留人 张三 性别 男"). */
function labelled(text: string, labels: readonly string[], from = 0): Found | null {
  const re = new RegExp(`(?<!被)(?:${labels.join('|')})(?:姓名[、，,]?(?:工作)?单位|姓名|\\s*[（(](?:签名|签字|盖章|姓名)[)）])?\\s*[：:]?[ \\t\\u3000]*([^\\n]*)`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return null;
  const lineStart = text.lastIndexOf('\n', m.index) + 1;
  const lineEnd = text.indexOf('\n', m.index);
  return { value: (m[1] ?? '').trim(), line: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim(), index: m.index };
}

// A value ends where the next "label：" on the same line begins.
function cutAtNextLabel(value: string): string {
  return value.split(/\s+(?=[\u4e00-\u9fff（）()]{2,10}\s*[：:])|\s{2,}/)[0]?.trim() ?? '';
}

const NOT_A_NAME = /^(性别|年龄|出生|民族|身份|住址|工作|单位|职务|签名|男|女|犯罪|嫌疑人|公安|派出所|分局|侦查|记录|时间|地点|无|本人|家属|执行|通知|联系)|(时间|日期|地点|单位|方式|电话|大队|中队|派出所|分局|公安局|看守所|人|员)$/;

function names(value: string): string[] {
  const v = cutAtNextLabel(value).replace(/[（(][^）)]*[)）]/g, ' ');
  return v
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => /^[\u4e00-\u9fff·]{2,5}$/.test(s) && !NOT_A_NAME.test(s));
}

function firstName(value: string): string | null {
  return names(value)[0] ?? null;
}

/** First date-time written within `window` characters after `index`. */
function dateAfter(text: string, index: number, ref: string | null, window = 60): DateTimeMention | null {
  const slice = text.slice(index, index + window + 30);
  const d = allDates(slice, ref)[0];
  if (!d || d.start > window) return null;
  return { ...d, start: d.start + index, end: d.end + index };
}

function iso(d: DateTimeMention): string {
  return d.iso;
}

function lineAt(text: string, index: number): string {
  const s = text.lastIndexOf('\n', index) + 1;
  const e = text.indexOf('\n', index);
  return text.slice(s, e < 0 ? undefined : e).trim();
}

/**
 * A label as OCR may print it: spaces between its characters, and for labels of
 * four characters or more one character lost or misread (通知时间 → 通知时口).
 */
function fuzzyLabel(label: string): string[] {
  const cs = [...label];
  const out = [cs.join('[ \\u3000]?')];
  if (cs.length < 4) return out;
  for (let i = 0; i < cs.length; i++) {
    out.push(cs.map((c, j) => (j === i ? '[^\\s：:]' : c)).join(''));
    out.push(cs.filter((_, j) => j !== i).join(''));
  }
  return out;
}

/** A labelled time: the first date-time after any of the labels, read exactly before tolerantly. */
function labelledTime(text: string, labels: readonly string[], ref: string | null): { iso: string; line: string } | null {
  for (const pattern of [labels.map((l) => [...l].join('[ \\u3000]?')), labels.flatMap(fuzzyLabel)]) {
    const re = new RegExp(pattern.join('|'), 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const d = dateAfter(text, m.index + m[0].length, ref, 24);
      if (d && d.time !== null) return { iso: iso(d), line: lineAt(text, m.index) };
    }
  }
  // A label followed by a date alone still dates the act.
  const re = new RegExp(labels.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = dateAfter(text, m.index + m[0].length, ref, 24);
    if (d) return { iso: iso(d), line: lineAt(text, m.index) };
  }
  return null;
}

/** A time stated in a sentence: "于2024年3月5日12时20分将…刑事拘留". */
function sentenceTime(text: string, verbs: RegExp, ref: string | null): { iso: string; line: string } | null {
  for (const d of allDates(text, ref)) {
    const after = text.slice(d.end, d.end + 60).split(/[。；;\n]/)[0] ?? '';
    if (verbs.test(after)) return { iso: iso(d), line: lineAt(text, d.start) };
  }
  return null;
}

// ------------------------------------------------------------- per type ---

// Attendees keep the role as the record prints it (法定代理人, 翻译人员 …): that is the
// vocabulary RecordFields.attendees promises the rules (rules/facts.ts).
const ROLE_LABELS: readonly [string, string][] = [
  ['法定代理人', '法定代理人'], ['合适成年人', '合适成年人'], ['在场人', '在场人'],
  ['翻译人员', '翻译人员'], ['翻译人', '翻译人员'], ['见证人', '见证人'], ['监护人', '监护人'],
  ['女工作人员', '女工作人员'], ['辩护律师', '辩护律师'], ['值班律师', '值班律师'],
];

function session(text: string): number | null {
  const head = text.slice(0, 300);
  const m = /第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*次/.exec(head);
  if (!m) return null;
  const v = m[1] ?? '';
  if (/^\d+$/.test(v)) return Number(v);
  const cn = '一二三四五六七八九';
  if (v === '十') return 10;
  if (v.startsWith('十')) return 10 + cn.indexOf(v[1] ?? '') + 1;
  if (v.endsWith('十')) return (cn.indexOf(v[0] ?? '') + 1) * 10;
  if (v.length === 3) return (cn.indexOf(v[0] ?? '') + 1) * 10 + cn.indexOf(v[2] ?? '') + 1;
  return cn.indexOf(v) + 1 || null;
}

type RecordKind = 'interrogation' | 'inquiry' | 'search' | 'seizure';

function readRecordHeader(text: string, kind: RecordKind, ref: string | null, ev: FieldEvidence): RecordFields {
  const f: RecordFields = {};
  const head = text.slice(0, 900);
  const timeLabels = kind === 'interrogation' ? ['讯问时间', '时间'] : kind === 'inquiry' ? ['询问时间', '时间']
    : kind === 'search' ? ['搜查时间', '起止时间', '时间'] : ['扣押时间', '起止时间', '时间'];
  for (const l of timeLabels) {
    const found = labelled(head, [l]);
    if (!found) continue;
    const d = allDates(found.value, ref)[0];
    if (!d) continue;
    f.start = d.iso;
    f.end = d.range?.end.iso ?? null;
    ev.start = found.line;
    break;
  }
  if (f.start === undefined) {
    // The time label itself unreadable: the header's first interval is the session.
    const d = allDates(head.slice(0, 400), ref).find((x) => x.range && x.time !== null);
    if (d) {
      f.start = d.iso;
      f.end = d.range?.end.iso ?? null;
      ev.start = lineAt(head, d.start);
    }
  }
  const place = labelled(head, kind === 'search' ? ['搜查地点', '地点'] : kind === 'seizure' ? ['扣押地点', '地点'] : ['讯问地点', '询问地点', '地点']);
  if (place) {
    f.place = cutAtNextLabel(place.value) || null;
    ev.place = place.line;
  }
  const officers = labelled(head, kind === 'interrogation'
    ? ['讯问人', '侦查员', '侦查人员', '民警']
    : kind === 'inquiry' ? ['询问人', '侦查员', '侦查人员', '民警'] : ['搜查人员', '扣押人员', '侦查员', '侦查人员', '执行人']);
  if (officers) {
    f.investigators = names(officers.value);
    ev.investigators = officers.line;
  }
  const recorder = labelled(head, ['记录人', '记录员']);
  if (recorder) {
    f.recorder = firstName(recorder.value);
    ev.recorder = recorder.line;
  }
  const subject = labelled(head, kind === 'interrogation' ? ['被讯问人'] : kind === 'inquiry' ? ['被询问人']
    : kind === 'search' ? ['被搜查人'] : ['物品持有人', '持有人', '被扣押人']);
  if (subject) {
    f.subject = firstName(subject.value);
    ev.subject = subject.line;
  }
  const attendees: { role: string; name: string }[] = [];
  for (const [lab, role] of ROLE_LABELS) {
    const found = labelled(head, [lab]);
    if (!found || /^(无|没有)/.test(found.value)) continue;
    for (const name of names(found.value)) {
      if (!attendees.some((a) => a.name === name)) attendees.push({ role, name });
    }
    ev[`attendee:${role}`] = found.line;
  }
  if (attendees.length) f.attendees = attendees;
  f.session = session(text);
  return f;
}

function subjectOf(text: string, labels: readonly string[]): { name: string; line: string } | null {
  const found = labelled(text, labels);
  if (found) {
    const n = firstName(found.value);
    if (n) return { name: n, line: found.line };
  }
  // 对犯罪嫌疑人张三执行拘留 / 将涉嫌盗窃罪的张三刑事拘留
  const m = /(?:犯罪嫌疑人|被告人|被害人|证人)\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,（(\s]|执行|刑事|取保|监视|涉嫌|于|性别|的)/.exec(text)
    ?? /罪的\s*([\u4e00-\u9fff·]{2,4}?)(?=刑事拘留|执行逮捕|拘留|逮捕)/.exec(text);
  return m ? { name: m[1] ?? '', line: lineAt(text, m.index) } : null;
}

/** Whom a notice is addressed to: 被通知人 field or the salutation line "李秀英：". */
function recipientOf(text: string): { name: string; line: string } | null {
  const found = labelled(text, ['被通知人', '被告知人', '通知对象', '家属姓名', '收件人']);
  if (found) {
    const n = firstName(found.value);
    if (n) return { name: n, line: found.line };
  }
  for (const line of text.split('\n').slice(0, 15)) {
    const m = /^\s*([\u4e00-\u9fff·]{2,4}?)(?:（[^）]*）)?(?:家属)?\s*[：:]\s*$/.exec(line);
    if (m && !NOT_A_NAME.test(m[1] ?? '')) return { name: m[1] ?? '', line: line.trim() };
  }
  return null;
}

const EXECUTED_DETENTION = ['执行拘留时间', '拘留时间', '执行时间'];
const CUSTODY = ['送看守所时间', '送押时间', '送达看守所时间', '送看守所羁押时间', '入所时间', '收押时间'];
const NOTIFIED = ['通知时间', '通知日期', '送达时间'];

export interface FieldsRead { fields: RecordFields; evidence: FieldEvidence }

/**
 * The fields of one document of a known type. `date` is its sign-off date, the
 * reference for times written without a date (至次日1时10分, 同日).
 */
export function readFields(type: DocumentType, printed: string, date: string | null): FieldsRead {
  const text = flowText(printed);
  const ev: FieldEvidence = {};
  let f: RecordFields = {};
  const ref = date;
  const take = (key: string, got: { iso: string; line: string } | null): void => {
    if (!got) return;
    f[key] = got.iso;
    ev[key] = got.line;
  };
  const takeSubject = (labels: readonly string[]): void => {
    const s = subjectOf(text, labels);
    if (s) {
      f.subject = s.name;
      ev.subject = s.line;
    }
  };
  const takeExecutors = (): void => {
    const found = labelled(text, ['执行人', '执行民警']);
    const n = found ? names(found.value) : [];
    if (found && n.length) {
      f.executors = n;
      ev.executors = found.line;
    }
  };
  const takeNames = (key: string, labels: readonly string[]): void => {
    const found = labelled(text, labels);
    const n = found ? names(found.value) : [];
    if (found && n.length) {
      f[key] = n;
      ev[key] = found.line;
    }
  };
  const takeRecipient = (): void => {
    const r = recipientOf(text);
    if (r) {
      f.recipient = r.name;
      ev.recipient = r.line;
    }
  };
  switch (type) {
    case 'INTERROGATION_RECORD':
      f = readRecordHeader(text, 'interrogation', ref, ev);
      if (/权利义务告知书|诉讼权利/.test(text.slice(0, 4000))) {
        const i = text.search(/权利义务告知书|诉讼权利/);
        f.rightsNotified = true;
        ev.rightsNotified = lineAt(text, i);
      }
      break;
    case 'INQUIRY_RECORD':
      f = readRecordHeader(text, 'inquiry', ref, ev);
      if (/权利义务告知书|诉讼权利/.test(text.slice(0, 4000))) {
        f.rightsNotified = true;
        ev.rightsNotified = lineAt(text, text.search(/权利义务告知书|诉讼权利/));
      }
      break;
    case 'SEARCH_RECORD':
      f = readRecordHeader(text, 'search', ref, ev);
      break;
    case 'DETENTION_WARRANT':
      takeSubject(['被拘留人']);
      take('executedAt', labelledTime(text, EXECUTED_DETENTION, ref) ?? sentenceTime(text, /执行拘留|刑事拘留|宣布/, ref));
      take('custodyAt', labelledTime(text, CUSTODY, ref) ?? sentenceTime(text, /送.{0,12}看守所|收押|羁押/, ref));
      takeExecutors();
      break;
    case 'DETENTION_NOTICE':
    case 'ARREST_NOTICE': {
      takeRecipient();
      takeSubject(['被拘留人', '被逮捕人']);
      const verb = type === 'DETENTION_NOTICE' ? /刑事拘留|执行拘留|拘留/ : /执行逮捕|逮捕/;
      take('executedAt', sentenceTime(text, verb, ref));
      take('notifiedAt', labelledTime(text, NOTIFIED, ref) ?? sentenceTime(text, /^[^，,]{0,12}(电话|当面|书面)?通知/, ref));
      const custody = /羁押(?:在|于)\s*([\u4e00-\u9fff]{2,24}?看守所)/.exec(text);
      if (custody) {
        f.place = custody[1] ?? null;
        ev.place = lineAt(text, custody.index);
      }
      takeNames('notifiers', ['通知人']);
      const exc = /(无法通知|有碍侦查|危害国家安全|恐怖活动)[^。\n]{0,40}/.exec(text);
      if (exc && !/^无法通知的?原因\s*[：:]?\s*(无|\s*$)/.test(exc[0])) {
        f.exception = exc[0].trim();
        ev.exception = lineAt(text, exc.index);
      }
      break;
    }
    case 'SUMMONS':
      takeSubject(['被传唤人', '被拘传人']);
      take('start', labelledTime(text, ['到达时间', '到案时间', '到达讯问地点时间'], ref));
      take('end', labelledTime(text, ['讯问结束时间', '结束时间', '离开时间'], ref));
      takeExecutors();
      {
        const where = /到\s*([\u4e00-\u9fff（）]{4,40}?)\s*接受(?:讯问|询问)/.exec(text);
        if (where) {
          f.place = where[1] ?? null;
          ev.place = lineAt(text, where.index);
        }
      }
      break;
    case 'ARREST_REQUEST':
      takeSubject(['犯罪嫌疑人']);
      break;
    case 'ARREST_APPROVAL':
      takeSubject(['犯罪嫌疑人']);
      if (date) f.approvedAt = date;
      break;
    case 'ARREST_WARRANT':
      takeSubject(['被逮捕人']);
      take('executedAt', labelledTime(text, ['执行逮捕时间', '逮捕时间', '执行时间'], ref) ?? sentenceTime(text, /执行逮捕|宣布/, ref));
      take('custodyAt', labelledTime(text, CUSTODY, ref));
      take('approvedAt', sentenceTime(text, /批准逮捕/, ref));
      takeExecutors();
      break;
    case 'BAIL':
    case 'RESIDENTIAL_SURVEILLANCE': {
      takeSubject(['被取保候审人', '被监视居住人', '犯罪嫌疑人']);
      const from = /(?:期限|期间)?\s*(?:自|从)\s*/g;
      for (let m = from.exec(text); m; m = from.exec(text)) {
        const d = dateAfter(text, m.index + m[0].length, ref, 4);
        if (d && /^\s*(起|开始)/.test(text.slice(d.end, d.end + 3))) {
          f.start = d.iso;
          ev.start = lineAt(text, m.index);
          break;
        }
      }
      const term = /(?:期限|为期)\s*([0-9一二三四五六七八九十两]{1,3})\s*(个月|日|天)/.exec(text);
      if (term) {
        f.term = `${term[1]}${term[2]}`;
        ev.term = lineAt(text, term.index);
      }
      const deposit = /保证金\s*(?:人民币)?\s*([0-9,，.]+|[零一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*元/.exec(text);
      if (deposit) f.deposit = (deposit[1] ?? '').replace(/[,，]/g, '');
      const guarantor = labelled(text, ['保证人']);
      if (guarantor) {
        const n = firstName(guarantor.value);
        if (n) f.guarantor = n;
      }
      break;
    }
    case 'APPRAISAL_NOTICE':
      takeRecipient();
      take('notifiedAt', labelledTime(text, NOTIFIED, ref) ?? sentenceTime(text, /^[^，,。]{0,6}(收到|告知|送达)/, ref));
      break;
    case 'RIGHTS_NOTICE':
      takeSubject(['犯罪嫌疑人', '被害人', '证人']);
      take('notifiedAt', labelledTime(text, NOTIFIED, ref) ?? sentenceTime(text, /^[^，,。]{0,6}(宣读|告知|送达|收到)/, ref));
      takeNames('notifiers', ['告知人', '宣读人']);
      break;
    case 'APPRAISAL': {
      take('appraisedAt', labelledTime(text, ['鉴定日期', '鉴定时间', '检验日期'], ref));
      takeNames('experts', ['鉴定人']);
      const subj = labelled(text, ['被鉴定人']);
      if (subj) {
        const n = firstName(subj.value);
        if (n) {
          f.subject = n;
          ev.subject = subj.line;
        }
      }
      break;
    }
    case 'REPORT_REGISTRATION': {
      // When the reporter came (报案人…于…报案) is the report; 接报时间 is when an officer wrote it down.
      take('reportedAt', sentenceTime(text, /^[^。；;]{0,20}(报案|报警|控告|举报)(?!人)/, ref) ?? labelledTime(text, ['报案时间', '接报时间', '受案时间'], ref));
      const reporter = labelled(text, ['报案人', '报警人', '控告人', '举报人']);
      if (reporter) {
        const n = firstName(reporter.value);
        if (n) {
          f.reporter = n;
          ev.reporter = reporter.line;
        }
      }
      const story = text.search(/简要案情|案情简介|报案内容/);
      if (story >= 0) {
        const d = allDates(text.slice(story, story + 600), ref)[0];
        if (d) {
          f.offenceAt = d.iso;
          ev.offenceAt = lineAt(text, story + d.start);
        }
      }
      break;
    }
    case 'SEIZURE_DECISION':
    case 'SEIZURE_LIST':
      take('start', labelledTime(text, ['扣押时间', '时间'], ref));
      break;
    case 'SEARCH_WARRANT':
      takeSubject(['被搜查人']);
      break;
    case 'OTHER': {
      // Untyped forms that still state a procedural act: a 扣押笔录 has the seizure's own times.
      const form = text.split('\n').slice(0, 4).map((l) => matchTitle(l)).find((m) => m !== null);
      if (form) f.form = form.title;
      if (form?.title === '扣押笔录') f = { ...readRecordHeader(text, 'seizure', ref, ev), form: form.title };
      break;
    }
    default:
      break;
  }
  return { fields: f, evidence: ev };
}

/** The date a document bears, given its type: records carry it in their header. */
export function documentDate(type: DocumentType, text: string): string | null {
  const signed = readSignOffDate(text);
  if (type === 'INTERROGATION_RECORD' || type === 'INQUIRY_RECORD' || type === 'SEARCH_RECORD') {
    const head = text.slice(0, 600);
    const t = labelled(head, ['讯问时间', '询问时间', '搜查时间', '时间']);
    const d = t ? allDates(t.value)[0] : undefined;
    if (d) return d.date;
  }
  return signed;
}
