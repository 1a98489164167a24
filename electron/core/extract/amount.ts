// Sums of money normalised to yuan. Value thresholds in theft and fraud decide the
// charge, so "4.8万元" and "肆万捌仟元" must come out as the same number.
import { foldDigits } from './validate.js';

export interface AmountMention {
  start: number;
  end: number;
  text: string;
  /** Yuan. */
  value: number;
  /** 余/多/约/左右: an approximate figure. */
  approx?: boolean;
}

const CN_NUM_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_NUM_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_NUM_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CN_NUM_CHARS = '零〇○一壹二贰貳两三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

/** 叁仟贰佰 → 3200, 三千二百 → 3200, 一万零五百 → 10500, 十二 → 12. */
export function parseChineseNumber(s: string): number | null {
  if (s === '' || [...s].some((c) => !CN_NUM_CHARS.includes(c))) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    const d = CN_NUM_DIGIT[c];
    if (d !== undefined) {
      digit = digit !== null && d !== 0 ? digit * 10 + d : d;
      continue;
    }
    const u = CN_NUM_UNIT[c];
    if (u !== undefined) {
      section += (digit ?? 1) * u;
      digit = null;
      continue;
    }
    const big = CN_NUM_BIG[c];
    if (big !== undefined) {
      section += digit ?? 0;
      digit = null;
      if (big === 1e8) {
        total = (total + section) * big;
      } else {
        total += section * big;
      }
      section = 0;
    }
  }
  return total + section + (digit ?? 0);
}

const PREFIX = '(?:(约|大约|共计|合计|价值|计)?\\s?)?(?:人民币|RMB|CNY)?\\s?(?:约\\s?)?';
const ARABIC = '(\\d{1,3}(?:[,，]\\d{3})+|\\d+)(\\.\\d+)?';
const AMOUNT_RE = new RegExp(
  `(?:[￥¥]\\s?${ARABIC}(?:\\s?(万|亿))?(?:\\s?(余|多))?(?:\\s?元)?)` +
    `|(?:${PREFIX}${ARABIC}\\s?(余|多)?\\s?(万|亿|千|百)?\\s?(余|多)?\\s?(?:元|块钱|块)(左右)?)` +
    `|(?:${PREFIX}([${CN_NUM_CHARS}]{1,16}?)(余|多)?(?:元|圆|块钱)(整|左右)?)`,
  'g',
);

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/**
 * The decimals of a sum as written. Money has two decimals at most: "48.000元" is 48,000 with its
 * thousands comma read by OCR as a point (the sum read as 48 yuan would be a contradiction nobody made).
 */
function decimals(whole: string, fraction: string | undefined, scale: string | undefined): string {
  if (fraction && /^\.\d{3}$/.test(fraction) && !scale && /^\d{1,3}(?:[,，]\d{3})*$/.test(whole)) return fraction.slice(1);
  return fraction ?? '';
}

export function findAmounts(text: string): AmountMention[] {
  const s = foldDigits(text);
  const out: AmountMention[] = [];
  for (const m of s.matchAll(AMOUNT_RE)) {
    let start = m.index;
    let body = m[0];
    let value: number | null = null;
    let approx = false;
    if (m[1] !== undefined) {
      value = Number(m[1].replace(/[,，]/g, '') + decimals(m[1], m[2], m[3])) * (m[3] ? (SCALE[m[3]] ?? 1) : 1);
      approx = m[4] !== undefined;
    } else if (m[6] !== undefined) {
      // Digits glued to a longer number (an ID, a phone) are not a sum of money.
      if (start > 0 && /\d/.test(s[start - 1] ?? '')) continue;
      value = Number(m[6].replace(/[,，]/g, '') + decimals(m[6], m[7], m[9])) * (m[9] ? (SCALE[m[9]] ?? 1) : 1);
      approx = m[8] !== undefined || m[10] !== undefined || m[11] !== undefined;
    } else if (m[13] !== undefined) {
      // Trim Chinese numerals that belong to the words before (一 in 一共, 万 in 万一).
      let numeral = m[13];
      while (numeral.length > 0 && parseChineseNumber(numeral) === null) numeral = numeral.slice(1);
      const lead = m[0].indexOf(m[13]);
      if (numeral.length === 0) continue;
      // 数千元, 几百元, 上万元: an order of magnitude, not a figure.
      const before = s[m.index + lead + (m[13].length - numeral.length) - 1] ?? '';
      if ('数几上成近'.includes(before) && before !== '') continue;
      // A lone 十/百/千/万 before 元 ("几百元" aside) must still be a number word run of its own.
      value = parseChineseNumber(numeral);
      if (value === null || value === 0) continue;
      const dropped = m[13].length - numeral.length;
      if (dropped > 0 && m[0].slice(0, lead) === '') {
        start += dropped;
        body = body.slice(dropped);
      }
      approx = m[14] !== undefined || m[15] === '左右';
    }
    if (value === null || !Number.isFinite(value)) continue;
    // A leading qualifier (约, 价值) belongs to the sentence, not to the sum; keep 约 only as approx.
    if (/^[^\d一-龥]*约|^(?:人民币|RMB|CNY)\s?约/.test(body)) approx = true;
    const qual = /^(约|大约|共计|合计|价值|计)\s?/.exec(body);
    if (qual) {
      if (qual[1] === '约' || qual[1] === '大约') approx = true;
      start += qual[0].length;
      body = body.slice(qual[0].length);
    }
    const mention: AmountMention = {
      start,
      end: start + body.length,
      text: text.slice(start, start + body.length),
      value: Math.round(value * 100) / 100,
    };
    if (approx) mention.approx = true;
    out.push(mention);
  }
  return out;
}
