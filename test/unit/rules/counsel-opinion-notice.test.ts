import { describe, expect, it } from 'vitest';
import { counselOpinionNotice as rule } from '../../../electron/core/rules/defence/counsel-opinion-notice.js';
import { newCase } from './facts-builder.js';

describe('COUNSEL_OPINION_NOTICE', () => {
  it('passes a transfer told to suspect and lawyer', () => {
    const b = newCase();
    b.person('张三');
    b.doc('OTHER', { title: '委托书', text: '委托人张三 委托律师：陈明', date: '2024-03-06' });
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01', text: '起诉意见书 …… 已告知犯罪嫌疑人张三及其辩护律师陈明本案移送审查起诉。' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('warns when the transfer was not told, and when the lawyer opinion came after closing', () => {
    const b = newCase();
    b.person('张三');
    b.doc('OTHER', { title: '委托书', text: '委托人张三 委托律师：陈明' });
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01', text: '起诉意见书' });
    b.doc('OTHER', { title: '辩护意见书', date: '2024-04-03' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['late', 'transfer-notice']);
  });

  it('warns when one lawyer acts for two co-suspects', () => {
    const b = newCase();
    b.person('张三');
    b.person('李四');
    b.doc('OTHER', { title: '委托书', text: '委托人张三 委托律师：陈明' });
    b.doc('OTHER', { title: '委托书', text: '委托人李四 委托律师：陈明' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('张三、李四');
  });

  it('emits nothing when no lawyer is engaged', () => {
    const b = newCase();
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
