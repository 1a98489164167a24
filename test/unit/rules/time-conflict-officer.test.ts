import { describe, expect, it } from 'vitest';
import { timeConflictOfficer as rule } from '../../../electron/core/rules/integrity/time-conflict-officer.js';
import { at, newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

describe('TIME_CONFLICT_OFFICER', () => {
  it('fires when one investigator questions two people at overlapping times', () => {
    const b = newCase();
    const d1 = interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      investigators: ['王警官', '李警官'],
    });
    const d2 = inquiry(b, {
      subject: '李四',
      start: '2024-03-05 15:30',
      end: '2024-03-05 16:30',
      investigators: ['王警官', '周警官'],
      recorder: '孙记录',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('王警官');
    expect(f[0]?.message).toContain('30 分');
    expect(f[0]?.evidence.map((e) => e.document)).toEqual([d1, d2]);
  });

  it('counts the recorder as present', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      investigators: ['王警官', '李警官'],
      recorder: '赵记录',
    });
    inquiry(b, {
      subject: '李四',
      start: '2024-03-05 15:00',
      end: '2024-03-05 15:40',
      investigators: ['周警官', '吴警官'],
      recorder: '赵记录',
    });
    expect(rule.evaluate(b.build())[0]?.message).toContain('赵记录');
  });

  it('does not fire for sessions that only touch, or are run by different officers', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    inquiry(b, { subject: '李四', start: '2024-03-05 16:00', end: '2024-03-05 17:00' });
    inquiry(b, {
      subject: '王五',
      start: '2024-03-05 14:40',
      end: '2024-03-05 15:20',
      investigators: ['周警官', '吴警官'],
      recorder: '孙记录',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('does not treat a search and its seizure at one place as two acts', () => {
    const b = newCase();
    b.act('SEARCH_RECORD', 'SEARCH', at('2024-03-05 10:00'), {
      fields: { start: at('2024-03-05 10:00'), end: at('2024-03-05 11:00'), place: '张三住处', investigators: ['王警官', '李警官'] },
    });
    b.act('OTHER', 'SEIZURE', at('2024-03-05 10:30'), {
      title: '扣押笔录',
      fields: { start: at('2024-03-05 10:30'), end: at('2024-03-05 10:50'), place: '张三住处', investigators: ['王警官', '李警官'] },
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a search and an interrogation elsewhere at the same time', () => {
    const b = newCase();
    b.act('SEARCH_RECORD', 'SEARCH', at('2024-03-05 10:00'), {
      fields: { start: at('2024-03-05 10:00'), end: at('2024-03-05 11:00'), place: '张三住处', investigators: ['王警官', '周警官'] },
    });
    interrogation(b, { subject: '张三', start: '2024-03-05 10:15', end: '2024-03-05 11:30', place: '城关派出所' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('搜查');
  });

  it('ignores records without a full interval', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    inquiry(b, { subject: '李四', start: '2024-03-05 15:00', end: '2024-03-05 16:30', fields: { end: null } });
    const facts = b.build();
    facts.events.forEach((e) => {
      e.end = null;
    });
    expect(rule.evaluate(facts)).toEqual([]);
  });
});
