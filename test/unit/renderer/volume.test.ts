// The case read as one volume: the thumbnails rail draws only what is in view, and a
// search's hits are walked in reading order across files and pages.
import { describe, expect, it } from 'vitest';
import { hitsInOrder, slotsOf, visibleSlots } from '../../../renderer/src/case/volume';
import type { CaseFile, SearchHit } from '../../../shared/api';

function file(id: number, pages: number): CaseFile {
  return { id, path: `卷${id}.pdf`, sha256: `${id}`.padStart(64, '0'), kind: 'pdf', pages, size: 1, status: 'ok' };
}

function hit(fileId: number, page: number, pageStart: number, caseId = 'c1'): SearchHit {
  return {
    caseId,
    caseName: '案',
    documentId: null,
    documentTitle: null,
    fileId,
    file: `卷${fileId}.pdf`,
    page,
    snippet: '李建国',
    start: 0,
    end: 3,
    pageStart,
    pageEnd: pageStart + 3,
  };
}

describe('the volume', () => {
  it('lists every page of every file in reading order, skipping files without content', () => {
    const slots = slotsOf([file(3, 2), { ...file(4, 5), sha256: null }, file(1, 1)]);
    expect(slots.map((s) => `${s.fileId}:${s.page}`)).toEqual(['3:1', '3:2', '1:1']);
  });

  it('shows of a 1,000-page volume only the slots in view and a few either side', () => {
    const slots = slotsOf([file(1, 600), file(2, 400)]);
    expect(slots).toHaveLength(1000);
    const top = visibleSlots(0, 700, 168, slots.length, 3);
    expect(top).toEqual({ first: 0, last: 8 });
    // Scrolled to page 500: pages around it, nothing from the start.
    const middle = visibleSlots(499 * 168, 700, 168, slots.length, 3);
    expect(middle.first).toBe(496);
    expect(middle.last - middle.first).toBeLessThanOrEqual(12);
    expect(visibleSlots(999 * 168, 700, 168, slots.length, 3).last).toBe(1000);
  });

  it('walks hits file by file, page by page, then down the page, leaving other cases out', () => {
    const files = [file(7, 3), file(2, 2)];
    const ordered = hitsInOrder([hit(2, 1, 5), hit(7, 3, 9), hit(7, 1, 40), hit(7, 1, 2), hit(9, 1, 0), hit(7, 2, 0, 'c2')], 'c1', files);
    expect(ordered.map((h) => `${h.fileId}:${h.page}:${h.pageStart}`)).toEqual(['7:1:2', '7:1:40', '7:3:9', '2:1:5']);
  });
});
