// What an answer says about the event: when, where, who took part, how much, with what, and
// whether the speaker admits the act. Vague wording stays vague: "晚上九点多" is 21:00–22:00,
// "三千多元" is 3,000–4,000 yuan, "那天晚上" the evening; comparisons allow what the words allow.
import { findAmounts } from '../extract/amount.js';
import { findDateTimes } from '../extract/datetime.js';
import { extractMentions } from '../extract/entities.js';
import type { Topic, Turn } from './turns.js';

import type { ClaimAbout } from '../../../shared/review.js';
export type { ClaimAbout };

export interface Claim {
  about: ClaimAbout;
  /** For display and comparison: '21:00–22:00', '3000元', '否认', '棍', '李四'. */
  value: string;
  /** The words that say so ("晚上九点多"), and the sentence that holds them. */
  words: string;
  text: string;
  turn: number;
  topic: Topic;
  page: number;
  /** Offsets of the words in the record's text. */
  start: number;
  end: number;
  // TIME: the day if the answer names one, and the minutes of that day the words allow.
  date?: string | null;
  fromMin?: number;
  toMin?: number;
  /** A time told of something around the act, not the act: the car parked, the loss found, home again. */
  aside?: true;
  // AMOUNT: the yuan the words allow; what kind of sum it is.
  min?: number;
  max?: number;
  sum?: 'total' | 'share' | 'other';
  // PARTICIPANTS
  names?: string[];
  alone?: boolean;
  count?: number | null;
  // ADMISSION
  polarity?: 'admit' | 'deny';
}

// ── time ────────────────────────────────────────────────────────────────────

const PERIOD_RANGE: [RegExp, number, number][] = [
  [/凌晨/, 0, 360],
  [/清晨|早晨|早上/, 300, 540],
  [/上午/, 480, 720],
  [/中午|午间/, 660, 840],
  [/下午/, 720, 1080],
  [/傍晚/, 1020, 1200],
  [/半夜|深夜|午夜/, 1320, 1560],
  [/晚上|夜间|夜里|晚间|当晚|那晚|晚/, 1080, 1440],
];
// "那天晚上" with no hour is the night, and people count its small hours in it: until 5 the next morning.
const NIGHT_UNTIL_DAWN = 1740;
const CN_HOUR: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

function periodOf(text: string): [number, number] | null {
  for (const [re, from, to] of PERIOD_RANGE) if (re.test(text)) return [from, to];
  return null;
}

function toDay(hour: number, period: [number, number] | null): number {
  // 晚上九点 is 21:00: a period past noon moves an hour written on the 12-hour clock.
  if (period && period[0] >= 720 && hour < 12) return (hour + 12) * 60;
  if (period && period[0] >= 1320 && hour < 6) return (hour + 24) * 60;
  return hour * 60;
}

/** Times of day an answer gives, with the vagueness of their words. `ref` resolves 同日/次日 only. */
export function timeClaims(
  text: string,
  ref?: string | null,
): { start: number; end: number; date: string | null; fromMin: number; toMin: number; value: string }[] {
  const out: { start: number; end: number; date: string | null; fromMin: number; toMin: number; value: string }[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number): boolean => !taken.some(([a, b]) => s < b && a < e);
  // 八九点, 晚上七八点钟: two neighbouring hours.
  for (const m of text.matchAll(
    /(凌晨|早上|上午|中午|下午|傍晚|晚上|夜里)?([一二三四五六七八九十]|\d{1,2})([一二三四五六七八九十]|\d{1,2})点(?:钟)?(?:多|左右)?/g,
  )) {
    const a = CN_HOUR[m[2] ?? ''] ?? Number(m[2]);
    const b = CN_HOUR[m[3] ?? ''] ?? Number(m[3]);
    if (!(b === a + 1) || a > 23) continue;
    const period = m[1] ? periodOf(m[1]) : null;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      date: null,
      fromMin: toDay(a, period),
      toMin: toDay(b, period) + 60,
      value: m[0],
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  // A lone clock time needs a day to be read at all; without the record's date any day serves,
  // since only a day the answer names itself is kept.
  for (const d of findDateTimes(text, { date: ref ?? '2000-01-01' })) {
    if (!free(d.start, d.end)) continue;
    const after = text.slice(d.end, d.end + 3);
    // "九点以后", "十点之前": a bound, not a time; "前后" keeps it a time.
    if (/^(以后|之后|以前|之前|后|前(?!后))/.test(after)) continue;
    const words = d.text;
    const relative = /同日|次日|当日|当天|翌日|第二天/.test(words);
    const explicitDay = /年|月|日|号/.test(words.replace(/同日|次日|当日|翌日/g, '')) || (relative && !!ref);
    const date = explicitDay ? d.date : null;
    let from: number;
    let to: number;
    if (d.time) {
      const [h, mi] = d.time.split(':').map(Number) as [number, number];
      const t = h * 60 + mi;
      if (/多|余/.test(words + after.slice(0, 1))) [from, to] = [t, t + 60];
      else if (d.approx || /左右|前后|大概|大约|约/.test(words + after)) [from, to] = [t - 30, t + 30];
      else if (mi !== 0) [from, to] = [t - 10, t + 10];
      else [from, to] = [t - 20, t + 40];
    } else {
      const p = d.period ? periodOf(d.period) : null;
      if (p) [from, to] = p;
      else if (date) [from, to] = [0, 1440];
      else continue;
    }
    out.push({ start: d.start, end: d.end, date, fromMin: from, toMin: to, value: words });
    taken.push([d.start, d.end]);
  }
  // "那天晚上", "当晚": a part of the day alone.
  for (const m of text.matchAll(/(?:那天|当天|那日|当日)?(凌晨|清晨|早上|上午|中午|下午|傍晚|晚上|半夜|深夜)|当晚|那晚/g)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const p = periodOf(m[0]);
    if (!p) continue;
    const night = p[0] >= 1080 && p[1] >= 1440;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      date: null,
      fromMin: p[0],
      toMin: night ? Math.max(p[1], NIGHT_UNTIL_DAWN) : p[1],
      value: m[0],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function formatMinutes(from: number, to: number): string {
  const f = (m: number): string =>
    `${String(Math.floor((((m % 1440) + 1440) % 1440) / 60)).padStart(2, '0')}:${String(((m % 60) + 60) % 60).padStart(2, '0')}`;
  return `${f(from)}–${f(to)}`;
}

// ── amounts ─────────────────────────────────────────────────────────────────

const SHARE = /给了?我|分给|分到|分了|辛苦费|好处费|报酬|租金|工资|每个|每张|每月|每次|一个月|提成/;
// "包里有现金7650元", "其实只有1920元": what the bag held is the sum taken.
const TOTAL =
  /一共|总共|共计|合计|损失|被骗|骗了|骗走|偷了|盗走|拿走|价值|转了|转账|抢走|抢了|总计|加起来|卖了|赔偿|医药费|花了|有现金|只有|里面有|里有/;

/** The sums an answer names, each as the range its words allow. */
export function amountClaims(
  text: string,
): { start: number; end: number; min: number; max: number; sum: 'total' | 'share' | 'other'; value: string }[] {
  return findAmounts(text).map((a) => {
    // The amount's own clause: "里面有现金650元，他分了一半给我" is the whole sum, the share comes after.
    const after = text.slice(a.end, a.end + 6);
    const stop = after.search(/[，,。；;]/);
    const clause = text.slice(
      Math.max(0, text.lastIndexOf('，', a.start) + 1, text.lastIndexOf('。', a.start) + 1),
      a.end + (stop < 0 ? 6 : stop),
    );
    const sum = SHARE.test(clause) ? 'share' : TOTAL.test(clause) ? 'total' : 'other';
    let [min, max] = [a.value, a.value];
    if (a.approx) {
      if (/多|余/.test(a.text)) {
        const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, a.value)));
        [min, max] = [a.value, a.value + magnitude];
      } else [min, max] = [a.value * 0.8, a.value * 1.2];
    }
    return { start: a.start, end: a.end, min, max, sum, value: a.text };
  });
}

// ── people, weapons, admission ──────────────────────────────────────────────

const ALONE = /我一个人|我独自|独自一人|就我自己|我自己一个人|没有同伙|一个人(?:去|干|拿|偷|作案|做的)/;
const COUNT = /(两|二|三|四|五|六|\d)(?:个|名)(?:人|男的|女的|男子|女子|男人|女人|年轻人|小伙子)/;
const WITH =
  /(?:我和|我跟|我与|和我|跟我|伙同|同|叫上|喊上|带着|让我|叫我)([\u4e00-\u9fff·]{2,4}?)(?=一起|一块|两个|等人|去|到|来|开|进|在|，|。|、|和|说|让|叫|拿|偷|打|骗|$)/g;

export function participantClaims(
  text: string,
  speaker: string | null,
): { start: number; end: number; names: string[]; alone: boolean; count: number | null; value: string } | null {
  const alone = ALONE.exec(text);
  const count = COUNT.exec(text);
  const names: string[] = [];
  let first = -1;
  let last = -1;
  const persons = extractMentions(text).filter((m) => m.type === 'PERSON');
  for (const m of text.matchAll(WITH)) {
    const name = m[1] ?? '';
    // Only a name the extractor reads as a person's: "让我过来" names nobody.
    const person = persons.find((p) => p.start >= m.index && p.start < m.index + m[0].length && name.startsWith(p.text.slice(0, 1)));
    const n = person?.value ?? '';
    if (!n || n === speaker) continue;
    if (!names.includes(n)) names.push(n);
    if (first < 0) first = m.index;
    last = m.index + m[0].length;
  }
  if (!alone && !count && names.length === 0) return null;
  const nums: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
  const n = count ? (nums[count[1] ?? ''] ?? Number(count[1])) : null;
  const at = [alone?.index, count?.index, first >= 0 ? first : undefined].filter((x): x is number => x !== undefined);
  const start = Math.min(...at);
  const end = Math.max(alone ? alone.index + alone[0].length : 0, count ? count.index + count[0].length : 0, last);
  const value = alone ? '一人' : names.length ? names.join('、') : `${n}人`;
  return { start, end, names, alone: alone !== null, count: n, value };
}

const WEAPONS: [RegExp, string][] = [
  [/木棍|棍子|铁棍|钢管|铁管|棒球棍|木棒|甩棍/, '棍棒'],
  [/砍刀|水果刀|菜刀|匕首|尖刀|折叠刀|刀/, '刀'],
  [/锤子|铁锤|榔头/, '锤'],
  [/砖头|石头|石块/, '砖石'],
  [/酒瓶|啤酒瓶|玻璃瓶/, '酒瓶'],
  [/枪/, '枪'],
  [/板凳|凳子|椅子/, '凳椅'],
];

export function weaponClaims(text: string): { start: number; end: number; value: string }[] {
  const out: { start: number; end: number; value: string }[] = [];
  for (const [re, value] of WEAPONS) {
    const m = new RegExp(re.source).exec(text);
    if (m && !out.some((o) => o.value === value)) out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return out;
}

// Denials and admissions of the act, as suspects word them.
const DENY =
  /(?:不是我|并非我|不是本人)(?:干|偷|拿|打|骗|做|抢|弄)?的|我(?:根本)?没(?:有)?(?:偷|拿|打|骗|抢|参与|动手|去过|做过|干过|碰)|(?:我|本人)(?:当时)?(?:不在(?:场|现场|那里|那儿)|在家(?:里)?睡觉)|(?:以前|之前|上次|前面|前几次)(?:说|讲|供述|交代)的(?:都)?(?:不是事实|不属实|是假的|不对|不真实)|不承认|我否认|冤枉|(?:被|是)(?:逼|打|诱导|吓)(?:的|才|出来)|翻供/;
const ADMIT =
  /是我(?:干|偷|拿|打|骗|抢|做|弄)的|我(?:承认|认罪)|(?:以前|之前|上次)(?:说|讲|供述|交代)的(?:都)?是事实|我[^，。；！？没不未别被他她]{0,14}(?:偷走|偷了|拿走|盗走|骗了|骗走|打了|抢了|抢走|卖给|砍了|捅了|冒充)/;

// In a suspect's own account the act told without a subject is his ("一共骗了三千元"), unless the
// clause gives it to someone else ("后来才知道他进店偷了东西").
const ACT_TOLD =
  /(?:偷了|偷走|骗了|骗走|拿走|拿了|抢了|抢走|打了|砍了|捅了|踢了|砸碎|砸了|砸坏|撬开|撬了|冒充|卖给|给了(?:他|她|对方)[^，。；]{0,10}(?:冰毒|毒品|海洛因|麻古|K粉|大麻|摇头丸))/g;

// 他 as whom the act was done to or with (朝他, 对她, 和他一起), not who did it.
const DONE_TO = /(?:朝|向|对|把|将|给|往|和|跟|与)(?:他|她|对方)/g;

/**
 * "我一时冲动，拿起木凳朝他头上砸了一下": the sentence opens with 我 and no clause after it names
 * another doer, so the act is the speaker's; 他 after 朝/向/对/把 is whom it was done to.
 */
function ownSentence(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf('！', at), text.lastIndexOf('？', at)) + 1;
  const clauses = text.slice(from, at).replace(/\s+/g, '').split(/[，,]/);
  if (!/^我(?!们)/.test(clauses[0] ?? '')) return false;
  const doer = /^(?:他|她|对方|别人|有人|[\u4e00-\u9fff]{2,3}(?:也|就|又|便|则|上来|过来|上前))/;
  return (
    clauses.slice(1).every((c) => !doer.test(c)) && !/[他她]|对方|别人|有人/.test((clauses[clauses.length - 1] ?? '').replace(DONE_TO, ''))
  );
}

export function admissionClaim(
  text: string,
  account = false,
): { start: number; end: number; polarity: 'admit' | 'deny'; value: string } | null {
  const deny = DENY.exec(text);
  if (deny) return { start: deny.index, end: deny.index + deny[0].length, polarity: 'deny', value: '否认' };
  const admit = ADMIT.exec(text);
  if (admit) return { start: admit.index, end: admit.index + admit[0].length, polarity: 'admit', value: '承认' };
  if (!account) return null;
  for (const m of text.matchAll(ACT_TOLD)) {
    const clause = text.slice(Math.max(0, text.lastIndexOf('，', m.index) + 1, text.lastIndexOf('。', m.index) + 1), m.index);
    if (/[没不未别]$|被[\u4e00-\u9fff]{0,4}$/.test(clause)) continue;
    const other = /[他她]|对方|别人|有人/.test(clause.replace(DONE_TO, ''));
    const named = /[\u4e00-\u9fff]{2,3}(?:进|就|又)?$/.test(clause) && !/^(?:我|一共|总共|就)/.test(clause);
    if ((other || named) && !ownSentence(text, m.index)) continue;
    return { start: m.index, end: m.index + m[0].length, polarity: 'admit', value: '承认' };
  }
  return null;
}

/**
 * An answer as one paragraph: a printed line that wraps mid-sentence ("转了贰万陆仟\n伍佰元") is
 * joined to the next. `at[i]` is the offset in the answer of the joined text's i-th character.
 */
export function unwrap(answer: string): { text: string; at: number[] } {
  const lines = answer.split('\n');
  let text = '';
  const at: number[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    const prev = i > 0 ? lines[i - 1]!.trim() : '';
    if (i > 0 && (prev.length < 12 || /[。！？；：:!?]$/.test(prev) || /^\s*(问|答)\s*[：:]/.test(line))) {
      text += '\n';
      at.push(offset - 1);
    }
    const lead = i > 0 && !(prev.length < 12 || /[。！？；：:!?]$/.test(prev)) ? line.length - line.trimStart().length : 0;
    for (let k = lead; k < line.length; k++) {
      text += line[k];
      at.push(offset + k);
    }
    offset += line.length + 1;
  });
  return { text, at };
}

/** Every claim of a record's testimony turns; `speaker` is the person questioned, `suspect` whether admissions count. */
export function claimsOf(
  turns: readonly Turn[],
  opts: { speaker: string | null; suspect: boolean; ref?: string | null; testimony: ReadonlySet<Topic> },
): Claim[] {
  const out: Claim[] = [];
  for (const t of turns) {
    if (!opts.testimony.has(t.topic) && !(opts.suspect && t.topic === 'closing')) continue;
    const { text: a, at: map } = unwrap(t.answer);
    const orig = (k: number): number => (k >= map.length ? (map[map.length - 1] ?? -1) + 1 : (map[k] ?? 0));
    const at = (start: number, end: number) => ({
      turn: t.index,
      topic: t.topic,
      page: t.page,
      start: t.answerAt + orig(start),
      end: t.answerAt + orig(end - 1) + 1,
      words: a.slice(start, end),
      text: sentenceAround(a, start, end),
    });
    if (t.topic !== 'closing') {
      for (const c of timeClaims(a, opts.ref)) {
        const claim: Claim = {
          about: 'TIME',
          value: c.date ? `${c.date} ${formatMinutes(c.fromMin, c.toMin)}` : formatMinutes(c.fromMin, c.toMin),
          date: c.date,
          fromMin: c.fromMin,
          toMin: c.toMin,
          ...at(c.start, c.end),
        };
        if (isAside(a, c.end) || HABIT.test(a.slice(Math.max(0, a.slice(0, c.start).search(/[^，。；]*$/)), c.start))) claim.aside = true;
        out.push(claim);
      }
      for (const c of amountClaims(a))
        out.push({ about: 'AMOUNT', value: c.value, min: c.min, max: c.max, sum: c.sum, ...at(c.start, c.end) });
      for (const m of extractMentions(a).filter((x) => x.type === 'ADDRESS'))
        out.push({ about: 'PLACE', value: m.value, ...at(m.start, m.end) });
      const p = participantClaims(a, opts.speaker);
      if (p) out.push({ about: 'PARTICIPANTS', value: p.value, names: p.names, alone: p.alone, count: p.count, ...at(p.start, p.end) });
      for (const w of weaponClaims(a)) out.push({ about: 'WEAPON', value: w.value, ...at(w.start, w.end) });
    }
    if (opts.suspect) {
      const adm = admissionClaim(a, t.topic === 'account' || t.topic === 'amount' || t.topic === 'means');
      if (adm) out.push({ about: 'ADMISSION', value: adm.value, polarity: adm.polarity, ...at(adm.start, adm.end) });
    }
  }
  return out;
}

// What a time may date besides the act: a victim's "晚上八点我把车停在…", "第二天早上去开车的时候，
// 发现车窗被砸了" (the loss found, not the act).
const ASIDE = /停(?:在|放|到|好)|停车(?![场位库])|下班|回到?家|到家|睡觉|起床|醒来|报警|报案|挂失|上班|出门|吃(?:完|过)?饭/;
// What someone does as a rule (他经常半夜还在打电话) dates no act.
const HABIT = /经常|常常|平时|平常|一般|总是|每天|每晚|每次|有时|往往/;
const FOUND_LOSS = /发现[^，。；]{0,24}(?:被|不见|丢了|丢失|没了|少了)/;
const ACT_WORD = /偷|盗|砸|撬|拿|抢|打|砍|捅|踢|骗|卖|转账|转给|交易|作案|动手|吵/;

/** Does the sentence a time opens tell something else than the act? */
function isAside(text: string, at: number): boolean {
  const rest = text.slice(at).replace(/^[，,、\s]+/, '');
  const clauses = rest.slice(0, Math.max(0, rest.search(/[。；;\n]|$/))).split(/[，,]/);
  const first = clauses[0] ?? '';
  if (ACT_WORD.test(first) && !/被/.test(first)) return false;
  if (ASIDE.test(first) || FOUND_LOSS.test(first)) return true;
  // "去开车的时候，发现…被砸了" dates the finding; "我在后面整理货物，回来发现…不见了" dates
  // the act (the finding comes after it, 回来).
  return /(?:的时候|时)$/.test(first) && FOUND_LOSS.test(clauses[1] ?? '');
}

/** The sentence of an answer that holds some words, for quoting. */
function sentenceAround(text: string, start: number, end: number): string {
  const s = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('；', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = [text.indexOf('。', end), text.indexOf('；', end), text.indexOf('\n', end)].filter((x) => x >= 0);
  const e = stops.length ? Math.min(...stops) + 1 : text.length;
  const t = text.slice(s, e).replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 120)}…` : t;
}
