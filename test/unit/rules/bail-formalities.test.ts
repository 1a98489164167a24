import { describe, expect, it } from 'vitest';
import rule, { readAmount } from '../../../electron/core/rules/measures/bail-formalities.js';
import { newCase } from './facts-builder.js';

function bail(text: string, opts: { birthDate?: string; pledge?: boolean } = {}) {
  const b = newCase();
  const p = b.person('张三', { birthDate: opts.birthDate ?? '1990-01-01' });
  b.act('BAIL', 'BAIL', '2024-03-15', { text: `取保候审决定书 张三 ${text}`, fields: { subjectId: p }, event: { subjects: [p] } });
  if (opts.pledge) b.doc('OTHER', { title: '保证书', text: '保证书 保证人李四保证被保证人张三遵守规定' });
  return b.build();
}

describe('BAIL_FORMALITIES', () => {
  it('reads amounts in Arabic and Chinese numerals', () => {
    expect(readAmount('3,000')).toBe(3000);
    expect(readAmount('壹仟伍佰')).toBe(1500);
    expect(readAmount('五百')).toBe(500);
    expect(readAmount('2万')).toBe(20000);
    expect(readAmount('一万二千')).toBe(12000);
  });
  it('is silent for a deposit of ¥3,000 or a guarantor with a pledge', () => {
    expect(rule.evaluate(bail('责令其交纳保证金人民币3000元'))).toEqual([]);
    expect(rule.evaluate(bail('保证人：李四', { pledge: true }))).toEqual([]);
  });
  it('fires a violation for both a guarantor and a deposit', () => {
    const [f] = rule.evaluate(bail('保证人：李四，保证金：人民币2000元', { pledge: true }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('同时采用保证人（李四）和保证金（2000 元）');
  });
  it('fires a violation for a deposit under ¥1,000; ¥600 is enough for a minor', () => {
    expect(rule.evaluate(bail('保证金：人民币陆佰元'))[0]?.message).toContain('600 元低于 1000 元');
    expect(rule.evaluate(bail('保证金：人民币陆佰元', { birthDate: '2007-06-01' }))).toEqual([]);
    expect(rule.evaluate(bail('保证金：人民币400元', { birthDate: '2007-06-01' }))[0]?.severity).toBe('violation');
  });
  it("warns when the guarantor's pledge is missing", () => {
    const [f] = rule.evaluate(bail('保证人：李四'));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见保证人出具的保证书');
  });
});
