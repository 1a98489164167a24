// The timeline figure: one lane per person, events as numbered marks, custody
// periods as bands, findings as dashed lines. Laid out once into plain shapes so
// the PDF (vector, pdfkit) and the DOCX (PNG from SVG) draw the same picture.
import type { ReviewEvent, ReviewJson } from '../../../shared/review.js';
import type { EventType, Severity } from '../../../shared/vocab.js';
import type { ReportText } from './labels.js';
import { caseIso, chinaClock, chinaDayStart, formatCaseTime, parseCaseTime } from '../../../shared/case-time.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Milliseconds since the epoch; a plain date counts as its midnight in China (+08:00). */
export function instant(value: string | null | undefined): number | null {
  return parseCaseTime(value)?.ms ?? null;
}

/** The time as the document states it, in China time: "2022-11-16 14:30" or "2022-11-16". */
export function displayTime(value: string | null | undefined): string {
  if (!value) return '';
  const t = parseCaseTime(value);
  return t ? formatCaseTime(t) : value;
}

export type MarkKind = 'record' | 'custody' | 'other';
export type BandKind = 'detention' | 'arrest' | 'nonCustodial';

export interface TimelineFigure {
  lanes: { id: string; label: string }[];
  marks: { n: number; lane: number; start: number; end: number | null; kind: MarkKind }[];
  bands: { lane: number; start: number; end: number; open: boolean; kind: BandKind }[];
  findings: { n: number; at: number; severity: Severity }[];
}

const RECORD_EVENTS = new Set<EventType>(['INTERROGATION', 'INQUIRY']);
const CUSTODY_EVENTS = new Set<EventType>([
  'APPREHENDED',
  'DETENTION',
  'CUSTODY_TRANSFER',
  'DETENTION_EXTENDED',
  'ARREST',
  'ARREST_APPROVED',
  'ARREST_REQUESTED',
  'BAIL',
  'RESIDENTIAL_SURVEILLANCE',
  'FAMILY_NOTIFIED',
]);
// Detention ends when custody changes form: arrest continues custody, bail and
// surveillance end it; transfer for prosecution closes the police's part.
const BAND_ENDS: Record<BandKind, Set<EventType>> = {
  detention: new Set(['ARREST', 'BAIL', 'RESIDENTIAL_SURVEILLANCE', 'TRANSFERRED_FOR_PROSECUTION']),
  arrest: new Set(['BAIL', 'RESIDENTIAL_SURVEILLANCE', 'TRANSFERRED_FOR_PROSECUTION']),
  nonCustodial: new Set(['DETENTION', 'ARREST']),
};
const BAND_STARTS: Partial<Record<EventType, BandKind>> = {
  DETENTION: 'detention',
  ARREST: 'arrest',
  BAIL: 'nonCustodial',
  RESIDENTIAL_SURVEILLANCE: 'nonCustodial',
};
const MAX_LANES = 8;

/** Events in time order (undated last), numbered from 1: the table and the figure share the numbers. */
export function orderEvents(events: ReviewEvent[]): { n: number; event: ReviewEvent; at: number | null }[] {
  return events
    .map((event, i) => ({ event, i, at: instant(event.start) }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.i - b.i)
    .map((x, k) => ({ n: k + 1, event: x.event, at: x.at }));
}

/** When a finding happened: the event its evidence quotes, else the quoted document's date. */
export function findingInstant(review: ReviewJson, finding: ReviewJson['findings'][number]): number | null {
  for (const ev of finding.evidence) {
    const e = review.events.find((x) => x.document === ev.document && x.page === ev.page && instant(x.start) !== null);
    if (e) return instant(e.start);
  }
  for (const ev of finding.evidence) {
    const d = review.documents.find((x) => x.id === ev.document);
    const t = instant(d?.date);
    if (t !== null) return t;
  }
  return null;
}

export function buildTimelineFigure(review: ReviewJson, text: ReportText): TimelineFigure {
  const ordered = orderEvents(review.events).filter((x) => x.at !== null) as { n: number; event: ReviewEvent; at: number }[];
  const persons = new Map(review.entities.filter((e) => e.type === 'PERSON').map((e) => [e.id, e.value]));
  const laneIds: string[] = [];
  for (const { event } of ordered) {
    for (const s of event.subjects) if (persons.has(s) && !laneIds.includes(s) && laneIds.length < MAX_LANES) laneIds.push(s);
  }
  const lanes = laneIds.map((id) => ({ id, label: persons.get(id) ?? id }));
  const caseLaneNeeded = ordered.some(({ event }) => !event.subjects.some((s) => laneIds.includes(s)));
  if (caseLaneNeeded || lanes.length === 0) lanes.push({ id: '', label: text.timeline.caseLane });
  const caseLane = lanes.length - 1;
  const laneOf = (s: string) => laneIds.indexOf(s);

  const marks: TimelineFigure['marks'] = [];
  for (const { n, event, at } of ordered) {
    const kind: MarkKind = RECORD_EVENTS.has(event.type) ? 'record' : CUSTODY_EVENTS.has(event.type) ? 'custody' : 'other';
    const end = instant(event.end);
    const onLanes = event.subjects.map(laneOf).filter((l) => l >= 0);
    for (const lane of onLanes.length > 0 ? onLanes : [caseLane])
      marks.push({ n, lane, start: at, end: end !== null && end > at ? end : null, kind });
  }

  const last = ordered.length > 0 ? Math.max(...ordered.map((o) => instant(o.event.end) ?? o.at)) : 0;
  const bands: TimelineFigure['bands'] = [];
  laneIds.forEach((id, lane) => {
    let open = null as { kind: BandKind; start: number } | null;
    for (const { event, at } of ordered.filter((o) => o.event.subjects.includes(id))) {
      if (open !== null && BAND_ENDS[open.kind].has(event.type)) {
        bands.push({ lane, start: open.start, end: at, open: false, kind: open.kind });
        open = null;
      }
      const kind: BandKind | undefined = BAND_STARTS[event.type];
      if (open === null && kind) {
        const end = instant(event.end);
        if (end !== null && end > at) bands.push({ lane, start: at, end, open: false, kind });
        else open = { kind, start: at };
      }
    }
    // Custody with no recorded end runs to the last thing the file records.
    if (open !== null) bands.push({ lane, start: open.start, end: Math.max(last, open.start), open: true, kind: open.kind });
  });

  const findings: TimelineFigure['findings'] = [];
  sortFindings(review.findings).forEach((f, i) => {
    const at = findingInstant(review, f);
    if (at !== null) findings.push({ n: i + 1, at, severity: f.severity });
  });
  return { lanes, marks, bands, findings };
}

/** Violations first, then warnings; otherwise as the rules reported them. */
export function sortFindings<T extends { severity: Severity }>(findings: T[]): T[] {
  const rank = (s: Severity) => (s === 'violation' ? 0 : 1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

// ---- layout into shapes ------------------------------------------------------

export type Shape =
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number; dash?: number }
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string; opacity?: number }
  | { t: 'circle'; cx: number; cy: number; r: number; fill: string }
  /** y is the top of the text box; anchor says which end of the text x names. */
  | { t: 'text'; x: number; y: number; text: string; size: number; color: string; anchor: 'start' | 'middle' | 'end'; bold?: boolean };

export interface FigureLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

export const FIGURE_COLORS = {
  detention: '#f4b183',
  arrest: '#e06666',
  nonCustodial: '#a9d18e',
  record: '#2f5597',
  custody: '#c00000',
  other: '#7f7f7f',
  violation: '#c00000',
  warning: '#bf8f00',
  axis: '#404040',
  grid: '#d9d9d9',
  text: '#262626',
} as const;

const TICK_STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];

/**
 * Lays the figure out in a box `width` wide (points). Text is short on purpose:
 * lane names, event numbers, dates and the legend, so a PNG rendered without the
 * report's font still reads.
 */
export function layoutTimeline(fig: TimelineFigure, width: number, text: ReportText): FigureLayout {
  const shapes: Shape[] = [];
  const gutter = 64;
  const top = 16;
  const laneH = 28;
  const plotX = gutter;
  const plotW = width - gutter - 10;
  const plotBottom = top + laneH * fig.lanes.length;
  const times = [
    ...fig.marks.flatMap((m) => [m.start, m.end ?? m.start]),
    ...fig.bands.flatMap((b) => [b.start, b.end]),
    ...fig.findings.map((f) => f.at),
  ];
  let from = times.length > 0 ? Math.min(...times) : 0;
  let to = times.length > 0 ? Math.max(...times) : DAY;
  if (to - from < 6 * HOUR) {
    from -= 3 * HOUR;
    to += 3 * HOUR;
  }
  const pad = (to - from) * 0.03;
  from -= pad;
  to += pad;
  const x = (t: number) => plotX + ((t - from) / (to - from)) * plotW;

  // Lanes.
  fig.lanes.forEach((lane, i) => {
    const y = top + i * laneH;
    if (i % 2 === 0) shapes.push({ t: 'rect', x: plotX, y, w: plotW, h: laneH, fill: '#f5f5f5' });
    shapes.push({
      t: 'text',
      x: plotX - 6,
      y: y + laneH / 2 - 4.5,
      text: clip(lane.label, 8),
      size: 8,
      color: FIGURE_COLORS.text,
      anchor: 'end',
    });
  });

  // Axis and ticks, at midnight China time when the step is a day or more.
  const step = TICK_STEPS.find((s) => (to - from) / s <= plotW / 62) ?? 365 * DAY;
  const firstTick = step >= DAY ? (chinaDayStart(from) === from ? from : chinaDayStart(from) + DAY) : Math.ceil(from / step) * step;
  const spansYears = chinaClock(from).year !== chinaClock(to).year;
  for (let t = firstTick; t <= to; t += step) {
    const tx = x(t);
    shapes.push({ t: 'line', x1: tx, y1: top, x2: tx, y2: plotBottom, color: FIGURE_COLORS.grid, width: 0.5 });
    shapes.push({ t: 'line', x1: tx, y1: plotBottom, x2: tx, y2: plotBottom + 3, color: FIGURE_COLORS.axis, width: 0.7 });
    const iso = caseIso(t);
    const label =
      step < DAY ? `${iso.slice(5, 10)} ${iso.slice(11, 13)}h` : spansYears || step >= 30 * DAY ? iso.slice(0, 10) : iso.slice(5, 10);
    shapes.push({ t: 'text', x: tx, y: plotBottom + 5, text: label, size: 6.5, color: FIGURE_COLORS.text, anchor: 'middle' });
  }
  shapes.push({ t: 'line', x1: plotX, y1: plotBottom, x2: plotX + plotW, y2: plotBottom, color: FIGURE_COLORS.axis, width: 0.8 });

  // Custody bands under the marks.
  for (const b of fig.bands) {
    const y = top + b.lane * laneH + laneH / 2 - 6;
    const bx = x(b.start);
    shapes.push({ t: 'rect', x: bx, y, w: Math.max(1.5, x(b.end) - bx), h: 12, fill: FIGURE_COLORS[b.kind], opacity: b.open ? 0.45 : 0.8 });
  }

  // Event marks, numbered; numbers alternate above/below where they would collide.
  const lastLabelEnd = new Map<string, number>();
  for (const m of [...fig.marks].sort((a, b) => a.start - b.start)) {
    const cy = top + m.lane * laneH + laneH / 2;
    const color = FIGURE_COLORS[m.kind];
    if (m.end !== null && x(m.end) - x(m.start) > 3) {
      shapes.push({ t: 'rect', x: x(m.start), y: cy - 2.5, w: x(m.end) - x(m.start), h: 5, fill: color });
    } else {
      shapes.push({ t: 'circle', cx: x(m.start), cy, r: 2.6, fill: color });
    }
    const label = String(m.n);
    const w = label.length * 4 + 2;
    const mx = x(m.start);
    const above = `${m.lane}:above`;
    const below = `${m.lane}:below`;
    const row =
      (lastLabelEnd.get(above) ?? -Infinity) <= mx - w / 2 ? above : (lastLabelEnd.get(below) ?? -Infinity) <= mx - w / 2 ? below : above;
    lastLabelEnd.set(row, mx + w / 2);
    shapes.push({ t: 'text', x: mx, y: row === above ? cy - 12.5 : cy + 4.5, text: label, size: 7, color, anchor: 'middle' });
  }

  // Findings: a dashed line across all lanes, named F1, F2… as in the findings section.
  let lastF = -Infinity;
  for (const f of [...fig.findings].sort((a, b) => a.at - b.at)) {
    const fx = x(f.at);
    const color = FIGURE_COLORS[f.severity];
    shapes.push({ t: 'line', x1: fx, y1: top - 2, x2: fx, y2: plotBottom, color, width: 0.9, dash: 2.5 });
    const lx = fx - lastF < 14 ? lastF + 14 : fx;
    lastF = lx;
    shapes.push({ t: 'text', x: lx, y: 2, text: `F${f.n}`, size: 7, color, anchor: 'middle', bold: true });
  }

  // Legend.
  const ly = plotBottom + 20;
  const legend: { label: string; color: string; band: boolean }[] = [
    { label: text.timeline.legendDetention, color: FIGURE_COLORS.detention, band: true },
    { label: text.timeline.legendArrest, color: FIGURE_COLORS.arrest, band: true },
    { label: text.timeline.legendNonCustodial, color: FIGURE_COLORS.nonCustodial, band: true },
    { label: text.timeline.legendRecord, color: FIGURE_COLORS.record, band: false },
    { label: text.timeline.legendOther, color: FIGURE_COLORS.other, band: false },
    { label: text.timeline.legendFinding, color: FIGURE_COLORS.violation, band: false },
  ];
  let lx = plotX;
  for (const item of legend) {
    if (item.band) shapes.push({ t: 'rect', x: lx, y: ly + 1, w: 12, h: 7, fill: item.color, opacity: 0.8 });
    else if (item.label === text.timeline.legendFinding)
      shapes.push({ t: 'line', x1: lx + 6, y1: ly, x2: lx + 6, y2: ly + 9, color: item.color, width: 0.9, dash: 2.5 });
    else shapes.push({ t: 'circle', cx: lx + 6, cy: ly + 4.5, r: 2.6, fill: item.color });
    shapes.push({ t: 'text', x: lx + 15, y: ly, text: item.label, size: 7, color: FIGURE_COLORS.text, anchor: 'start' });
    lx += 15 + estimateWidth(item.label, 7) + 12;
  }
  return { width, height: ly + 14, shapes };
}

/** Width of a label without a font at hand: CJK is square, Latin about half. */
export function estimateWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? size : size * 0.55;
  return w;
}

function clip(s: string, maxChars: number): string {
  const chars = [...s];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : s;
}
