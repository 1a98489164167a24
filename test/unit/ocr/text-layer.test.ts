import { describe, expect, it } from 'vitest';
import { isUsableTextLayer } from '../../../electron/core/ocr/text-layer.js';

describe('isUsableTextLayer', () => {
  it('accepts a page of Chinese or Latin text', () => {
    expect(isUsableTextLayer('讯问笔录\n时间：2022年11月16日14时30分')).toBe(true);
    expect(isUsableTextLayer('Case number 2022-117, interrogation record')).toBe(true);
  });

  it('sends empty and nearly empty layers to OCR', () => {
    expect(isUsableTextLayer('')).toBe(false);
    expect(isUsableTextLayer('  \n\t ')).toBe(false);
    expect(isUsableTextLayer('- 12 -')).toBe(false);
  });

  it('sends garbage to OCR: replacement, private-use and control characters, mojibake', () => {
    expect(isUsableTextLayer('\ufffd'.repeat(40) + '笔录')).toBe(false);
    expect(isUsableTextLayer('\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009ab')).toBe(false);
    expect(isUsableTextLayer('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc')).toBe(false);
    // 讯问笔录 时间 地点 encoded as GBK and decoded as Latin-1.
    expect(isUsableTextLayer('Ñ¶ÎÊ±ÊÂ¼ Ê±¼ä µØµã Ñ¶ÎÊ±ÊÂ¼')).toBe(false);
  });
});
