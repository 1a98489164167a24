// Text from OCR and from PDF text layers, made comparable: the extractors and
// the search index see one spelling of each character, whatever the source.

// CJK Radicals Supplement characters that NFKC leaves alone, paired with the
// ideograph Unicode names as equivalent (EquivalentUnifiedIdeograph.txt,
// Unicode 14). PDF fonts and Chromium's print-to-PDF map ordinary characters
// such as 见 to these radicals; NFKC already handles the Kangxi block 2F00–2FD5.
const RADICAL_PAIRS =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺' +
  '⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿' +
  '⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨' +
  '⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀';

const RADICALS: ReadonlyMap<string, string> = (() => {
  const chars = Array.from(RADICAL_PAIRS);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] as string, chars[i + 1] as string);
  return map;
})();

const HAN = /\p{Script=Han}/u;
/** Chinese punctuation and symbols that sit between Han characters without spaces. */
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u201c\u201d\u2018\u2019\u00b7\u3007]/u;

/** Radicals-supplement characters (which NFKC leaves alone) as the ideographs they stand for. */
export function unifyRadicals(s: string): string {
  let out = '';
  for (const ch of s) out += RADICALS.get(ch) ?? ch;
  return out;
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CJK_PUNCT.test(ch) || ch === '〇');
}

/** Ideographs and the Chinese punctuation around them never carry spaces; Latin words keep theirs. */
function dropSpacesAroundCjk(line: string): string {
  const chars = Array.from(line);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch !== ' ' && ch !== '\t') {
      out.push(ch);
      continue;
    }
    let j = i;
    while (j < chars.length && (chars[j] === ' ' || chars[j] === '\t')) j++;
    const before = out[out.length - 1];
    const after = chars[j];
    if (before !== undefined && after !== undefined && !isCjk(before) && !isCjk(after)) out.push(' ');
    i = j - 1;
  }
  return out.join('');
}

// OCR reads these letters where a digit was printed; only repaired inside runs
// that are clearly numbers (IDs, phones, dates, times), never in words or plates.
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  l: '1',
  I: '1',
  '|': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
};
// A plate (浙B·12345, 粤B12345) starts with a province and a letter that must stay a letter.
const PLATE_PROVINCES = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领·]$/u;
// Units that follow numbers in dates and times: "2O22年", "l4时".
const NUMBER_UNITS = /^[年月日时点分秒号岁元万]/u;

function repairDigitRuns(line: string): string {
  return line.replace(/[0-9A-Za-z|]+/g, (token, offset: number) => {
    let digits = 0;
    let lookalikes = 0;
    let others = 0;
    for (let k = 0; k < token.length; k++) {
      const ch = token[k] as string;
      if (ch >= '0' && ch <= '9') digits++;
      else if (ch in DIGIT_LOOKALIKES) lookalikes++;
      // An ID number's check character is X; it is not a misread digit.
      else if ((ch === 'X' || ch === 'x') && k === token.length - 1 && token.length === 18) continue;
      else others++;
    }
    if (digits === 17 && token.length === 18 && others === 0 && lookalikes === 0) return token.toUpperCase();
    if (lookalikes === 0 || others > 0) return token;
    if (/^[A-Za-z]/.test(token) && PLATE_PROVINCES.test(line.slice(0, offset))) return token;
    const before = line.slice(0, offset);
    const unitFollows = NUMBER_UNITS.test(line.slice(offset + token.length));
    // "2022年ll月": no digit in the token, but a date around it.
    const inDate = unitFollows && token.length <= 2 && /[0-9年月日时点分]$/u.test(before);
    const numeric = (digits >= 2 && digits > lookalikes) || (digits >= 1 && unitFollows) || inDate;
    if (!numeric) return token;
    let repaired = '';
    for (const ch of token) repaired += DIGIT_LOOKALIKES[ch] ?? ch;
    return repaired.length === 18 ? repaired.replace(/x$/, 'X') : repaired;
  });
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

function neighbour(chars: readonly string[], from: number, step: 1 | -1): string | undefined {
  for (let k = from + step; k >= 0 && k < chars.length; k += step) {
    if (chars[k] !== ' ') return chars[k];
  }
  return undefined;
}

/** Punctuation next to Chinese text is Chinese punctuation; "14:30", "a, b" and "3.5" stay half-width. */
function widenChinesePunctuation(line: string): string {
  const chars = Array.from(line);
  // Brackets change as a pair so "（2022）" never ends up half converted.
  const pairs = new Map<number, number>();
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (ch === '(' || ch === '（') open.push(i);
    else if ((ch === ')' || ch === '）') && open.length > 0) {
      const start = open.pop() as number;
      pairs.set(start, i);
      pairs.set(i, start);
    }
  });
  const chineseAt = (i: number): boolean => isCjk(neighbour(chars, i, -1)) || isCjk(neighbour(chars, i, 1));
  const out = chars.slice();
  chars.forEach((ch, i) => {
    if (ch === '(' || ch === ')') {
      const mate = pairs.get(i);
      if (
        chineseAt(i) ||
        (mate !== undefined && chineseAt(mate)) ||
        (mate !== undefined && chars[mate] !== ch && /[（）]/u.test(chars[mate] as string))
      ) {
        out[i] = FULL_WIDTH[ch] as string;
      }
      return;
    }
    const wide = FULL_WIDTH[ch];
    if (wide !== undefined) {
      const before = neighbour(chars, i, -1);
      const after = neighbour(chars, i, 1);
      const betweenDigits = before !== undefined && after !== undefined && /[0-9]/.test(before) && /[0-9]/.test(after);
      if (!betweenDigits && (isCjk(before) || isCjk(after))) out[i] = wide;
    } else if (
      ch === '.' &&
      HAN.test(neighbour(chars, i, -1) ?? '') &&
      (neighbour(chars, i, 1) === undefined || HAN.test(neighbour(chars, i, 1) as string))
    ) {
      out[i] = '。';
    }
  });
  // A bracket pair stays consistent even when only one side touched Chinese text.
  for (const [i, mate] of pairs) {
    if (out[i] === '（' || out[i] === '）') out[mate] = chars[mate] === '(' || chars[mate] === '（' ? '（' : '）';
  }
  return out.join('');
}

/**
 * One spelling for Chinese text from OCR or a PDF text layer: NFKC (full-width
 * digits and letters to half-width), CJK radicals to ordinary ideographs, no
 * spaces between Chinese characters, Chinese punctuation full-width, and
 * O/l/S/B/Z read inside digit runs turned back into digits. Line breaks stay.
 */
export function normaliseChineseText(s: string): string {
  const nfkc = s.normalize('NFKC').replace(/\r\n?/g, '\n');
  let unified = '';
  for (const ch of nfkc) unified += RADICALS.get(ch) ?? ch;
  return unified
    .split('\n')
    .map((line) => {
      const spaced = line.replace(/[\t\u00a0\u2000-\u200b\u3000 ]+/g, ' ');
      const repaired = repairDigitRuns(dropSpacesAroundCjk(spaced));
      return dropSpacesAroundCjk(widenChinesePunctuation(repaired)).trim();
    })
    .join('\n');
}
