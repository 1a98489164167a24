import { describe, expect, it } from 'vitest';
import { minorAgeResponsibility as rule } from '../../../electron/core/rules/minor/minor-age-responsibility.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

const ID_2010 = '33060220100101001X'; // male, 2010-01-01

function suspect(charge: string | null, offence: string, birth = '2010-01-01', idNumber?: string) {
  const b = newCase({ charge });
  const p = b.person('小明', { birthDate: birth, ...(idNumber ? { idNumber } : { idNumber: null }) });
  b.event('OFFENCE', offence, { subjects: [p] });
  return b.build();
}

describe('MINOR_AGE_RESPONSIBILITY', () => {
  it('fires for theft by a 15-year-old', () => {
    const f = rule.evaluate(suspect('盗窃罪', '2025-06-01'));
    expect(f.filter((x) => x.severity === 'violation')).toHaveLength(1);
    expect(f[0]?.message).toContain('15 周岁');
    expect(f[0]?.message).toContain('盗窃罪');
  });

  it('does not fire for robbery at 15', () => {
    const f = rule.evaluate(suspect('抢劫罪', '2025-06-01'));
    expect(f.filter((x) => x.severity === 'violation')).toEqual([]);
  });

  it('counts the 16th birthday itself as 15', () => {
    expect(rule.evaluate(suspect('盗窃罪', '2026-01-01')).filter((x) => x.severity === 'violation')).toHaveLength(1);
    // The day after, 16: responsible; still within 30 days of the threshold, so a warning asks for a check.
    const f = rule.evaluate(suspect('盗窃罪', '2026-01-02'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('临界年龄');
  });

  it('fires under 12 whatever the charge, warns for homicide at 13', () => {
    expect(rule.evaluate(suspect('故意杀人罪', '2021-06-01')).map((x) => x.severity)).toContain('violation');
    expect(rule.evaluate(suspect('故意杀人罪', '2023-06-01', '2010-01-01', ID_2010)).map((x) => x.severity)).toEqual(['warning']);
  });

  it('warns for intentional injury at 15 (serious injury or death required)', () => {
    const f = rule.evaluate(suspect('故意伤害罪', '2025-06-01'));
    expect(f.map((x) => x.severity)).toContain('warning');
    expect(f.some((x) => x.message.includes('重伤'))).toBe(true);
  });

  it('emits nothing for an adult, and warns for a young suspect with no offence date', () => {
    expect(rule.evaluate(suspect('盗窃罪', '2024-06-01', '1990-01-01'))).toEqual([]);
    const b = newCase();
    const p = b.person('小明', { birthDate: '2006-01-01' });
    interrogation(b, { subject: '小明', subjectId: p, start: '2024-03-01 10:00', end: '2024-03-01 11:00' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('未见案发时间');
  });

  it('asks for proof when a minor age rests on a self-reported birth date only', () => {
    const f = rule.evaluate(suspect('抢劫罪', '2027-06-01'));
    expect(f.map((x) => x.key)).toEqual(['MINOR_AGE_RESPONSIBILITY:p1:self-reported']);
    expect(rule.evaluate(suspect('抢劫罪', '2027-06-01', '2010-01-01', ID_2010))).toEqual([]);
  });
});
