// File and case names as a person reads them. A name is data (review.json and the store keep
// it byte for byte), but an invisible character in it can make it lie: U+202E (RIGHT-TO-LEFT
// OVERRIDE) shows "讯问笔录\u202Efdp.exe" as "讯问笔录exe.pdf", a zero-width space makes
// two names that look the same, a newline breaks a table row. Wherever a name is shown, each
// such character is replaced by a visible mark of its code point, so what is read is what
// is there; wrapping the name in an isolate would only stop it reordering its neighbours.

// Controls (Cc: newline, tab, DEL…), format characters (Cf: bidi embeddings, overrides and
// isolates, marks, zero-width characters, the BOM, soft hyphen, tags), and the line and
// paragraph separators, which break a line like a newline.
const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The code point as the Unicode standard writes it: U+202E. */
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether a name holds characters that change or hide what a reader sees. */
export function hasHiddenCharacters(name: string): boolean {
  return name.search(HIDDEN) >= 0;
}

/** The name with every hidden character shown as ‹U+202E›: for reports and the UI, never for paths. */
export function visibleName(name: string): string {
  return name.replace(HIDDEN, (c) => `‹${codePoint(c)}›`);
}
