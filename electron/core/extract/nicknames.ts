// Nicknames a text gives a person: in quotes (外号叫“老六”, “黄毛”（另案处理）) or a familiar
// name its brackets say is a person (老邱（另案处理）).
import { NOT_NAMES, SURNAMES } from './name-lexicon.js';
import { dictionaryTag } from './jieba-words.js';

// A nickname in quotes is a person when the text says so: 外号叫“老六”, “黄毛”（另案处理）,
// 一名叫“阿强”的男子, 从“四眼仔”处购买. The quotes are not part of the name.
const NICKNAME_BEFORE =
  /(?:外号|绰号|花名|网名|小名|化名|诨名|诨号|别名|昵称|艺名)\s?(?:叫|为|是|叫做)?\s?$|(?:名叫|叫做|叫|称为|人称|自称)\s?$/;
const NICKNAME_AFTER_PAREN =
  /^[（(]\s?(?:另案|在逃|已另案|身份|姓名|真实|具体|基本情况|情况不明|不详|待核实|待查|未到案|未查实|已判|已被|均另案|均已|男|女|系)/;
const NICKNAME_AFTER_WORD = /^(?:的(?:男子|女子|男人|女人|人|毒贩|中年|青年|老板|司机|朋友)|男子|女子)/;
// Between a person's words: 向“阿松”购买, 从“水德”处, 跟“乌立”拿, 由“光头”望风.
const NICKNAME_VERB_BEFORE = /(?:向|从|跟|找|给|联系|伙同|与|和|由|及|、|同案人|犯罪嫌疑人|嫌疑人|贩毒人员|吸毒人员|上家|下家|毒贩)\s?$/;
const NICKNAME_VERB_AFTER =
  /^(?:处|手中|手里|手上|那里|家|购买|购得|拿|联系|电话|贩卖|出售|转而|离开|附送|让|说|称|表示|再次|打电话|给|安排|等人|、|用|望风|放风|一起|一同)/;
const NICKNAME = /[“"]((?:(?![某])[一-龥]){1,5}|[一-龥]某[甲乙丙丁]?)[”"]/g;

export interface NicknameMatch {
  start: number;
  end: number;
  name: string;
  afterName?: number;
  listAfter?: number;
}

/** Nicknames in quotes the text gives a person (the span is the nickname without its quotes). */
export function findNicknames(s: string, nameEnds: ReadonlySet<number> = new Set()): NicknameMatch[] {
  const out: NicknameMatch[] = [];
  for (const m of s.matchAll(NICKNAME)) {
    const inner = m[1] ?? '';
    const open = m.index;
    const close = open + m[0].length;
    const pre = s.slice(Math.max(0, open - 8), open);
    const post = s.slice(close, close + 12);
    // 郑某甲（“凯凯”）: the second name of the person just named.
    const paren = /[（(]\s?$/.test(pre) && /^\s?[)）]/.test(post) && nameEnds.has(open - 2 - (/\s$/.test(pre) ? 1 : 0));
    // 、“大全”等人: the next item of a list of persons.
    const listed = /[、和及与]\s?$/.test(pre) && nameEnds.has(open - 2 - (/\s$/.test(pre) ? 1 : 0));
    const said =
      NICKNAME_BEFORE.test(pre) ||
      NICKNAME_AFTER_PAREN.test(post) ||
      NICKNAME_AFTER_WORD.test(post) ||
      paren ||
      (listed && /^(?:等|、|[（(]|在|一起|一同|[，,])/.test(post)) ||
      (NICKNAME_VERB_BEFORE.test(pre) && NICKNAME_VERB_AFTER.test(post));
    if (!said) continue;
    // A drug, a brand or a place in quotes is a dictionary word; a nickname seldom is one.
    const t = inner.length >= 2 ? dictionaryTag(inner) : null;
    const named =
      NICKNAME_BEFORE.test(pre) || paren || listed || /(?:同案人|犯罪嫌疑人|嫌疑人|贩毒人员|吸毒人员|毒贩|上家|下家)\s?$/.test(pre);
    if (t !== null && !/^(nr|nrfg|nrt|ns|nz)$/.test(t) && !named) continue;
    if (NOT_NAMES.has(inner)) continue;
    const hit: NicknameMatch = { start: open + 1, end: open + 1 + inner.length, name: inner };
    if (paren) hit.afterName = open - 2 - (/\s$/.test(pre) ? 1 : 0);
    else if (listed) hit.listAfter = open - 2 - (/\s$/.test(pre) ? 1 : 0);
    out.push(hit);
  }
  // 向老邱（另案处理）, 阿彬（身份不明、在逃）: a familiar name with no quotes, said to be a person by its brackets.
  for (const m of s.matchAll(
    /(?<=[向从跟与和及、，,给同由找])(?:老|小|阿)[一-龥](?=[（(]\s?(?:另案|在逃|身份|姓名|真实|具体|基本情况|不详|已判|未到案))/g,
  )) {
    if (!SURNAMES.has(m[0][1] ?? '') || out.some((o) => o.start < m.index + m[0].length && m.index < o.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, name: m[0] });
  }
  return out;
}
