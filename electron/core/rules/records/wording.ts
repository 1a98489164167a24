// The words records use for the acts the law requires them to show. These are
// the rules "about text" (facts.ts): the confirmation line, the rights notice,
// the perjury warning, the recording.

/** PSR 206: "以上笔录我看过（或向我宣读过），和我说的相符" and its common variants. */
export const CONFIRMATION_LINE =
  /以上(?:笔录|内容|记录)?[^。\n]{0,14}(?:看过|宣读过|读过|念过|阅读过)[^。\n]{0,18}(?:相符|一样|一致|无误|属实|对)/;

const CONFIRMATION_FRAGMENTS = ['以上笔录', '我看过', '宣读过', '和我说的', '相符'];

/**
 * The confirmation line is handwritten, and OCR reads handwriting badly: two of its
 * fragments are enough to take it as written; its total absence is what is reported.
 */
export function confirmationPresent(text: string): boolean {
  if (CONFIRMATION_LINE.test(text)) return true;
  return CONFIRMATION_FRAGMENTS.filter((f) => text.includes(f)).length >= 2;
}

/** A refusal to confirm or sign, noted by the officers. */
export const REFUSAL_NOTED = /拒绝(?:签名|签字|核对|捺指印|阅读)|拒不(?:签名|签字|核对)/;

/** The 权利义务告知书 read out or handed over. */
export const RIGHTS_FORM_READ =
  /(?:宣读|告知|送达|交给|交你|交由|出示)[^。\n]{0,16}权利义务告知书|权利义务告知书[^。\n]{0,24}(?:看过|收到|宣读|阅读|清楚|明白|知道|已告知|签收)/;

export const RIGHTS_WORDS: Record<'rights' | 'counsel' | 'leniency', { re: RegExp; zh: string; en: string }> = {
  rights: { re: /诉讼权利|享有的?[^。\n]{0,8}权利|权利义务/, zh: '诉讼权利', en: 'procedural rights' },
  counsel: {
    re: /委托(?:律师|辩护)|辩护(?:人|律师)|法律援助/,
    zh: '委托律师或申请法律援助的权利',
    en: 'the right to a lawyer or legal aid',
  },
  leniency: { re: /从宽|认罪认罚/, zh: '如实供述从宽及认罪认罚的规定', en: 'leniency for confession and 认罪认罚' },
};

// The warning as bureaus word it: false testimony or hidden evidence (伪证, 作假证明, 虚假陈述 …), or a
// duty of truth (如实, 属实, 真实 …), joined to a liability (法律责任, 刑事责任, 追究 …); or the article
// itself (刑事诉讼法第一百二十五条, which states the warning).
const FALSE_TESTIMONY = /伪证|假证|作假证明|隐匿罪证|虚假(?:陈述|证言|证明|证词|供述)|作虚假|捏造事实|诬告/;
const TRUTH_DUTY = /如实|属实|真实|据实|实事求是|不得隐瞒|不得隐匿/;
const LIABILITY = /法律责任|刑事责任|法律后果|追究[^。，,\n]{0,8}责任|承担[^。，,\n]{0,8}责任|负[^。，,\n]{0,4}责任/;
const WARNING_ARTICLE = /刑事诉讼法[》]?第一百二十五条/;

/** PSR 211: the warning that false testimony and hiding evidence carry legal liability. */
export function perjuryWarned(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  if (FALSE_TESTIMONY.test(t) || WARNING_ARTICLE.test(t)) return true;
  // The duty and the liability in one sentence, not "我说的是真实的" here and "赔偿的责任" there.
  return t.split(/[。？！?!]|(?=问[：:])|(?=答[：:])/).some((sentence) => TRUTH_DUTY.test(sentence) && LIABILITY.test(sentence));
}

export const RECORDING_MENTIONED = /录音录像|同步录像|同步录音|全程录像|录像/;

/** The words around the first match of a pattern, for evidence. */
export function around(text: string, re: RegExp, width = 30): string | null {
  const m = re.exec(text);
  if (!m) return null;
  return text.slice(Math.max(0, m.index - width), m.index + m[0].length + width);
}

/**
 * Chinese and Arabic numbers as written in records (七, 十, 12). Enough for counts
 * in line-ups and periods; returns null for anything else.
 */
export function readCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (digits[s] ?? null) : null;
  const tens = ten === 0 ? 1 : (digits[s.slice(0, ten)] ?? null);
  const ones = ten === s.length - 1 ? 0 : (digits[s.slice(ten + 1)] ?? null);
  return tens === null || ones === null ? null : tens * 10 + ones;
}

/** "2024年3月5日" (Arabic digits) → "2024-03-05". */
export function readDate(s: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  if (!m) return null;
  return `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Too little text to judge what a record says (an OCR failure, a cover page): text rules warn instead of firing. */
export function unreadable(text: string): boolean {
  return text.replace(/[\s\u3000]/g, '').length < 20;
}
