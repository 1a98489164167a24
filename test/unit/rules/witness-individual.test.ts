import { describe, expect, it } from 'vitest';
import { witnessIndividual as rule } from '../../../electron/core/rules/witness/witness-individual.js';
import { newCase } from './facts-builder.js';
import { inquiry } from './facts-builder-more.js';

describe('WITNESS_INDIVIDUAL', () => {
  it('passes witnesses questioned one after the other', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00' });
    inquiry(b, { subject: '王五', start: '2024-03-05 11:00', end: '2024-03-05 12:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for two witnesses in one record', () => {
    const b = newCase();
    inquiry(b, { subject: '李四、王五', start: '2024-03-05 10:00', end: '2024-03-05 11:00' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('2 人');
  });

  it('fires when one questioner takes two witnesses at overlapping times', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00', investigators: ['王警官', '李警官'] });
    inquiry(b, {
      subject: '王五',
      start: '2024-03-05 10:30',
      end: '2024-03-05 11:30',
      investigators: ['王警官', '周警官'],
      recorder: '孙记录',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('王警官');
  });

  it('does not fire for parallel questioning by different teams', () => {
    const b = newCase();
    inquiry(b, { subject: '李四', start: '2024-03-05 10:00', end: '2024-03-05 11:00' });
    inquiry(b, {
      subject: '王五',
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      investigators: ['周警官', '吴警官'],
      recorder: '孙记录',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
