// The legal deadlines the rules check and the timeline draws: one table, so a flag on the chart and
// a finding of a rule count the same limit from the same act the same way (CPL 105, SPC 202).
import type { CaseTime } from './case-time.js';
import { caseIso, dayDeadline, dayLimit, hourLimit, monthDeadline, monthLimit } from './case-time.js';
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

/** The limit in days (for a rule checking a day limit). */
export function daysOf(d: { limit: Limit }): number {
  if (!('days' in d.limit)) throw new Error(`${JSON.stringify(d.limit)} is not a day limit`);
  return d.limit.days;
}

/** The limit in months (for a rule checking a month limit). */
export function monthsOf(d: { limit: Limit }): number {
  if (!('months' in d.limit)) throw new Error(`${JSON.stringify(d.limit)} is not a month limit`);
  return d.limit.months;
}

/** The limit in hours (for a rule checking an hour limit). */
export function hoursOf(d: { limit: Limit }): number {
  if (!('hours' in d.limit)) throw new Error(`${JSON.stringify(d.limit)} is not an hour limit`);
  return d.limit.hours;
}

/** The last moment the act is in time, as ISO +08:00: an hour limit to the minute, a day or month limit at the end of its last day. */
export function dueOf(d: LegalDeadline, from: CaseTime): string {
  if ('hours' in d.limit) {
    return caseIso(from.ms + d.limit.hours * 3_600_000);
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

/**
 * The other limits the rules count — how long a measure, a summons or a freeze may last, and the rest
 * between summonses — kept beside the deadlines above so that no rule carries a number of its own.
 * The chart draws these as the bands of the measures themselves, not as flags.
 */
export const LEGAL_LIMITS = {
  /** CPL 119(2): a summons or compelled appearance lasts at most 12 h… */
  summons: { rule: 'SUMMONS_DURATION', limit: { hours: 12 } },
  /** …24 h where the case is grave and complex and a detention or arrest is needed (approved). */
  summonsExtended: { rule: 'SUMMONS_DURATION', limit: { hours: 24 } },
  /** CPL 119(3), PSR 80, 200: no chain of summonses; a rest between two of at least 12 h (SPP 83, 185)… */
  summonsRest: { rule: 'SUMMONS_SERIAL', limit: { hours: 12 } },
  /** …and never held across more than the longest single summons (24 h) by chaining them. */
  summonsChain: { rule: 'SUMMONS_SERIAL', limit: { hours: 24 } },
  /** CPL 75: the family of a person under surveillance at a designated residence is told within 24 h. */
  designatedResidenceNotice: { rule: 'RSL_DESIGNATED_RESIDENCE', limit: { hours: 24 } },
  /** CPL 79: bail at most 12 months. */
  bail: { rule: 'BAIL_MAX_12M', limit: { months: 12 } },
  /** CPL 79: residential surveillance at most 6 months. */
  residentialSurveillance: { rule: 'RSL_MAX_6M', limit: { months: 6 } },
  /** CPL 156, 158, 159: 2 months, +1, +2, +2 — at most 7 months of investigation custody. */
  custodyMaximum: { rule: 'CUSTODY_PERIOD', limit: { months: 7 } },
  /** CPL 151: technical investigation valid 3 months per approval. */
  technicalInvestigation: { rule: 'TECH_AND_FREEZE_PERIODS', limit: { months: 3 } },
  /** PSR 263–269: deposits and remittances frozen at most 6 months, a year in major cases with city-level approval. */
  freezeDeposits: { rule: 'TECH_AND_FREEZE_PERIODS', limit: { months: 6 } },
  freezeDepositsMajor: { rule: 'TECH_AND_FREEZE_PERIODS', limit: { months: 12 } },
  /** PSR 263–269: securities 2 years. */
  freezeSecurities: { rule: 'TECH_AND_FREEZE_PERIODS', limit: { months: 24 } },
  /** PSR 263–269: equity, insurance and investment rights 6 months. */
  freezeEquity: { rule: 'TECH_AND_FREEZE_PERIODS', limit: { months: 6 } },
  /** CPL 93, PSR 143: an arrested person not yet held is in the jail within 24 h. */
  arrestCustody: { rule: 'ARREST_EXECUTION', limit: { hours: 24 } },
  /** PSR 47: legal aid asked for within 3 days of finding that the suspect needs it. */
  legalAidNotice: { rule: 'MANDATORY_LEGAL_AID', limit: { days: 3 } },
  /** CPL 97: a request to change a measure is answered within 3 days. */
  measureChangeAnswer: { rule: 'MEASURE_EXPIRY', limit: { days: 3 } },
  /** CPL 175(3): a supplementary investigation is finished within one month. */
  supplementaryInvestigation: { rule: 'CLOSING_SUPPLEMENTARY', limit: { months: 1 } },
  /** PSR 367: a measure on a foreign national is reported to the provincial police within 48 h. */
  foreignNationalReport: { rule: 'SPECIAL_STATUS_PERSONS', limit: { hours: 48 } },
  /** CPL 39: a lawyer meets a held client within 48 h of asking… */
  counselMeeting: { rule: 'COUNSEL_MEETING_48H', limit: { hours: 48 } },
  /** …in state-security and terrorism cases the investigators decide in writing within 3 days (PSR 52). */
  counselMeetingDecision: { rule: 'COUNSEL_MEETING_48H', limit: { days: 3 } },
} as const satisfies Record<string, { rule: string; limit: Limit }>;
