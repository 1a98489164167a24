import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/measures/bail-max-12m.js';
import { newCase } from './facts-builder.js';

function onBail(end: { kind: 'lifted' | 'transfer' | 'arrest' | 'procuratorate'; date: string } | null) {
  const b = newCase();
  const p = b.person('张三');
  b.act('BAIL', 'BAIL', '2024-03-15', { event: { subjects: [p] } });
  if (end?.kind === 'lifted') b.doc('OTHER', { title: '解除取保候审决定书', date: end.date, fields: { subjectId: p } });
  if (end?.kind === 'transfer') b.act('PROSECUTION_OPINION', 'TRANSFERRED_FOR_PROSECUTION', end.date, { event: { subjects: [p] } });
  if (end?.kind === 'arrest') b.act('ARREST_WARRANT', 'ARREST', end.date, { event: { subjects: [p] } });
  if (end?.kind === 'procuratorate') b.act('BAIL', 'BAIL', end.date, { title: '取保候审决定书（检察院）', event: { subjects: [p] } });
  return b.build();
}

describe('BAIL_MAX_12M', () => {
  it('is silent when bail ends within 12 months', () => {
    expect(rule.evaluate(onBail({ kind: 'lifted', date: '2025-03-14' }))).toEqual([]);
    expect(rule.evaluate(onBail({ kind: 'transfer', date: '2024-09-01' }))).toEqual([]);
    expect(rule.evaluate(onBail(null))).toEqual([]);
  });
  it('warns when it ends on the last day', () => {
    expect(rule.evaluate(onBail({ kind: 'lifted', date: '2025-03-15' }))[0]?.severity).toBe('warning');
  });
  it('fires a violation when it ends past 12 months', () => {
    const [f] = rule.evaluate(onBail({ kind: 'transfer', date: '2025-04-02' }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('取保候审 2024-03-15 → 移送审查起诉 2025-04-02，期限 12 个月（至 2025-03-15），已超期');
  });
  it('an arrest ends the bail', () => {
    expect(rule.evaluate(onBail({ kind: 'arrest', date: '2024-10-01T10:00:00+08:00' }))).toEqual([]);
  });
  it('a new decision restarts the count', () => {
    expect(rule.evaluate(onBail({ kind: 'procuratorate', date: '2025-02-01' }))).toEqual([]);
  });
});
