import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/arrest/interrogation-24h.js';
import { at, newCase } from './facts-builder.js';

function arrested(questioned: string | null) {
  const b = newCase();
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
  b.act('INTERROGATION_RECORD', 'INTERROGATION', at('2024-03-06 09:00'), { event: { subjects: [p] } });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-12 10:00'), { event: { subjects: [p] } });
  if (questioned) b.act('INTERROGATION_RECORD', 'INTERROGATION', questioned, { event: { subjects: [p] } });
  return b.build();
}

describe('ARREST_INTERROGATION_24H', () => {
  it('is silent when the suspect is questioned the day after the arrest', () => {
    expect(rule.evaluate(arrested(at('2024-03-13 09:30')))).toEqual([]);
  });
  it('fires a violation when the first interrogation after arrest comes 3 days later', () => {
    const [f] = rule.evaluate(arrested(at('2024-03-15 09:30')));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('逮捕 2024-03-12 10:00 → 首次讯问 2024-03-15 09:30');
  });
  it('does not count interrogations during the earlier detention', () => {
    const [f] = rule.evaluate(arrested(null));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见逮捕后的讯问笔录');
  });
  it('warns inside the 25th hour', () => {
    expect(rule.evaluate(arrested(at('2024-03-13 10:40')))[0]?.severity).toBe('warning');
  });
});
