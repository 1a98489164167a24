import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/arrest-review-7d.js';
import { at, newCase } from './facts-builder.js';

function requested(decided: string | null, opts: { received?: string; detained?: boolean; title?: string } = {}) {
  const b = newCase({ reviewDate: '2023-03-01' });
  const p = b.person('张三');
  if (opts.detained !== false) b.act('DETENTION_WARRANT', 'DETENTION', at('2022-11-16 14:30'), { event: { subjects: [p] } });
  b.act('ARREST_REQUEST', 'ARREST_REQUESTED', '2022-11-18', {
    fields: opts.received ? { receivedAt: opts.received } : {},
    event: { subjects: [p] },
  });
  if (decided) {
    if (opts.title) b.doc('OTHER', { title: opts.title, date: decided, fields: { subjectId: p } });
    else b.act('ARREST_APPROVAL', 'ARREST_APPROVED', decided, { event: { subjects: [p] } });
  }
  return b.build();
}

describe('ARREST_REVIEW_7D', () => {
  it('received 11-19: a decision on 11-26 is in time, on 11-27 a violation', () => {
    expect(rule.evaluate(requested('2022-11-26', { received: '2022-11-19' }))).toEqual([]);
    const [f] = rule.evaluate(requested('2022-11-27', { received: '2022-11-19' }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('检察院收到提请 2022-11-19 → 作出决定 2022-11-27 = 8 日 > 7 日');
  });
  it('counts a 不批准逮捕决定书 as the decision', () => {
    expect(rule.evaluate(requested('2022-11-30', { received: '2022-11-19', title: '不批准逮捕决定书' }))[0]?.severity).toBe('violation');
  });
  it('only warns when the received date is not in the file', () => {
    expect(rule.evaluate(requested('2022-11-25'))).toEqual([]);
    expect(rule.evaluate(requested('2022-11-27'))[0]?.severity).toBe('warning');
  });
  it('does not apply the 7 days to a suspect who is not detained', () => {
    expect(rule.evaluate(requested('2022-12-01', { received: '2022-11-19', detained: false }))).toEqual([]);
  });
  it('warns when no decision is in the file', () => {
    expect(rule.evaluate(requested(null))[0]?.message).toContain('未见批准或不批准逮捕决定书');
  });
});
