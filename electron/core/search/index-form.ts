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
  const body = out.replace(/\s+/g, ' ').trim();
  const numbers = numberTokens(text.normalize('NFKC'));
  return numbers.length ? `${body} ${numbers.join(' ')}` : body;
}

// Digits a page groups with spaces, hyphens or dots (138-0013-8000) are one number; an ID number may end in X.
const NUMBER_RUN = /[0-9](?:[\s\-·.．_/]{0,2}[0-9])*(?:[\s\-·.．_/]{0,2}[Xx](?![A-Za-z]))?/g;
/** Numbers this long are looked up whole: ID numbers, phones, cards, accounts, dates written as digits. */
const NUMBER_MIN = 6;

/**
 * The whole numbers of a text, each from every place one of its digit groups starts (a phone
 * printed after a serial number, 12 13800138000, still begins a number of its own). Appended
 * after the page's characters, so no phrase of single characters runs into them.
 */
function numberTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const groups = m[0].split(/[\s\-·.．_/]+/).map((g) => g.toLowerCase());
    for (let i = 0; i < groups.length; i++) {
      const token = groups.slice(i).join('');
      if (token.replace(/x$/, '').length >= NUMBER_MIN) out.push(token);
    }
  }
  return out;
}

/** An FTS5 MATCH expression for a user's query; null when the query has nothing to search. */
export function phraseQuery(query: string): string | null {
  const tokens = indexForm(query);
  if (!tokens) return null;
  return `"${[...tokens.split(' ')]
    .filter((t) => t.length === 1 || !/^[0-9]/.test(t))
    .join(' ')
    .replace(/"/g, '""')}"`;
}

/**
 * For a query that is one number of six digits or more: the pages with a number beginning with
 * it, found as one token (a prefix of the number tokens above). A number found only inside
 * another (its last digits) is left to the phrase of single digits.
 */
export function numberQuery(query: string): string | null {
  const compact = query.normalize('NFKC').trim();
  if (!/^[0-9][0-9\s\-·.．_/]*[0-9Xx]$/.test(compact)) return null;
  const digits = compact.replace(/[\s\-·.．_/]/g, '').toLowerCase();
  if (!/^[0-9]+x?$/.test(digits) || digits.replace(/x$/, '').length < NUMBER_MIN) return null;
  return `"${digits}"*`;
}

/**
 * Where a query occurs in the original text, allowing the separators the index ignores
 * (spaces, hyphens, dots between digits; spaces OCR put between characters).
 */
export function findInText(text: string, query: string, from = 0): { start: number; end: number } | null {
  return textFinder(query)?.(text, from) ?? null;
}

/** findInText for one query over many pages: its pattern is built once. Null when the query has nothing to find. */
export function textFinder(query: string): ((text: string, from?: number) => { start: number; end: number } | null) | null {
  const chars = [...query.normalize('NFKC')].filter((c) => TOKEN_CHAR.test(c) || WORD_CHAR.test(c));
  if (chars.length === 0) return null;
  const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(chars.map(esc).join('[\\s\\-·.．、_/]{0,2}'), 'giu');
  return (text, from = 0) => {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  };
}
