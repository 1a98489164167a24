import { describe, expect, it } from 'vitest';
import { lineupProcedure as rule } from '../../../electron/core/rules/evidence/lineup-procedure.js';
import { newCase } from './facts-builder.js';

function lineup(text: string, opts: { investigators?: string[]; subject?: string; title?: string } = {}) {
  const b = newCase();
  b.doc('OTHER', {
    title: opts.title ?? '辨认笔录',
    text,
    fields: { investigators: opts.investigators ?? ['王警官', '李警官'], subject: opts.subject ?? '李四' },
  });
  return b.build();
}

describe('LINEUP_PROCEDURE', () => {
  it('passes 10 photos of people, two investigators and a witness', () => {
    expect(rule.evaluate(lineup('辨认人李四对混杂在一起的10张男性照片进行辨认，辨认出犯罪嫌疑人张三。见证人：赵六'))).toEqual([]);
    expect(rule.evaluate(lineup('将犯罪嫌疑人张三混杂在七名特征相似的人员中。见证人：赵六'))).toEqual([]);
  });

  it('fires for 9 photos', () => {
    const f = rule.evaluate(lineup('辨认人李四对混杂在一起的9张男性照片进行辨认，辨认出犯罪嫌疑人张三。见证人：赵六'));
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('9 张照片');
    expect(f[0]?.message).toContain('10');
  });

  it('fires for five people in a live line-up, accepts five objects', () => {
    expect(rule.evaluate(lineup('将犯罪嫌疑人张三混杂在5名人员中。见证人：赵六')).map((x) => x.severity)).toEqual(['violation']);
    expect(rule.evaluate(lineup('将被盗手机混杂在5部同类手机中。见证人：赵六', { title: '辨认物品笔录' }))).toEqual([]);
  });

  it('fires for one investigator, two identifiers together and no witness', () => {
    const f = rule.evaluate(lineup('混杂在10张照片中', { investigators: ['王警官'], subject: '李四、王五' }));
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['officers', 'together', 'witness']);
  });

  it('warns when the count cannot be read', () => {
    expect(rule.evaluate(lineup('辨认人李四辨认出犯罪嫌疑人张三。见证人：赵六')).map((x) => x.severity)).toEqual(['warning']);
  });
});
