// Over 400 lines on purpose: one parser — the date, time, period and range readers are private steps of findDateTimes
// over the same folded text and Chinese numerals; only it and the numeral helpers leave the file.
// Dates and times as case documents write them (RULES.md "Identifiers and formats").
// Text is folded character-for-character (full-width digits, colons), so every
// offset found on the folded copy is an offset into the original text.
import { isRealDate, pad2 } from './validate.js';
import { addDays } from '../../../shared/case-time.js';

export { addDays };

export interface DateTimeEnd {
  date: string;
  time: string | null;
  iso: string;
}

export interface DateTimeMention {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm (24 h) */
  time: string | null;
  /** 'YYYY-MM-DDTHH:mm:00+08:00' with a time, 'YYYY-MM-DD' without. */
  iso: string;
  /** 许 / 左右: the time is approximate. */
  approx?: boolean;
  range?: { end: DateTimeEnd };
  /** 凌晨/上午/晚上…: the part of the day when no clock time is given (or alongside it). */
  period?: string;
  /** 'month' for 2017年6月(份) mentions, which are only found with `months: true`. */
  precision?: 'day' | 'month';
}

export interface DateTimeRef {
  /** The document's own date (YYYY-MM-DD): year-less dates, lone times and 同日/次日 resolve from it. */
  date?: string;
  /** Also report month-precision mentions (2017年6月份): date is the 1st, precision 'month'. */
  months?: boolean;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  '0': 0,
  O: 0,
  o: 0,
  Ｏ: 0,
  '◯': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_ZERO = '〇○零0OoＯ◯';
const CN_DIGITS = `${CN_ZERO}一二三四五六七八九`;
const CN_SMALL = '一二两三四五六七八九十廿卅零〇';

/** 十一 → 11, 二十六 → 26, 廿三 → 23, 三 → 3; up to 99. */
export function parseSmallChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十|廿|卅)?([一二三四五六七八九零〇])?$/.exec(s);
  if (!m || s === '') return null;
  const [, a, ten, b] = m;
  let n = 0;
  if (ten) {
    const base = ten === '廿' ? 20 : ten === '卅' ? 30 : 10;
    if (ten !== '十' && a) return null;
    n = ten === '十' ? (a ? (CN_DIGIT[a] ?? 0) : 1) * 10 : base;
  } else if (a && b) return null;
  else if (a) return CN_DIGIT[a] ?? null;
  if (b) n += CN_DIGIT[b] ?? 0;
  return n;
}

function cnYear(s: string): number | null {
  if (s.length !== 4) return null;
  let y = 0;
  for (const c of s) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    y = y * 10 + d;
  }
  return y;
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || !isRealDate(y, m, d)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 二〇二二年十一月十六日 (〇 also ○, 零, 0 or O as OCR reads it) → 2022-11-16. */
export function parseChineseNumeralDate(s: string): string | null {
  const m = new RegExp(`^\\s*([${CN_DIGITS}]{4})\\s*年\\s*([${CN_SMALL}]{1,3})\\s*月\\s*([${CN_SMALL}]{1,3})\\s*[日号]\\s*$`).exec(s);
  if (!m) return null;
  const y = cnYear(m[1] ?? '');
  const mo = parseSmallChineseNumber(m[2] ?? '');
  const d = parseSmallChineseNumber(m[3] ?? '');
  if (y === null || mo === null || d === null) return null;
  return ymd(y, mo, d);
}

function fold(text: string): string {
  return text.replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function iso(date: string, time: string | null): string {
  return time ? `${date}T${time}:00+08:00` : date;
}

type DatePart =
  | { kind: 'full'; date: string; end: number; month?: boolean }
  | { kind: 'monthDay'; month: number; day: number; yearOffset: number | null; end: number }
  | { kind: 'day'; day: number; end: number }
  | { kind: 'relative'; offset: number; end: number };

const RELATIVE: [string, number][] = [
  ['同日', 0],
  ['当日', 0],
  ['当天', 0],
  ['同天', 0],
  ['是日', 0],
  ['本日', 0],
  ['次日', 1],
  ['翌日', 1],
  ['第二天', 1],
  ['次晨', 1],
  ['隔天', 1],
  ['隔日', 1],
  ['前一天', -1],
  ['前日', -1],
];

const PERIODS = [
  '凌晨',
  '清晨',
  '早晨',
  '早上',
  '上午',
  '中午',
  '午间',
  '下午',
  '傍晚',
  '晚上',
  '夜间',
  '夜里',
  '深夜',
  '半夜',
  '午夜',
  '晚间',
  '早',
  '晚',
  '夜',
];

const OPEN_BRACKETS = '〔[［（(【';

function parseDatePart(s: string, i: number, allowDayOnly: boolean, months: boolean): DatePart | null {
  const rest = s.slice(i, i + 40);
  let m: RegExpExecArray | null;
  // A year in a document number (〔2024〕, [2024], （2024）) is never a date.
  if (/^\d{4}[〕\]］）)】]/.test(rest) && i > 0 && OPEN_BRACKETS.includes(s[i - 1] ?? '')) return null;
  if ((m = /^(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/.exec(rest))) {
    const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { kind: 'full', date, end: i + m[0].length } : null;
  }
  if ((m = /^(\d{4})\s?年\s?(\d{1,2})\s?月(份)?(?![\d日号])/.exec(rest))) {
    if (!months) return null;
    const date = ymd(Number(m[1]), Number(m[2]), 1);
    return date ? { kind: 'full', date, end: i + m[0].length, month: true } : null;
  }
  if ((m = new RegExp(`^([${CN_DIGITS}]{4})\\s?年\\s?([${CN_SMALL}]{1,3})\\s?月\\s?([${CN_SMALL}]{1,3})\\s?[日号]`).exec(rest))) {
    const date = parseChineseNumeralDate(m[0]);
    return date ? { kind: 'full', date, end: i + m[0].length } : null;
  }
  if ((m = /^(\d{4})([./-])(\d{1,2})\2(\d{1,2})(?![\d.])/.exec(rest))) {
    const date = ymd(Number(m[1]), Number(m[3]), Number(m[4]));
    return date ? { kind: 'full', date, end: i + m[0].length } : null;
  }
  if ((m = /^(同年|当年|是年|次年|翌年|)(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]/.exec(rest))) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const yearOffset = m[1] === '' ? null : m[1] === '次年' || m[1] === '翌年' ? 1 : 0;
    return { kind: 'monthDay', month: mo, day: d, yearOffset, end: i + m[0].length };
  }
  if ((m = new RegExp(`^(同年|当年|次年|翌年|)([${CN_SMALL}]{1,3})月([${CN_SMALL}]{1,3})[日号]`).exec(rest))) {
    const mo = parseSmallChineseNumber(m[2] ?? '');
    const d = parseSmallChineseNumber(m[3] ?? '');
    if (mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const yearOffset = m[1] === '' ? null : m[1] === '次年' || m[1] === '翌年' ? 1 : 0;
    return { kind: 'monthDay', month: mo, day: d, yearOffset, end: i + m[0].length };
  }
  // 同月20日: a day of the month just named.
  if ((m = new RegExp(`^(?:同月|当月|本月)(\\d{1,2}|[${CN_SMALL}]{1,3})[日号]`).exec(rest))) {
    const d = num(m[1] ?? '');
    return d !== null && d >= 1 && d <= 31 ? { kind: 'day', day: d, end: i + m[0].length } : null;
  }
  for (const [word, offset] of RELATIVE) {
    if (rest.startsWith(word)) return { kind: 'relative', offset, end: i + word.length };
  }
  if (allowDayOnly && (m = /^(\d{1,2})\s?[日号]/.exec(rest))) {
    const d = Number(m[1]);
    return d >= 1 && d <= 31 ? { kind: 'day', day: d, end: i + m[0].length } : null;
  }
  return null;
}

interface TimePart {
  hour: number;
  minute: number;
  end: number;
  approx: boolean;
}

const HOUR = `(\\d{1,2}|[${CN_SMALL}]{1,3})`;
const MINUTE = `(\\d{1,2}|[${CN_SMALL}]{1,3})`;

function num(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : parseSmallChineseNumber(s);
}

function parseTimePart(s: string, i: number, hasContext: boolean): TimePart | null {
  const rest = s.slice(i, i + 24);
  let m: RegExpExecArray | null;
  let hour: number | null = null;
  let minute: number | null = 0;
  let len = 0;
  let chinese = false;
  if ((m = /^(\d{1,2})\s?:\s?(\d{2})(?!\d)(?::\d{2}(?!\d))?/.exec(rest))) {
    hour = Number(m[1]);
    minute = Number(m[2]);
    len = m[0].length;
  } else if (
    (m = new RegExp(
      `^${HOUR}\\s?[时点]\\s?(?:(半)|${MINUTE}\\s?分(?:\\s?(?:\\d{1,2}|[${CN_SMALL}]{1,3})\\s?秒)?|(?:(?:\\d{1,2})(?![\\d分])))?`,
    ).exec(rest))
  ) {
    hour = num(m[1] ?? '');
    chinese = !/^\d/.test(m[1] ?? '');
    if (m[2]) minute = 30;
    else if (m[3]) minute = num(m[3]);
    else {
      // "14点30" without 分: the trailing digits are the minutes.
      const tail = /^(?:\d{1,2}|[一-龥]{1,3})\s?[时点]\s?(\d{1,2})$/.exec(m[0]);
      minute = tail ? Number(tail[1]) : 0;
    }
    len = m[0].length;
  }
  if (hour === null || minute === null || hour > 24 || minute > 59) return null;
  let after = rest.slice(len);
  let approx = false;
  const a = /^\s?(许|左右|多|余)/.exec(after);
  if (a) {
    approx = true;
    len += a[0].length;
    after = after.slice(a[0].length);
  }
  const tail = /^钟/.exec(after);
  if (tail) len += 1;
  // 一时/一点 in prose (一时冲动, 有一点) are not clock times: Chinese numerals need a date or period before them.
  if (chinese && !hasContext && !approx && !tail) return null;
  return { hour, minute, end: i + len, approx };
}

function applyPeriod(hour: number, period: string | null): { hour: number; nextDay: boolean } {
  if (hour === 24) return { hour: 0, nextDay: true };
  if (!period) return { hour, nextDay: false };
  if (['下午', '傍晚', '晚上', '夜间', '夜里', '晚间', '晚'].includes(period) && hour < 12) return { hour: hour + 12, nextDay: false };
  if (['深夜', '夜', '半夜', '午夜'].includes(period)) {
    if (hour === 12) return { hour: 0, nextDay: true };
    if (hour >= 6 && hour < 12) return { hour: hour + 12, nextDay: false };
  }
  if (period === '中午' || period === '午间') return { hour: hour >= 1 && hour <= 3 ? hour + 12 : hour, nextDay: false };
  if (period === '凌晨' && hour === 12) return { hour: 0, nextDay: false };
  return { hour, nextDay: false };
}

interface Point {
  start: number;
  end: number;
  date: string | null;
  dateKind: DatePart['kind'] | null;
  time: string | null;
  approx: boolean;
  period: string | null;
  month: boolean;
}

function resolveDate(part: DatePart, ctx: string | null): string | null {
  switch (part.kind) {
    case 'full':
      return part.date;
    case 'relative':
      return ctx ? addDays(ctx, part.offset) : null;
    case 'monthDay': {
      if (!ctx) return null;
      const y = Number(ctx.slice(0, 4)) + (part.yearOffset ?? 0);
      return ymd(y, part.month, part.day);
    }
    case 'day': {
      if (!ctx) return null;
      return ymd(Number(ctx.slice(0, 4)), Number(ctx.slice(5, 7)), part.day);
    }
  }
}

function parsePoint(s: string, i: number, ctx: string | null, isRangeEnd: boolean, months: boolean): Point | null {
  let p = i;
  const dp = parseDatePart(s, p, isRangeEnd, months);
  let date: string | null = null;
  let month = false;
  if (dp) {
    date = resolveDate(dp, ctx);
    if (!date) return null;
    month = dp.kind === 'full' && dp.month === true;
    p = dp.end;
    const wd = /^\s?[（(]\s?(?:星期|礼拜|周)[一二三四五六日天]\s?[)）]|^\s?(?:星期|礼拜)[一二三四五六日天]/.exec(s.slice(p, p + 12));
    if (wd) p += wd[0].length;
  }
  // "2022.11.16 14:30": a space may separate the date from the clock time.
  const dateEnd = p;
  if (dp) {
    const ws = /^[ \t\u3000]{1,2}/.exec(s.slice(p, p + 2));
    if (ws) p += ws[0].length;
  }
  let period: string | null = null;
  {
    const rest = s.slice(p, p + 6);
    const lead = /^\s?的?/.exec(rest)?.[0].length ?? 0;
    for (const w of PERIODS) {
      if (rest.startsWith(w, lead)) {
        // 早/晚/夜 alone only right after a date ("6月28日晚"); elsewhere they are ordinary words.
        if (w.length === 1 && !dp) break;
        period = w;
        p += lead + w.length;
        break;
      }
    }
  }
  if (month && period) {
    month = false;
  }
  const tp = parseTimePart(s, p, dp !== null || period !== null);
  let time: string | null = null;
  let approx = false;
  if (tp) {
    const { hour, nextDay } = applyPeriod(tp.hour, period);
    if (!date) {
      if (!ctx) return null;
      date = ctx;
    }
    if (nextDay) date = addDays(date, 1);
    time = `${pad2(hour)}:${pad2(tp.minute)}`;
    approx = tp.approx;
    p = tp.end;
  } else if (period && !date) {
    return null;
  } else if (!period) {
    p = dateEnd;
  }
  if (!date) return null;
  if (month && !tp) {
    const tail = /^的一天/.exec(s.slice(p, p + 4));
    if (tail) p += tail[0].length;
  }
  if (!tp) {
    const a = /^许|^左右/.exec(s.slice(p, p + 2));
    if (a && period) {
      approx = true;
      p += a[0].length;
    }
  }
  return { start: i, end: p, date, dateKind: dp?.kind ?? null, time, approx, period, month };
}

const RANGE_JOIN = /^\s?(至|到|～|~|—{1,2}|－|-)\s?/;

/** Every date, time and date-time range in `text`, in order of appearance. */
export function findDateTimes(text: string, ref?: DateTimeRef): DateTimeMention[] {
  const s = fold(text);
  const out: DateTimeMention[] = [];
  let ctx: string | null = ref?.date && /^\d{4}-\d{2}-\d{2}$/.test(ref.date) ? ref.date : null;
  const months = ref?.months === true;
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    const prev = i > 0 ? (s[i - 1] ?? '') : '';
    // Start only where a number or word begins: never inside a digit run or a longer numeral.
    const startable =
      /[\d同当是次翌第隔前本凌清早上中午下傍晚夜深半一二三四五六七八九十廿卅〇○零OoＯ◯两]/.test(c) &&
      prev !== '第' &&
      !(
        /\d/.test(c) &&
        (/\d/.test(prev) ||
          (/[.\-/:]/.test(prev) &&
            !/^\d{4}\s?年/.test(s.slice(i, i + 6)) &&
            !(prev === ':' && /^\d{4}([./-])\d{1,2}\1\d{1,2}/.test(s.slice(i, i + 10)))))
      ) &&
      !(/[一二三四五六七八九十〇○零两]/.test(c) && /[一二三四五六七八九十〇○零两第]/.test(prev));
    if (!startable) {
      i++;
      continue;
    }
    const pt = parsePoint(s, i, ctx, false, months);
    if (!pt || pt.end === i) {
      i++;
      continue;
    }
    if (pt.dateKind === null && pt.time === null) {
      i++;
      continue;
    }
    if (!pt.month) ctx = pt.date;
    const mention: DateTimeMention = {
      start: pt.start,
      end: pt.end,
      text: text.slice(pt.start, pt.end),
      date: pt.date ?? '',
      time: pt.time,
      iso: iso(pt.date ?? '', pt.time),
    };
    if (pt.approx) mention.approx = true;
    if (pt.period) mention.period = pt.period;
    if (pt.month) mention.precision = 'month';
    const j = RANGE_JOIN.exec(s.slice(pt.end, pt.end + 4));
    if (j && pt.date && !pt.month) {
      const endPt = parsePoint(s, pt.end + j[0].length, pt.date, true, false);
      if (endPt && (endPt.dateKind !== null || endPt.time !== null)) {
        let endDate = endPt.date ?? pt.date;
        // "22时至1时" on one date: the end falls on the next day.
        if (endPt.dateKind === null && pt.time && endPt.time && endPt.time < pt.time) endDate = addDays(endDate, 1);
        mention.end = endPt.end;
        mention.text = text.slice(mention.start, mention.end);
        mention.range = { end: { date: endDate, time: endPt.time, iso: iso(endDate, endPt.time) } };
        if (endPt.dateKind !== null) ctx = endDate;
      }
    }
    out.push(mention);
    i = mention.end;
  }
  return out;
}
