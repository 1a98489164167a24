// Whether a PDF page's own text can stand in for OCR. Scans often carry an
// empty layer, a stray page number, or a layer whose font has no Unicode map
// (U+FFFD, private-use glyph codes, Latin-1 mojibake): those pages are read by OCR.

const MIN_READABLE_CHARS = 8;

export function isUsableTextLayer(text: string): boolean {
  let readable = 0;
  let garbage = 0;
  let accented = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    if (/[\p{Script=Han}A-Za-z0-9]/u.test(ch)) readable++;
    else if (/[\p{Co}\p{Cc}\p{Cn}\p{Cs}\ufffd]/u.test(ch)) garbage++;
    // "Õ¾Ö·" and friends: Chinese bytes decoded as Latin-1.
    else if (/[\u00c0-\u024f]/u.test(ch)) accented++;
  }
  const total = readable + garbage + accented;
  if (readable < MIN_READABLE_CHARS) return false;
  return garbage / total < 0.1 && accented / total < 0.2;
}
