// Case times are Beijing time whatever the machine's zone: every figure on the axis is
// computed and printed in +08:00, as the documents and the rules count it.

import { chinaClock, chinaDayStart, parseCaseTime } from '../../../shared/case-time';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Instant {
  ms: number;
  /** The document gave a date only: the act happened some time that day. */
  dateOnly: boolean;
}

/** A case time on the axis, read by the one case clock the rules count with. */
export function parseInstant(t: string | null | undefined): Instant | null {
  const c = parseCaseTime(t);
  return c ? { ms: c.ms, dateOnly: !c.hasTime } : null;
}

function parts(ms: number) {
  const c = chinaClock(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return { y: c.year, mo: p2(c.month), d: p2(c.day), h: p2(c.hour), mi: p2(c.minute), month: c.month };
}

export function formatInstant(i: Instant): string {
  const p = parts(i.ms);
  return i.dateOnly ? `${p.y}-${p.mo}-${p.d}` : `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}`;
}

export function formatIso(t: string | null | undefined): string {
  const i = parseInstant(t);
  return i ? formatInstant(i) : (t ?? '');
}

/** Start of the +08:00 day holding ms. */
export function dayStart(ms: number): number {
  return chinaDayStart(ms);
}

export interface Tick {
  ms: number;
  label: string;
  major: boolean;
}
export interface Ticks {
  minor: Tick[];
  upper: Tick[];
  unit: 'hour' | 'day';
}

/** The first instant of a month ('YYYY-MM') on the case clock. */
const monthStart = (ym: string): number => parseCaseTime(`${ym}-01`)!.ms;

const STEPS = [15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

/**
 * Gridlines for the visible span: hours (with the day above them) when zoomed in,
 * days (with the month above them) when zoomed out, never closer than minPx apart.
 */
export function ticks(start: number, end: number, msPerPx: number, minPx = 64): Ticks {
  const step = STEPS.find((s) => s / msPerPx >= minPx) ?? STEPS[STEPS.length - 1]!;
  const minor: Tick[] = [];
  const upper: Tick[] = [];
  // Day-or-finer steps align to local midnight; longer ones to local midnights too, counted from the first visible day.
  const origin = step <= DAY ? dayStart(start) + Math.ceil((start - dayStart(start)) / step) * step : dayStart(start) + DAY;
  for (let t = origin; t <= end && minor.length < 400; t += step) {
    const p = parts(t);
    const midnight = p.h === '00' && p.mi === '00';
    minor.push({ ms: t, label: step < DAY ? `${p.h}:${p.mi}` : `${p.mo}-${p.d}`, major: step < DAY ? midnight : p.d === '01' });
  }
  if (step < DAY) {
    for (let t = dayStart(start); t <= end; t += DAY) {
      const p = parts(t);
      upper.push({ ms: t, label: `${p.y}-${p.mo}-${p.d}`, major: true });
    }
  } else {
    const first = parts(start);
    let t = monthStart(`${first.y}-${first.mo}`);
    while (t <= end) {
      const p = parts(t);
      upper.push({ ms: t, label: `${p.y}-${p.mo}`, major: true });
      const nextMonth = p.month === 12 ? `${p.y + 1}-01` : `${p.y}-${String(p.month + 1).padStart(2, '0')}`;
      t = monthStart(nextMonth);
    }
  }
  return { minor, upper, unit: step < DAY ? 'hour' : 'day' };
}
