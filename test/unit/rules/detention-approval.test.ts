import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/approval.js';
import { at, newCase } from './facts-builder.js';

function detained(opts: { warrantDate?: string; reportApproved?: string; warrant?: boolean }) {
  const b = newCase();
  const p = b.person('张三');
  if (opts.reportApproved)
    b.doc('OTHER', {
      title: '呈请拘留报告书',
      date: opts.reportApproved.slice(0, 10),
      fields: { approvedAt: opts.reportApproved, subjectId: p },
    });
  if (opts.warrant === false) {
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01' });
    b.event('DETENTION', at('2024-03-05 12:20'), { subjects: [p] });
  } else {
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { date: opts.warrantDate ?? '2024-03-05', event: { subjects: [p] } });
  }
  return b.build();
}

describe('DETENTION_APPROVAL', () => {
  it('is silent when approval and warrant come before the execution', () => {
    expect(rule.evaluate(detained({ reportApproved: at('2024-03-05 11:00') }))).toEqual([]);
  });
  it('fires a violation for a warrant signed the day after the execution', () => {
    const [f] = rule.evaluate(detained({ warrantDate: '2024-03-06' }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留证签发 2024-03-06 晚于执行拘留 2024-03-05 12:20');
  });
  it('warns when the report was approved later the same day (emergency detention)', () => {
    const [f] = rule.evaluate(detained({ reportApproved: at('2024-03-05 15:00') }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('紧急');
  });
  it('warns that the warrant is missing when only a narrative tells of the detention', () => {
    const [f] = rule.evaluate(detained({ warrant: false }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见拘留证');
  });
});
