// STATEMENT_CONTRADICTION — two people's accounts of the same event (a suspect and a co-suspect, a
// suspect and the victim, witnesses) disagree on time, place, amount, participants or the weapon,
// beyond what vague wording allows ("晚上八九点" against "20时30分" is no contradiction). Both
// passages are quoted (SPC 87(8), 93(9), 139; CPL 55).
import { personName } from '../facts.js';
import { finding, type Rule, type RuleFinding } from '../rule.js';
import { ABOUT_LABEL, contradictions, personAccount, shown } from '../../statements/compare.js';
import { byPerson, recordLabel, statementsOf } from './statements.js';

const rule: Rule = {
  id: 'STATEMENT_CONTRADICTION',
  title: { zh: '不同人员陈述相互矛盾', en: "People's accounts contradict each other" },
  citation: '最高法解释第八十七条第八项、第九十三条第九项、第一百三十九条；《刑事诉讼法》第五十五条',
  severity: 'warning',
  needs: ['犯罪嫌疑人供述、被害人陈述、证人证言（讯问、询问笔录）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const people = [...byPerson(statementsOf(facts))].filter(([, recs]) => recs[0]?.person && recs[0].role !== 'OFFICER');
    const accounts = people.map(([id, recs]) => ({
      id,
      name: personName(facts, recs[0]!.person),
      role: recs[0]!.role,
      ...personAccount(recs),
    }));
    // A sum is one loss only where the accounts can mean the same one: co-suspects' take, or the take
    // against the loss of the one victim who speaks. Two victims each tell their own loss.
    const victims = accounts.filter((a) => a.role === 'VICTIM').length;
    const sameSum = (x: (typeof accounts)[number], y: (typeof accounts)[number]): boolean => {
      const suspects = [x, y].filter((a) => a.role === 'SUSPECT').length;
      if (suspects === 2) return true;
      if (suspects === 1) return victims <= 1 || ![x, y].some((a) => a.role === 'VICTIM');
      return false;
    };
    for (let i = 0; i < accounts.length; i++) {
      for (let j = i + 1; j < accounts.length; j++) {
        const a = accounts[i]!;
        const b = accounts[j]!;
        const diffs = contradictions(a, b).filter((d) => d.about !== 'AMOUNT' || sameSum(a, b));
        if (diffs.length === 0) continue;
        const what = diffs.map((d) => ({
          zh: `${ABOUT_LABEL[d.about].zh}：${a.name}称${shown(d.a)}，${b.name}称${shown(d.b)}`,
          en: `${ABOUT_LABEL[d.about].en}: ${a.name} says ${shown(d.a)}, ${b.name} says ${shown(d.b)}`,
        }));
        const first = diffs[0]!;
        const sa = people[i]![1].find((s) => s.document === first.a_statement);
        const sb = people[j]![1].find((s) => s.document === first.b_statement);
        out.push(
          finding(
            rule,
            'warning',
            {
              zh: `${a.name}与${b.name}对同一事实的陈述不一致：${what.map((w) => w.zh).join('；')}。请比对${sa ? recordLabel(sa).zh : ''}与${sb ? recordLabel(sb).zh : ''}并核实`,
              en: `${a.name} and ${b.name} disagree on the same facts — ${what.map((w) => w.en).join('; ')}. Compare the records and check`,
            },
            diffs.flatMap((d) => [
              { document: d.a_statement, page: d.a.page, text: d.a.text },
              { document: d.b_statement, page: d.b.page, text: d.b.text },
            ]),
            [a.id, b.id].sort(),
          ),
        );
      }
    }
    return out;
  },
};
export default rule;
