import { describe, expect, it } from 'vitest';
import { specialStatusPersons as rule } from '../../../electron/core/rules/other/special-status-persons.js';
import { at, newCase } from './facts-builder.js';

describe('SPECIAL_STATUS_PERSONS', () => {
  it('fires for detaining a county deputy without permission', () => {
    const b = newCase();
    const p = b.person('张三', { attributes: { deputy: '县人大代表' } });
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), { event: { subjects: [p] } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('许可');
  });

  it('passes with the standing committee permission first', () => {
    const b = newCase();
    const p = b.person('张三', { attributes: { deputy: '县人大代表' } });
    b.doc('OTHER', {
      title: '关于许可对县人大代表张三采取强制措施的决定',
      date: '2024-03-04',
      text: '县人民代表大会常务委员会许可',
      fields: { subjectId: p },
    });
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), { event: { subjects: [p] } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('reports a foreign national within 48 hours, fires when later', () => {
    const make = (reported: string) => {
      const b = newCase();
      const p = b.person('John', { attributes: { foreign: true, nationality: '美国' } });
      b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), { event: { subjects: [p] } });
      b.doc('OTHER', { title: '涉外案件层报报告', date: reported.slice(0, 10), fields: { notifiedAt: at(reported) } });
      return b.build();
    };
    expect(rule.evaluate(make('2024-03-07 10:00'))).toEqual([]);
    expect(rule.evaluate(make('2024-03-07 12:00')).map((x) => x.severity)).toEqual(['violation']);
  });

  it('emits nothing for ordinary persons', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), { event: { subjects: [p] } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
