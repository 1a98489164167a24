// Findings for time limits, worded the same way by every rule: the two times, the
// elapsed time and the limit ("拘留 2024-03-05 12:20 → 通知家属 2024-03-06 15:40 =
// 27 小时 20 分 > 24 小时").
import type { DocumentType } from '../../../shared/vocab.js';
import type { CaseFacts } from './facts.js';
import type { Occurrence, OccurrenceSpec } from './occurrences.js';
import { atOrAfter, attribute, first, occurrences, ofPerson, perPerson, principal, who } from './occurrences.js';
import type { Evidence, Message, Rule, RuleFinding } from './rule.js';
import { finding, missingFact } from './rule.js';
import type { CaseTime } from '../../../shared/case-time.js';
import { formatCaseTime, formatElapsed, hourLimit } from '../../../shared/case-time.js';

export interface HourLimitCheck {
  rule: Pick<Rule, 'id' | 'citation'>;
  /** e.g. { zh: '拘留', en: 'detention' } */
  from: { label: Message; time: CaseTime };
  to: { label: Message; time: CaseTime };
  hours: number;
  /** Who it concerns, put before the figures ("张三："). */
  subject?: Message;
  evidence: (Evidence | null | undefined)[];
  keyParts: (string | null | undefined)[];
}

/** null when the limit is kept; W inside the grace hour or when a plain date leaves it open; V beyond. */
export function hourLimitFinding(c: HourLimitCheck): RuleFinding | null {
  const r = hourLimit(c.from.time, c.to.time, c.hours);
  if (r.outcome === 'within') return null;
  const prefix = c.subject ? { zh: `${c.subject.zh}：`, en: `${c.subject.en}: ` } : { zh: '', en: '' };
  const figures = {
    zh: `${c.from.label.zh} ${formatCaseTime(c.from.time)} → ${c.to.label.zh} ${formatCaseTime(c.to.time)} = ${formatElapsed(r, 'zh')}`,
    en: `${c.from.label.en} ${formatCaseTime(c.from.time)} → ${c.to.label.en} ${formatCaseTime(c.to.time)} = ${formatElapsed(r, 'en')}`,
  };
  switch (r.outcome) {
    case 'over':
      return finding(
        c.rule,
        'violation',
        {
          zh: `${prefix.zh}${figures.zh} > ${c.hours} 小时`,
          en: `${prefix.en}${figures.en} > ${c.hours} h`,
        },
        c.evidence,
        c.keyParts,
      );
    case 'grace':
      return finding(
        c.rule,
        'warning',
        {
          zh: `${prefix.zh}${figures.zh}，超过 ${c.hours} 小时但未超出其后一个整小时（期间开始的时不计入，《刑事诉讼法》第一百零五条第二款），请核实`,
          en: `${prefix.en}${figures.en}, past ${c.hours} h but inside the next whole hour (the starting hour is not counted, CPL 105(2)); check`,
        },
        c.evidence,
        c.keyParts,
      );
    default: {
      const certain = r.minMinutes > (c.hours + 1) * 60;
      return finding(
        c.rule,
        'warning',
        certain
          ? {
              zh: `${prefix.zh}${figures.zh}；文书仅载明日期、未载明具体时刻，按日期计算已超过 ${c.hours} 小时，请核实具体时刻`,
              en: `${prefix.en}${figures.en}; the file gives only a date, not a time of day; by the dates alone more than ${c.hours} h passed — check the times`,
            }
          : {
              zh: `${prefix.zh}${figures.zh}；文书仅载明日期、未载明具体时刻，无法确定是否超过 ${c.hours} 小时，请核实`,
              en: `${prefix.en}${figures.en}; the file gives only a date, not a time of day, so whether ${c.hours} h was exceeded cannot be told; check`,
            },
        c.evidence,
        c.keyParts,
      );
    }
  }
}

// ── "Within 24 hours of the measure, the next act": custody, first interrogation ──

export interface FollowUpCheck {
  rule: Pick<Rule, 'id' | 'citation'>;
  measure: { spec: OccurrenceSpec; ownDocuments: DocumentType[]; label: Message };
  /** The acts that may follow; the first at or after the measure counts. */
  followUps: (facts: CaseFacts) => Occurrence[];
  followUpLabel: Message;
  /** What to name when no follow-up is found ("拘留后的讯问笔录"). */
  missing: Message;
  hours: number;
  /** Persons to leave out (e.g. already in the jail before the measure). */
  skip?: (facts: CaseFacts, person: string | null, measure: Occurrence) => boolean;
}

/** For each person the measure was taken against: the first follow-up within the hours, else a finding. */
export function followUpFindings(facts: CaseFacts, c: FollowUpCheck): RuleFinding[] {
  const out: RuleFinding[] = [];
  const followUps = attribute(facts, c.followUps(facts));
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, c.measure.spec)))) {
    const measure = principal(occs, c.measure.ownDocuments);
    if (!measure) continue;
    if (c.skip?.(facts, person, measure)) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? measure.doc?.id ?? measure.event?.id];
    if (!measure.time) {
      out.push(
        missingFact(
          c.rule,
          { zh: `${c.measure.label.zh}执行时间`, en: `time of the ${c.measure.label.en}` },
          { zh: `${name.zh}被${c.measure.label.zh}`, en: `${name.en}: ${c.measure.label.en}` },
          [measure.evidence],
          key,
        ),
      );
      continue;
    }
    const next = first(atOrAfter(ofPerson(followUps, person), measure.time));
    if (!next?.time) {
      out.push(
        missingFact(
          c.rule,
          c.missing,
          {
            zh: `${name.zh}：${c.measure.label.zh} ${formatCaseTime(measure.time)}`,
            en: `${name.en}: ${c.measure.label.en} ${formatCaseTime(measure.time)}`,
          },
          [measure.evidence],
          key,
        ),
      );
      continue;
    }
    const f = hourLimitFinding({
      rule: c.rule,
      from: { label: c.measure.label, time: measure.time },
      to: { label: c.followUpLabel, time: next.time },
      hours: c.hours,
      subject: name,
      evidence: [measure.evidence, next.evidence],
      keyParts: key,
    });
    if (f) out.push(f);
  }
  return out;
}
