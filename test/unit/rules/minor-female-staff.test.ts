import { describe, expect, it } from 'vitest';
import { minorFemaleStaff as rule } from '../../../electron/core/rules/minor/minor-female-staff.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

function girl(
  date: string,
  opts: { attendees?: { role: string; name: string }[]; gender?: '男' | '女' | null; investigators?: string[] } = {},
) {
  const b = newCase();
  const p = b.person('小红', { birthDate: '2008-06-01', gender: opts.gender === undefined ? '女' : opts.gender });
  b.person('周丽', { role: 'OFFICER', gender: '女' });
  interrogation(b, {
    subject: '小红',
    subjectId: p,
    start: `${date} 10:00`,
    end: `${date} 11:00`,
    attendees: opts.attendees ?? [{ role: '法定代理人', name: '王芳' }],
    ...(opts.investigators ? { investigators: opts.investigators } : {}),
  });
  return b.build();
}

describe('MINOR_FEMALE_STAFF', () => {
  it('fires for a girl of 15 questioned with no female staff', () => {
    const f = rule.evaluate(girl('2024-03-01'));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('15 周岁');
  });

  it('passes with a female staff member attending or a female investigator', () => {
    expect(
      rule.evaluate(
        girl('2024-03-01', {
          attendees: [
            { role: '法定代理人', name: '王芳' },
            { role: '女工作人员', name: '孙敏' },
          ],
        }),
      ),
    ).toEqual([]);
    expect(rule.evaluate(girl('2024-03-01', { investigators: ['王警官', '周丽'] }))).toEqual([]);
  });

  it('does not apply to boys or to a woman past 18 (on the 18th birthday she is still 17)', () => {
    expect(rule.evaluate(girl('2024-03-01', { gender: '男' }))).toEqual([]);
    expect(rule.evaluate(girl('2026-06-02'))).toEqual([]);
    expect(rule.evaluate(girl('2026-06-01')).map((x) => x.severity)).toEqual(['violation']);
  });

  it('applies to a minor victim questioned as well', () => {
    const b = newCase();
    const v = b.person('小兰', { role: 'VICTIM', birthDate: '2010-01-01', gender: '女' });
    inquiry(b, { subject: '小兰', subjectId: v, start: '2024-03-01 10:00', end: '2024-03-01 11:00' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['violation']);
  });

  it('warns when the sex of a minor is unknown', () => {
    const f = rule.evaluate(girl('2024-03-01', { gender: null }));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('性别');
  });
});
