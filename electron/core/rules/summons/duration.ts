// SUMMONS_DURATION — a summons (传唤/拘传) lasts at most 12 hours from arrival; 24
// hours only in 特别重大、复杂 cases needing 拘留/逮捕, with approval. Questioning
// past the limit with no other measure taken is holding without a legal basis
// (CPL 119(2); PSR 80, 200).
import type { CaseFacts } from '../facts.js';
import { hourLimitFinding } from '../limits.js';
import type { Occurrence } from '../occurrences.js';
import { ARREST, DETENTION, INTERROGATION, SUMMONS, atOrAfter, attribute, first, occurrences, ofPerson, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { formatCaseTime, formatDuration, hourLimit } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'SUMMONS_DURATION',
  title: { zh: '传唤、拘传持续时间', en: 'Length of a summons' },
  citation: '《刑事诉讼法》第一百一十九条第二款；《公安机关办理刑事案件程序规定》第八十条、第二百条',
  severity: 'violation',
  needs: ['传唤证/拘传证（到案时间、结束时间）', '讯问笔录（起止时间）', '延长传唤的批准'],
  evaluate,
};
export default rule;

const HOUR = 3_600_000;
const EXTENDED = /特别重大|延长传唤|延长拘传|延长至二十四小时|延长至24小时/;

export interface SummonsSpell {
  person: string | null;
  arrival: CaseTime;
  /** The end written for the summons, if any. */
  end: CaseTime | null;
  occurrence: Occurrence;
  /** All occurrences told of this summons (传唤证, 笔录 mention). */
  told: Occurrence[];
}

/**
 * The summonses of a case, one per person and arrival: a 传唤证 and a record that
 * mentions the same summons (arrivals within an hour, or a plain date of that day)
 * are one summons.
 */
export function summonsSpells(facts: CaseFacts): SummonsSpell[] {
  const occs = attribute(facts, occurrences(facts, SUMMONS)).filter((o) => o.time && !isAdministrative(o));
  occs.sort((a, b) => (a.time?.ms ?? 0) - (b.time?.ms ?? 0));
  const spells: SummonsSpell[] = [];
  for (const o of occs) {
    const arrival = o.time;
    if (!arrival) continue;
    // A plain date joins a summons of that day; two times join when within an hour.
    const same = spells.find(
      (s) =>
        s.person === o.person &&
        (s.arrival.hasTime && arrival.hasTime ? Math.abs(s.arrival.ms - arrival.ms) <= HOUR : s.arrival.date === arrival.date),
    );
    if (same) {
      same.told.push(o);
      if (o.end && (!same.end || (o.end.hasTime && !same.end.hasTime))) same.end = o.end;
      if (o.doc?.type === 'SUMMONS' && same.occurrence.doc?.type !== 'SUMMONS') same.occurrence = o;
      if (arrival.hasTime && !same.arrival.hasTime) same.arrival = arrival;
      continue;
    }
    spells.push({ person: o.person, arrival, end: o.end, occurrence: o, told: [o] });
  }
  return spells;
}

/** An administrative (治安) summons is not a criminal measure. */
function isAdministrative(o: Occurrence): boolean {
  return /治安管理处罚法|行政案件/.test(o.doc?.text ?? '') && o.doc?.type === 'SUMMONS';
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const interrogations = attribute(facts, occurrences(facts, INTERROGATION));
  const measures = attribute(facts, [...occurrences(facts, DETENTION), ...occurrences(facts, ARREST)]);
  for (const spell of summonsSpells(facts)) {
    const { person, arrival } = spell;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? spell.occurrence.doc?.id, arrival.date];
    const measure = first(atOrAfter(ofPerson(measures, person), arrival));
    const measureAt = measure?.time && (!arrival.hasTime || measure.time.ms > arrival.ms || !measure.time.hasTime) ? measure.time : null;
    // Questioning during the summons: starts after arrival, within a day, before any detention.
    const questioned = atOrAfter(ofPerson(interrogations, person), arrival).filter(
      (q) =>
        q.time &&
        q.time.ms < arrival.ms + hoursOf(LEGAL_LIMITS.summonsExtended) * HOUR &&
        (!measureAt || (q.time.hasTime && measureAt.hasTime ? q.time.ms < measureAt.ms : q.time.date <= measureAt.date)),
    );
    const lastQuestion = questioned.filter((q) => q.end?.hasTime).sort((a, b) => (b.end?.ms ?? 0) - (a.end?.ms ?? 0))[0] ?? null;

    let end: { time: CaseTime; label: { zh: string; en: string }; evidence: Occurrence['evidence'] } | null = null;
    if (spell.end) end = { time: spell.end, label: { zh: '传唤结束', en: 'summons ended' }, evidence: spell.occurrence.evidence };
    if (lastQuestion?.end && (!end || (end.time.hasTime && lastQuestion.end.ms > end.time.ms))) {
      end = { time: lastQuestion.end, label: { zh: '讯问结束', en: 'questioning ended' }, evidence: lastQuestion.evidence };
    }
    if (!end) {
      // Held at most until the detention that followed: within 12 h, nothing is in doubt.
      if (measureAt && hourLimit(arrival, measureAt, hoursOf(LEGAL_LIMITS.summons)).outcome === 'within') continue;
      out.push(
        missingFact(
          rule,
          { zh: '传唤结束时间', en: 'time the summons ended' },
          { zh: `${name.zh}：传唤到案 ${formatCaseTime(arrival)}`, en: `${name.en}: summoned, arrived ${formatCaseTime(arrival)}` },
          [spell.occurrence.evidence],
          key,
        ),
      );
      continue;
    }
    const twelve = hourLimitFinding({
      rule,
      from: { label: { zh: '传唤到案', en: 'summons arrival' }, time: arrival },
      to: { label: end.label, time: end.time },
      hours: hoursOf(LEGAL_LIMITS.summons),
      subject: name,
      evidence: [spell.occurrence.evidence, end.evidence],
      keyParts: key,
    });
    if (!twelve) continue;
    const approved = spell.told.some((o) => o.doc?.fields.extended === true || EXTENDED.test(o.event?.text ?? ''));
    const r24 = hourLimit(arrival, end.time, hoursOf(LEGAL_LIMITS.summonsExtended));
    if (approved && measure && r24.outcome === 'within') {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：传唤到案 ${formatCaseTime(arrival)} → ${end.label.zh} ${formatCaseTime(end.time)} = ${r24.minutes === null ? '超过 12 小时' : formatDuration(r24.minutes, 'zh')}，超过 12 小时；文书载明延长至 24 小时，请核实案情是否特别重大、复杂并经批准`,
            en: `${name.en}: summons arrival ${formatCaseTime(arrival)} → ${end.label.en} ${formatCaseTime(end.time)}, over 12 h; the file claims an extension to 24 h — check the case is especially grave and complex and that it was approved`,
          },
          [spell.occurrence.evidence, end.evidence],
          ['extended', ...key],
        ),
      );
      continue;
    }
    out.push(twelve);
  }
  return out;
}
