// CTC decoding of the recognizer's output and the character boxes from its time steps.
import { describe, expect, it } from 'vitest';
import { characterBoxes, ctcDecode } from '../../../electron/core/ocr/ppocr/recognize.js';
import type { Quad } from '../../../electron/core/ocr/ppocr/geometry.js';

const DICT = ['张', '三', '1', '0'];
// Classes: blank, the dictionary, then a space.
const CLASSES = DICT.length + 2;

function probs(steps: (number | [number, number])[]): Float32Array {
  const out = new Float32Array(steps.length * CLASSES);
  steps.forEach((s, t) => {
    const [cls, p] = Array.isArray(s) ? s : [s, 0.9];
    for (let c = 0; c < CLASSES; c++) out[t * CLASSES + c] = (1 - p) / (CLASSES - 1);
    out[t * CLASSES + cls] = p;
  });
  return out;
}

describe('CTC decoding', () => {
  it('merges repeats, drops blanks, and keeps a repeat that a blank separates', () => {
    // 张 张 _ 三 三 _ _ 1 _ 1 0 space
    const p = probs([1, 1, 0, 2, 2, 0, 0, 3, 0, 3, [4, 0.6], 5]);
    const line = ctcDecode(p, 12, CLASSES, DICT);
    expect(line.text).toBe('张三110 ');
    expect(line.chars.map((c) => [c.text, c.from, c.to])).toEqual([
      ['张', 0, 1],
      ['三', 3, 4],
      ['1', 7, 7],
      ['1', 9, 9],
      ['0', 10, 10],
      [' ', 11, 11],
    ]);
    expect(line.confidence).toBeCloseTo((0.9 * 5 + 0.6) / 6, 6);
  });

  it('reads an all-blank line as nothing, confidence 0', () => {
    const line = ctcDecode(probs([0, 0, 0]), 3, CLASSES, DICT);
    expect(line).toMatchObject({ text: '', confidence: 0, chars: [] });
  });

  it('decodes one line of a batch by its offset', () => {
    const batch = new Float32Array([...probs([1, 0, 2]), ...probs([3, 0, 4])]);
    expect(ctcDecode(batch, 3, CLASSES, DICT, 3 * CLASSES).text).toBe('10');
  });

  it('boxes each character where its time steps fall along the crop', () => {
    // 40 steps over a crop that fills half of the padded input: steps 0..19 cover the crop.
    const line = ctcDecode(probs([...Array(4).fill(0), 1, 1, ...Array(4).fill(0), 2, 2, ...Array(28).fill(0)]), 40, CLASSES, DICT);
    const quad: Quad = [
      { x: 100, y: 50 },
      { x: 300, y: 50 },
      { x: 300, y: 90 },
      { x: 100, y: 90 },
    ];
    const boxes = characterBoxes(line, quad, 0.5);
    expect(boxes.map((b) => b.text)).toEqual(['张', '三']);
    // 张 at steps 4–5: centre (5/20) of the crop = x 150; 三 at 10–11: 11/20 = x 210.
    const centre = (b: { bbox: number[] }): number => (b.bbox[0]! + b.bbox[2]!) / 2;
    expect(centre(boxes[0]!)).toBeCloseTo(150, -1);
    expect(centre(boxes[1]!)).toBeCloseTo(210, -1);
    expect(boxes[0]!.bbox[2]).toBeLessThanOrEqual(boxes[1]!.bbox[0]);
    expect(boxes.every((b) => b.bbox[1] === 50 && b.bbox[3] === 90)).toBe(true);
  });
});
