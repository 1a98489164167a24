// The continuous strip's arithmetic: pages of their own heights stacked file after file,
// which of them a scroll offset shows, and which fills most of the view (the current page).
import { describe, expect, it } from 'vitest';
import { FILE_GAP, GAP, PAD, indexAt, inView, layoutOf, mountedOf } from '../../../renderer/src/case/strip-layout';
import { slotsOf } from '../../../renderer/src/case/volume';
import type { CaseFile } from '../../../shared/api';

function file(id: number, pages: number): CaseFile {
  return { id, path: `卷${id}.pdf`, sha256: `${id}`.padStart(64, '0'), kind: 'pdf', pages, size: 1, status: 'ok' };
}

describe('strip layout', () => {
  const slots = slotsOf([file(1, 2), file(2, 3)]);
  // Page 2 of file 1 is a landscape page, half as tall as the others.
  const layout = layoutOf(slots, (s) => (s.fileId === 1 && s.page === 2 ? 500 : 1000));

  it('stacks the pages with a gap, a wider one where a file begins', () => {
    expect(layout.tops).toEqual([
      PAD,
      PAD + 1000 + GAP,
      PAD + 1500 + GAP + FILE_GAP,
      PAD + 2500 + 2 * GAP + FILE_GAP,
      PAD + 3500 + 3 * GAP + FILE_GAP,
    ]);
    expect(layout.total).toBe(PAD + 4500 + 3 * GAP + FILE_GAP + PAD);
  });

  it('finds the page at a height, the first above the first page', () => {
    expect(indexAt(layout, 0)).toBe(0);
    expect(indexAt(layout, PAD + 999)).toBe(0);
    // In the gap after a page: still that page.
    expect(indexAt(layout, PAD + 1000 + GAP / 2)).toBe(0);
    expect(indexAt(layout, PAD + 1000 + GAP)).toBe(1);
    expect(indexAt(layout, layout.total)).toBe(4);
    expect(
      indexAt(
        layoutOf([], () => 1),
        10,
      ),
    ).toBe(-1);
  });

  it('names the pages in view and the one filling most of it', () => {
    // A view across the seam between the files, mostly on the next file's first page.
    const top = (layout.tops[1] as number) + 300;
    const v = inView(layout, top, top + 800);
    expect(v.first).toBe(1);
    expect(v.last).toBe(2);
    expect(v.most).toBe(2);
    // Mostly on the short page: it is the current one.
    const w = inView(layout, (layout.tops[1] as number) - 100, (layout.tops[1] as number) + 500);
    expect(w).toEqual({ first: 0, last: 1, most: 1 });
  });
});

describe('the pages mounted', () => {
  it('stay a handful on a 1,000-page case, wherever the reader is', () => {
    const slots = slotsOf([file(1, 400), file(2, 600)]);
    const layout = layoutOf(slots, () => 1100);
    for (const y of [0, 123_456, 700_000, layout.total - 800]) {
      const v = inView(layout, y, y + 800);
      const mounted = mountedOf(v, slots.length, v.most, 2);
      expect(mounted.length).toBeGreaterThanOrEqual(1);
      expect(mounted.length).toBeLessThanOrEqual(6);
      expect(mounted).toContain(v.most);
    }
    // The current page far from the view (a jump not yet scrolled to) is mounted too.
    expect(mountedOf({ first: 10, last: 11 }, slots.length, 900, 2)).toEqual([8, 9, 10, 11, 12, 13, 900]);
    expect(mountedOf({ first: 0, last: 0 }, 1, 0, 2)).toEqual([0]);
  });
});
