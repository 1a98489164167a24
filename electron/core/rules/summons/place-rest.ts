// SUMMONS_PLACE_REST — a summons takes the suspect to a 执法办案场所 in their city
// or county, or questions them at home; meals and rest are provided and recorded;
// questioning through the night is flagged (CPL 119; PSR 78, 198, 201).
import type { CaseFacts } from '../facts.js';
import { ARREST, DETENTION, INTERROGATION, atOrAfter, attribute, first, occurrences, ofPerson, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding } from '../rule.js';
import { chinaClock, formatCaseTime, formatDuration, minutesBetween } from '../../../../shared/case-time.js';
import { summonsSpells } from './duration.js';

const rule: Rule = {
  id: 'SUMMONS_PLACE_REST',
  title: { zh: '传唤的地点与饮食休息', en: 'Summons place, meals and rest' },
  citation: '《刑事诉讼法》第一百一十九条；《公安机关办理刑事案件程序规定》第七十八条、第一百九十八条、第二百零一条',
  severity: 'warning',
  needs: ['讯问笔录（地点、起止时间、饮食休息的记载）'],
  evaluate,
};
export default rule;

const PROPER_PLACE = /派出所|公安|办案|执法|讯问室|询问室|住处|住所|家中|家里|住宅|刑侦|刑警|大队|中队|支队|分局|警务|看守所/;
const CARE = /饮食|用餐|吃饭|就餐|进餐|休息|饮水|喝水/;
const CARE_AFTER_MIN = 6 * 60;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const records = attribute(facts, occurrences(facts, INTERROGATION));
  const measures = attribute(facts, [...occurrences(facts, DETENTION), ...occurrences(facts, ARREST)]);
  for (const spell of summonsSpells(facts)) {
    const name = { zh: who(facts, spell.person, 'zh'), en: who(facts, spell.person, 'en') };
    const key = [spell.person ?? spell.occurrence.doc?.id, spell.arrival.date];
    const measure = first(atOrAfter(ofPerson(measures, spell.person), spell.arrival));
    const during = atOrAfter(ofPerson(records, spell.person), spell.arrival).filter(
      (r) => r.time?.hasTime && r.time.ms < spell.arrival.ms + 24 * 3_600_000 && (!measure?.time?.hasTime || r.time.ms < measure.time.ms),
    );
    const places = [
      spell.occurrence.event?.place,
      typeof spell.occurrence.doc?.fields.place === 'string' ? spell.occurrence.doc.fields.place : null,
      ...during.map((r) => r.event?.place ?? (typeof r.doc?.fields.place === 'string' ? r.doc.fields.place : null)),
    ];
    const improper = places.find((p): p is string => typeof p === 'string' && p.trim() !== '' && !PROPER_PLACE.test(p));
    if (improper) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：传唤期间讯问地点为“${improper}”，不是执法办案场所或其住处，请核实`,
            en: `${name.en}: questioned during the summons at "${improper}", neither an investigation facility nor the suspect's home; check`,
          },
          [spell.occurrence.evidence, ...during.map((r) => r.evidence)],
          ['place', ...key],
        ),
      );
    }
    const lastEnd =
      [spell.end, ...during.map((r) => r.end)].filter((t) => t?.hasTime).sort((a, b) => (b?.ms ?? 0) - (a?.ms ?? 0))[0] ?? null;
    const length = lastEnd ? minutesBetween(spell.arrival, lastEnd) : null;
    const recorded = during.some((r) => CARE.test(r.doc?.text ?? '')) || CARE.test(spell.occurrence.doc?.text ?? '');
    if (length !== null && length > CARE_AFTER_MIN && !recorded && lastEnd) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：传唤到案 ${formatCaseTime(spell.arrival)} 至 ${formatCaseTime(lastEnd)}（${formatDuration(length, 'zh')}），笔录未记载饮食和必要的休息时间`,
            en: `${name.en}: held from ${formatCaseTime(spell.arrival)} to ${formatCaseTime(lastEnd)} (${formatDuration(length, 'en')}); the records do not show meals or rest`,
          },
          [spell.occurrence.evidence, ...during.map((r) => r.evidence)],
          ['care', ...key],
        ),
      );
    }
    // A session that crosses midnight or starts before 6 a.m. runs through the night.
    const overnight = during.find((r) => r.time && r.end?.hasTime && (r.time.date !== r.end.date || chinaClock(r.time.ms).hour < 6));
    if (overnight?.time && overnight.end) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：传唤期间讯问 ${formatCaseTime(overnight.time)} 至 ${formatCaseTime(overnight.end)}，跨越夜间，请核实是否保证了必要的休息时间`,
            en: `${name.en}: questioned during the summons from ${formatCaseTime(overnight.time)} to ${formatCaseTime(overnight.end)}, through the night; check rest was given`,
          },
          [overnight.evidence],
          ['night', ...key],
        ),
      );
    }
  }
  return out;
}
