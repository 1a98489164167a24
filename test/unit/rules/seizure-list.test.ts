import { describe, expect, it } from 'vitest';
import { seizureList as rule } from '../../../electron/core/rules/evidence/seizure-list.js';
import { newCase } from './facts-builder.js';

describe('SEIZURE_LIST', () => {
  it('passes a list with quantities, holder and witness', () => {
    const b = newCase();
    b.doc('SEIZURE_LIST', {
      text: '扣押清单 1 手机 1部 黑色 华为 持有人：张三 见证人：赵六',
      fields: { investigators: ['王警官', '李警官'] },
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a list without quantities or witness, and one officer', () => {
    const b = newCase();
    b.doc('SEIZURE_LIST', { text: '扣押清单 手机 黑色 持有人：张三', fields: { investigators: ['王警官'] } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => [x.severity, x.key.split(':').pop()])).toEqual([
      ['violation', 'officers'],
      ['violation', 'items'],
      ['violation', 'witness'],
    ]);
  });

  it('warns when the holder neither signed nor is noted as unknown', () => {
    const b = newCase();
    b.doc('SEIZURE_LIST', { text: '扣押清单 手机 1部 见证人：赵六' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['warning']);
  });

  it("does not take the form's print or a blank field for a witness, and warns when the signature cannot be read", () => {
    const keys = (text: string) => {
      const b = newCase();
      b.doc('SEIZURE_LIST', { text, fields: { investigators: ['王警官', '李警官'] } });
      return rule.evaluate(b.build()).map((x) => `${x.severity} ${x.key.split(':').pop()}`);
    };
    expect(keys('扣押清单\n1 手机 1部 黑色\n持有人：张三\n本清单一式三份，由持有人、见证人签名后，一份交持有人。')).toEqual([
      'violation witness',
    ]);
    expect(keys('扣押清单\n1 手机 1部 黑色\n持有人：张三\n见证人：\n保管人：李四')).toEqual(['violation witness']);
    expect(keys('扣押清单\n1 手机 1部 黑色\n持有人：张三\n见证人：无')).toEqual(['violation witness']);
    expect(keys('扣押清单\n1 手机 1部 黑色\n持有人：张三\n见证人：%1q 8\n')).toEqual(['warning witness-unread']);
  });

  it('emits nothing when nothing was seized', () => {
    const b = newCase();
    b.doc('CASE_FILING');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
