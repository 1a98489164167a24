import { describe, expect, it } from 'vitest';
import { reportText } from '../../../electron/core/report/labels.js';
import { buildTimelineFigure, displayTime, instant, layoutTimeline, orderEvents } from '../../../electron/core/report/timeline-figure.js';
import { sampleReview } from './sample-review.js';

const t = reportText('zh-CN');
const at = (iso: string) => Date.parse(iso);

describe('times', () => {
  it('reads a plain date as midnight in China and shows times as the document wrote them', () => {
    expect(instant('2022-11-16')).toBe(at('2022-11-16T00:00:00+08:00'));
    expect(instant('2022-11-16T14:30:00+08:00')).toBe(at('2022-11-16T06:30:00Z'));
    expect(instant('not a date')).toBeNull();
    expect(displayTime('2022-11-16T06:30:00Z')).toBe('2022-11-16 14:30');
    expect(displayTime('2022-11-16')).toBe('2022-11-16');
  });

  it('numbers events in time order, undated last', () => {
    const ordered = orderEvents(sampleReview().events);
    expect(ordered[0]!.event.type).toBe('OFFENCE');
    expect(ordered.at(-1)!.event.id).toBe('v12');
    expect(ordered.at(-1)!.at).toBeNull();
    expect(ordered.map((o) => o.n)).toEqual(ordered.map((_, i) => i + 1));
  });
});

describe('timeline figure', () => {
  const fig = buildTimelineFigure(sampleReview(), t);

  it('gives each person with events a lane, and the case its own lane for events without a person', () => {
    expect(fig.lanes.map((l) => l.label)).toEqual(['张三', '赵六', '李四', '案件']);
  });

  it('draws custody as bands: detention until arrest or bail, then arrest custody or bail', () => {
    const zhang = fig.bands.filter((b) => b.lane === 0);
    expect(zhang).toEqual([
      { lane: 0, kind: 'detention', start: at('2022-11-16T14:30:00+08:00'), end: at('2022-12-07T15:00:00+08:00'), open: false },
      // Still in custody at the last record: the band is open-ended.
      { lane: 0, kind: 'arrest', start: at('2022-12-07T15:00:00+08:00'), end: at('2022-12-08T00:00:00+08:00'), open: true },
    ]);
    const zhao = fig.bands.filter((b) => b.lane === 1);
    expect(zhao.map((b) => [b.kind, b.open])).toEqual([
      ['detention', false],
      ['nonCustodial', true],
    ]);
    expect(zhao[0]!.end).toBe(at('2022-11-20T10:00:00+08:00'));
  });

  it('marks findings at the time of the event their evidence quotes, numbered violations first', () => {
    expect(fig.findings).toEqual([
      { n: 1, at: at('2022-11-16T14:30:00+08:00'), severity: 'violation' },
      { n: 2, at: at('2022-12-07T15:00:00+08:00'), severity: 'violation' },
      // The evidence page has no event: the document's date stands in.
      { n: 3, at: at('2022-11-17T00:00:00+08:00'), severity: 'warning' },
    ]);
  });

  it('puts an event with two subjects on both lanes and leaves undated events out', () => {
    expect(fig.marks.filter((m) => m.n === 1).map((m) => m.lane)).toEqual([0, 1]);
    expect(fig.marks.some((m) => m.n === 12)).toBe(false);
    const interrogation = fig.marks.find((m) => m.n === 5)!;
    expect(interrogation.kind).toBe('record');
    expect(interrogation.end).toBe(at('2022-11-16T17:05:00+08:00'));
  });

  it('lays out inside the given width', () => {
    const layout = layoutTimeline(fig, 495, t);
    expect(layout.height).toBeGreaterThan(4 * 28);
    for (const s of layout.shapes) {
      const xs = s.t === 'line' ? [s.x1, s.x2] : s.t === 'rect' ? [s.x, s.x + s.w] : s.t === 'circle' ? [s.cx] : [s.x];
      for (const x of xs) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(495);
      }
    }
    const texts = layout.shapes.flatMap((s) => (s.t === 'text' ? [s.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['张三', '赵六', 'F1', 'F2', 'F3', t.timeline.legendDetention]));
    // Day ticks at midnight China time, the first on or after the earliest event (11-14 23:40).
    const ticks = texts.filter((x) => /^\d\d-\d\d$/.test(x));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]! >= '11-14').toBe(true);
  });
});
