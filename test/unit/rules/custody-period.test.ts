import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/arrest/custody-period.js';
import { at, newCase } from './facts-builder.js';

function arrested(opts: {
  transfer?: string;
  extensions?: { date: string; text: string; requestedAt?: string }[];
  restart?: string;
  reviewDate?: string;
}) {
  const b = newCase({ reviewDate: opts.reviewDate ?? '2025-01-01' });
  const p = b.person('张三');
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-15 10:00'), { event: { subjects: [p] } });
  if (opts.restart) b.doc('OTHER', { title: '重新计算侦查羁押期限通知书', date: opts.restart, fields: { subjectId: p } });
  for (const e of opts.extensions ?? []) {
    b.doc('OTHER', {
      title: '延长侦查羁押期限决定书',
      date: e.date,
      text: e.text,
      fields: { subjectId: p, ...(e.requestedAt ? { requestedAt: e.requestedAt } : {}) },
    });
  }
  if (opts.transfer) b.act('PROSECUTION_OPINION', 'TRANSFERRED_FOR_PROSECUTION', opts.transfer, { event: { subjects: [p] } });
  return b.build();
}

describe('CUSTODY_PERIOD', () => {
  it('is silent when the case is transferred within 2 months', () => {
    expect(rule.evaluate(arrested({ transfer: '2024-05-14' }))).toEqual([]);
  });
  it('warns when the transfer falls on the last day', () => {
    expect(rule.evaluate(arrested({ transfer: '2024-05-15' }))[0]?.severity).toBe('warning');
  });
  it('fires a violation past 2 months without an extension', () => {
    const [f] = rule.evaluate(arrested({ transfer: '2024-05-20' }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('逮捕 2024-03-15 10:00 → 侦查羁押结束 2024-05-20，期限 2 个月（期限至 2024-05-15），已超期');
  });
  it('a one-month extension allows until 06-15', () => {
    const extensions = [{ date: '2024-05-10', text: '经某市人民检察院批准，延长侦查羁押期限一个月' }];
    expect(rule.evaluate(arrested({ transfer: '2024-06-14', extensions }))).toEqual([]);
    expect(rule.evaluate(arrested({ transfer: '2024-06-20', extensions }))[0]?.severity).toBe('violation');
  });
  it('an extension decided after the period ran out is a violation', () => {
    const found = rule.evaluate(arrested({ transfer: '2024-06-10', extensions: [{ date: '2024-05-18', text: '延长侦查羁押期限一个月' }] }));
    expect(found.map((f) => f.severity)).toEqual(['violation']);
    expect(found[0]?.message).toContain('在期满之后作出');
  });
  it('an extension requested less than 7 days before expiry is a warning', () => {
    const [f] = rule.evaluate(
      arrested({ transfer: '2024-06-10', extensions: [{ date: '2024-05-14', text: '延长一个月', requestedAt: '2024-05-12' }] }),
    );
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('不足 7 日');
  });
  it('a newly found major offence restarts the count', () => {
    expect(rule.evaluate(arrested({ restart: '2024-04-20', transfer: '2024-06-15' }))).toEqual([]);
  });
  it('warns when nothing ends the custody and the period has run out', () => {
    expect(rule.evaluate(arrested({}))[0]?.message).toContain('未见移送审查起诉');
    expect(rule.evaluate(arrested({ reviewDate: '2024-04-01' }))).toEqual([]);
  });
});
