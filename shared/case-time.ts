// One case clock for the rules, the desk, the report and the renderer (RULES.md "Counting time").
// Counting time exactly as RULES.md "Counting time" says. Every period is counted
// on China's wall clock (+08:00), whatever offset a time was written with.
//
// - Hour limits: CPL 105(2) does not count the starting hour, so a result within
//   the next whole hour past the limit is a warning, not a violation.
// - Day limits ("N日以内"): the starting day is not counted; the deadline is the
//   end of (event date + N days). Holidays never extend custody (CPL 105(4)).
// - Month limits: same day of the month N months on; where that day does not
//   exist — or the period starts on a month's last day — that month's last day
//   (SPC 202). An act on the last day itself is a warning.
// - Age in full years (周岁) counts from the day after the birthday.

const CHINA_OFFSET_MIN = 8 * 60;
const MINUTE = 60_000;
const DAY_MIN = 24 * 60;

export interface CaseTime {
  /** Epoch milliseconds; for a plain date, the start of that day in China. */
  ms: number;
  /** The calendar date in China, YYYY-MM-DD. */
  date: string;
  /** False when the source gave only a date: hour limits cannot be computed exactly. */
  hasTime: boolean;
  /** The value as given. */
  source: string;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses 'YYYY-MM-DD' or ISO 'YYYY-MM-DDTHH:mm[:ss][offset]'; a time without an offset is China time. */
export function parseCaseTime(value: string | null | undefined): CaseTime | null {
  if (value === null || value === undefined) return null;
  const source = value.trim();
  const m = ISO_RE.exec(source);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return null;
  if (m[4] === undefined) {
    return { ms: Date.UTC(y, mo - 1, d) - CHINA_OFFSET_MIN * MINUTE, date: `${m[1]}-${m[2]}-${m[3]}`, hasTime: false, source };
  }
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return null;
  let offset = CHINA_OFFSET_MIN;
  const tz = m[7];
  if (tz !== undefined && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  } else if (tz === 'Z') {
    offset = 0;
  }
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * MINUTE;
  return { ms, date: chinaDate(ms), hasTime: true, source };
}

function chinaDate(ms: number): string {
  const t = new Date(ms + CHINA_OFFSET_MIN * MINUTE);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** China's wall clock at an instant: every view, figure and rule reads the hour, day and month here. */
export interface ChinaClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}
export function chinaClock(ms: number): ChinaClock {
  const t = new Date(ms + CHINA_OFFSET_MIN * MINUTE);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** An instant as the case writes it, 'YYYY-MM-DDTHH:mm:00+08:00' (with its seconds when asked). */
export function caseIso(ms: number, opts: { seconds?: boolean } = {}): string {
  const c = chinaClock(ms);
  const ss = opts.seconds ? pad(c.second) : '00';
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${ss}+08:00`;
}

/** The start of the China day holding an instant. */
export function chinaDayStart(ms: number): number {
  const day = DAY_MIN * MINUTE;
  return Math.floor((ms + CHINA_OFFSET_MIN * MINUTE) / day) * day - CHINA_OFFSET_MIN * MINUTE;
}

/** 'YYYY-MM-DD HH:mm' in China time, or 'YYYY-MM-DD' for a plain date. */
export function formatCaseTime(t: CaseTime): string {
  if (!t.hasTime) return t.date;
  const w = new Date(t.ms + CHINA_OFFSET_MIN * MINUTE);
  return `${t.date} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** A CaseTime from a string (or itself); null when it cannot be read. */
export function toCaseTime(t: CaseTime | string | null | undefined): CaseTime | null {
  if (t === null || t === undefined) return null;
  return typeof t === 'string' ? parseCaseTime(t) : t;
}

/** Earliest and latest instant a time may stand for (a plain date spans its whole day), in epoch minutes. */
function bounds(t: CaseTime): [number, number] {
  const start = Math.floor(t.ms / MINUTE);
  return t.hasTime ? [start, start] : [start, start + DAY_MIN - 1];
}

/** Whole minutes from a to b; null when either is a plain date. */
export function minutesBetween(a: CaseTime, b: CaseTime): number | null {
  if (!a.hasTime || !b.hasTime) return null;
  return Math.floor(b.ms / MINUTE) - Math.floor(a.ms / MINUTE);
}

// ── Hour limits ──────────────────────────────────────────────────────────────

/**
 * within — inside the limit; grace — past the limit but inside the next whole
 * hour, which CPL 105(2) leaves open (the starting hour is not counted): W;
 * over — past that hour: V; uncertain — a plain date leaves the exact count to a
 * time of day the file does not give: W, even where the dates alone exceed the limit.
 */
export type LimitOutcome = 'within' | 'grace' | 'over' | 'uncertain';

export interface HourLimitResult {
  outcome: LimitOutcome;
  /** Exact elapsed minutes when both times have a time of day. */
  minutes: number | null;
  /** Range of elapsed minutes the times allow (equal when exact). */
  minMinutes: number;
  maxMinutes: number;
  exact: boolean;
  limitHours: number;
}

export function hourLimit(start: CaseTime, end: CaseTime, hours: number): HourLimitResult {
  const [s0, s1] = bounds(start);
  const [e0, e1] = bounds(end);
  const minMinutes = e0 - s1;
  const maxMinutes = e1 - s0;
  const exact = start.hasTime && end.hasTime;
  const limit = hours * 60;
  // The next whole hour past the limit: the starting hour is not counted (CPL 105(2)).
  const grace = limit + 60;
  let outcome: LimitOutcome;
  if (maxMinutes <= limit) outcome = 'within';
  else if (exact) outcome = minMinutes <= grace ? 'grace' : 'over';
  // A plain date never makes a violation: the exact count needs the time of day,
  // and the reviewer checks it (the message says when the dates alone exceed the limit).
  else outcome = 'uncertain';
  return { outcome, minutes: exact ? minMinutes : null, minMinutes, maxMinutes, exact, limitHours: hours };
}

// ── Day limits ───────────────────────────────────────────────────────────────

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Calendar days from date a to date b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / (DAY_MIN * MINUTE));
}

/**
 * The last day on which an act within "N日以内" of an event is still in time: the
 * starting day is not counted, so it is the event date + N days. Holidays never
 * extend custody periods (CPL 105(4)), so no calendar is consulted.
 */
export function dayDeadline(event: CaseTime | string, days: number): string {
  const date = typeof event === 'string' ? event.slice(0, 10) : event.date;
  return addDays(date, days);
}

export interface DayLimitResult {
  outcome: 'within' | 'over';
  deadline: string;
  /** Days from the event date to the act date. */
  days: number;
}

export function dayLimit(event: CaseTime, act: CaseTime, days: number): DayLimitResult {
  const deadline = dayDeadline(event, days);
  return { outcome: act.date <= deadline ? 'within' : 'over', deadline, days: daysBetween(event.date, act.date) };
}

// ── Month limits ─────────────────────────────────────────────────────────────

/**
 * The last day of a period of N months starting on a date (SPC 202): the same day
 * N months on; the month's last day where that day does not exist or the period
 * starts on a month's last day.
 */
export function monthDeadline(start: CaseTime | string, months: number): string {
  const date = typeof start === 'string' ? start.slice(0, 10) : start.date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  const startsOnLastDay = d === daysInMonth(y, m);
  const td = startsOnLastDay || d > last ? last : d;
  return `${ty}-${pad(tm)}-${pad(td)}`;
}

export interface MonthLimitResult {
  /** grace — the act falls on the last day itself: W. */
  outcome: 'within' | 'grace' | 'over';
  deadline: string;
}

export function monthLimit(start: CaseTime, act: CaseTime, months: number): MonthLimitResult {
  const deadline = monthDeadline(start, months);
  const outcome = act.date < deadline ? 'within' : act.date === deadline ? 'grace' : 'over';
  return { outcome, deadline };
}

// ── Periods not counted (CPL 149, 160) ───────────────────────────────────────

/**
 * Where a period starts counting: custody of a suspect of unknown identity runs
 * from when the identity is established (CPL 160(2)); a newly found major offence
 * restarts it (CPL 160(1)). The latest of the given starts wins.
 */
export function countingStart(start: CaseTime, ...restarts: (CaseTime | null | undefined)[]): CaseTime {
  let latest = start;
  for (const r of restarts) if (r && r.ms > latest.ms) latest = r;
  return latest;
}

/**
 * Pushes a day deadline back by the days of intervals that are not counted, e.g.
 * psychiatric evaluation (CPL 149). Each interval counts whole calendar days, both
 * ends included, since the suspect is held for the whole of each day.
 */
export function extendByExcluded(deadline: string, excluded: { start: string; end: string }[]): string {
  let days = 0;
  for (const e of excluded) {
    const n = daysBetween(e.start.slice(0, 10), e.end.slice(0, 10)) + 1;
    if (n > 0) days += n;
  }
  return addDays(deadline, days);
}

// ── Formatting and ages ──────────────────────────────────────────────────────

export type Locale = 'zh' | 'en';

/** "27 小时 40 分" / "27 h 40 min"; minutes only under an hour, days not used (limits are in hours). */
export function formatDuration(minutes: number, locale: Locale): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (locale === 'zh') {
    if (h === 0) return `${sign}${m} 分`;
    return m === 0 ? `${sign}${h} 小时` : `${sign}${h} 小时 ${m} 分`;
  }
  if (h === 0) return `${sign}${m} min`;
  return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${m} min`;
}

/** "27 小时 40 分" or, for a plain date, the range the times allow ("约 24–47 小时"). */
export function formatElapsed(r: HourLimitResult, locale: Locale): string {
  if (r.minutes !== null) return formatDuration(r.minutes, locale);
  const lo = Math.max(0, Math.floor(r.minMinutes / 60));
  const hi = Math.ceil(r.maxMinutes / 60);
  return locale === 'zh' ? `约 ${lo}–${hi} 小时` : `about ${lo}–${hi} h`;
}

/**
 * Age in full years (周岁) on a date. Counted from the day after the birthday, so
 * on the birthday itself the person is still the younger age; a 29 February
 * birthday falls on 28 February in common years (SPC 202's "month's last day").
 */
export function ageOn(birthDate: string, onDate: string): number | null {
  const b = parseCaseTime(birthDate.slice(0, 10));
  const o = parseCaseTime(onDate.slice(0, 10));
  if (!b || !o) return null;
  const [by, bm, bd] = b.date.split('-').map(Number) as [number, number, number];
  const [oy] = o.date.split('-').map(Number) as [number];
  let age = oy - by;
  const anniversaryDay = Math.min(bd, daysInMonth(oy, bm));
  const anniversary = `${oy}-${pad(bm)}-${pad(anniversaryDay)}`;
  // The birthday itself does not yet count: only from the day after.
  if (o.date <= anniversary) age -= 1;
  return age;
}

/** The earliest of some times (null when none). */
export function earliest<T extends { time: CaseTime }>(items: readonly T[]): T | null {
  let best: T | null = null;
  for (const i of items) if (!best || i.time.ms < best.time.ms) best = i;
  return best;
}
