// STATEMENT_RETRACTION — one suspect's successive 讯问笔录 disagree on a key fact: he admits and then
// denies (翻供), or changes the time, place, amount, weapon or accomplices. The finding quotes both
// passages, record and page each, and says what changed (CPL 55; SPC 93(6), 96).
import { personName } from '../facts.js';
import { finding, type Rule, type RuleFinding } from '../rule.js';
import { ABOUT_LABEL, retractions, shown, type Difference } from '../../statements/compare.js';
import type { Statement } from '../../statements/statements.js';
import { byPerson, recordLabel, statementsOf } from './statements.js';

const rule: Rule = {
  id: 'STATEMENT_RETRACTION',
  title: { zh: '供述前后不一（翻供）', en: 'Successive statements disagree (retraction)' },
  citation: '《刑事诉讼法》第五十五条；最高法解释第九十三条第六项、第九十六条',
  severity: 'warning',
  needs: ['同一犯罪嫌疑人各次讯问笔录'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const [, records] of byPerson(statementsOf(facts))) {
      const suspects = records.filter((s) => s.kind === 'interrogation' || s.role === 'SUSPECT');
      if (suspects.length < 2) continue;
      const diffs = retractions(suspects);
      // One finding per pair of records, naming everything that changed between them.
      const pairs = new Map<string, Difference[]>();
      for (const d of diffs) pairs.set(`${d.a_statement}|${d.b_statement}`, [...(pairs.get(`${d.a_statement}|${d.b_statement}`) ?? []), d]);
      for (const list of pairs.values()) {
        const first = list[0]!;
        const a = suspects.find((s) => s.document === first.a_statement) as Statement;
        const b = suspects.find((s) => s.document === first.b_statement) as Statement;
        const name = a.person ? personName(facts, a.person) : (a.personName ?? '');
        const la = recordLabel(a);
        const lb = recordLabel(b);
        const nth = (s: Statement): string => (s.session ? `第${s.session}次` : `${s.start?.slice(0, 10) ?? ''}笔录`);
        const what = list.map((d) => ({
          zh: `${ABOUT_LABEL[d.about].zh}：${nth(a)} ${shown(d.a)} → ${nth(b)} ${shown(d.b)}`,
          en: `${ABOUT_LABEL[d.about].en}: ${shown(d.a)} → ${shown(d.b)}`,
        }));
        const retracted = list.some((d) => d.about === 'ADMISSION');
        out.push(
          finding(
            rule,
            'warning',
            {
              zh: `${name}${retracted ? '翻供' : '前后供述不一'}：${what.map((w) => w.zh).join('；')}。请比对两次笔录并核实原因`,
              en: `${name}: ${retracted ? 'admitted, then denied' : 'the account changed'} between ${la.en} and ${lb.en} — ${what.map((w) => w.en).join('; ')}. Compare the two records and check why`,
            },
            list.flatMap((d) => [
              { document: d.a_statement, page: d.a.page, text: d.a.text },
              { document: d.b_statement, page: d.b.page, text: d.b.text },
            ]),
            [a.document, b.document],
          ),
        );
      }
    }
    return out;
  },
};
export default rule;
