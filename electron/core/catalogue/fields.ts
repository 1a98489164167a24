// What a reviewer reads off each form: its number, its sign-off date, and the
// facts the procedure rules need (session times and participants of a 笔录,
// execution and jail times of a warrant, when and whom a notice reached).
import type { DocumentType } from '../../../shared/vocab.js';
import type { DateTimeMention } from '../extract/datetime.js';
import { findDateTimes, parseSmallChineseNumber } from '../extract/datetime.js';
import { matchTitle } from './titles.js';
import { isSurnameAt } from '../extract/names.js';

// One definition of what a record's fields are: the facts contract the rules read.
export type { RecordFields } from '../rules/facts.js';
import type { RecordFields } from '../rules/facts.js';

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
      && !/^\s*([\u4e00-\u9fff、，,]{1,12}[：:]|问|答|第\s*\d+\s*页)/.test(next);
    out += (wrapped ? '' : '\n') + next;
  }
  return out;
}

// ------------------------------------------------------------ OCR repair ---

/**
 * What the case already knows about its people (consensus/lexicon.ts builds it from the
 * case's clean readings): a header token OCR damaged is read against it.
 */
export interface NameLexicon {
  /** The known name a token stands for (itself, or the one known name one character off); null when none. */
  correct(token: string, role?: string): string | null;
  /** A run of names printed without separators ("钱伟丁鑫"), split into known names; null when it is not one. */
  split(run: string): string[] | null;
  /** Roles and record labels (见证人 …) the case gives a name. */
  rolesOf(name: string): string[];
}

/**
 * Date damage OCR makes in printed forms, undone where the reading is unambiguous:
 * 日 read as 目/曰 or as the digits "11" ("10月101114时" is 10月10日14时), 分 read as a
 * digit after two minute digits ("13时194"), 至 read as 致 between two times.
 */
export function repairOcrDates(text: string): string {
  return text
    // "2 0 2 4年2月1 6日1 5时4 2分": spaces OCR put between single digits of a date.
    .replace(/(\d)\s*[肘吋]/g, '$1时')
    .replace(/(?<!\d)\d(?: \d(?!\d))+(?=\s*[年月日号时分点:：.\-/])/g, (run) => run.replace(/ /g, ''))
    .replace(/(\d{1,2}\s*月\s*\d{1,2})\s*[目曰月](?=\s*[\d上下中凌晚早傍])/g, '$1日')
    .replace(/(\d{1,2}\s*月)(\d{3,6})(?=\s*时)/g, (all: string, month: string, run: string) => {
      const readings: string[] = [];
      for (const dayLen of [1, 2]) {
        for (const junk of ['11', '1', '0', '8', '3']) {
          const day = run.slice(0, dayLen);
          if (!run.startsWith(junk, dayLen)) continue;
          const hour = run.slice(dayLen + junk.length);
          if (hour.length < 1 || hour.length > 2 || Number(day) < 1 || Number(day) > 31 || Number(hour) > 23 || /^0\d/.test(day)) continue;
          readings.push(`${month}${day}日${hour}`);
        }
      }
      const distinct = [...new Set(readings)];
      return distinct.length === 1 ? (distinct[0] ?? all) : all;
    })
    .replace(/(\d{1,2}\s*时\s*[0-5]\d)\d(?![\d分])/g, '$1分')
    .replace(/([时分])\s*致\s*(?=\d|同日|次日|当日|翌日)/g, '$1至')
    // 19;55 after a date: a colon OCR read as a semicolon.
    .replace(/((?:\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|\d{1,2}\s*日)\s*\d{1,2})\s*[;；]\s*(\d{2})(?!\d)/g, '$1:$2');
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
  return new Set([...text.matchAll(/((?:19|20)\d{2})\s*[年.\-/〕\]）)】］]/g)].map((m) => Number(m[1])));
}

/**
 * A seal date in Chinese numerals read through OCR damage: 年/月/日 lost or
 * misread, spaces inside, at most one year digit unreadable (restored from the
 * years the document mentions). Only an unambiguous reading is returned.
 */
export function looseChineseDate(line: string, years: Set<number>): string | null {
  let t = line.replace(/[\s\u3000]/g, '').replace(/[（(]?印[)）]?$/, '');
  // The year's first digits lost at the seal's edge ("四年二月二十四日"): the one year the
  // document mentions that ends so stands for them.
  const partial = new RegExp(`^(${CN_YEAR_DIGIT}{1,3})年(?=[${CN_SMALL}]{1,2}月)`).exec(t);
  if (partial) {
    const tail = (partial[1] ?? '').split('').map((c) => String(cnDigit(c))).join('');
    // Birth years in the text are no sign-off's year.
    const latest = Math.max(...years);
    const fits = [...years].filter((y) => String(y).endsWith(tail) && y > latest - 10);
    if (fits.length !== 1) return null;
    t = `${String(fits[0]).split('').map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}${t.slice(partial[1]?.length ?? 0)}`;
  }
  // 日 read as "11" or "日1" after the day.
  t = t.replace(/([一二三四五六七八九十廿卅])(?:11|1|日1)$/, '$1日');
  // A seal cut at the edge and ending short ("二四年三月二" for 二〇二四年三月二十日) is no date.
  if (partial && !/日$/.test(t)) return null;
  if ([...t].length < 7 || [...t].length > 13) return null;
  const yearChars = [...t].slice(0, 4);
  let year: number | null = null;
  const digits = yearChars.map(cnDigit);
  const bad = digits.filter((d) => d === null).length;
  if (bad === 0) {
    year = digits.reduce<number>((y, d) => y * 10 + (d ?? 0), 0);
    // 〇 misread as 一 ("二一二三年" for 二〇二三年): the one year the document mentions that is a digit away.
    if (years.size > 0 && !years.has(year)) {
      const read = String(year);
      const near = [...years].filter((y) => String(y).split('').filter((c, i) => c !== read[i]).length === 1);
      if (near.length === 1) year = near[0] ?? year;
    }
  } else if (bad === 1) {
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
      // Nobody writes 一十一: it is 二十一 or 十一 damaged, and which one cannot be told.
      if (/^一十/.test(monthText) || /^一十/.test(dayText)) continue;
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

const PARTIAL_SEAL = new RegExp(`^${CN_YEAR_DIGIT}{1,3}年[${CN_SMALL}]{1,2}月[${CN_SMALL}]{1,3}`);

// A seal date whose second year digit OCR damaged ("二C二三年十月十八日"): three of the
// first four characters are year digits and a month or day follows.
function sealLike(line: string): boolean {
  const cs = [...line];
  if (cs.length < 7 || cs.length > 13) return false;
  return cs.slice(0, 4).filter((c) => cnDigit(c) !== null).length >= 3 && /[年月日十]/.test(line);
}

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
    if (!(SEAL_LINE.test(line) || sealLike(line) || PARTIAL_SEAL.test(line)) || /\d{3}/.test(line)) continue;
    const d = allDates(line)[0];
    if (d && d.time === null) return d.date;
    const loose = looseChineseDate(line, years);
    if (loose) return loose;
  }
  const tail = lines.slice(-12);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = (tail[i] ?? '').trim();
    // The date of another act printed near the foot (委托日期, 出生日期) is not the sign-off.
    if (/委托|出生|送检|受理|收到|聘请/.test(line)) continue;
    const ds = allDates(line);
    const d = ds[ds.length - 1];
    if (d && line.length - d.text.length <= 10) return d.date;
  }
  return null;
}

// ------------------------------------------------------------ label/value ---

interface Found { value: string; line: string; index: number }

/** The value after a label on its line ("侦查员：郑凯、冯磊", "被拘留人 张三 性别 男"). */
function labelled(text: string, labels: readonly string[], from = 0, fuzzy = false, requireColon = false): Found | null {
  // 姓名、单位 as printed, or with one character of it misread (姊名、单位, 姓名，单位).
  const suffix = `(?:[^\\s：:]?名[、，,.]?(?:工作)?单[位立]|姓名|\\s*[（(](?:签名|签字|盖章|姓名)[)）])?`;
  const re = new RegExp(`(?<!被)(?:${labels.join('|')})${suffix}\\s*[：:]${requireColon ? '' : '?'}[ \\t\\u3000]*([^\\n]*)`, 'g');
  re.lastIndex = from;
  let m = re.exec(text);
  if (!m && fuzzy) {
    // A label OCR damaged (侦査员, 记灵员, 地炎): one character off, and then a colon to be sure.
    const variants = labels.flatMap((l) => {
      const cs = [...l];
      if (cs.length < 2) return [];
      if (cs.length === 2) return [`(?<=^|\\n)[ \\t\\u3000“"|]*${cs[0]}[^\\s：:、，]`];
      // One character misread, possibly as two glyphs (见iE人 for 见证人).
      return cs.map((_, i) => cs.map((c, j) => (j === i ? '[^\\s：:、，被]{1,2}' : c)).join(''));
    });
    if (variants.length) {
      const fz = new RegExp(`(?<!被)(?:${variants.join('|')})${suffix}\\s*[：:][ \\t\\u3000]*([^\\n]*)`, 'g');
      fz.lastIndex = from;
      m = fz.exec(text);
    }
  }
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

// Labels that may follow a name on its line with the space between them lost in OCR.
const INLINE_LABEL = /(?:性别|出生|民族|年龄|身份|住址|现住|户籍|联系|电话|职务|保管人|持有人|见证人|记录员|记录人|侦查员|侦查人员|询问人|讯问人|被讯问人|被询问人|执行人|执行时间|通知时间|[\u4e00-\u9fff]{0,2}人\s*[：:]|[\u4e00-\u9fff]{0,2}时间)/;
// An organ's name that follows the names ("王雅琴绍兴市公安局…" when OCR lost the space).
const ORGAN_HEAD = /^(?:[\u4e00-\u9fff]{2}(?:省|市|县|盟|州)|[\u4e00-\u9fff]{2}区(?:分局|公安|人民)|公安|派出所|刑事侦|刑侦|看守所|检察院|人民检察|价格认|司法鉴)/;

/** The lexicon of the case being read, while readFields runs (set and cleared around each call). */
let lexicon: NameLexicon | null = null;
/** The latest year the document being read mentions: its own year when its seal date is unreadable. */
let docYear: number | null = null;

function surnameAt(s: string, i: number): boolean {
  return isSurnameAt(s, i, true) > 0;
}

/** One run of Han characters from a names field: a name, several names, or names and an organ. */
function namesInRun(run: string, role: string | undefined): string[] {
  const cut = INLINE_LABEL.exec(run.slice(1));
  // "李家乐的见证下": a name, then the sentence it stands in.
  let t = (cut ? run.slice(0, cut.index + 1) : run).split('的')[0] ?? '';
  if (ORGAN_HEAD.test(t)) return [];
  const known = lexicon?.correct(t, role);
  if (known) return [known];
  const split = lexicon?.split(t);
  if (split?.length) return split;
  if (t.length >= 4) {
    for (let k = 2; k <= Math.min(4, t.length - 2); k++) {
      if (ORGAN_HEAD.test(t.slice(k)) && surnameAt(t, 0)) {
        t = t.slice(0, k);
        break;
      }
    }
  }
  if (t.length >= 4 && t.length <= 7 && !/^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|西门|南宫|独孤|呼延)[\u4e00-\u9fff]{2}$/.test(t)) {
    // Two names run together: each part starts with a surname.
    for (const k of [2, 3, 4]) {
      const a = t.slice(0, k);
      const b = t.slice(k);
      if (b.length >= 2 && b.length <= 3 && surnameAt(a, 0) && surnameAt(b, 0)) return [a, b].map((n) => lexicon?.correct(n, role) ?? n);
    }
  }
  return [lexicon?.correct(t, role) ?? t];
}

function names(value: string, role?: string): string[] {
  // A value holds no colon: one means the next field's label, its space lost in OCR
  // ("郭宇航绍兴市…大队.见证人：赵娜" — 赵娜 is the witness, not an investigator).
  const v = cutAtNextLabel(value).replace(/[（(][^）)]*[)）]/g, ' ').split(/[：:]/)[0] ?? '';
  const out: string[] = [];
  // Anything but a Han character separates: 、 and spaces as printed, pipes and stray
  // Latin letters as OCR prints a form's rules and specks.
  for (const run of v.split(/[^\u4e00-\u9fff·]+/)) {
    if (run.length < 2) continue;
    let any = false;
    for (const n of namesInRun(run.trim(), role)) {
      // A name starts with a surname (any, however rare, or a known name): "听清楚了吗" is prose.
      const plausible = n.includes('·') || isSurnameAt(n, 0, false) > 0 || lexicon?.correct(n) === n;
      if (!plausible || !/^[\u4e00-\u9fff·]{2,5}$/.test(n) || NOT_A_NAME.test(n)) continue;
      any = true;
      if (!out.includes(n)) out.push(n);
    }
    // The list ends at the first run that holds no name, or at the unit after the names:
    // what follows is prose ("上官杰的见证下，对…银行卡2张") or another field.
    if (!any || run.length > 5) break;
  }
  return out;
}

function firstName(value: string, role?: string): string | null {
  return names(value, role)[0] ?? null;
}

/**
 * A date of birth, not of a procedural act: printed beside 出生/生于, or years before the
 * document's own date (an OCR-damaged form may leave a birth date where a time should be).
 */
function isBirthDate(text: string, d: DateTimeMention, ref: string | null): boolean {
  if (/(出生|生于|出生日期|生日)[：:\s]*$/.test(text.slice(Math.max(0, d.start - 8), d.start)) || /^\s*(出生|生)/.test(text.slice(d.end, d.end + 3))) return true;
  const year = Number(d.date.slice(0, 4));
  const refYear = ref ? Number(ref.slice(0, 4)) : docYear;
  return refYear !== null && year <= refYear - 10;
}

/** First date-time written within `window` characters after `index`. */
function dateAfter(text: string, index: number, ref: string | null, window = 60): DateTimeMention | null {
  const slice = text.slice(index, index + window + 30);
  const d = allDates(slice, ref).filter((x) => !isBirthDate(slice, x, ref))[0];
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
    if (isBirthDate(text, d, ref)) continue;
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
    const found = labelled(head, [l]) ?? labelled(head, [l], 0, true);
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
  const placeLabels = kind === 'search' ? ['搜查地点', '地点'] : kind === 'seizure' ? ['扣押地点', '地点'] : ['讯问地点', '询问地点', '地点'];
  const place = labelled(head, placeLabels) ?? labelled(head, placeLabels, 0, true);
  if (place) {
    f.place = cutAtNextLabel(place.value).split(/侦查员|侦查人员|讯问人|询问人|记录员|记录人|被讯问人|被询问人/)[0]?.replace(/[。.，,|_\s]+$/, '')
      // 看守所 with its middle character misread (看字所): the rules tell a jail by its name.
      .replace(/看[\u4e00-\u9fff]所/g, '看守所') || null;
    ev.place = place.line;
  }
  const officerLabels = kind === 'interrogation'
    ? ['讯问人', '侦查员', '侦查人员', '民警']
    : kind === 'inquiry' ? ['询问人', '侦查员', '侦查人员', '民警'] : ['搜查人员', '扣押人员', '侦查员', '侦查人员', '执行人'];
  const officers = labelled(head, officerLabels) ?? labelled(head, officerLabels.filter((l) => l.length >= 3), 0, true);
  if (officers) {
    f.investigators = names(officers.value, 'OFFICER');
    ev.investigators = officers.line;
  }
  // The header's list damaged or lost: the signatures at the foot list the investigators again.
  if ((f.investigators?.length ?? 0) < 2) {
    const confirm = text.lastIndexOf('以上笔录');
    const tail = text.slice(confirm >= 0 ? confirm : Math.max(0, text.length - 250));
    const foot = labelled(tail, officerLabels) ?? labelled(tail, officerLabels.filter((l) => l.length >= 3), 0, true);
    const again = foot ? names(foot.value, 'OFFICER') : [];
    const had = f.investigators ?? [];
    if (foot && again.length > had.length && had.every((n) => again.includes(n))) {
      f.investigators = again;
      ev.investigators = foot.line;
    }
  }
  const recorder = labelled(head, ['记录人', '记录员']) ?? labelled(head, ['记录人', '记录员'], 0, true);
  if (recorder) {
    f.recorder = firstName(recorder.value, 'OFFICER');
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
    // The field "见证人：…" before the words "在见证人…的见证下" of the record's prose.
    const found = labelled(head, [lab], 0, false, true) ?? labelled(head, [lab], 0, true) ?? labelled(head, [lab]);
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

// Labels of a seizure list other than the witness's: 持有人, 保管人, 侦查人员 …
const NOT_WITNESS_LABEL = /(持有|保管|扣押|通知|告知|讯问|询问|记录|执行|侦查|负责|批准|审批|当事|报案|鉴定|证明|代理|责任|联系|经办|承办|办案)人$/;

/** A 见证人 whose label OCR damaged ("R人：蒋敏"): a "…人：" label on a name the case knows as a witness. */
function witnessByLexicon(text: string): Found | null {
  if (!lexicon) return null;
  const re = /([^\s：:，,。；]{0,2}人)\s*[：:]\s*([\u4e00-\u9fff·]{2,4})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = m[1] ?? '';
    if (NOT_WITNESS_LABEL.test(label)) continue;
    const name = lexicon.correct(m[2] ?? '') ?? m[2] ?? '';
    const named = [2, 3, 4].map((k) => name.slice(0, k)).find((n) => lexicon?.rolesOf(n).includes('见证人'));
    if (named) return { value: named, line: lineAt(text, m.index), index: m.index };
  }
  return null;
}

function subjectOf(text: string, labels: readonly string[]): { name: string; line: string } | null {
  const found = labelled(text, labels);
  const labelledName = found ? firstName(found.value, 'SUBJECT') : null;
  // 对犯罪嫌疑人张三执行拘留 / 将涉嫌盗窃罪的张三刑事拘留 / 对涉嫌诈骗罪的罗芳（性别女…
  const m = /(?:犯罪嫌疑人|被告人|被害人|证人)\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,（(\s]|执行|刑事|取保|监视|涉嫌|于|性别|的)/.exec(text)
    ?? /罪的\s*([\u4e00-\u9fff·]{2,4}?)(?=刑事拘留|执行逮捕|拘留|逮捕|[（(]\s*性别)/.exec(text);
  const sentence = m ? { name: m[1] ?? '', line: lineAt(text, m.index) } : null;
  // OCR damaged the signature field ("罗芬麂"): the name the case knows, from the sentence, wins.
  if (found && labelledName && lexicon && sentence && lexicon.correct(labelledName) !== labelledName && lexicon.correct(sentence.name) === sentence.name) return sentence;
  if (found && labelledName) return { name: labelledName, line: found.line };
  return sentence;
}

/** A known name hidden in a damaged reading ("罗3芳水" is 罗芳): its characters in order, noise removed. */
function knownIn(raw: string): string | null {
  if (!lexicon) return null;
  const han = raw.replace(/[^\u4e00-\u9fff·]/g, '').slice(0, 6);
  for (let len = 4; len >= 2; len--) {
    for (let i = 0; i + len <= han.length && i <= 1; i++) {
      const c = han.slice(i, i + len);
      if (lexicon.correct(c) === c) return c;
    }
  }
  return null;
}

/** Whom a notice is addressed to: 被通知人 field or the salutation line "李秀英：". */
function recipientOf(text: string): { name: string; line: string } | null {
  const found = labelled(text, ['被通知人', '被告知人', '通知对象', '家属姓名', '收件人']);
  const head = text.split('\n').slice(0, 15);
  const salutation = ((): { name: string; line: string } | null => {
    for (const line of head) {
      const m = /^\s*([\u4e00-\u9fff·]{2,4}?)(?:（[^）]*）)?(?:家属)?\s*[：:]\s*$/.exec(line);
      if (m && !NOT_A_NAME.test(m[1] ?? '')) return { name: m[1] ?? '', line: line.trim() };
    }
    // The colon lost: a line holding only a name the case knows.
    for (const line of head.slice(0, 6)) {
      const t = line.replace(/[\s：:;；,，.。|“"_-]/g, '');
      if (lexicon && /^[\u4e00-\u9fff·]{2,4}$/.test(t) && lexicon.correct(t) === t) return { name: t, line: line.trim() };
    }
    return null;
  })();
  if (found) {
    const n = firstName(found.value);
    // A signature OCR damaged: the known name inside it, else the salutation, else the reading.
    if (lexicon && (!n || lexicon.correct(n) !== n)) {
      const k = knownIn(found.value);
      if (k) return { name: k, line: found.line };
      if (salutation) return salutation;
    }
    if (n) return { name: n, line: found.line };
  }
  return salutation;
}

const EXECUTED_DETENTION = ['执行拘留时间', '拘留时间', '执行时间'];
const CUSTODY = ['送看守所时间', '送押时间', '送达看守所时间', '送看守所羁押时间', '入所时间', '收押时间'];
const NOTIFIED = ['通知时间', '通知日期', '送达时间'];

export interface FieldsRead { fields: RecordFields; evidence: FieldEvidence }

/**
 * The fields of one document of a known type. `date` is its sign-off date, the
 * reference for times written without a date (至次日1时10分, 同日).
 */
export function readFields(type: DocumentType, printed: string, date: string | null, opts: { lexicon?: NameLexicon | null } = {}): FieldsRead {
  const outer = [lexicon, docYear] as const;
  lexicon = opts.lexicon ?? null;
  const text = repairOcrDates(flowText(printed));
  docYear = Math.max(0, ...yearsIn(text)) || null;
  try {
    return readFieldsOf(type, text, date);
  } finally {
    [lexicon, docYear] = outer;
  }
}

function readFieldsOf(type: DocumentType, text: string, date: string | null): FieldsRead {
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
      {
        // A summons lasts hours, not months: an arrival dated far from the end is a damaged
        // month or day ("2023年1咤15日"), and the end's day (or the day before) is the arrival's.
        const st = typeof f.start === 'string' ? f.start : null;
        const en = typeof f.end === 'string' ? f.end : null;
        if (st && en && st.length > 10 && en.length > 10) {
          const gap = Date.parse(en) - Date.parse(st);
          if (gap < 0 || gap > 24 * 3600_000) {
            const sameDay = `${en.slice(0, 10)}${st.slice(10)}`;
            const fixed = Date.parse(sameDay) <= Date.parse(en) ? sameDay : new Date(Date.parse(sameDay) - 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10) + st.slice(10);
            f.readings = [{ field: 'start', original: st, corrected: fixed, confidence: 0.6 }];
            f.start = fixed;
          }
        }
      }
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
      if (type === 'SEIZURE_LIST') {
        const w = labelled(text, ['见证人']) ?? labelled(text, ['见证人'], 0, true) ?? witnessByLexicon(text);
        const n = w ? names(w.value) : [];
        if (w && n.length) {
          f.attendees = n.map((name) => ({ role: '见证人', name }));
          ev['attendee:见证人'] = w.line;
        }
      }
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
export function documentDate(type: DocumentType, printed: string): string | null {
  const text = repairOcrDates(printed);
  const signed = readSignOffDate(text);
  if (type === 'INTERROGATION_RECORD' || type === 'INQUIRY_RECORD' || type === 'SEARCH_RECORD') {
    const head = text.slice(0, 600);
    const t = labelled(head, ['讯问时间', '询问时间', '搜查时间', '时间']);
    const d = t ? allDates(t.value)[0] : undefined;
    if (d) return d.date;
  }
  return signed;
}
