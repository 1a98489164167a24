import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/intake/case-intake-records.js';
import { newCase } from './facts-builder.js';

function filed(intake: string | null, filing = '2024-03-04') {
  const b = newCase();
  if (intake) b.act('REPORT_REGISTRATION', 'REPORT', intake);
  b.act('CASE_FILING', 'CASE_FILED', filing);
  return b.build();
}

describe('CASE_INTAKE_RECORDS', () => {
  it('is silent when the intake comes no later than the filing', () => {
    expect(rule.evaluate(filed('2024-03-03'))).toEqual([]);
    expect(rule.evaluate(filed('2024-03-04'))).toEqual([]);
  });
  it('warns when the intake is dated after the filing', () => {
    const [f] = rule.evaluate(filed('2024-03-06'));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('受案登记 2024-03-06 晚于立案 2024-03-04');
  });
  it('warns when the intake registration is missing', () => {
    expect(rule.evaluate(filed(null))[0]?.message).toContain('未见受案登记表');
  });
  it('says nothing when the case was not filed', () => {
    expect(rule.evaluate(newCase().build())).toEqual([]);
  });
});
