import { describe, expect, it } from 'vitest';
import { witnessEligibility as rule } from '../../../electron/core/rules/evidence/witness-eligibility.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

describe('WITNESS_ELIGIBILITY', () => {
  it('passes an outsider as 见证人', () => {
    const b = newCase();
    b.person('张三');
    b.doc('SEIZURE_LIST', { text: '扣押清单 手机1部 见证人：赵六', fields: { attendees: [{ role: '见证人', name: '赵六' }] } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when an investigator of the case attests', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', investigators: ['王警官', '李警官'] });
    b.doc('SEIZURE_LIST', { text: '扣押清单 手机1部 见证人：李警官' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('办案民警');
  });

  it('fires for a victim or an auxiliary policeman as 见证人, warns for a case witness', () => {
    const b = newCase();
    b.person('李四', { role: 'VICTIM' });
    b.person('王五', { role: 'WITNESS' });
    b.doc('SEARCH_RECORD', { text: '搜查笔录 见证人：李四', fields: { attendees: [{ role: '见证人', name: '李四' }] } });
    b.doc('SEIZURE_LIST', { text: '扣押清单 见证人：钱七（辅警）' });
    b.doc('OTHER', { title: '辨认笔录', text: '辨认笔录 见证人：王五' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => [x.severity, x.key])).toEqual([
      ['violation', 'WITNESS_ELIGIBILITY:李四'],
      ['violation', 'WITNESS_ELIGIBILITY:钱七'],
      ['warning', 'WITNESS_ELIGIBILITY:王五'],
    ]);
  });

  it('does not read "见证人签名" as a name', () => {
    const b = newCase();
    b.doc('SEIZURE_LIST', { text: '见证人：签名' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
