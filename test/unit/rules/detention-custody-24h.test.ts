import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/custody-24h.js';
import { at, newCase } from './facts-builder.js';

function detained(arrival: string | null, via: 'event' | 'field' = 'event') {
  const b = newCase();
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), {
    fields: via === 'field' && arrival ? { custodyAt: arrival } : {},
    event: { subjects: [p] },
  });
  if (arrival && via === 'event')
    b.event('CUSTODY_TRANSFER', arrival, { subjects: [p], document: 'd1', text: `送某市看守所羁押 ${arrival}` });
  return b.build();
}

describe('DETENTION_CUSTODY_24H', () => {
  it('is silent when the detainee reaches the jail within 24 h', () => {
    expect(rule.evaluate(detained(at('2024-03-05 16:00')))).toEqual([]);
    expect(rule.evaluate(detained(at('2024-03-06 12:19')))).toEqual([]);
  });
  it('fires a violation at 30 h, with the figures', () => {
    const [f] = rule.evaluate(detained(at('2024-03-06 18:20')));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留 2024-03-05 12:20 → 送看守所 2024-03-06 18:20 = 30 小时 > 24 小时');
  });
  it('warns inside the 25th hour', () => {
    expect(rule.evaluate(detained(at('2024-03-06 12:50')))[0]?.severity).toBe('warning');
  });
  it('reads the jail arrival written on the warrant', () => {
    expect(rule.evaluate(detained(at('2024-03-07 09:00'), 'field'))[0]?.severity).toBe('violation');
    expect(rule.evaluate(detained(at('2024-03-05 15:00'), 'field'))).toEqual([]);
  });
  it('warns when the jail arrival is not in the file', () => {
    const [f] = rule.evaluate(detained(null));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见送看守所羁押的时间');
  });
  it('says nothing without a detention', () => {
    expect(rule.evaluate(newCase().build())).toEqual([]);
  });
});
