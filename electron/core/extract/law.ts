// Statute citations, normalised so that "刑法第264条", "《刑法》第二百六十四条" and
// "《中华人民共和国刑法》第二百六十四条" are one citation, as findings cite them.
import { parseChineseNumber } from './amount.js';
import { foldDigits } from './validate.js';

export interface LawArticleMention {
  start: number;
  end: number;
  text: string;
  /** Full statute name without book-title marks: 中华人民共和国刑法. */
  law: string;
  article: number;
  /** 第二百八十七条之二: an article inserted after 287 by an amendment, a different article from 287. */
  sub?: number;
  clause?: number;
  item?: number;
  /** 《中华人民共和国刑法》第二百六十四条第一款 */
  normalised: string;
}

// Short names in everyday use for national laws whose title carries 中华人民共和国.
const NATIONAL_LAWS = [
  '刑法',
  '刑事诉讼法',
  '治安管理处罚法',
  '民法典',
  '民事诉讼法',
  '行政诉讼法',
  '道路交通安全法',
  '禁毒法',
  '网络安全法',
  '反恐怖主义法',
  '人民警察法',
  '律师法',
  '未成年人保护法',
  '预防未成年人犯罪法',
  '监察法',
  '国家赔偿法',
  '枪支管理法',
  '出境入境管理法',
  '居民身份证法',
  '反电信网络诈骗法',
  '数据安全法',
  '个人信息保护法',
  '国家安全法',
  '反洗钱法',
  '反有组织犯罪法',
  '法律援助法',
  '行政处罚法',
  '行政强制法',
];

export function fullLawName(name: string): string {
  const n = name.replace(/[《》〈〉\s]/g, '');
  if (n.startsWith('中华人民共和国')) return n;
  if (NATIONAL_LAWS.includes(n)) return `中华人民共和国${n}`;
  return n;
}

const DIGITS = '零一二三四五六七八九';

/** 264 → 二百六十四, 10 → 十, 110 → 一百一十, 1005 → 一千零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return '零';
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (DIGITS[d] ?? '') + (units[i] ?? '');
  });
  if (n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function readNumber(s: string): number | null {
  const f = foldDigits(s);
  if (/^\d+$/.test(f)) return Number(f);
  return parseChineseNumber(s);
}

const NUM = '([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)';
const LAW_NAME = `(《[^《》\\n]{2,40}》|(?:中华人民共和国)?(?:${NATIONAL_LAWS.slice()
  .sort((a, b) => b.length - a.length)
  .join('|')}))`;
// 第二百八十七条之二 (an inserted article), 第（七）项 (items are printed in brackets).
const ARTICLE = `第${NUM}条(?:之${NUM})?(?:第${NUM}款)?(?:第[（(]?${NUM}[)）]?项)?`;
const CITE_RE = new RegExp(`${LAW_NAME}\\s?(?:的)?(?:规定)?\\s?${ARTICLE}`, 'g');
// Further articles listed after the first: 、第六十七条第三款 / 和第五十二条 / 之规定 ends the list.
const FOLLOW_RE = new RegExp(`^\\s?(?:、|，|,|和|及|以及)\\s?${ARTICLE}`);

function makeMention(
  text: string,
  start: number,
  end: number,
  law: string,
  a: string,
  sb?: string,
  c?: string,
  it?: string,
): LawArticleMention | null {
  const article = readNumber(a);
  if (article === null || article <= 0) return null;
  const sub = sb !== undefined ? readNumber(sb) : null;
  const clause = c !== undefined ? readNumber(c) : null;
  const item = it !== undefined ? readNumber(it) : null;
  let normalised = `《${law}》第${toChineseNumeral(article)}条`;
  if (sub) normalised += `之${toChineseNumeral(sub)}`;
  if (clause) normalised += `第${toChineseNumeral(clause)}款`;
  if (item) normalised += `第${toChineseNumeral(item)}项`;
  const m: LawArticleMention = { start, end, text: text.slice(start, end), law, article, normalised };
  if (sub) m.sub = sub;
  if (clause) m.clause = clause;
  if (item) m.item = item;
  return m;
}

export function findLawArticles(text: string): LawArticleMention[] {
  const out: LawArticleMention[] = [];
  for (const m of text.matchAll(CITE_RE)) {
    const law = fullLawName(m[1] ?? '');
    const first = makeMention(text, m.index, m.index + m[0].length, law, m[2] ?? '', m[3], m[4], m[5]);
    if (!first) continue;
    out.push(first);
    let pos = first.end;
    for (;;) {
      const f = FOLLOW_RE.exec(text.slice(pos, pos + 40));
      if (!f) break;
      const lead = f[0].indexOf('第');
      const next = makeMention(text, pos + lead, pos + f[0].length, law, f[1] ?? '', f[2], f[3], f[4]);
      if (!next) break;
      out.push(next);
      pos = next.end;
    }
  }
  return out;
}
