// Chinese personal names from context. Case documents introduce every person by
// role ("犯罪嫌疑人张三", "侦查员：郑凯、冯磊", "被讯问人签名：张三"), so the role cue
// both finds the name and says who the person is; surnames bound the guess.
// This file reads one name where it starts (readName) and finds names no cue introduces;
// the surnames are in name-lexicon.ts, the cues in role-cues.ts, masked names in
// masked-names.ts, nicknames in nicknames.ts, a name's edges in name-edges.ts.
import { COMPOUND_SURNAMES, NOT_NAMES, isSurnameAt } from './name-lexicon.js';
import { NAME_END, NAME_END_PHRASE, NEVER_GIVEN, NOT_IN_NAME, VERB_AFTER_NAME, leftBoundary } from './name-edges.js';
import type { NameMatch } from './name-edges.js';
import { dictionaryTag, dictionaryWord } from './jieba-words.js';
import type { WordToken, Words } from './jieba-words.js';
import { maskedAt } from './masked-names.js';

// catalogue/forms/names.ts reads surnames through this module.
export { isSurnameAt };

export interface ReadOptions {
  /** Common surnames that are also everyday words (和, 方, 时 …) are not read as surnames. */
  strict: boolean;
  /** When nothing known follows, take two given-name characters. */
  fallback?: boolean;
  /** Right after a role cue: the name starts here, whatever its first character. */
  cued?: boolean;
  /** After a cue that names a role (not a verb such as 卖给): an everyday-word surname may begin the name. */
  lenient?: boolean;
  /** After a procedural role (犯罪嫌疑人, 报案人, 鉴定人): a person is named here for sure. */
  firm?: boolean;
  /** After an officer's cue (民警, 执行人): nobody's home is meant, so 家 at a field's end is the name's. */
  officer?: boolean;
  words?: Words;
}

/** A name whose given part starts at p: one character or two, bounded by what follows. */
function givenLength(s: string, p: number, opts: ReadOptions): 0 | 1 | 2 {
  const after = s.slice(p);
  const isEnd = (rest: string): boolean => NAME_END.test(rest);
  // A word that ends a name may be split by a printed line's wrap: "徐娜发\n现" is 徐娜 + 发现.
  const unwrapped = (rest: string): string => rest.replace(/^([一-龥])\n/, '$1');
  const g1 = /^[一-龥]/.test(after) && after[0] !== '某';
  // A particle or 后/时/处 never ends a name: 朱玺|后与其.
  const g2 =
    g1 &&
    /^[一-龥]/.test(after.slice(1)) &&
    after[1] !== '某' &&
    (!NOT_IN_NAME.has(after[1] ?? '') || /[和与及]/.test(after[1] ?? '')) &&
    !/[时处家身]/.test(after[1] ?? '');
  // 于宋某某: a masked name starts at the next character, not a given name.
  if (!g1 || after[1] === '某') return 0;
  // 秦永和以营利为目的: 和 joins nothing when a particle follows it; it ends the name.
  const conjInName = g2 && /[和与及]/.test(after[1] ?? '') && /[以的系因为在于是将被已]/.test(after[2] ?? '');
  // 民警韦福家、应永宇 / 执行人：韦福家 应永宇: an officer's name ending in 家, not an officer's home.
  if (opts.officer && after[1] === '家' && /^(?:[ \t\u3000\n、，,。；;（(]|$)/.test(after.slice(2))) return 2;
  // The shorter reading wins when both end at a boundary: "张三盗窃" is 张三, not 张三盗.
  if (!conjInName && (isEnd(after.slice(1)) || isEnd(unwrapped(after.slice(1))))) return 1;
  // Two characters then a clear boundary (郭福强|于2015年): the dictionary's 强于 is a coincidence.
  if (g2 && /^(?:[，。、；;（(]|于(?:\d|[一二]〇|同年|同月|同日|当日|当天|次日|案发)|时(?=[被，,]))/.test(after.slice(2))) return 2;
  if (g2 && NAME_END_PHRASE.test(after.slice(2))) return 2;
  // A dictionary word starts after one character: 徐丹|接到, 陈红|性别, 王兵|身上.
  const next = opts.words?.startingAt(p + 1);
  if (next && dictionaryWord(next) && next.end > p + 2) return 1;
  if (g2 && isEnd(after.slice(2))) return 2;
  if (!g2) return 0;
  // jieba reads the two characters as one word with the surname or alone (姜卫帅|两小包).
  if (opts.words && opts.words.startingAt(p + 2) && !opts.words.startingAt(p + 1) && (opts.words.at(p)?.end ?? 0) >= p + 2) return 2;
  const third = opts.words?.startingAt(p + 2);
  if (opts.fallback || (third && dictionaryWord(third) && opts.words?.startingAt(p + 1) === undefined)) return 2;
  return 0;
}

/**
 * A name starting at `i`: a masked name (朱某某, 李某甲, 黎XX), a name with a middle dot
 * (艾勒卡穆·艾克拜尔), or surname + one or two characters bounded by a name end.
 */
export function readName(s: string, i: number, strictOrOpts: boolean | ReadOptions, fallback = false): NameMatch | null {
  const opts: ReadOptions = typeof strictOrOpts === 'boolean' ? { strict: strictOrOpts, fallback } : strictOrOpts;
  const { strict, words } = opts;
  const dotted = /^[一-龥]{1,6}[·•・](?:某+|(?:(?!某)[一-龥]){1,8})/.exec(s.slice(i, i + 16));
  if (dotted && NAME_END.test(s.slice(i + dotted[0].length))) return { name: dotted[0], end: i + dotted[0].length };
  if (opts.cued) {
    // 被告人XXX, 被告人某某某: the mask alone.
    const bare = /^(?:某{2,3}|[Xx×]{2,10})(?![A-Za-z0-9])/.exec(s.slice(i, i + 12));
    if (bare) return { name: bare[0], end: i + bare[0].length };
  }
  let sl = isSurnameAt(s, i, strict);
  // Right before a mask any character is a surname: masking keeps the surname, however rare.
  if (sl === 0 && /^[一-龥][某Xx×*]/.test(s.slice(i, i + 2)) && s[i] !== '某') sl = 1;
  // After a cue, a common word-like surname still begins a name: 方卫东, 时某某.
  if (sl === 0 && opts.cued && opts.lenient && isSurnameAt(s, i, false) > 0) sl = 1;
  if (sl === 0) {
    if (!opts.cued) return null;
  } else {
    const mk = maskedAt(s, i, sl, words);
    if (mk) return mk;
  }
  if (opts.cued) {
    // 沙马某某, 李绍某, 阿拜都某: a longer surname or a given character before the mask.
    const pre = /^((?:(?!某)[一-龥]){2,3})某{1,3}/.exec(s.slice(i, i + 7));
    const head = pre?.[1] ?? '';
    // Not a word and a name (表弟|欧某某), nor a particle (后|卢某).
    const word = head.length > 2 ? dictionaryTag(head.slice(0, 2)) : dictionaryTag(head);
    if (
      pre &&
      ![...head].some((c) => NOT_IN_NAME.has(c)) &&
      !/^[上下中内外前里]/.test(head) &&
      !VERB_AFTER_NAME.has(head[0] ?? '') &&
      (word === null || /^(nr|ns|nz)/.test(word) || /^[一-龥][一二三四五六七八九十]$/.test(head))
    ) {
      const end = i + pre[0].length;
      return { name: s.slice(i, end), end };
    }
  }
  if (sl === 0 || !strict) return null;
  const len = givenLength(s, i + sl, opts);
  if (len === 0 || NOT_IN_NAME.has(s[i + sl] ?? '')) return null;
  const name = s.slice(i, i + sl + len);
  // 公安局长宁镇派出所: a place, not 局长 and a name.
  if (NOT_NAMES.has(name) || /[省市区县镇乡村路街道楼号室店局所院厂队组处站场馆湾]$/.test(name) || bodyPart(name) || WORN_ITEM.test(name))
    return null;
  // A word the dictionary knows for something else: 查获, 牟利 after 民警 or 非法.
  if (words && isCommonWord(name, sl, words, i) && !(opts.firm && nameNotWord(s, i, name, words))) return null;
  // After a verb (卖给金银加工店), a word the dictionary holds whole is that word.
  if (words && opts.cued && !opts.lenient) {
    const t = words.startingAt(i);
    if (t && t.word === name && dictionaryWord(t) && !(opts.firm && nameNotWord(s, i, name, words))) return null;
  }
  // A prose surname read only because a cue precedes it: the given part must not be a word (向民警).
  if (isSurnameAt(s, i, true) === 0 && words) {
    const g = words.startingAt(i + sl);
    if (g && dictionaryWord(g) && !/^nr/.test(g.tag)) return null;
  }
  return { name, end: i + sl + len };
}

/**
 * Right after a procedural role, a name the dictionary also holds as a noun or an adjective
 * (金兵, 严颖, 高峰) is the name when a field, a list or the person's particulars follow it:
 * 鉴定人：金兵 方亮, 报案人严颖，女, 报案人严颖来所报称. A verb (民警查获) stays a verb.
 */
function nameNotWord(s: string, i: number, name: string, words: Words): boolean {
  const t = words.startingAt(i);
  if (t && /^(v|vd|vn|vg|d|p|c|u|f|r|m|q|t)/.test(t.tag)) return false;
  return /^(?:[ \t\u3000\n、（(：:]|[，,]\s?[男女]|$)/.test(s.slice(i + name.length)) || NAME_END_PHRASE.test(s.slice(i + name.length));
}

// Dictionary words whose first character is a surname but which name no one: the verbs and
// nouns of a case (查获, 牟利, 房屋), colours and goods. jieba tags some of them nr; its tag for
// the words that follow a name decides.
const NOT_NAME_TAGS = /^(v|vd|vn|vg|d|p|c|u|f|s|t|m|q|r|a|ad|an|b|z|l|i)/;
function isCommonWord(name: string, sl: number, words: Words, at: number): boolean {
  if (NOT_NAMES.has(name)) return true;
  const t = words.startingAt(at);
  if (!t || !dictionaryWord(t) || /^nr/.test(t.tag)) return false;
  // A proper noun of the dictionary (高建国/ns) may well be a person's name.
  if (t.word === name && /^n[stz]/.test(t.tag)) return false;
  // The name would lie inside a word (依法, 文化), or cut a verb in two (盘查|时).
  return t.end >= at + name.length || (t.end > at + sl && NOT_NAME_TAGS.test(t.tag));
}

// Where an injury is (左额部挫裂创, 面部, 左手): 左 is a surname, but 左额部 is the left forehead.
const BODY = '头额颞枕顶面颊眼眶鼻唇口耳颌颈项肩胸背腰腹臀臂肘腕手掌指髋腿膝踝足脚趾肋颧';
const BODY_REGION = new RegExp(`^[${BODY}]{1,2}部$`);
const BODY_SIDE = new RegExp(`^[左右](?:[${BODY}侧边上下前后])`);
function bodyPart(word: string): boolean {
  return BODY_REGION.test(word.slice(1)) || BODY_SIDE.test(word);
}

// Given names that jieba's HMM cuts as new words, and place words it mistakes for names.
const NOT_A_NAME_END = /[省市区县镇乡村路街道楼号室店局所院厂队组处口站场馆园城湾桥庄]$/;

// Descriptions of a person ("戴帽子，穿黑色外套") read like a surname 戴 and a given name.
const WORN_ITEM = /^(戴|穿|披|背|挎|拎|提|拿|持)(帽子?|眼镜|墨镜|口罩|手套|头盔|耳环|项链|手表|围巾|包|外套|雨衣)$/;

// The word before a name with no cue: punctuation, a preposition, a verb, a time, or a
// noun that names a kind of person (吸毒人员, 其朋友, 老板).
const PERSON_NOUN_END = /(人|员|犯|友|妻|夫|哥|姐|弟|妹|父|母|儿|子|女|主|板|管|警|者|家属|亲戚|同学|同事|邻居)$/;
const NOUNISH = /^(n|s|f|t|ng|nl)$/;

/** Names with no role cue: jieba's person tag or an HMM new word that starts with a surname and is followed by a verb or a list separator. */
export function findUnmarkedNames(s: string, tokens: readonly WordToken[]): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  const isPrevOk = (prev: WordToken | undefined): boolean =>
    !prev ||
    /^[、，,。；;：:）)\s]$/.test(prev.word) ||
    /^[pcdtv]/.test(prev.tag) ||
    /^(由|将|把|被|和|与|同|后|随后|随即|然后|及|向|给|找|让|叫)$/.test(prev.word) ||
    PERSON_NOUN_END.test(prev.word) ||
    (prev.tag === 'x' && (VERB_AFTER_NAME.has(prev.word.slice(-1)) || NOT_IN_NAME.has(prev.word.slice(-1))));
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || !/^[一-龥]{2,4}$/.test(t.word) || t.word.includes('某')) continue;
    const surnameBefore = t.word.length === 2 && tokens[k - 1]?.word.length === 1 && isSurnameAt(tokens[k - 1]?.word ?? '', 0, false) === 1;
    if (t.tag !== 'nr' && t.tag !== 'x' && t.tag !== 'nrfg' && t.tag !== 'nrt' && !(t.tag === 'nz' && surnameBefore)) continue;
    let start = t.start;
    let end = t.end;
    let prev = tokens[k - 1];
    let next = tokens[k + 1];
    // 肖/金平: jieba cut the surname off a name it knows. A surname it took for a verb (通知戴|阳新（…）)
    // joins only when the name is closed by punctuation: 戴|口罩 is worn.
    const closed = /^[（(，,。；;：:、\s]/.test(s[t.end] ?? '');
    if (
      t.word.length === 2 &&
      prev &&
      prev.word.length === 1 &&
      isSurnameAt(prev.word, 0, false) === 1 &&
      prev.end === t.start &&
      isPrevOk(tokens[k - 2]) &&
      (/^(nr|j|x|nz|ng|n)$/.test(prev.tag) || (prev.tag === 'v' && t.tag === 'nr' && closed)) &&
      !NOT_IN_NAME.has(prev.word)
    ) {
      start = prev.start;
      prev = tokens[k - 2];
    }
    // 黄宏向, 李明处: an unknown word that swallowed the next word's first character.
    if (
      t.tag === 'x' &&
      (end - start === 3 || end - start === 4) &&
      (NEVER_GIVEN.has(s[end - 1] ?? '') || VERB_AFTER_NAME.has(s[end - 1] ?? ''))
    ) {
      end -= 1;
      next = { word: s[end] ?? '', tag: 'p', start: end, end: end + 1 };
    }
    // 殷举|洪在: the next unknown word holds the name's last character and a particle.
    if (
      t.tag === 'x' &&
      end - start === 2 &&
      next &&
      next.tag === 'x' &&
      next.word.length === 2 &&
      NOT_IN_NAME.has(next.word[1] ?? '') &&
      !NEVER_GIVEN.has(next.word[0] ?? '') &&
      !VERB_AFTER_NAME.has(next.word[0] ?? '')
    ) {
      end += 1;
      next = { word: s[end] ?? '', tag: 'p', start: end, end: end + 1 };
    }
    const word = s.slice(start, end);
    const sl = isSurnameAt(word, 0, start < t.start ? false : true);
    if (sl === 0 || word.length - sl < 1 || word.length - sl > 2) continue;
    if (NOT_A_NAME_END.test(word) || NOT_NAMES.has(word) || NOT_NAMES.has(word.slice(0, 2)) || WORN_ITEM.test(word)) continue;
    // 包内, 车里, 盖子: a locative or a noun suffix is no one's given name.
    if (word.length - sl === 1 && (NEVER_GIVEN.has(word.slice(sl)) || /[内里外旁边子头]/.test(word.slice(sl)))) continue;
    if (bodyPart(word)) continue;
    // 打印机1台、夏普…, 十八包、玉溪…: the next item of a list of goods.
    if (
      prev?.word === '、' &&
      /(?:[\d一二两三四五六七八九十百]+[个部台辆只条张件支块袋瓶包克粒元斤盒箱把对双套]|[)）])$/.test(
        s.slice(Math.max(0, prev.start - 6), prev.start),
      )
    )
      continue;
    if (next && /^[省市区县镇乡村路街道楼号室店局所院厂队组]/.test(next.word)) continue;
    // The given part is a common noun (时间, 路边, 耳环): a word that happens to start with a surname.
    const listed = (prev !== undefined && /^[、和与及]$/.test(prev.word)) || (next !== undefined && /^[、和与及]$/.test(next.word));
    const givenTag = dictionaryTag(word.slice(sl));
    if (word.length - sl === 2 && givenTag !== null && NOUNISH.test(givenTag) && !listed) continue;
    // 金锁1个, 玉溪二十包: goods counted, not a person.
    if (/^[\d一二两三四五六七八九十]+[个部台辆只条张件支块袋瓶包克粒元斤盒箱]/.test(s.slice(end))) continue;
    const nextOk = !next || /^[vpdcx]/.test(next.tag) || /^[、，,。；（(]/.test(next.word) || NAME_END.test(s.slice(end));
    if (!(nextOk && isPrevOk(prev))) continue;
    out.push({ start, end, name: word });
  }
  return out;
}

// Compound surnames that are also everyday words: 东方 (the east), 西门 (a west gate), 长孙 (an eldest grandson).
const WORDLIKE_COMPOUND = new Set(['东方', '西门', '长孙', '闻人']);

/**
 * Names with a compound surname and no cue (电话通知慕容彬（…）, 交给令狐佳保管): jieba splits them
 * (慕容|彬), but a compound surname is a person's and the given part ends where a name ends.
 */
export function findCompoundSurnameNames(s: string, words?: Words): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (const c of COMPOUND_SURNAMES) {
    if (WORDLIKE_COMPOUND.has(c)) continue;
    for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
      if (!leftBoundary(s, i) && !/[通知送达交给由向被与和及同请到、]/.test(s[i - 1] ?? '')) continue;
      const nm = readName(s, i, { strict: true, ...(words ? { words } : {}) });
      if (nm && nm.end - i >= 3 && !/[某Xx×*＊]/.test(nm.name)) out.push({ start: i, end: nm.end, name: nm.name });
    }
  }
  return out;
}
