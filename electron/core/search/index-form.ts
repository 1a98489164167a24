// The form text takes in the full-text index: every Chinese character and every digit is a
// token of its own, Latin words stay words, punctuation and separators vanish. A query in
// the same form is an FTS5 phrase, so 张三 (two tokens in a row) matches exactly, and
// "138-0013-8000" matches 13800138000 however the page grouped the digits.

const TOKEN_CHAR = /[\p{Script=Han}\p{Nd}]/u;
const WORD_CHAR = /[\p{L}\p{M}]/u;

export function indexForm(text: string): string {
  let out = '';
  let inWord = false;
  for (const ch of text.normalize('NFKC')) {
    if (TOKEN_CHAR.test(ch)) {
      out += ` ${ch} `;
      inWord = false;
    } else if (WORD_CHAR.test(ch)) {
      if (!inWord) out += ' ';
      out += ch;
      inWord = true;
    } else {
      if (inWord) out += ' ';
      inWord = false;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** An FTS5 MATCH expression for a user's query; null when the query has nothing to search. */
export function phraseQuery(query: string): string | null {
  const tokens = indexForm(query);
  if (!tokens) return null;
  return `"${tokens.replace(/"/g, '""')}"`;
}

/**
 * Where a query occurs in the original text, allowing the separators the index ignores
 * (spaces, hyphens, dots between digits; spaces OCR put between characters).
 */
export function findInText(text: string, query: string, from = 0): { start: number; end: number } | null {
  const chars = [...query.normalize('NFKC')].filter((c) => TOKEN_CHAR.test(c) || WORD_CHAR.test(c));
  if (chars.length === 0) return null;
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(chars.map(esc).join('[\\s\\-·.．、_/]{0,2}'), 'giu');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
