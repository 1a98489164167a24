// jieba's segmentation as the name readers use it: tokens looked up by position, whether a token
// is a dictionary word, and the dictionary's tag of a whole word.
import { tag } from 'jieba-wasm';

export interface WordToken {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** jieba's tokens of one text, looked up by position: where a word starts tells where a name ends. */
export class Words {
  private readonly cover: Int32Array;
  constructor(
    readonly tokens: readonly WordToken[],
    length: number,
  ) {
    this.cover = new Int32Array(length).fill(-1);
    tokens.forEach((t, k) => {
      for (let i = t.start; i < t.end && i < length; i++) this.cover[i] = k;
    });
  }
  /** The token covering position i. */
  at(i: number): WordToken | undefined {
    const k = this.cover[i];
    return k === undefined || k < 0 ? undefined : this.tokens[k];
  }
  /** The token starting at position i. */
  startingAt(i: number): WordToken | undefined {
    const t = this.at(i);
    return t && t.start === i ? t : undefined;
  }
}

/** A dictionary word (jieba knows it: any tag but x, its mark for an unknown run). */
export function dictionaryWord(t: WordToken | undefined): boolean {
  return t !== undefined && t.tag !== 'x' && t.tag !== 'eng' && t.tag !== 'm' && /^[一-龥]{2,}$/.test(t.word);
}

const DICT_TAGS = new Map<string, string | null>();
/** jieba's dictionary tag of a whole word, null when the dictionary does not hold it as one word. */
export function dictionaryTag(w: string): string | null {
  const known = DICT_TAGS.get(w);
  if (known !== undefined) return known;
  const ts = tag(w, false);
  const t = ts.length === 1 && ts[0]?.word === w ? ts[0].tag : null;
  if (DICT_TAGS.size > 50_000) DICT_TAGS.clear();
  DICT_TAGS.set(w, t);
  return t;
}

/** jieba tokens with offsets; the dictionary loads once per process on first import. */
export function segment(s: string): WordToken[] {
  const out: WordToken[] = [];
  let pos = 0;
  for (const t of tag(s, true)) {
    const at = s.indexOf(t.word, pos);
    if (at < 0) continue;
    out.push({ word: t.word, tag: t.tag, start: at, end: at + t.word.length });
    pos = at + t.word.length;
  }
  return out;
}
