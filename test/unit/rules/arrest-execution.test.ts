import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/arrest/execution.js';
import { at, newCase } from './facts-builder.js';

function arrested(opts: {
  approval?: string | null;
  warrantDate?: string;
  executed?: string;
  officers?: string[];
  detainedFirst?: boolean;
  jail?: string;
}) {
  const b = newCase();
  const p = b.person('张三');
  if (opts.detainedFirst !== false) b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
  if (opts.approval !== null) b.act('ARREST_APPROVAL', 'ARREST_APPROVED', opts.approval ?? '2024-03-12', { event: { subjects: [p] } });
  const executed = opts.executed ?? at('2024-03-12 16:00');
  b.act('ARREST_WARRANT', 'ARREST', executed, {
    date: opts.warrantDate ?? '2024-03-12',
    fields: { investigators: opts.officers ?? ['王强', '赵明'] },
    event: { subjects: [p] },
  });
  if (opts.jail) b.event('CUSTODY_TRANSFER', opts.jail, { subjects: [p] });
  return b.build();
}

describe('ARREST_EXECUTION', () => {
  it('is silent for a warrant signed and executed on the day of the approval', () => {
    expect(rule.evaluate(arrested({}))).toEqual([]);
    expect(rule.evaluate(arrested({ executed: at('2024-03-13 09:00') }))).toEqual([]);
  });
  it('fires a violation when the warrant is signed before the approval', () => {
    const found = rule.evaluate(arrested({ warrantDate: '2024-03-11', executed: at('2024-03-12 16:00') }));
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('violation');
    expect(found[0]?.message).toContain('逮捕证签发日期 2024-03-11 早于批准逮捕决定 2024-03-12');
  });
  it('fires a violation when the arrest is executed before the approval', () => {
    const found = rule.evaluate(arrested({ executed: at('2024-03-11 10:00'), warrantDate: '2024-03-12' }));
    expect(found.map((f) => f.severity)).toEqual(['violation']);
    expect(found[0]?.message).toContain('早于批准逮捕决定');
  });
  it('warns of a delay of more than a day', () => {
    const [f] = rule.evaluate(arrested({ executed: at('2024-03-15 09:00'), warrantDate: '2024-03-12' }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('间隔 3 日');
  });
  it('fires a violation when one officer executes the arrest', () => {
    const [f] = rule.evaluate(arrested({ officers: ['王强'] }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('不得少于二人');
  });
  it('warns that the approval is missing', () => {
    const [f] = rule.evaluate(arrested({ approval: null }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见批准逮捕决定书');
  });
  it('warns when a suspect arrested from liberty reaches the jail two days later', () => {
    expect(rule.evaluate(arrested({ detainedFirst: false, jail: at('2024-03-12 18:00') }))).toEqual([]);
    const [f] = rule.evaluate(arrested({ detainedFirst: false, jail: at('2024-03-14 18:00') }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未立即送押');
  });
});
