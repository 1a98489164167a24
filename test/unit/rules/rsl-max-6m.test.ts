import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/measures/rsl-max-6m.js';
import { newCase } from './facts-builder.js';

function underSurveillance(lifted: string) {
  const b = newCase();
  const p = b.person('张三');
  b.act('RESIDENTIAL_SURVEILLANCE', 'RESIDENTIAL_SURVEILLANCE', '2024-01-31', { event: { subjects: [p] } });
  b.doc('OTHER', { title: '解除监视居住决定书', date: lifted, fields: { subjectId: p } });
  return b.build();
}

describe('RSL_MAX_6M', () => {
  it("31 January + 6 months ends on 31 July (the month's last day)", () => {
    expect(rule.evaluate(underSurveillance('2024-07-30'))).toEqual([]);
    expect(rule.evaluate(underSurveillance('2024-07-31'))[0]?.severity).toBe('warning');
    const [f] = rule.evaluate(underSurveillance('2024-08-05'));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('至 2024-07-31');
  });
});
