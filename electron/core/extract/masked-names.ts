// Masked names (朱某某, 王某, 李某甲, 黎XX, 陈×, 余**): the surname kept, the rest masked, as public
// documents print every private person.
import { COMPOUND_SURNAMES, SURNAMES, isSurnameAt } from './name-lexicon.js';
import { NAME_END, NEVER_GIVEN, NOT_IN_NAME, STRONG_END, VERB_AFTER_NAME, leftBoundary } from './name-edges.js';
import type { NameMatch } from './name-edges.js';
import { dictionaryWord } from './jieba-words.js';
import type { Words } from './jieba-words.js';

// A masked name: the surname kept, the rest replaced by 某, X/×/x or asterisks (朱某某, 黎XX, 陈×,
// 余**), then perhaps an ordinal (李某甲), a serial number (王某1), a letter (杨某A) or the
// given name's last character (黄某明, 陈X册).
const MASK_RUN = /^(?:某{1,4}|[Xx×ⅹ]{1,3}(?![A-Za-wyz])|[*＊]{1,3})/;
const MASK_CHAR = /[某Xx×ⅹ*＊]/;
const ORDINALS = '甲乙丙丁戊己庚辛壬癸';
// Quantities after a serial-looking digit: 王某1包 is one bag for 王某, not 王某1.
const MEASURE_AFTER_DIGIT = /^[\d.．,，小大包克粒次元个人部台辆只条张件支块袋瓶号年月日时分秒岁万千百斤两米%％gGkK毫]/;
// What a masked reading may not run into: 某某公司, 某市, **路 are organisations and places.
const PLACE_AFTER_MASK =
  /^(公司|单位|市|县|区|镇|乡|村|街|路|店|厂|局|派出所|招待所|研究所|事务所|院|中心|银行|超市|小区|酒店|宾馆|学校|弄|号|栋|幢|单元|室|楼|组|巷|社区|大道|广场|大厦|花园|网吧|旅馆|饭店|宿舍|牌|型|城|寨|苑|商场|民房|假日|步行街|游戏厅|暂住点|储蓄所|营业厅|加油站|房(?![间内中里东主客]))/;

/** Whether the Han character at p, right after a mask, is the given name's last character. */
function givenAfterMask(s: string, p: number, words?: Words): boolean {
  const c = s[p] ?? '';
  if (!/^[一-龥]$/.test(c) || c === '某' || NEVER_GIVEN.has(c)) return false;
  const rest = s.slice(p + 1);
  if (VERB_AFTER_NAME.has(c)) return STRONG_END.test(rest) || /^于(?:\d|同年|同月|同日|当日|次日)/.test(rest);
  const t = words?.at(p);
  if (t) {
    // 某明 or 黄某明 read as one unknown word: the character belongs to the name.
    if (t.start < p && t.end === p + 1) return true;
    // 三次, 身上, 甲基苯丙胺: the character begins a word of its own.
    if (t.end > p + 1 && dictionaryWord(t)) return false;
    if (t.end === p + 1) return true;
  }
  return STRONG_END.test(rest) || NAME_END.test(rest);
}

/** The length of what follows a mask as part of the name: an ordinal, a serial number, a letter, a given-name character. */
function maskSuffix(s: string, p: number, words?: Words): number {
  const c = s[p] ?? '';
  if (ORDINALS.includes(c)) return s[p + 1] === '基' ? 0 : 1;
  const d = /^\d{1,2}/.exec(s.slice(p, p + 3));
  if (d) return MEASURE_AFTER_DIGIT.test(s.slice(p + d[0].length)) || /^[A-Za-z]/.test(s.slice(p + d[0].length)) ? 0 : d[0].length;
  if (/^[A-Z]$/.test(c)) return /^[A-Za-z0-9]/.test(s.slice(p + 1)) ? 0 : 1;
  return givenAfterMask(s, p, words) ? 1 : 0;
}

/** A masked name whose surname (sl characters) starts at i. */
export function maskedAt(s: string, i: number, sl: number, words?: Words): NameMatch | null {
  const p = i + sl;
  const m = MASK_RUN.exec(s.slice(p, p + 5));
  if (!m) return null;
  let end = p + m[0].length;
  // 艾某某某·某某某某: a masked name with a dotted part.
  const dm = /^[·•・]某+/.exec(s.slice(end));
  if (dm) end += dm[0].length;
  else if (m[0].length === 1 || !/^[一-龥]/.test(s[end] ?? '')) end += maskSuffix(s, end, words);
  if (PLACE_AFTER_MASK.test(s.slice(end)) || /[房楼室号栋院村镇]$/.test(s.slice(p, end))) return null;
  // 1包某塑料袋: a measure word after a number, not a surname.
  if (/[\d０-９]/.test(s[i - 1] ?? '')) return null;
  // 宝马X5: the surname is the end of a word.
  const host = words?.at(i);
  if (m[0][0] !== '某' && host && host.start < i && dictionaryWord(host)) return null;
  // 栖霞区某某城, 中华新路某弄: a masked place whose last character reads like a surname.
  if (sl === 1 && /[区路门楼房街巷关江湖山海城]/.test(s[i] ?? '') && !leftBoundary(s, i)) return null;
  if (m[0][0] !== '某') {
    // Asterisks and X stand for any character of an address too (**路**号, 柳营路xxx弄):
    // the surname must be one, and stand where a name may begin.
    if (/[省市县区镇乡村路街道号楼栋弄巷\d*＊A-Za-z]/.test(s[i - 1] ?? '')) return null;
    if (isSurnameAt(s, i, true) === 0 && sl === 1) return null;
  }
  return { name: s.slice(i, end), end };
}

/** Masked names anywhere in text (朱某某, 王某, 李某甲, 黎XX, 李绍某): public documents print every private person this way. */
export function findMaskedNames(s: string, words?: Words): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (let i = 1; i < s.length; i++) {
    const c = s[i] ?? '';
    if (!MASK_CHAR.test(c)) continue;
    const prev = s[i - 1] ?? '';
    if (!/[一-龥]/.test(prev) || prev === '某') continue;
    // Already inside a previous name.
    const last = out[out.length - 1];
    if (last && i < last.end) continue;
    const isMou = c === '某';
    let start = -1;
    let sl = 0;
    if (i >= 2 && COMPOUND_SURNAMES.includes(s.slice(i - 2, i))) [start, sl] = [i - 2, 2];
    else if (
      isMou &&
      i >= 3 &&
      isSurnameAt(s, i - 2, true) === 1 &&
      !NEVER_GIVEN.has(prev) &&
      !VERB_AFTER_NAME.has(prev) &&
      leftBoundary(s, i - 2)
    ) {
      // 李绍某: the surname and the first given character kept, the last masked.
      const end = i + (/^某+/.exec(s.slice(i, i + 4))?.[0].length ?? 1);
      if (!PLACE_AFTER_MASK.test(s.slice(end))) out.push({ start: i - 2, end, name: s.slice(i - 2, end) });
      continue;
    } else if (isMou && i >= 2 && /[一二三四五六七八九十]/.test(prev) && isSurnameAt(s, i - 2, true) === 1 && leftBoundary(s, i - 2)) {
      // 周一某, 何二某: people of one surname numbered in the mask.
      out.push({ start: i - 2, end: i + 1, name: s.slice(i - 2, i + 1) });
      continue;
    } else if (SURNAMES.has(prev)) [start, sl] = [i - 1, 1];
    // 向代某销售, 、但某某、: masking keeps the surname, however rare, where a name may begin.
    else if (
      !NOT_IN_NAME.has(prev) &&
      !NEVER_GIVEN.has(prev) &&
      !VERB_AFTER_NAME.has(prev) &&
      !/[该此本每各某其年月日号栋室楼层]/.test(prev) &&
      !/[\dA-Za-z*＊]/.test(s[i - 2] ?? '') &&
      leftBoundary(s, i - 1)
    )
      [start, sl] = [i - 1, 1];
    if (start < 0) continue;
    if (!isMou && /[A-Za-z0-9]/.test(s[start - 1] ?? '')) continue;
    const r = maskedAt(s, start, sl, words);
    if (!r) continue;
    // 西岗区万某华府, 玉峰路蒋某军医疗室: right after a place word, a masked name must read as a person's (家, 处, a list).
    if (/[省市区县镇乡村路街道]/.test(s[start - 1] ?? '') && !/^(?:[家处（(、，,。等的]|等人)/.test(s.slice(r.end))) continue;
    // 俗称“麻某”, 吸食毒品麻某: a masked drug name.
    if (/(?:毒品|俗称|称为)[“"]?$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    out.push({ start, end: r.end, name: r.name });
  }
  return out;
}
