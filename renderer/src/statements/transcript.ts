// A turn's words as a reader wants them: the transcript's hard line breaks and the page
// footers a page break left inside a question are layout, not speech. Offsets the backend
// gives in the raw answer are carried over to the cleaned text.

// "第1页 共2页" (and "第 1 页，共 2 页"): the footer of the transcript's paper.
const FOOTER = /第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页/g;
// CJK ideographs and full-width punctuation: a line break between them is no space.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export interface Cleaned {
  text: string;
  /** map[i]: where raw offset i lands in text (length raw.length + 1). */
  map: number[];
}

export function cleanTranscript(raw: string): Cleaned {
  const drop = new Array<boolean>(raw.length).fill(false);
  const replace = new Map<number, string>();
  for (const m of raw.matchAll(FOOTER)) {
    for (let i = m.index; i < m.index + m[0].length; i++) drop[i] = true;
  }
  const kept = (from: number, step: 1 | -1): string => {
    for (let i = from; i >= 0 && i < raw.length; i += step) {
      const c = raw[i] ?? '';
      if (!drop[i] && !/\s/.test(c)) return c;
    }
    return '';
  };
  for (let i = 0; i < raw.length; i++) {
    if (drop[i] || (raw[i] !== '\n' && raw[i] !== '\r')) continue;
    const before = kept(i - 1, -1);
    const after = kept(i + 1, 1);
    if (!before || !after || CJK.test(before) || CJK.test(after)) drop[i] = true;
    else replace.set(i, ' ');
  }
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    map.push(text.length);
    if (!drop[i]) text += replace.get(i) ?? raw[i];
  }
  map.push(text.length);
  return { text, map };
}

/** A stretch of an answer: plain, or words some differences disagree on. */
export interface Segment {
  text: string;
  /** Indices of the differences covering these words (empty: plain text). */
  differences: number[];
  /** Differences whose words end here: their label follows this segment. */
  ending: number[];
}

export interface MarkedRange {
  start: number;
  end: number;
  difference: number;
}

/** Splits a raw answer into cleaned segments at the edges of the marked ranges (raw offsets). */
export function segmentAnswer(raw: string, ranges: readonly MarkedRange[]): Segment[] {
  const { text, map } = cleanTranscript(raw);
  const at = (i: number): number => map[Math.max(0, Math.min(raw.length, i))] ?? text.length;
  const spans = ranges.map((r) => ({ start: at(r.start), end: at(r.end), difference: r.difference })).filter((r) => r.end > r.start);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] ?? 0;
    const to = cuts[i + 1] ?? text.length;
    if (to <= from) continue;
    const covering = spans.filter((r) => r.start <= from && r.end >= to);
    const differences = [...new Set(covering.map((r) => r.difference))];
    const ending = [...new Set(covering.filter((r) => r.end === to).map((r) => r.difference))];
    const last = segments.at(-1);
    // Plain stretches split only by a range elsewhere merge back into one.
    if (last && last.differences.length === 0 && differences.length === 0) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), differences, ending });
  }
  return segments;
}
