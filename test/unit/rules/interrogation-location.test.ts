import { describe, expect, it } from 'vitest';
import { interrogationLocation as rule } from '../../../electron/core/rules/interrogation/interrogation-location.js';
import { at, newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

function detained(place: string, start: string, text?: string) {
  const b = newCase();
  const p = b.person('张三');
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 10:00'), { event: { subjects: [p] } });
  b.event('CUSTODY_TRANSFER', at('2024-03-05 18:00'), { subjects: [p], text: '于2024年3月5日18时送城关看守所羁押' });
  interrogation(b, {
    subject: '张三',
    subjectId: p,
    start,
    end: start.replace(/\d\d:\d\d$/, '23:00'),
    place,
    ...(text ? { body: text } : {}),
  });
  return b.build();
}

describe('INTERROGATION_LOCATION', () => {
  it('passes a station interrogation before custody and a jail interrogation after', () => {
    expect(rule.evaluate(detained('城关派出所讯问室', '2024-03-05 14:30'))).toEqual([]);
    expect(rule.evaluate(detained('城关看守所第三讯问室', '2024-03-06 09:00'))).toEqual([]);
  });

  it('fires for a station interrogation after the suspect entered the jail', () => {
    const f = rule.evaluate(detained('城关派出所讯问室', '2024-03-06 09:00'));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('2024-03-05 18:00');
    expect(f[0]?.message).toContain('城关派出所讯问室');
    expect(f[0]?.evidence).toHaveLength(2);
  });

  it('treats the minute of custody as already in custody', () => {
    const f = rule.evaluate(detained('城关派出所', '2024-03-05 18:00'));
    expect(f.map((x) => x.severity)).toEqual(['violation']);
  });

  it('warns when the record says the suspect was taken out to point out the scene', () => {
    const f = rule.evaluate(detained('城关镇幸福路超市门口', '2024-03-06 09:00', '经批准提解犯罪嫌疑人出所指认现场。'));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
  });

  it('fires for questioning at home before custody without a recorded reason, warns with one', () => {
    expect(rule.evaluate(detained('张三家中', '2024-03-05 12:00')).map((x) => x.severity)).toEqual(['violation']);
    expect(
      rule.evaluate(detained('县人民医院', '2024-03-05 12:00', '因犯罪嫌疑人伤病住院治疗，在医院进行讯问。')).map((x) => x.severity),
    ).toEqual(['warning']);
  });

  it('warns when the place is not given', () => {
    const b = newCase();
    interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', fields: { place: null } });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('未见讯问地点');
  });
});

describe('INTERROGATION_LOCATION with a custody date only', () => {
  it('judges only later days', () => {
    const b = newCase();
    const p = b.person('张三');
    b.doc('DETENTION_WARRANT', { fields: { custodyAt: '2024-03-05', subjectId: p } });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 10:00', end: '2024-03-05 11:00', place: '城关派出所讯问室' });
    expect(rule.evaluate(b.build())).toEqual([]);
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-06 10:00', end: '2024-03-06 11:00', place: '城关派出所讯问室' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['violation']);
  });
});
