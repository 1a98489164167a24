import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgressEvent } from '../../../shared/api.js';
import { throttledProgress } from '../../../electron/core/pipeline/stage.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('progress events', () => {
  it('are throttled to a few a second but always give the first and the last, with an ETA between', () => {
    vi.useFakeTimers();
    const events: ProgressEvent[] = [];
    const progress = throttledProgress((e) => events.push(e), { caseId: 'c', jobId: 'j' }, 250);
    for (let done = 0; done <= 1000; done++) {
      progress('ocr', done, 1000, 'ocr.reading');
      vi.advanceTimersByTime(5); // 1,000 pages in 5 s
    }
    expect(events[0]).toMatchObject({ stage: 'ocr', done: 0, total: 1000 });
    expect(events.at(-1)).toMatchObject({ done: 1000, total: 1000 });
    expect(events.length).toBeGreaterThan(10);
    expect(events.length).toBeLessThan(30);
    const middle = events.find((e) => e.done === events[5]!.done)!;
    expect(middle.etaSeconds).toBeGreaterThan(0);
    // a new stage starts its own count and is reported at once
    progress('rules', 0, 1, 'rules.checking');
    expect(events.at(-1)).toMatchObject({ stage: 'rules', done: 0 });
  });

  it('time from what the stage itself did: pages done before it began promise no early end', () => {
    vi.useFakeTimers();
    const events: ProgressEvent[] = [];
    const progress = throttledProgress((e) => events.push(e), { caseId: 'c', jobId: 'j' }, 0);
    // The desk's first page was read during ingest: OCR begins with 1 of 10 done.
    progress('ocr', 1, 10, 'ocr.reading');
    expect(events.at(-1)?.etaSeconds).toBeUndefined();
    vi.advanceTimersByTime(4_000);
    progress('ocr', 2, 10, 'ocr.reading'); // one page in 4 s, eight to go
    expect(events.at(-1)?.etaSeconds).toBe(32);
    vi.advanceTimersByTime(4_000);
    progress('ocr', 3, 10, 'ocr.reading');
    expect(events.at(-1)?.etaSeconds).toBe(28);
  });
});
