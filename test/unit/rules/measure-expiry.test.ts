import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/measures/measure-expiry.js';
import { at, newCase } from './facts-builder.js';

function onBail(opts: { laterAct?: string; reviewDate?: string; lifted?: string }) {
  const b = newCase({ reviewDate: opts.reviewDate ?? '2024-06-01' });
  const p = b.person('张三');
  b.act('BAIL', 'BAIL', '2024-03-15', { event: { subjects: [p] } });
  if (opts.laterAct) b.act('INTERROGATION_RECORD', 'INTERROGATION', opts.laterAct, { event: { subjects: [p] } });
  if (opts.lifted) b.doc('OTHER', { title: '解除取保候审决定书', date: opts.lifted, fields: { subjectId: p } });
  return b.build();
}

describe('MEASURE_EXPIRY', () => {
  it('is silent while the bail is within its term', () => {
    expect(rule.evaluate(onBail({ laterAct: at('2024-12-01 10:00') }))).toEqual([]);
  });
  it('fires a violation when the suspect is still questioned under bail after 12 months', () => {
    const [f] = rule.evaluate(onBail({ laterAct: at('2025-04-01 10:00') }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('期限 12 个月至 2025-03-15；2025-04-01 10:00 仍在该措施下');
  });
  it('warns when the term has passed with no paper ending it', () => {
    const [f] = rule.evaluate(onBail({ reviewDate: '2025-06-01' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见解除取保候审或变更强制措施的文书');
  });
  it('is silent when the bail was lifted', () => {
    expect(rule.evaluate(onBail({ reviewDate: '2025-06-01', lifted: '2025-03-01' }))).toEqual([]);
  });
  it('warns when a request to change the measure is answered after 3 days', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('OTHER', { title: '申请变更强制措施申请书', date: '2024-04-01', fields: { subjectId: p } });
    b.doc('OTHER', { title: '不同意变更强制措施通知书', date: '2024-04-04', fields: { subjectId: p } });
    expect(rule.evaluate(b.build())).toEqual([]);
    const c = newCase();
    const q = c.person('张三');
    c.doc('OTHER', { title: '申请变更强制措施申请书', date: '2024-04-01', fields: { subjectId: q } });
    c.doc('OTHER', { title: '不同意变更强制措施通知书', date: '2024-04-08', fields: { subjectId: q } });
    expect(rule.evaluate(c.build())[0]?.message).toContain('超过 3 日');
  });
});
