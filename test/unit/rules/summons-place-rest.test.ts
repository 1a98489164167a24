import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/summons/place-rest.js';
import { at, newCase } from './facts-builder.js';

function summoned(record: { start: string; end: string; place: string; text: string }) {
  const b = newCase();
  const p = b.person('张三');
  b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), { fields: { subjectId: p }, event: { subjects: [p] } });
  b.act('INTERROGATION_RECORD', 'INTERROGATION', record.start, {
    text: record.text,
    fields: { start: record.start, end: record.end, place: record.place, subjectId: p },
    event: { subjects: [p], end: record.end, place: record.place },
  });
  return b.build();
}

describe('SUMMONS_PLACE_REST', () => {
  it('is silent for a short daytime session at the station', () => {
    expect(
      rule.evaluate(summoned({ start: at('2024-03-05 09:10'), end: at('2024-03-05 11:00'), place: '某派出所讯问室', text: '讯问笔录' })),
    ).toEqual([]);
  });
  it('warns of questioning at a hotel', () => {
    const [f] = rule.evaluate(
      summoned({ start: at('2024-03-05 09:10'), end: at('2024-03-05 11:00'), place: '某宾馆302房间', text: '讯问笔录' }),
    );
    expect(f?.message).toContain('某宾馆302房间');
  });
  it('warns of a long summons with no meals or rest recorded, and of a night session', () => {
    const found = rule.evaluate(
      summoned({ start: at('2024-03-05 18:00'), end: at('2024-03-06 02:00'), place: '某派出所', text: '讯问笔录' }),
    );
    expect(found.map((f) => f.key.split(':')[1])).toEqual(['care', 'night']);
    const fed = rule.evaluate(
      summoned({
        start: at('2024-03-05 09:10'),
        end: at('2024-03-05 17:00'),
        place: '某派出所',
        text: '讯问笔录 中午12时安排其用餐、休息',
      }),
    );
    expect(fed).toEqual([]);
  });
});
