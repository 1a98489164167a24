import { describe, expect, it } from 'vitest';
import { timeConflictPerson as rule } from '../../../electron/core/rules/integrity/time-conflict-person.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

describe('TIME_CONFLICT_PERSON', () => {
  it('fires when a suspect is questioned in two records at once', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', place: '城关派出所' });
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 15:00',
      end: '2024-03-05 17:00',
      place: '城关看守所',
      investigators: ['周警官', '吴警官'],
      recorder: '孙记录',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('1 小时');
  });

  it('does not fire for records one after the other at one place', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 16:00', end: '2024-03-05 17:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('warns for a move between places with no time to travel, not with an hour', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', place: '城关派出所' });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 16:05', end: '2024-03-05 17:00', place: '城关看守所' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('5 分钟');
    const c = newCase();
    const q = c.person('张三');
    interrogation(c, { subject: '张三', subjectId: q, start: '2024-03-05 14:30', end: '2024-03-05 16:00', place: '城关派出所' });
    interrogation(c, { subject: '张三', subjectId: q, start: '2024-03-05 17:00', end: '2024-03-05 18:00', place: '城关看守所' });
    expect(rule.evaluate(c.build())).toEqual([]);
  });

  it('warns for a guardian attending two sessions at once', () => {
    const b = newCase();
    inquiry(b, { subject: '小红', start: '2024-03-05 10:00', end: '2024-03-05 11:00', attendees: [{ role: '法定代理人', name: '王芳' }] });
    inquiry(b, {
      subject: '小兰',
      start: '2024-03-05 10:30',
      end: '2024-03-05 11:30',
      place: '城关中学',
      investigators: ['周警官', '吴警官'],
      attendees: [{ role: '法定代理人', name: '王芳' }],
    });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('王芳');
  });
});
