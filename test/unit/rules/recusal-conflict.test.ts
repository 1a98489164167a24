import { describe, expect, it } from 'vitest';
import { recusalConflict as rule } from '../../../electron/core/rules/other/recusal-conflict.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

describe('RECUSAL_CONFLICT', () => {
  it('warns when an investigator is also a witness questioned in the case', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', investigators: ['王警官', '李警官'] });
    inquiry(b, { subject: '李警官', start: '2024-03-06 10:00', end: '2024-03-06 11:00', investigators: ['周警官', '吴警官'] });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('李警官');
  });

  it('warns when the interpreter is the victim', () => {
    const b = newCase();
    b.person('李四', { role: 'VICTIM' });
    interrogation(b, {
      subject: '张三',
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      attendees: [{ role: '翻译人员', name: '李四' }],
    });
    expect(rule.evaluate(b.build())[0]?.message).toContain('翻译人员');
  });

  it('stays silent when staff and parties are different people', () => {
    const b = newCase();
    b.person('张三');
    b.person('李四', { role: 'WITNESS' });
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    inquiry(b, { subject: '李四', start: '2024-03-06 10:00', end: '2024-03-06 11:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
