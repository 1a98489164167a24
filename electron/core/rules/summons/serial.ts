// SUMMONS_SERIAL — summonses may not be chained into a disguised detention: less
// than 12 hours between two summonses of one person, or holding chained from
// 盘问/抓获 into a summons for more than 24 hours in all: W (CPL 119(3); PSR 80,
// 200; the 12-hour rest is SPP 83, 185, a benchmark for the police).
import type { CaseFacts } from '../facts.js';
import { attribute, occurrences, ofPerson, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding } from '../rule.js';
import { formatCaseTime, formatDuration, minutesBetween } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import type { SummonsSpell } from './duration.js';
import { summonsSpells } from './duration.js';

const rule: Rule = {
  id: 'SUMMONS_SERIAL',
  title: { zh: '连续传唤、变相拘禁', en: 'Chained summonses' },
  citation:
    '《刑事诉讼法》第一百一十九条第三款；《公安机关办理刑事案件程序规定》第八十条、第二百条；《人民检察院刑事诉讼规则》第八十三条、第一百八十五条',
  severity: 'warning',
  needs: ['每次传唤/拘传、盘问的起止时间'],
  evaluate,
};
export default rule;

const REST_MIN = hoursOf(LEGAL_LIMITS.summonsRest) * 60;
const CHAIN_MIN = hoursOf(LEGAL_LIMITS.summonsChain) * 60;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const spells = summonsSpells(facts);
  const byPerson = new Map<string | null, SummonsSpell[]>();
  for (const s of spells) byPerson.set(s.person, [...(byPerson.get(s.person) ?? []), s]);
  for (const [person, list] of byPerson) {
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    list.sort((a, b) => a.arrival.ms - b.arrival.ms);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const next = list[i];
      if (!prev?.end || !next) continue;
      const gap = minutesBetween(prev.end, next.arrival);
      if (gap === null || gap >= REST_MIN || gap < 0) continue;
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：前次传唤结束 ${formatCaseTime(prev.end)} → 再次传唤到案 ${formatCaseTime(next.arrival)}，间隔 ${formatDuration(gap, 'zh')} < 12 小时，可能构成连续传唤`,
            en: `${name.en}: summons ended ${formatCaseTime(prev.end)} → summoned again ${formatCaseTime(next.arrival)}, ${formatDuration(gap, 'en')} apart < 12 h: possibly chained summonses`,
          },
          [prev.occurrence.evidence, next.occurrence.evidence],
          ['gap', person, next.arrival.date],
        ),
      );
    }
  }
  // Holding before the summons (盘问, 抓获) counts toward one continuous deprivation of liberty.
  const held = attribute(facts, occurrences(facts, { events: ['APPREHENDED'], documents: [], fields: [] }));
  for (const spell of spells) {
    if (!spell.end) continue;
    const before = ofPerson(held, spell.person)
      .filter(
        (h) =>
          h.time?.hasTime && spell.arrival.hasTime && h.time.ms < spell.arrival.ms && spell.arrival.ms - h.time.ms < CHAIN_MIN * 60_000,
      )
      .sort((a, b) => (a.time?.ms ?? 0) - (b.time?.ms ?? 0))[0];
    if (!before?.time) continue;
    const total = minutesBetween(before.time, spell.end);
    if (total === null || total <= CHAIN_MIN) continue;
    const name = { zh: who(facts, spell.person, 'zh'), en: who(facts, spell.person, 'en') };
    out.push(
      finding(
        rule,
        'warning',
        {
          zh: `${name.zh}：到案/盘问 ${formatCaseTime(before.time)} → 传唤结束 ${formatCaseTime(spell.end)}，连续留置 ${formatDuration(total, 'zh')} > 24 小时，可能构成变相拘禁`,
          en: `${name.en}: held from ${formatCaseTime(before.time)} to the end of the summons ${formatCaseTime(spell.end)}, ${formatDuration(total, 'en')} in all > 24 h: possibly disguised detention`,
        },
        [before.evidence, spell.occurrence.evidence],
        ['chain', spell.person, spell.arrival.date],
      ),
    );
  }
  return out;
}
