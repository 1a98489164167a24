import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/summons/formalities.js';
import { at, newCase } from './facts-builder.js';

const FULL =
  '传唤证 兹传唤涉嫌盗窃的张三到某派出所接受讯问。被传唤人到达时间：2024年3月5日9时00分 传唤结束时间：2024年3月5日15时00分 被传唤人签名：张三';

function summons(text: string, fields: Record<string, string> = {}) {
  const b = newCase();
  const p = b.person('张三');
  b.doc('SUMMONS', { text, fields: { subjectId: p, ...fields } });
  return b.build();
}

describe('SUMMONS_FORMALITIES', () => {
  it('is silent for a summons with both times written', () => {
    expect(rule.evaluate(summons(FULL))).toEqual([]);
    expect(rule.evaluate(summons('传唤证', { start: at('2024-03-05 09:00'), end: at('2024-03-05 15:00') }))).toEqual([]);
  });
  it('fires a violation when the end time is not written', () => {
    const [f] = rule.evaluate(
      summons('传唤证 兹传唤涉嫌盗窃的张三到某派出所接受讯问。被传唤人到达时间：2024年3月5日9时00分 被传唤人签名：张三'),
    );
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('未载明传唤结束时间');
  });
  it('accepts a noted refusal', () => {
    expect(rule.evaluate(summons('传唤证 兹传唤涉嫌盗窃的张三到某派出所接受讯问。被传唤人拒绝填写到达时间，拒绝签名。'))).toEqual([]);
  });
  it('warns, not violates, when the text was barely read', () => {
    expect(rule.evaluate(summons('传唤证'))[0]?.severity).toBe('warning');
  });
  it('warns when a summons has no paper and the record does not note an oral summons', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('INTERROGATION_RECORD', 'SUMMONS', at('2024-03-05 09:00'), {
      text: '讯问笔录 问：你是怎么来的？答：被民警带来的。',
      event: { subjects: [p] },
    });
    expect(rule.evaluate(b.build())[0]?.message).toContain('未注明口头传唤');
    const c = newCase();
    const q = c.person('张三');
    c.act('INTERROGATION_RECORD', 'SUMMONS', at('2024-03-05 09:00'), {
      text: '讯问笔录 到案方式：口头传唤，2024年3月5日9时到案',
      event: { subjects: [q] },
    });
    expect(rule.evaluate(c.build())).toEqual([]);
  });
});
