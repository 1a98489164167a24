import { unifyRadicals } from '../ocr/normalise.js';

/**
 * Brings extracted text to one form: compatibility characters (Kangxi radicals, full-width
 * Latin and digits, ideographic spaces) to ordinary ones, while keeping Chinese punctuation
 * full-width, since entity patterns and search expect 张三：1990年 not ⻓三:1990年.
 */
export function normaliseExtractedText(input: string): string {
  // PDF producers (Chromium's print-to-PDF with Noto CJK among them) map ordinary characters
  // to radicals: NFKC handles the Kangxi block, the supplement needs the table (STACK.md).
  let s = unifyRadicals(input);
  // NFKC turns full-width ，：（） into half-width; keep the Chinese forms the documents use.
  const keep: Record<string, string> = {
    '，': '\ue001',
    '：': '\ue002',
    '（': '\ue003',
    '）': '\ue004',
    '；': '\ue005',
    '！': '\ue006',
    '？': '\ue007',
  };
  const back = Object.fromEntries(Object.entries(keep).map(([k, v]) => [v, k]));
  s = s
    .replace(/[，：（）；！？]/g, (c) => keep[c]!)
    .normalize('NFKC')
    .replace(/[\ue001-\ue007]/g, (c) => back[c]!);
  // Spaces between Chinese characters stay: in a text layer the author typed them, and they
  // separate names in lists such as "侦查员：郑凯 冯磊".
  s = s.replace(/\r\n?/g, '\n');
  // Full-width punctuation carries its own spacing; a space beside it is a seam between
  // text runs (a handwritten name, a filled-in blank), never meant: "通知时间： 2023年".
  s = s.replace(/[ \t\u00a0\u3000]+(?=[，。：；、！？（）《》“”])/g, '').replace(/(?<=[，。：；、！？（）《》“”])[ \t\u00a0\u3000]+/g, '');
  return s
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
