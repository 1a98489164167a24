// Answer passages of a record with the boilerplate taken out, and character
// shingles to compare them: copied testimony survives small edits (a name or a
// date changed), so passages are compared by shared n-grams, not by equality.
import type { FactDocument } from '../rules/facts.js';

export interface Passage {
  /** Normalised answer text: no whitespace or punctuation. */
  norm: string;
  /** The answer as written, for evidence. */
  raw: string;
  /** Offset of the answer in the document text. */
  offset: number;
}

// Questions whose answers are the same in every record: identity, rights, recusal,
// the closing "anything to add". Their answers are boilerplate, not testimony.
const BOILERPLATE_QUESTION =
  /权利|义务|告知书|回避|律师|法律援助|听清楚|听明白|看过|核对|补充|还有什么|还有没有|身份|姓名|名字|出生|户籍|住址|住所|文化|职业|工作单位|家庭|前科|处罚|电话|联系方式|身份证|民族|籍贯|政治面貌|人大代表|政协委员/;

const PUNCT = /[\s\u3000，。、；：？！,.;:?!“”"‘’'（）()《》〈〉【】[\]…—\-·]/g;

export function normalise(text: string): string {
  return text.replace(PUNCT, '');
}

/** The answers of a 问/答 record; a record without markers is one passage after its header. */
export function answerPassages(doc: FactDocument): Passage[] {
  const text = doc.text;
  const marks = [...text.matchAll(/(问|答)\s*[：:]/g)];
  const out: Passage[] = [];
  if (marks.length === 0) {
    const norm = normalise(text);
    return norm ? [{ norm, raw: text, offset: 0 }] : [];
  }
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    if (m[1] !== '答') continue;
    const begin = m.index + m[0].length;
    const finish = marks[i + 1]?.index ?? text.length;
    const raw = text.slice(begin, finish);
    const prev = marks[i - 1];
    const question = prev && prev[1] === '问' ? text.slice(prev.index, m.index) : '';
    if (BOILERPLATE_QUESTION.test(question)) continue;
    // The closing confirmation often follows the last answer in the same line.
    const body = raw.replace(/以上(?:笔录|内容)[\s\S]*$/, '');
    const norm = normalise(body);
    if (norm.length > 0) out.push({ norm, raw: body.trim(), offset: begin });
  }
  return out;
}

export function shingles(norm: string, n: number): Set<string> {
  const out = new Set<string>();
  if (norm.length < n) {
    if (norm.length > 0) out.add(norm);
    return out;
  }
  for (let i = 0; i + n <= norm.length; i++) out.add(norm.slice(i, i + n));
  return out;
}

/** Share of a's shingles found in b. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let hit = 0;
  for (const s of a) if (b.has(s)) hit++;
  return hit / a.size;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  for (const s of a) if (b.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The page an offset of a document's text falls on: by its pages' offsets, by form feeds if the text keeps them, else by proportion. */
export function pageAt(doc: FactDocument, offset: number): number {
  const span = doc.pageTo - doc.page;
  if (span <= 0) return doc.page;
  if (doc.pageStarts && doc.pageStarts.length > 1) {
    let k = 0;
    for (let i = 0; i < doc.pageStarts.length; i++) if ((doc.pageStarts[i] ?? 0) <= offset) k = i;
    return Math.min(doc.pageTo, doc.page + k);
  }
  const feeds = doc.text.slice(0, offset).split('\f').length - 1;
  if (doc.text.includes('\f')) return Math.min(doc.pageTo, doc.page + feeds);
  return Math.min(doc.pageTo, doc.page + Math.floor((offset / Math.max(1, doc.text.length)) * (span + 1)));
}
