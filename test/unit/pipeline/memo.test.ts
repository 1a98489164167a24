import { describe, expect, it } from 'vitest';
import { PageMemo } from '../../../electron/core/pipeline/memo.js';

describe('PageMemo', () => {
  it('derives once per key, hands out copies, and lets the least recently used go first', () => {
    const memo = new PageMemo<{ n: number[] }>(2);
    let derived = 0;
    const get = (k: string) => memo.get(k, () => ({ n: [++derived] }));
    const a = get('a');
    a.n.push(99); // a stage changing what it got does not change what is kept
    expect(get('a')).toEqual({ n: [1] });
    get('b');
    get('a'); // a is now the most recently used
    get('c'); // b goes
    expect(memo.size).toBe(2);
    expect(get('a')).toEqual({ n: [1] });
    expect(get('b')).toEqual({ n: [4] });
    expect(derived).toBe(4);
    expect(memo.hits).toBe(3);
    expect(memo.misses).toBe(4);
  });
});
