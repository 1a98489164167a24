// Where two accounts disagree: one person's successive records (翻供, a changed time, sum, place,
// weapon or accomplice), or two people's accounts of the same event. Agreement allows what the
// words allow: "晚上九点多" agrees with "21时30分", "三千多元" with "3500元", "那天晚上" with any
// evening hour; a different day, a sum outside the range, another road, or "一个人" against "两个人"
// do not.
import type { Claim, ClaimAbout } from './claims.js';
import { formatMinutes } from './claims.js';
import { daysBetween } from '../../../shared/case-time.js';
import type { Statement } from './statements.js';
import type { Topic } from './turns.js';

export interface Difference {
  about: ClaimAbout;
  /** The earlier (or first person's) claim, and the later (or second person's). */
  a: Claim;
  b: Claim;
  a_statement: string;
  b_statement: string;
}

/** The part of an account a difference is about, for the reviewer. */
export const ABOUT_LABEL: Record<ClaimAbout, { zh: string; en: string }> = {
  TIME: { zh: '作案时间', en: 'time' },
  PLACE: { zh: '地点', en: 'place' },
  PARTICIPANTS: { zh: '参与人员', en: 'participants' },
  AMOUNT: { zh: '金额', en: 'amount' },
  ADMISSION: { zh: '是否承认', en: 'admission' },
  WEAPON: { zh: '作案工具', en: 'weapon' },
};

// Where the event itself is told: not what was done with the loot afterwards, nor how the person came to the police.
const EVENT_TOPICS: ReadonlySet<Topic> = new Set(['account', 'time', 'place', 'people', 'amount', 'means', 'other']);

/** The claims that describe the event, one per kind: the first the statement makes. */
export interface Account {
  time: Claim | null;
  amount: Claim | null;
  places: Claim[];
  participants: Claim | null;
  weapons: Claim[];
  admission: Claim | null;
}

export function accountOf(s: Statement): Account {
  const ev = s.claims.filter((c) => EVENT_TOPICS.has(c.topic));
  const times = ev.filter((c) => c.about === 'TIME' && !c.aside);
  // The time of the act: the first that narrows the day down; a bare "那天" alone says little.
  const time = times.find((c) => (c.toMin ?? 0) - (c.fromMin ?? 0) <= 12 * 60) ?? null;
  const totals = ev.filter((c) => c.about === 'AMOUNT' && c.sum === 'total');
  const amount = totals.length ? totals.reduce((a, b) => ((b.max ?? 0) > (a.max ?? 0) ? b : a)) : null;
  const admissions = s.claims.filter((c) => c.about === 'ADMISSION');
  // One denial in a record is its stance, whatever it admits elsewhere in the same record.
  const admission = admissions.find((c) => c.polarity === 'deny') ?? admissions[0] ?? null;
  return {
    time,
    amount,
    admission,
    places: ev.filter((c) => c.about === 'PLACE' && roads(c.value).length > 0),
    participants: ev.find((c) => c.about === 'PARTICIPANTS') ?? null,
    weapons: ev.filter((c) => c.about === 'WEAPON'),
  };
}

// ── agreement ───────────────────────────────────────────────────────────────

const TIME_TOLERANCE = 30;

export function timesAgree(a: Claim, b: Claim): boolean {
  const [af, at, bf, bt] = [a.fromMin ?? 0, a.toMin ?? 1440, b.fromMin ?? 0, b.toMin ?? 1440];
  let shift = 0;
  if (a.date && b.date && a.date !== b.date) {
    const days = daysBetween(a.date, b.date);
    // A night told on either side of midnight: 23时50分 on one day, 次日0时10分 on the next.
    if (Math.abs(days) !== 1) return false;
    shift = days * 1440;
  }
  const overlap = (x0: number, x1: number, y0: number, y1: number): boolean => x0 - TIME_TOLERANCE < y1 && y0 - TIME_TOLERANCE < x1;
  if (shift !== 0) return overlap(af, at, bf + shift, bt + shift);
  // Without days, a time past midnight may be the same night as a late evening.
  return overlap(af, at, bf, bt) || overlap(af, at, bf + 1440, bt + 1440) || overlap(af + 1440, at + 1440, bf, bt);
}

export function amountsAgree(a: Claim, b: Claim): boolean {
  const [a0, a1, b0, b1] = [a.min ?? 0, a.max ?? 0, b.min ?? 0, b.max ?? 0];
  return a0 * 0.95 <= b1 && b0 * 0.95 <= a1;
}

// The province, city and district every address of a case shares.
const ADMIN_PREFIX =
  /^(?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,8}?市)?(?:[\u4e00-\u9fff]{1,6}?(?:区|县|市|旗))?(?:[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)(?![路街]))?/;

/**
 * The named place an address is at — its road, estate or village, the words after the districts and
 * before the numbers (延安东路, 镜湖湾, 张村): two places disagree when they name different ones.
 */
export function roads(place: string): string[] {
  const rest = place.replace(/[\s\u2063]/g, '').replace(ADMIN_PREFIX, '');
  const m = /^([\u4e00-\u9fff]{2,10}?)(?=(\d|[０-９])|附近|旁|门口|对面|一带|$)/.exec(rest);
  const named = m?.[1] ?? '';
  // A name of its own: numbered, or ending as roads, estates and villages do — "饭店门口" names no place.
  const proper =
    m?.[2] !== undefined ||
    /(?:路|街|道|巷|弄|村|组|小区|花园|广场|大厦|市场|商场|湾|苑|园|城|庄|府|公寓|家园|大院|中心|大楼|镇|乡)$/.test(named);
  if (!proper || named.length < 2 || /^(马路|道路|街道|公路|大街|小路|店里|家里|家中|路边|路口|门口|楼下|附近)/.test(named)) return [];
  return [named];
}

export function placesAgree(a: readonly Claim[], b: readonly Claim[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const ra = new Set(a.flatMap((c) => roads(c.value)));
  return b.some((c) => roads(c.value).some((r) => ra.has(r) || [...ra].some((x) => x.includes(r) || r.includes(x))));
}

export function participantsAgree(a: Claim, b: Claim, sameSpeaker: boolean): boolean {
  const count = (c: Claim): number | null => (c.alone ? 1 : (c.count ?? (c.names && c.names.length ? c.names.length + 1 : null)));
  const [ca, cb] = [count(a), count(b)];
  if ((a.alone && cb !== null && cb >= 2) || (b.alone && ca !== null && ca >= 2)) return false;
  // One suspect naming other accomplices from one record to the next.
  if (sameSpeaker && a.names?.length && b.names?.length && !a.names.some((n) => b.names?.includes(n))) return false;
  return true;
}

function weaponsAgree(a: readonly Claim[], b: readonly Claim[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => x.value === y.value));
}

// ── comparisons ─────────────────────────────────────────────────────────────

function diff(about: ClaimAbout, a: Claim, b: Claim, sa: Statement, sb: Statement): Difference {
  return { about, a, b, a_statement: sa.document, b_statement: sb.document };
}

/**
 * One suspect's records in order: each claim compared with the last earlier record that made a
 * claim of its kind. Admitting and then denying is a retraction; denying then admitting is not.
 */
export function retractions(records: readonly Statement[]): Difference[] {
  const out: Difference[] = [];
  const last: {
    time?: [Claim, Statement];
    amount?: [Claim, Statement];
    places?: [Claim[], Statement];
    participants?: [Claim, Statement];
    weapons?: [Claim[], Statement];
    admit?: [Claim, Statement];
  } = {};
  for (const s of records) {
    const acc = accountOf(s);
    if (acc.admission) {
      if (acc.admission.polarity === 'deny' && last.admit) out.push(diff('ADMISSION', last.admit[0], acc.admission, last.admit[1], s));
      if (acc.admission.polarity === 'admit') last.admit = [acc.admission, s];
      else delete last.admit;
    }
    // A record that denies the act tells no version of it to compare.
    if (acc.admission?.polarity === 'deny') continue;
    if (acc.time) {
      if (last.time && !timesAgree(last.time[0], acc.time)) out.push(diff('TIME', last.time[0], acc.time, last.time[1], s));
      last.time = [acc.time, s];
    }
    if (acc.amount) {
      if (last.amount && !amountsAgree(last.amount[0], acc.amount)) out.push(diff('AMOUNT', last.amount[0], acc.amount, last.amount[1], s));
      last.amount = [acc.amount, s];
    }
    if (acc.places.length) {
      if (last.places && !placesAgree(last.places[0], acc.places))
        out.push(diff('PLACE', last.places[0][0]!, acc.places[0]!, last.places[1], s));
      last.places = [acc.places, s];
    }
    if (acc.participants) {
      if (last.participants && !participantsAgree(last.participants[0], acc.participants, true))
        out.push(diff('PARTICIPANTS', last.participants[0], acc.participants, last.participants[1], s));
      last.participants = [acc.participants, s];
    }
    if (acc.weapons.length) {
      if (last.weapons && !weaponsAgree(last.weapons[0], acc.weapons))
        out.push(diff('WEAPON', last.weapons[0][0]!, acc.weapons[0]!, last.weapons[1], s));
      last.weapons = [acc.weapons, s];
    }
  }
  return out;
}

/** A person's account across their records: each kind of claim from the first record that makes it (a denial aside). */
export function personAccount(records: readonly Statement[]): { account: Account; from: Partial<Record<keyof Account, Statement>> } {
  const account: Account = { time: null, amount: null, places: [], participants: null, weapons: [], admission: null };
  const from: Partial<Record<keyof Account, Statement>> = {};
  for (const s of records) {
    const acc = accountOf(s);
    if (acc.admission?.polarity === 'deny') continue;
    if (!account.time && acc.time) {
      account.time = acc.time;
      from.time = s;
    }
    if (!account.amount && acc.amount) {
      account.amount = acc.amount;
      from.amount = s;
    }
    if (!account.places.length && acc.places.length) {
      account.places = acc.places;
      from.places = s;
    }
    if (!account.participants && acc.participants) {
      account.participants = acc.participants;
      from.participants = s;
    }
    if (!account.weapons.length && acc.weapons.length) {
      account.weapons = acc.weapons;
      from.weapons = s;
    }
  }
  return { account, from };
}

/** Two people's accounts of the event, compared kind by kind. */
export function contradictions(
  a: { account: Account; from: Partial<Record<keyof Account, Statement>> },
  b: { account: Account; from: Partial<Record<keyof Account, Statement>> },
): Difference[] {
  const out: Difference[] = [];
  const A = a.account;
  const B = b.account;
  if (A.time && B.time && !timesAgree(A.time, B.time)) out.push(diff('TIME', A.time, B.time, a.from.time!, b.from.time!));
  if (A.amount && B.amount && !amountsAgree(A.amount, B.amount))
    out.push(diff('AMOUNT', A.amount, B.amount, a.from.amount!, b.from.amount!));
  if (A.places.length && B.places.length && !placesAgree(A.places, B.places))
    out.push(diff('PLACE', A.places[0]!, B.places[0]!, a.from.places!, b.from.places!));
  if (A.participants && B.participants && !participantsAgree(A.participants, B.participants, false))
    out.push(diff('PARTICIPANTS', A.participants, B.participants, a.from.participants!, b.from.participants!));
  if (A.weapons.length && B.weapons.length && !weaponsAgree(A.weapons, B.weapons))
    out.push(diff('WEAPON', A.weapons[0]!, B.weapons[0]!, a.from.weapons!, b.from.weapons!));
  return out;
}

/** A claim as a finding states it: the words, and for a time what they allow ("晚上九点多（21:00–22:00）"). */
export function shown(c: Claim): string {
  if (c.about === 'TIME' && c.fromMin !== undefined && c.toMin !== undefined)
    return `${c.words}（${c.date ? `${c.date} ` : ''}${formatMinutes(c.fromMin, c.toMin)}）`;
  if (c.about === 'ADMISSION') return c.polarity === 'deny' ? `否认（“${c.words}”）` : `承认（“${c.words}”）`;
  if (c.about === 'PARTICIPANTS') return c.alone ? `一人作案（“${c.words}”）` : c.names?.length ? `与${c.names.join('、')}` : c.value;
  return c.words || c.value;
}
