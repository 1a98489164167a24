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
});
