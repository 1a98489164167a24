import { describe, expect, it } from 'vitest';
import { audioVideoRecording as rule } from '../../../electron/core/rules/interrogation/audio-video-recording.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

function questioned(charge: string | null, body?: string) {
  const b = newCase({ charge });
  interrogation(b, { subject: '张三', start: '2024-03-05 14:30', end: '2024-03-05 16:00', ...(body ? { body } : {}) });
  return b.build();
}

describe('AUDIO_VIDEO_RECORDING', () => {
  it('fires for an unrecorded interrogation in a homicide case', () => {
    const f = rule.evaluate(questioned('故意杀人罪'));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('故意杀人罪');
  });

  it('passes a recorded homicide interrogation', () => {
    expect(rule.evaluate(questioned('故意杀人罪', '本次讯问全程同步录音录像。问：……答：……'))).toEqual([]);
  });

  it('warns when the category depends on the facts (robbery)', () => {
    expect(rule.evaluate(questioned('抢劫罪')).map((x) => x.severity)).toEqual(['warning']);
  });

  it('emits nothing for a minor offence', () => {
    expect(rule.evaluate(questioned('危险驾驶罪'))).toEqual([]);
  });

  it('warns once when the charge is unknown', () => {
    const f = rule.evaluate(questioned(null));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('未见罪名');
  });
});

describe('AUDIO_VIDEO_RECORDING for property crimes', () => {
  it('asks about theft only when the file speaks of a huge amount', () => {
    expect(rule.evaluate(questioned('盗窃罪'))).toEqual([]);
    const f = rule.evaluate(questioned('盗窃罪', '问：……答：……盗窃数额特别巨大。'));
    expect(f.map((x) => [x.severity, x.key])).toEqual([['warning', 'AUDIO_VIDEO_RECORDING:unclear']]);
  });
});

describe('AUDIO_VIDEO_RECORDING for intentional injury', () => {
  it('asks only when the file speaks of serious injury or death', () => {
    expect(rule.evaluate(questioned('故意伤害罪', '问：……答：经鉴定为轻伤二级。'))).toEqual([]);
    expect(rule.evaluate(questioned('故意伤害罪', '问：……答：经鉴定为重伤二级。')).map((x) => x.severity)).toEqual(['warning']);
  });
});
