// The legal deadlines the rules check and the timeline draws: one table, so a flag on the chart and
// a finding of a rule count the same limit from the same act the same way (CPL 105, SPC 202).
import type { CaseTime } from './case-time.js';
import { dayDeadline, dayLimit, hourLimit, monthDeadline, monthLimit } from './case-time.js';
import type { EventType } from './vocab.js';

export type Limit = { hours: number } | { days: number } | { months: number };

export interface LegalDeadline {
  id: string;
  /** The rule that checks it (RULES.md id); null for a limit only drawn (the 7- and 30-day variants). */
  rule: string | null;
  /** The act it runs from, and the act that must follow within it (null: drawn, nothing to meet). */
  from: EventType;
  to: EventType | null;
  limit: Limit;
  label: { zh: string; en: string };
}

export const LEGAL_DEADLINES = {
  detentionFamilyNotice: {
    id: 'detention-family-notice',
    rule: 'DETENTION_FAMILY_NOTICE_24H',
    from: 'DETENTION',
    to: 'FAMILY_NOTIFIED',
    limit: { hours: 24 },
    label: { zh: '通知家属 24 小时', en: 'Family notice 24 h' },
  },
  detentionCustody: {
    id: 'detention-custody',
    rule: 'DETENTION_CUSTODY_24H',
    from: 'DETENTION',
    to: 'CUSTODY_TRANSFER',
    limit: { hours: 24 },
    label: { zh: '送看守所 24 小时', en: 'Custody transfer 24 h' },
  },
  detentionInterrogation: {
    id: 'detention-interrogation',
    rule: 'DETENTION_INTERROGATION_24H',
    from: 'DETENTION',
    to: 'INTERROGATION',
    limit: { hours: 24 },
    label: { zh: '首次讯问 24 小时', en: 'First interrogation 24 h' },
  },
  arrestRequest: {
    id: 'arrest-request',
    rule: 'ARREST_REQUEST_DEADLINE',
    from: 'DETENTION',
    to: 'ARREST_REQUESTED',
    limit: { days: 3 },
    label: { zh: '提请批准逮捕 3 日', en: 'Arrest request 3 days' },
  },
  arrestRequestExtended: {
    id: 'arrest-request-7',
    rule: null,
    from: 'DETENTION',
    to: null,
    limit: { days: 7 },
    label: { zh: '提请批准逮捕（延长）7 日', en: 'Arrest request, extended 7 days' },
  },
  arrestRequestGang: {
    id: 'arrest-request-30',
    rule: null,
    from: 'DETENTION',
    to: null,
    limit: { days: 30 },
    label: { zh: '提请批准逮捕（流窜、多次、结伙）30 日', en: 'Arrest request, 30 days' },
  },
  arrestReview: {
    id: 'arrest-review',
    rule: 'ARREST_REVIEW_7D',
    from: 'ARREST_REQUESTED',
    to: 'ARREST_APPROVED',
    limit: { days: 7 },
    label: { zh: '检察院审查批准 7 日', en: 'Prosecutor decision 7 days' },
  },
  arrestFamilyNotice: {
    id: 'arrest-family-notice',
    rule: 'ARREST_FAMILY_NOTICE_24H',
    from: 'ARREST',
    to: 'FAMILY_NOTIFIED',
    limit: { hours: 24 },
    label: { zh: '逮捕通知家属 24 小时', en: 'Arrest notice 24 h' },
  },
  arrestInterrogation: {
    id: 'arrest-interrogation',
    rule: 'ARREST_INTERROGATION_24H',
    from: 'ARREST',
    to: 'INTERROGATION',
    limit: { hours: 24 },
    label: { zh: '逮捕后讯问 24 小时', en: 'Interrogation after arrest 24 h' },
  },
  custodyPeriod: {
    id: 'custody-period',
    rule: 'CUSTODY_PERIOD',
    from: 'ARREST',
    to: null,
    limit: { months: 2 },
    label: { zh: '侦查羁押 2 个月', en: 'Custody 2 months' },
  },
} as const satisfies Record<string, LegalDeadline>;

/** The limit in hours (for a rule checking an hour limit). */
export function hoursOf(d: LegalDeadline): number {
  if (!('hours' in d.limit)) throw new Error(`${d.id} is not an hour limit`);
  return d.limit.hours;
}

/** The last moment the act is in time, as ISO +08:00: an hour limit to the minute, a day or month limit at the end of its last day. */
export function dueOf(d: LegalDeadline, from: CaseTime): string {
  if ('hours' in d.limit) {
    const ms = from.ms + d.limit.hours * 3_600_000;
    const t = new Date(ms + 8 * 3_600_000).toISOString();
    return `${t.slice(0, 16)}:00+08:00`;
  }
  const day = 'days' in d.limit ? dayDeadline(from, d.limit.days) : monthDeadline(from, d.limit.months);
  return `${day}T23:59:00+08:00`;
}

/**
 * Whether the act that followed met the limit, counted as the rule counts it: met, missed, or
 * null when the file cannot tell (a plain date against an hour limit) or nothing followed.
 */
export function deadlineMet(d: LegalDeadline, from: CaseTime, act: CaseTime | null): boolean | null {
  if (!act) return null;
  if ('hours' in d.limit) {
    const r = hourLimit(from, act, d.limit.hours);
    return r.outcome === 'within' ? true : r.outcome === 'uncertain' ? null : false;
  }
  if ('days' in d.limit) return dayLimit(from, act, d.limit.days).outcome === 'within';
  return monthLimit(from, act, d.limit.months).outcome !== 'over';
}
