// Dates as forms print them: the sign-off under the seal (in Chinese numerals, through OCR
// damage), labelled times (执行拘留时间：…), and times stated in a sentence (于…将…刑事拘留).
import type { DateTimeMention } from '../../extract/datetime.js';
import { findDateTimes, parseSmallChineseNumber } from '../../extract/datetime.js';
import type { Reading } from './reading.js';
import { lineAt } from './text.js';

/** A time read off the form, with the line it stands on. */
export interface TimeRead {
  iso: string;
  line: string;
}

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
    if (
      d.time === null &&
      !d.range &&
      next &&
      next.time !== null &&
      next.date === d.date &&
      /^[ \t\u3000]{1,2}$/.test(text.slice(d.end, next.start))
    ) {
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

/** Years the document itself mentions: the one a damaged seal date most likely bears. */
export function yearsIn(text: string): Set<number> {
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
    const tail = (partial[1] ?? '')
      .split('')
      .map((c) => String(cnDigit(c)))
      .join('');
    // Birth years in the text are no sign-off's year.
    const latest = Math.max(...years);
    const fits = [...years].filter((y) => String(y).endsWith(tail) && y > latest - 10);
    if (fits.length !== 1) return null;
    t = `${String(fits[0])
      .split('')
      .map((c) => '〇一二三四五六七八九'[Number(c)])
      .join('')}${t.slice(partial[1]?.length ?? 0)}`;
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
      const near = [...years].filter(
        (y) =>
          String(y)
            .split('')
            .filter((c, i) => c !== read[i]).length === 1,
      );
      if (near.length === 1) year = near[0] ?? year;
    }
  } else if (bad === 1) {
    const fits = [...years].filter((y) =>
      String(y)
        .split('')
        .every((c, i) => digits[i] === null || digits[i] === Number(c)),
    );
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
    // "二〇二四年七月十": the seal hid the rest of the day and its 日; the day is not known.
    if (/月[〇零一二三四五六七八九十]{1,3}$/.test(line)) return null;
    // "二〇二三年九月二十日日": a numeral the seal hid left its 日 behind; the day is not known.
    if (d && d.time === null && /^[日〇零一二三四五六七八九十]/.test(line.slice(line.indexOf(d.text) + d.text.length))) return null;
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

/**
 * A date of birth, not of a procedural act: printed beside 出生/生于, or years before the
 * document's own date (an OCR-damaged form may leave a birth date where a time should be).
 */
export function isBirthDate(r: Reading, text: string, d: DateTimeMention): boolean {
  if (
    /(出生|生于|出生日期|生日)[：:\s]*$/.test(text.slice(Math.max(0, d.start - 8), d.start)) ||
    /^\s*(出生|生)/.test(text.slice(d.end, d.end + 3))
  )
    return true;
  const year = Number(d.date.slice(0, 4));
  const refYear = r.ref ? Number(r.ref.slice(0, 4)) : r.docYear;
  return refYear !== null && year <= refYear - 10;
}

/** First date-time written within `window` characters after `index`. */
export function dateAfter(r: Reading, text: string, index: number, window = 60): DateTimeMention | null {
  const slice = text.slice(index, index + window + 30);
  const d = allDates(slice, r.ref).filter((x) => !isBirthDate(r, slice, x))[0];
  if (!d || d.start > window) return null;
  return { ...d, start: d.start + index, end: d.end + index };
}

/**
 * A label as OCR may print it: spaces between its characters, and for labels of
 * four characters or more one character lost or misread (通知时间 → 通知时口).
 */
export function fuzzyLabel(label: string): string[] {
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
export function labelledTime(r: Reading, text: string, labels: readonly string[]): TimeRead | null {
  for (const pattern of [labels.map((l) => [...l].join('[ \\u3000]?')), labels.flatMap(fuzzyLabel)]) {
    const re = new RegExp(pattern.join('|'), 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const d = dateAfter(r, text, m.index + m[0].length, 24);
      if (d && d.time !== null) return { iso: d.iso, line: lineAt(text, m.index) };
    }
  }
  // A label followed by a date alone still dates the act.
  const re = new RegExp(labels.join('|'), 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = dateAfter(r, text, m.index + m[0].length, 24);
    if (d) return { iso: d.iso, line: lineAt(text, m.index) };
  }
  return null;
}

/** A time stated in a sentence: "于2024年3月5日12时20分将…刑事拘留". */
export function sentenceTime(r: Reading, text: string, verbs: RegExp): TimeRead | null {
  for (const d of allDates(text, r.ref)) {
    if (isBirthDate(r, text, d)) continue;
    const after = text.slice(d.end, d.end + 60).split(/[。；;\n]/)[0] ?? '';
    if (verbs.test(after)) return { iso: d.iso, line: lineAt(text, d.start) };
  }
  return null;
}
