import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  countingStart,
  dayDeadline,
  dayLimit,
  daysBetween,
  extendByExcluded,
  formatCaseTime,
  formatDuration,
  formatElapsed,
  hourLimit,
  monthDeadline,
  monthLimit,
  parseCaseTime,
} from '../../../shared/case-time.js';
import type { CaseTime } from '../../../shared/case-time.js';

function t(value: string): CaseTime {
  const parsed = parseCaseTime(value);
  if (!parsed) throw new Error(`unreadable time ${value}`);
  return parsed;
}

describe('parseCaseTime', () => {
  it('reads a time with the China offset and keeps its wall-clock date', () => {
    const v = t('2024-03-05T23:30:00+08:00');
    expect(v.hasTime).toBe(true);
    expect(v.date).toBe('2024-03-05');
    expect(formatCaseTime(v)).toBe('2024-03-05 23:30');
  });
  it('reads a time without an offset as China time', () => {
    expect(t('2024-03-05T14:30').ms).toBe(t('2024-03-05T14:30:00+08:00').ms);
    expect(t('2024-03-05 14:30').ms).toBe(t('2024-03-05T14:30:00+08:00').ms);
  });
  it('converts a UTC time to the China date', () => {
    const v = t('2024-03-05T17:00:00Z');
    expect(v.date).toBe('2024-03-06');
    expect(formatCaseTime(v)).toBe('2024-03-06 01:00');
  });
  it('reads a plain date as a date without a time of day', () => {
    const v = t('2024-03-05');
    expect(v.hasTime).toBe(false);
    expect(formatCaseTime(v)).toBe('2024-03-05');
  });
  it('rejects dates that do not exist and text that is not a time', () => {
    expect(parseCaseTime('2023-02-29')).toBeNull();
    expect(parseCaseTime('2024-13-01')).toBeNull();
    expect(parseCaseTime('2024-03-05T25:00')).toBeNull();
    expect(parseCaseTime('三月五日')).toBeNull();
    expect(parseCaseTime(null)).toBeNull();
    expect(parseCaseTime('')).toBeNull();
  });
});

describe('hour limits: the starting hour is not counted (CPL 105(2))', () => {
  const detained = t('2024-03-05T12:20:00+08:00');
  it('23 h 59 min is within 24 h', () => {
    const r = hourLimit(detained, t('2024-03-06T12:19:00+08:00'), 24);
    expect(r.outcome).toBe('within');
    expect(r.minutes).toBe(23 * 60 + 59);
  });
  it('exactly 24 h is within', () => {
    expect(hourLimit(detained, t('2024-03-06T12:20:00+08:00'), 24).outcome).toBe('within');
  });
  it('24 h 01 min falls inside the 25th hour: a warning, not a violation', () => {
    const r = hourLimit(detained, t('2024-03-06T12:21:00+08:00'), 24);
    expect(r.outcome).toBe('grace');
    expect(r.minutes).toBe(24 * 60 + 1);
  });
  it('25 h 00 min is still inside the next whole hour', () => {
    expect(hourLimit(detained, t('2024-03-06T13:20:00+08:00'), 24).outcome).toBe('grace');
  });
  it('25 h 01 min and beyond breaks the limit', () => {
    expect(hourLimit(detained, t('2024-03-06T13:21:00+08:00'), 24).outcome).toBe('over');
    const r = hourLimit(detained, t('2024-03-06T15:40:00+08:00'), 24);
    expect(r.outcome).toBe('over');
    expect(formatDuration(r.minutes ?? 0, 'zh')).toBe('27 小时 20 分');
  });
  it('works for the 12 h summons limit', () => {
    const arrived = t('2024-03-05T09:00:00+08:00');
    expect(hourLimit(arrived, t('2024-03-05T21:00:00+08:00'), 12).outcome).toBe('within');
    expect(hourLimit(arrived, t('2024-03-05T21:30:00+08:00'), 12).outcome).toBe('grace');
    expect(hourLimit(arrived, t('2024-03-05T22:30:00+08:00'), 12).outcome).toBe('over');
  });
  it('a plain date on either side makes the outcome uncertain, not a violation', () => {
    const r = hourLimit(detained, t('2024-03-06'), 24);
    expect(r.outcome).toBe('uncertain');
    expect(r.exact).toBe(false);
    expect(r.minutes).toBeNull();
    expect(hourLimit(t('2024-03-05'), t('2024-03-06T10:00:00+08:00'), 24).outcome).toBe('uncertain');
    expect(formatElapsed(r, 'zh')).toMatch(/^约 \d+–\d+ 小时$/);
  });
  it('a plain date within the limit whatever the time of day passes; beyond it stays uncertain', () => {
    // Same day as the start: under 24 h whatever the time of day.
    expect(hourLimit(detained, t('2024-03-05'), 24).outcome).toBe('within');
    // Three days later: the dates alone exceed 25 h, but without a time of day it is a warning.
    const r = hourLimit(detained, t('2024-03-08'), 24);
    expect(r.outcome).toBe('uncertain');
    expect(r.minMinutes).toBeGreaterThan(25 * 60);
  });
});

describe('day limits: the starting day is not counted', () => {
  // RULES.md worked example: 拘留 executed 2022-11-16 14:30.
  const detained = t('2022-11-16T14:30:00+08:00');
  it('提请批准逮捕 is due by 11-19, 11-23 with +4 days, 12-16 with 30 days', () => {
    expect(dayDeadline(detained, 3)).toBe('2022-11-19');
    expect(dayDeadline(detained, 7)).toBe('2022-11-23');
    expect(dayDeadline(detained, 30)).toBe('2022-12-16');
  });
  it('the 3rd day is in time, the 4th is late', () => {
    expect(dayLimit(detained, t('2022-11-19T23:00:00+08:00'), 3).outcome).toBe('within');
    const late = dayLimit(detained, t('2022-11-20T08:00:00+08:00'), 3);
    expect(late.outcome).toBe('over');
    expect(late.days).toBe(4);
  });
  it('a request received on 11-19 is to be decided by 11-26', () => {
    expect(dayDeadline('2022-11-19', 7)).toBe('2022-11-26');
  });
  it('holidays never extend a custody period (CPL 105(4))', () => {
    // 2024-09-28 + 3 days lands on National Day; the deadline stays there.
    expect(dayDeadline('2024-09-28', 3)).toBe('2024-10-01');
  });
  it('counts across months and years', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(3);
  });
});

describe('month limits (SPC 202)', () => {
  it('same day of the next month', () => {
    expect(monthDeadline('2024-03-15', 2)).toBe('2024-05-15');
    expect(monthDeadline('2024-11-20', 12)).toBe('2025-11-20');
  });
  it("the month's last day where the same day does not exist", () => {
    expect(monthDeadline('2024-01-31', 1)).toBe('2024-02-29');
    expect(monthDeadline('2023-01-31', 1)).toBe('2023-02-28');
    expect(monthDeadline('2024-08-31', 1)).toBe('2024-09-30');
  });
  it("a period starting on a month's last day ends on a month's last day", () => {
    expect(monthDeadline('2024-04-30', 1)).toBe('2024-05-31');
    expect(monthDeadline('2023-02-28', 1)).toBe('2023-03-31');
  });
  it('an act before the last day is in time, on it a warning, after it a violation', () => {
    const arrested = t('2024-03-15T10:00:00+08:00');
    expect(monthLimit(arrested, t('2024-05-14'), 2).outcome).toBe('within');
    expect(monthLimit(arrested, t('2024-05-15T09:00:00+08:00'), 2).outcome).toBe('grace');
    const late = monthLimit(arrested, t('2024-05-16'), 2);
    expect(late.outcome).toBe('over');
    expect(late.deadline).toBe('2024-05-15');
  });
});

describe('periods not counted (CPL 149, 160)', () => {
  it('custody of a suspect of unknown identity runs from when the identity is established', () => {
    const arrested = t('2024-03-01T10:00:00+08:00');
    const identified = t('2024-03-20T10:00:00+08:00');
    expect(countingStart(arrested, identified, null)).toBe(identified);
    expect(monthDeadline(countingStart(arrested, identified), 2)).toBe('2024-05-20');
  });
  it('a newly found major offence restarts the period; an earlier date does not', () => {
    const arrested = t('2024-03-01T10:00:00+08:00');
    expect(countingStart(arrested, t('2024-02-01'))).toBe(arrested);
    expect(countingStart(arrested, t('2024-04-10')).date).toBe('2024-04-10');
  });
  it('psychiatric evaluation days push the deadline back', () => {
    expect(extendByExcluded('2024-05-15', [{ start: '2024-04-01', end: '2024-04-10' }])).toBe('2024-05-25');
    expect(extendByExcluded('2024-05-15', [])).toBe('2024-05-15');
  });
});

describe('durations', () => {
  it('formats in zh and en', () => {
    expect(formatDuration(27 * 60 + 40, 'zh')).toBe('27 小时 40 分');
    expect(formatDuration(27 * 60 + 40, 'en')).toBe('27 h 40 min');
    expect(formatDuration(24 * 60, 'zh')).toBe('24 小时');
    expect(formatDuration(24 * 60, 'en')).toBe('24 h');
    expect(formatDuration(45, 'zh')).toBe('45 分');
    expect(formatDuration(45, 'en')).toBe('45 min');
  });
});

describe('age in full years (周岁)', () => {
  it('on the birthday itself the person is still the younger age', () => {
    expect(ageOn('2008-05-03', '2024-05-03')).toBe(15);
    expect(ageOn('2008-05-03', '2024-05-04')).toBe(16);
    expect(ageOn('2008-05-03', '2024-05-02')).toBe(15);
  });
  it('a 29 February birthday', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(15);
    expect(ageOn('2008-02-29', '2024-03-01')).toBe(16);
  });
  it('reads dates with a time and rejects unreadable ones', () => {
    expect(ageOn('1990-01-01', '2024-03-05T10:00:00+08:00')).toBe(34);
    expect(ageOn('unknown', '2024-03-05')).toBeNull();
  });
});
