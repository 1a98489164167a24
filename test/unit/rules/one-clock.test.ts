// One case clock and one set of legal limits (issue 17.2): no rule, view or figure carries a number of
// hours, days or months of its own, nor its own conversion to China's wall clock, so the chart, the
// report and the findings cannot count a limit or an hour two ways.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseIso, chinaClock, chinaDayStart, parseCaseTime } from '../../../shared/case-time.js';
import { LEGAL_DEADLINES, LEGAL_LIMITS, daysOf, hoursOf, monthsOf } from '../../../shared/deadlines.js';
import { ALL_RULES } from '../../../electron/core/rules/index.js';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const rel = (f: string) => path.relative(root, f);

describe('legal limits live in shared/deadlines.ts', () => {
  it('no rule passes a literal number of hours, days or months to the case clock', () => {
    const limitCall = /\b(?:hourLimit|dayLimit|monthLimit|dayDeadline|monthDeadline|hourLimitFinding)\([^()]*,\s*\d+\s*\)/;
    const limitField = /\b(?:hours|days|months):\s*\d+\b/;
    const hoursArithmetic = /\b\d+\s*\*\s*HOUR\b/;
    const offenders = sources(path.join(root, 'electron/core/rules')).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${rel(f)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(?:\/\/|\*)/.test(line))
        .filter(({ line }) => limitCall.test(line) || limitField.test(line) || hoursArithmetic.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every limit names a rule that exists, and reads as the unit it is', () => {
    const ids = new Set(ALL_RULES.map((r) => r.id));
    for (const [name, l] of Object.entries(LEGAL_LIMITS)) {
      expect(ids.has(l.rule), `${name} → ${l.rule}`).toBe(true);
      const unit = Object.keys(l.limit)[0];
      const read = unit === 'hours' ? hoursOf(l) : unit === 'days' ? daysOf(l) : monthsOf(l);
      expect(read).toBeGreaterThan(0);
    }
    for (const d of Object.values(LEGAL_DEADLINES)) if (d.rule) expect(ids.has(d.rule), d.rule).toBe(true);
    expect(() => hoursOf(LEGAL_LIMITS.bail)).toThrow();
    expect(() => monthsOf(LEGAL_LIMITS.summons)).toThrow();
  });
});

describe('China wall clock has one home', () => {
  it('no source outside shared/case-time.ts shifts an instant by eight hours itself', () => {
    const shift = /8\s*\*\s*(?:3_?600_?000|3600_000|HOUR|60\s*\*\s*60)|28_?800_?000|T00:00:00\+08:00`\)/;
    const files = [
      ...sources(path.join(root, 'electron')),
      ...sources(path.join(root, 'renderer/src')),
      ...sources(path.join(root, 'shared')),
    ];
    const offenders = files.filter((f) => !f.endsWith(`shared${path.sep}case-time.ts`) && shift.test(fs.readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });

  it('case times are read by the one parser: no rule, consensus, desk, report or timeline code parses a date itself', () => {
    const dirs = ['rules', 'consensus', 'desk', 'report', 'timeline', 'narrative', 'statements'].map((d) =>
      path.join(root, 'electron/core', d),
    );
    const offenders = [...dirs.flatMap(sources), ...sources(path.join(root, 'renderer/src/timeline'))]
      .filter((f) => /Date\.parse\(|new Date\(`/.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('reads the wall clock in China whatever the instant was written in', () => {
    const t = parseCaseTime('2024-02-29T16:30:00Z')!;
    expect(chinaClock(t.ms)).toEqual({ year: 2024, month: 3, day: 1, hour: 0, minute: 30, second: 0 });
    expect(caseIso(t.ms)).toBe('2024-03-01T00:30:00+08:00');
    expect(caseIso(t.ms + 7_000, { seconds: true })).toBe('2024-03-01T00:30:07+08:00');
    expect(chinaDayStart(t.ms)).toBe(parseCaseTime('2024-03-01')!.ms);
    expect(chinaDayStart(parseCaseTime('2024-03-01')!.ms)).toBe(parseCaseTime('2024-03-01')!.ms);
    expect(chinaDayStart(parseCaseTime('2024-02-29T23:59:00+08:00')!.ms)).toBe(parseCaseTime('2024-02-29')!.ms);
  });
});
