import { describe, expect, it } from 'vitest';
import { interrogationTwoInvestigators as rule } from '../../../electron/core/rules/interrogation/interrogation-two-investigators.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

describe('INTERROGATION_TWO_INVESTIGATORS', () => {
  it('passes a record signed by two investigators', () => {
    const b = newCase();
    const p = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when one investigator and a recorder question the suspect', () => {
    const b = newCase();
    const p = b.person('张三');
    const d = interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      investigators: ['王警官'],
      recorder: '赵记录',
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('1 人');
    expect(f[0]?.message).toContain('记录员赵记录不计');
    expect(f[0]?.evidence[0]?.document).toBe(d);
  });

  it('counts the recorder when listed as an investigator too', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      investigators: ['王警官', '赵记录'],
      recorder: '赵记录',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('does not count auxiliary police', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      investigators: ['王警官', '钱辅'],
      body: '辅警钱辅参与讯问。问：你叫什么？答：张三。',
    });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('钱辅为辅警');
  });

  it('warns when the investigators cannot be read', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', investigators: [] });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('未见');
  });

  it('fires when co-suspects are questioned together', () => {
    const b = newCase();
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      attendees: [{ role: '同案犯罪嫌疑人', name: '李四' }],
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('个别讯问');
  });

  it('emits nothing when the case has no interrogation', () => {
    const b = newCase();
    b.person('张三');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
