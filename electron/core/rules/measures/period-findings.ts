// A non-custodial measure whose recorded end falls past its legal limit: V; on the
// last day itself: W (SPC 202). Spells with no recorded end are MEASURE_EXPIRY's.
import type { CaseFacts } from '../facts.js';
import { who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';
import type { MeasureKind } from './periods.js';
import { measureSpells } from './periods.js';

export function periodFindings(facts: CaseFacts, rule: Pick<Rule, 'id' | 'citation'>, kind: MeasureKind): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const spell of measureSpells(facts, kind)) {
    const end = spell.end;
    if (!end) continue;
    const over = end.time.date > spell.deadline;
    const onLastDay = end.time.date === spell.deadline;
    if (!over && !onLastDay) continue;
    const name = { zh: who(facts, spell.person, 'zh'), en: who(facts, spell.person, 'en') };
    const figures = {
      zh: `${name.zh}：${kind.label.zh} ${formatCaseTime(spell.start)} → ${end.label.zh} ${formatCaseTime(end.time)}，期限 ${kind.months} 个月（至 ${spell.deadline}）`,
      en: `${name.en}: ${kind.label.en} ${formatCaseTime(spell.start)} → ${end.label.en} ${formatCaseTime(end.time)}, limit ${kind.months} months (until ${spell.deadline})`,
    };
    out.push(
      over
        ? finding(
            rule,
            'violation',
            { zh: `${figures.zh}，已超期`, en: `${figures.en}: past the limit` },
            [spell.decision.evidence, end.evidence],
            [spell.person ?? spell.decision.doc?.id, spell.start.date],
          )
        : finding(
            rule,
            'warning',
            { zh: `${figures.zh}，在期限最后一日结束，请核实`, en: `${figures.en}: ended on the last day; check` },
            [spell.decision.evidence, end.evidence],
            [spell.person ?? spell.decision.doc?.id, spell.start.date],
          ),
    );
  }
  return out;
}
