import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/intake/filing-before-measures.js';
import { at, newCase } from './facts-builder.js';

function filedCase(filed: string | null, measures: (b: ReturnType<typeof newCase>, p: string) => void, filingText?: string) {
  const b = newCase();
  const p = b.person('张三');
  if (filed)
    b.act('CASE_FILING', 'CASE_FILED', filed, {
      text: filingText ?? '立案决定书 根据《中华人民共和国刑事诉讼法》第一百零九条之规定，决定对张三盗窃案立案侦查',
    });
  measures(b, p);
  return b.build();
}

describe('FILING_BEFORE_MEASURES', () => {
  it('is silent when every measure follows the filing', () => {
    const facts = filedCase('2024-03-04', (b, p) => {
      b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), { event: { subjects: [p] } });
      b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
      b.act('SEARCH_WARRANT', 'SEARCH', at('2024-03-05 15:00'), { event: { subjects: [p] } });
    });
    expect(rule.evaluate(facts)).toEqual([]);
  });
  it('is silent on the same day when the order cannot be told', () => {
    expect(
      rule.evaluate(
        filedCase('2024-03-05', (b, p) => {
          b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
        }),
      ),
    ).toEqual([]);
  });
  it('fires a violation for a detention the day before the filing', () => {
    const [f, ...rest] = rule.evaluate(
      filedCase('2024-03-06', (b, p) => {
        b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
      }),
    );
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留 2024-03-05 12:20 早于立案 2024-03-06');
  });
  it('fires a violation for a search warrant before the filing', () => {
    const [f] = rule.evaluate(
      filedCase('2024-03-06', (b) => {
        b.act('SEARCH_WARRANT', 'SEARCH', '2024-03-02');
      }),
    );
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('搜查');
  });
  it('warns for a measure earlier on the filing day', () => {
    const [f] = rule.evaluate(
      filedCase(at('2024-03-05 14:00'), (b, p) => {
        b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
      }),
    );
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('同日');
  });
  it('warns for an on-scene oral summons and for a converted administrative case', () => {
    const onScene = rule.evaluate(
      filedCase('2024-03-06', (b, p) => {
        b.act('INTERROGATION_RECORD', 'SUMMONS', at('2024-03-05 09:00'), {
          text: '经口头传唤到案',
          event: { subjects: [p], text: '于现场口头传唤到案' },
        });
      }),
    );
    expect(onScene[0]?.severity).toBe('warning');
    const converted = rule.evaluate(
      filedCase(
        '2024-03-06',
        (b) => {
          b.act('SEIZURE_LIST', 'SEIZURE', '2024-03-02');
        },
        '立案决定书 本案由行政案件转为刑事案件',
      ),
    );
    expect(converted[0]?.severity).toBe('warning');
  });
  it('ignores an administrative summons before the filing', () => {
    expect(
      rule.evaluate(
        filedCase('2024-03-06', (b, p) => {
          b.act('SUMMONS', 'SUMMONS', at('2024-03-01 09:00'), {
            text: '依据《中华人民共和国治安管理处罚法》第八十二条 传唤证',
            event: { subjects: [p] },
          });
        }),
      ),
    ).toEqual([]);
  });
  it('warns that the filing is missing when measures were taken', () => {
    const [f] = rule.evaluate(
      filedCase(null, (b, p) => {
        b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), { event: { subjects: [p] } });
      }),
    );
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见立案决定书');
  });
  it('says nothing without measures', () => {
    expect(rule.evaluate(filedCase('2024-03-06', () => undefined))).toEqual([]);
  });
});
