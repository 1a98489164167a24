// Where a name begins and ends: the words and characters that may follow a name, never
// belong to one, or begin the next word, and the left boundary a name may start at.
import { ROLE_CUES } from './role-cues.js';

export interface NameMatch {
  name: string;
  end: number;
}

// Words of two or more characters that go on a clause after a name, where their first
// character alone could still be a given name's: 何山|现羁押于, 屠平|有重大作案嫌疑,
// 严颖|来所报称, 龙飞|犯盗窃罪, 何山|之母. Being longer than one character they are better
// evidence of the name's end than the dictionary's guess across it (许泉东|来所, not 许泉|东来).
export const NAME_END_PHRASE =
  /^(?:现(?:羁押|关押|在押|押于|住|居住|暂住|在逃|下落|已被)|有(?:重大|作案|犯罪|违法|前科|吸毒|贩毒|盗窃)|有(?=[^，。；\n]{1,12}嫌疑)|来(?:所|我所|队|我队|局|我局|派出所|公安)|犯(?=[^，。；\n]{0,8}罪)|之(?:[父母妻夫子女兄弟姐妹孙侄]|丈夫|妻子)|停(?:放|在|靠)|刑事|故意|抓获|抓捕)/;

// What may follow a name: punctuation, digits, particles and the verbs that
// typically follow a named actor. Single characters common in given names
// (一, 三, 文, 明 …) are left out so that 张三 is not cut to 张.
const NAME_END_WORD =
  /^([\s，,。．.；;：:、（()）“”"'‘’【】《》[\]！!？?\d０-９a-zA-Z\n]|[于在因被将把对从与和及的等系是为已曾又再也都即就便遂经盗窃偷扒抢骗持驾骑乘携趁以向称说供辩涉男女家窜撬拿用签住并至到去回拒未没不均各共欲随]|可能|可以|应当|应该|需要|发生|告诉|表示|要求|认为|知道|看到|听到|得知|找到|进入|潜入|发现|看见|报称|报案|报警|陈述|供述|证实|辨认|指认|交代|到场|在场|签名|捺印|离开|伙同|纠集|到案|涉嫌|借用|负责|利用|容留|如实|驾驶|携带|窜至|来到|坐|骑|放风|望风|手机|现金|钱包|先后|多次|一起|一同|分别|非法|明知|事先|随后|然后|独自|酒后|处(?!理|罚|置|分)|身上|身边|手中|手里|尿液|体内|住处|租住|电话|性别|出生|身份证|户籍|[二两三四五六七八九]人|应以|应依法|时(?=[被，,])|后(?!来|面|边|门|天|方|院|街|背)|[一二两三四五六七八九十]次|贩卖|购买|出售|吸食|联系|$)/;
export const NAME_END = { test: (rest: string): boolean => NAME_END_WORD.test(rest) || NAME_END_PHRASE.test(rest) };

// After 王某 these begin the next word, never a given name: particles, prepositions,
// numerals and the nouns of where a person is (处, 家, 身上).
export const NEVER_GIVEN = new Set([
  ...'的地得了着过在于被将把对从与和及跟给让等是为已曾又再也都即就便遂经并而则还均各共所其之以处家身一二两三四五六七八九十几多每个称说向同系因后时不没未能',
]);
// Characters no name holds: particles and prepositions.
export const NOT_IN_NAME = new Set([...'的地得了着过在于被将把对从与和及跟给让等是为已又也都就并而则其之以向同系因后']);
// Single-character verbs that follow a named actor: the next word unless a boundary follows them.
export const VERB_AFTER_NAME = new Set(
  [
    ...'到至去来回进出入吸贩购卖买携驾带拿送交提租住联打接收要欲想准开骑乘坐拨告认供辩涉持藏放找约叫问答见看拒逃跑走骗偷盗抢扒窃抓获查搜缴扣用使停窜沿忙受按犯有应趁拉推翻撬砸剪割扔丢换借还付请喊随陪帮替代往朝离躲睡站躺吃喝抽注骂砍刺杀夺',
  ].filter((c) => !NEVER_GIVEN.has(c)),
);
export const STRONG_END = /^([\s，,。．.；;：:、（()）“”"'‘’【】《》[\]！!？?]|等|$)/;

/** Where a name may begin: not inside a word, so the character before it is punctuation, a role word's end or a particle. */
export function leftBoundary(s: string, i: number): boolean {
  const b = s[i - 1];
  if (b === undefined || !/[一-龥]/.test(b)) return true;
  if (/[将把对从与和及给让向被由同在于是称叫、]/.test(b)) return true;
  const w = s.slice(Math.max(0, i - 6), i);
  return (
    ROLE_CUES.some((r) => r.strength >= 2 && w.endsWith(r.cue)) ||
    /(人员|告人|同伙|朋友|容留|伙同|联系|贩卖给|卖给|交给|找到|邀请)$/.test(w)
  );
}
