// Which rows of a long list are in the DOM (issue 16: thousands of rows stay smooth).
// (Type-checked with the renderer's own settings: renderer/tsconfig.json includes this folder.)
import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, scrollToShow, visibleRows } from '../../../renderer/src/virtual/rows';

describe('a virtual list of 5,000 rows', () => {
  const fixed = rowOffsets(5000, () => 40);

  it('renders the rows in view and a margin, at the top and far down', () => {
    expect(visibleRows(fixed, 0, 400, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRows(fixed, 4000 * 40, 400, 5)).toEqual({ first: 3995, last: 4015 });
    expect(visibleRows(fixed, 5000 * 40, 400, 5)).toEqual({ first: 4994, last: 5000 });
    expect(fixed[5000]).toBe(200_000);
  });

  it('places rows of different heights by their own heights', () => {
    const mixed = rowOffsets(5000, (i) => (i % 2 === 0 ? 30 : 90));
    expect(mixed[5000]).toBe(2500 * 120);
    expect(rowAt(mixed, 0)).toBe(0);
    expect(rowAt(mixed, 29)).toBe(0);
    expect(rowAt(mixed, 30)).toBe(1);
    expect(rowAt(mixed, 119)).toBe(1);
    expect(rowAt(mixed, 120)).toBe(2);
    const { first, last } = visibleRows(mixed, 1000 * 120, 240, 0);
    expect([first, last]).toEqual([2000, 2004]);
  });

  it('scrolls just enough to show a row the keyboard moved to', () => {
    expect(scrollToShow(fixed, 3, 0, 400)).toBeNull();
    expect(scrollToShow(fixed, 10, 0, 400)).toBe(440 - 400);
    expect(scrollToShow(fixed, 2, 200, 400)).toBe(80);
    expect(scrollToShow(fixed, 4999, 0, 400)).toBe(200_000 - 400);
  });

  it('has nothing to show when empty', () => {
    expect(
      visibleRows(
        rowOffsets(0, () => 40),
        0,
        400,
        5,
      ),
    ).toEqual({ first: 0, last: 0 });
  });
});
