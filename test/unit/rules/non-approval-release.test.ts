import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/non-approval-release.js';
import { at, newCase } from './facts-builder.js';

function notApproved(release: { kind: 'certificate' | 'bail'; date: string } | null, received?: string) {
  const b = newCase();
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2022-11-16 14:30'), { event: { subjects: [p] } });
  b.doc('OTHER', {
    title: '不批准逮捕决定书',
    date: '2022-11-24',
    fields: { subjectId: p, ...(received ? { receivedAt: received } : {}) },
  });
  if (release?.kind === 'certificate') b.doc('OTHER', { title: '释放证明书', date: release.date, fields: { subjectId: p } });
  if (release?.kind === 'bail') b.act('BAIL', 'BAIL', release.date, { event: { subjects: [p] } });
  return b.build();
}

describe('NON_APPROVAL_RELEASE', () => {
  it('is silent when released the same day or put on bail the next', () => {
    expect(rule.evaluate(notApproved({ kind: 'certificate', date: '2022-11-24' }))).toEqual([]);
    expect(rule.evaluate(notApproved({ kind: 'bail', date: '2022-11-25' }))).toEqual([]);
  });
  it('fires a violation when released 3 days after receiving the decision', () => {
    const [f] = rule.evaluate(notApproved({ kind: 'certificate', date: '2022-11-27' }, '2022-11-24'));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('= 3 日，未立即释放');
  });
  it('warns without the received date, and when no release is in the file', () => {
    expect(rule.evaluate(notApproved({ kind: 'certificate', date: '2022-11-27' }))[0]?.severity).toBe('warning');
    expect(rule.evaluate(notApproved(null))[0]?.message).toContain('未见释放证明');
  });
});
