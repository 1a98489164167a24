import { describe, expect, it } from 'vitest';
import { closingSupplementary as rule } from '../../../electron/core/rules/other/closing-supplementary.js';
import { newCase } from './facts-builder.js';

function closed() {
  const b = newCase();
  b.person('张三');
  b.doc('PROSECUTION_OPINION', { date: '2024-04-01', text: '起诉意见书 …… 局长 王某 批准' });
  b.doc('OTHER', { title: '随案移送清单', date: '2024-04-01' });
  b.doc('OTHER', { title: '结案报告', date: '2024-04-01' });
  return b;
}

describe('CLOSING_SUPPLEMENTARY', () => {
  it('passes a complete closing and a supplementary round done within a month', () => {
    const b = closed();
    b.doc('OTHER', { title: '退回补充侦查决定书', date: '2024-05-10' });
    b.doc('OTHER', { title: '补充侦查报告书', date: '2024-06-09' });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a round finished after a month, warns on the last day', () => {
    const b = closed();
    b.doc('OTHER', { title: '退回补充侦查决定书', date: '2024-05-10' });
    b.doc('OTHER', { title: '补充侦查报告书', date: '2024-06-11' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('2024-06-10');
    const c = closed();
    c.doc('OTHER', { title: '退回补充侦查决定书', date: '2024-05-10' });
    c.doc('OTHER', { title: '补充侦查报告书', date: '2024-06-10' });
    expect(rule.evaluate(c.build()).map((x) => x.severity)).toEqual(['warning']);
  });

  it('fires for a third return', () => {
    const b = closed();
    for (const [r, d] of [
      ['2024-05-01', '2024-05-20'],
      ['2024-06-01', '2024-06-20'],
      ['2024-07-01', '2024-07-20'],
    ]) {
      b.doc('OTHER', { title: '退回补充侦查决定书', date: r });
      b.doc('OTHER', { title: '补充侦查报告书', date: d });
    }
    expect(rule.evaluate(b.build()).map((x) => x.key)).toEqual(['CLOSING_SUPPLEMENTARY:rounds']);
  });

  it('warns for a closing without list, report or co-suspect roles', () => {
    const b = newCase();
    b.person('张三');
    b.person('李四');
    b.doc('PROSECUTION_OPINION', { date: '2024-04-01', text: '起诉意见书 局长批准' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('作用');
    expect(f[0]?.message).toContain('结案报告');
  });

  it('emits nothing before closing', () => {
    const b = newCase();
    b.doc('CASE_FILING');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
