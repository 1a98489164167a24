// The timeline's drawing model: lanes (one per person, suspects first), custody bands,
// interrogation sessions, dated acts, deadlines and finding marks, each on its lane and
// in milliseconds. Pure: what is drawn where is decided here, how it looks in the chart.
import { EVENT_TYPE_LABELS, PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { PersonRole } from '../../../shared/vocab';
import type { CustodyBand, Deadline, TimelineEventView, TimelineView as Timeline } from '../../../shared/api';
import type { Text } from '../findings/i18n';
import type { TimelineKey } from './i18n';
import { DAY, parseInstant } from './time';
import type { Instant } from './time';

export const LABEL_W = 168;
export const AXIS_H = 44;
export const FINDINGS_H = 30;
export const LANE_H = 56;

/** Suspects first (their custody is what the rules count), officers last. */
const ROLE_ORDER: readonly (PersonRole | null)[] = [
  'SUSPECT',
  'VICTIM',
  'WITNESS',
  'REPORTER',
  'FAMILY',
  'GUARDIAN',
  'EXPERT',
  'OTHER',
  null,
  'OFFICER',
];
const SESSION_TYPES = new Set(['INTERROGATION', 'INQUIRY']);

export interface Lane {
  id: string;
  name: string;
  role: string;
  roleId: PersonRole | null;
  top: number;
  suspect: boolean;
}
export interface BandItem {
  lane: string;
  band: CustodyBand;
  from: number;
  to: number | null;
}
export interface SessionItem {
  lane: string;
  event: TimelineEventView;
  from: number;
  to: number;
  asActor: boolean;
}
export interface PointItem {
  lane: string;
  event: TimelineEventView;
  at: Instant;
}
export interface DeadlineGroup {
  lane: string;
  due: number;
  deadlines: Deadline[];
}
export interface FindingMark {
  at: number;
  findings: Timeline['findings'];
}

export type TimelineModel = ReturnType<typeof buildModel>;

export function eventLabel(e: TimelineEventView, lang: 'zh' | 'en'): string {
  return EVENT_TYPE_LABELS[e.type]?.[lang] ?? e.type;
}

export function buildModel(data: Timeline, text: Text<TimelineKey>, lang: 'zh' | 'en') {
  const bands: BandItem[] = [];
  const sessions: SessionItem[] = [];
  const points: PointItem[] = [];
  const deadlineGroups = new Map<string, DeadlineGroup>();
  const used = new Set<string>();
  const times: number[] = [];
  const CASE = '__case';

  for (const b of data.custody) {
    const from = parseInstant(b.from);
    if (!from) continue;
    const to = parseInstant(b.to);
    // A date-only end means "some time that day": the band covers the whole day.
    const toMs = to ? (to.dateOnly ? to.ms + DAY : to.ms) : null;
    bands.push({ lane: b.person, band: b, from: from.ms, to: toMs });
    used.add(b.person);
    times.push(from.ms);
    if (toMs !== null) times.push(toMs);
  }
  for (const e of data.events) {
    const start = parseInstant(e.start);
    if (!start) continue;
    const end = parseInstant(e.end);
    times.push(start.ms);
    const lanes = e.subjects.length ? e.subjects : [CASE];
    const timed = end && !start.dateOnly && !end.dateOnly && end.ms > start.ms;
    if (timed && SESSION_TYPES.has(e.type)) {
      times.push(end.ms);
      for (const l of lanes) {
        sessions.push({ lane: l, event: e, from: start.ms, to: end.ms, asActor: false });
        used.add(l);
      }
      for (const a of e.actors) {
        if (!lanes.includes(a)) {
          sessions.push({ lane: a, event: e, from: start.ms, to: end.ms, asActor: true });
          used.add(a);
        }
      }
    } else if (timed) {
      times.push(end.ms);
      for (const l of lanes) {
        sessions.push({ lane: l, event: e, from: start.ms, to: end.ms, asActor: false });
        used.add(l);
      }
    } else {
      // A summons with date-only times is already drawn as its custody band.
      if (e.type === 'SUMMONS' && start.dateOnly && bands.some((b) => b.band.kind === 'summons' && e.subjects.includes(b.lane))) continue;
      for (const l of lanes) {
        points.push({ lane: l, event: e, at: start });
        used.add(l);
      }
    }
  }
  for (const d of data.deadlines) {
    const due = parseInstant(d.due);
    if (!due) continue;
    const lane = d.person ?? CASE;
    const key = `${lane}|${due.ms}`;
    const g = deadlineGroups.get(key) ?? { lane, due: due.ms, deadlines: [] };
    g.deadlines.push(d);
    deadlineGroups.set(key, g);
    used.add(lane);
    times.push(due.ms);
  }
  const findingMarks = new Map<number, FindingMark>();
  for (const f of data.findings) {
    const at = parseInstant(f.at);
    if (!at) continue;
    const ms = at.dateOnly ? at.ms + DAY / 2 : at.ms;
    const m = findingMarks.get(ms) ?? { at: ms, findings: [] };
    m.findings.push(f);
    findingMarks.set(ms, m);
  }

  const rank = (r: PersonRole | null) => {
    const i = ROLE_ORDER.indexOf(r);
    return i < 0 ? ROLE_ORDER.length : i;
  };
  const persons = data.persons
    .filter((p) => used.has(p.id))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.role) - rank(b.p.role) || a.i - b.i)
    .map(({ p }) => p);
  const lanes: Lane[] = [];
  let top = AXIS_H + FINDINGS_H;
  if (used.has(CASE)) {
    lanes.push({ id: CASE, name: text('timeline.caseLane'), role: '', roleId: null, top, suspect: false });
    top += LANE_H;
  }
  for (const p of persons) {
    lanes.push({
      id: p.id,
      name: p.name,
      role: p.role ? PERSON_ROLE_LABELS[p.role][lang] : text('timeline.noRole'),
      roleId: p.role,
      top,
      suspect: p.role === 'SUSPECT',
    });
    top += LANE_H;
  }
  bands.sort((a, b) => a.from - b.from);
  const min = times.length ? Math.min(...times) : Date.now();
  const max = times.length ? Math.max(...times) : min + DAY;
  // Most of a file happens in its first days; a late transfer or a two-month deadline
  // would squeeze them into a few pixels, so the first view leaves the last tenth out.
  const eventTimes = data.events
    .map((e) => parseInstant(e.start)?.ms)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const focus = eventTimes.length
    ? { min: eventTimes[0]!, max: Math.max(eventTimes[Math.floor((eventTimes.length - 1) * 0.9)]! + DAY, eventTimes[0]! + DAY) }
    : { min, max };
  return {
    bands,
    sessions,
    points,
    deadlines: [...deadlineGroups.values()],
    findingMarks: [...findingMarks.values()],
    lanes,
    height: top + 6,
    domain: { min, max },
    focus,
    hiddenPersons: data.persons.length - persons.length,
  };
}
