import { describe, expect, it } from 'vitest';
import { minorGuardianPresent as rule } from '../../../electron/core/rules/minor/minor-guardian-present.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

function questioned(date: string, attendees: { role: string; name: string }[] = [], body?: string) {
  const b = newCase();
  const p = b.person('小明', { birthDate: '2006-03-05' });
  interrogation(b, { subject: '小明', subjectId: p, start: `${date} 14:30`, end: `${date} 16:00`, attendees, ...(body ? { body } : {}) });
  return b.build();
}

describe('MINOR_GUARDIAN_PRESENT', () => {
  it('fires for a 17-year-old questioned on the 18th birthday with no guardian', () => {
    const f = rule.evaluate(questioned('2024-03-05'));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('时年 17 周岁');
  });

  it('does not fire the day after the 18th birthday', () => {
    expect(rule.evaluate(questioned('2024-03-06'))).toEqual([]);
  });

  it('passes when the guardian attended', () => {
    expect(rule.evaluate(questioned('2024-03-01', [{ role: '法定代理人', name: '王芳' }]))).toEqual([]);
    expect(rule.evaluate(questioned('2024-03-01', [{ role: '母亲', name: '王芳' }]))).toEqual([]);
  });

  it('accepts another adult only with the reason recorded', () => {
    const teacher = [{ role: '学校老师', name: '陈老师' }];
    expect(rule.evaluate(questioned('2024-03-01', teacher)).map((x) => x.severity)).toEqual(['warning']);
    expect(rule.evaluate(questioned('2024-03-01', teacher, '因其父母在外地务工无法到场，通知其学校老师陈老师到场。'))).toEqual([]);
  });

  it('warns when the record mentions a guardian the extractor did not read', () => {
    const f = rule.evaluate(questioned('2024-03-01', [], '其法定代理人王芳到场。'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });

  it('warns for an adult questioned about an offence committed at 17', () => {
    const b = newCase();
    const p = b.person('小明', { birthDate: '2006-03-05' });
    b.event('OFFENCE', '2024-02-01', { subjects: [p] });
    interrogation(b, { subject: '小明', subjectId: p, start: '2024-04-01 14:30', end: '2024-04-01 16:00' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('作案时 17 周岁');
  });

  it('applies to a minor witness and takes the birth date from the ID number', () => {
    const b = newCase();
    const w = b.person('小红', { role: 'WITNESS', idNumber: '330602201001010028' });
    inquiry(b, { subject: '小红', subjectId: w, start: '2024-03-01 10:00', end: '2024-03-01 11:00' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['violation']);
  });

  it('warns once when a suspect has no birth date, ignores witnesses without one', () => {
    const b = newCase();
    const p = b.person('张三');
    const w = b.person('李四', { role: 'WITNESS' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-01 10:00', end: '2024-03-01 11:00' });
    inquiry(b, { subject: '李四', subjectId: w, start: '2024-03-01 12:00', end: '2024-03-01 13:00' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('张三的出生日期');
  });
});

describe('MINOR_GUARDIAN_PRESENT without birth dates', () => {
  it('asks once per suspect, however many records', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-01 10:00', end: '2024-03-01 11:00' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-02 10:00', end: '2024-03-02 11:00' });
    expect(rule.evaluate(b.build())).toHaveLength(1);
  });
});
