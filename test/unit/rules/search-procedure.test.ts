import { describe, expect, it } from 'vitest';
import { searchProcedure as rule } from '../../../electron/core/rules/evidence/search-procedure.js';
import { at, newCase } from './facts-builder.js';

function search(
  opts: {
    warrant?: string | null;
    investigators?: string[];
    attendees?: { role: string; name: string }[];
    text?: string;
    subject?: string;
  } = {},
) {
  const b = newCase();
  b.person('张三');
  b.person('李梅', { gender: '女' });
  if (opts.warrant !== null) b.doc('SEARCH_WARRANT', { date: opts.warrant ?? '2024-03-05' });
  b.act('SEARCH_RECORD', 'SEARCH', at('2024-03-05 10:00'), {
    text: opts.text ?? '搜查笔录 ……',
    fields: {
      start: at('2024-03-05 10:00'),
      end: at('2024-03-05 11:00'),
      place: '张三住处',
      subject: opts.subject ?? '张三',
      investigators: opts.investigators ?? ['王警官', '李警官'],
      attendees: opts.attendees ?? [{ role: '见证人', name: '赵六' }],
    },
  });
  return b.build();
}

describe('SEARCH_PROCEDURE', () => {
  it('passes a search with a warrant, two officers and a witness', () => {
    expect(rule.evaluate(search())).toEqual([]);
  });

  it('fires without a warrant, warns when an emergency during arrest is recorded', () => {
    expect(rule.evaluate(search({ warrant: null })).map((x) => x.severity)).toEqual(['violation']);
    expect(
      rule
        .evaluate(search({ warrant: null, text: '执行拘留时发现其可能随身携带凶器，属紧急情况，当场搜查。见证人赵六' }))
        .map((x) => x.severity),
    ).toEqual(['warning']);
  });

  it('fires for a warrant dated after the search', () => {
    const f = rule.evaluate(search({ warrant: '2024-03-06' }));
    expect(f.map((x) => x.severity)).toEqual(['violation']);
    expect(f[0]?.message).toContain('2024-03-06');
  });

  it('fires for one officer and for nobody present', () => {
    const f = rule.evaluate(search({ investigators: ['王警官'], attendees: [] }));
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['officers', 'present']);
  });

  it('fires for a body search of a woman by men only', () => {
    const f = rule.evaluate(search({ subject: '李梅', text: '依法对李梅进行人身搜查。' }));
    expect(f.map((x) => x.key.split(':').pop())).toEqual(['female']);
  });

  it('emits nothing when there was no search', () => {
    const b = newCase();
    b.person('张三');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
