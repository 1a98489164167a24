import { describe, expect, it } from 'vitest';
import { mandatoryLegalAid as rule } from '../../../electron/core/rules/interrogation/mandatory-legal-aid.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

function minor(body?: string) {
  const b = newCase();
  const p = b.person('小明', { birthDate: '2008-01-01' });
  interrogation(b, { subject: '小明', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', ...(body ? { body } : {}) });
  return { b, p };
}

describe('MANDATORY_LEGAL_AID', () => {
  it('fires for a minor who says he has no lawyer and no legal aid is notified', () => {
    const f = rule.evaluate(minor('问：你委托律师了吗？答：我没有委托律师。').b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('未成年人（16 周岁）');
  });

  it('warns when the file is silent about a lawyer', () => {
    expect(rule.evaluate(minor().b.build()).map((x) => x.severity)).toEqual(['warning']);
  });

  it('passes with a legal-aid notice within 3 days, fires when later', () => {
    const { b, p } = minor();
    b.doc('OTHER', { title: '提供法律援助通知书', date: '2024-03-08', fields: { subjectId: p } });
    expect(rule.evaluate(b.build())).toEqual([]);
    const late = minor();
    late.b.doc('OTHER', { title: '提供法律援助通知书', date: '2024-03-09', fields: { subjectId: late.p } });
    const f = rule.evaluate(late.b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('2024-03-08');
  });

  it('passes when the suspect has engaged a lawyer', () => {
    const { b, p } = minor();
    b.doc('OTHER', { title: '委托书', date: '2024-03-06', fields: { subjectId: p } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('applies to a homicide suspect, not to an adult thief', () => {
    const b = newCase({ charge: '故意杀人罪' });
    const p = b.person('张三', { birthDate: '1990-01-01' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
    const c = newCase({ charge: '盗窃罪' });
    const q = c.person('张三', { birthDate: '1990-01-01' });
    interrogation(c, { subject: '张三', subjectId: q, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    expect(rule.evaluate(c.build())).toEqual([]);
  });
});

describe('MANDATORY_LEGAL_AID in a case with several suspects', () => {
  it('finds the legal-aid letter by the name in its text', () => {
    const b = newCase();
    b.person('张三', { birthDate: '1990-01-01' });
    const p = b.person('小明', { birthDate: '2008-01-01' });
    interrogation(b, { subject: '小明', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    b.doc('OTHER', {
      title: '提供法律援助通知书',
      date: '2024-03-05',
      text: '犯罪嫌疑人小明系未成年人，没有委托辩护人，请你中心指派律师为其提供辩护。',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
