// PSR 194; SPC 80: a 见证人 of a search, seizure, examination or line-up is an
// outsider — not a party, not someone with an interest in the case, not police
// staff or anyone the police employ (auxiliary police). The machine check: the
// 见证人 is none of the case's officers, suspects, victims or their relatives.
import type { Evidence, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { officerNames, personByName } from '../records/persons.js';
import { normaliseName } from '../records/sessions.js';
import { escapeRe } from '../records/wording.js';
import type { PersonRole } from '../../../../shared/vocab.js';

const BARRED: Partial<Record<PersonRole, { zh: string; en: string }>> = {
  SUSPECT: { zh: '本案犯罪嫌疑人', en: 'a suspect in the case' },
  VICTIM: { zh: '本案被害人', en: 'a victim in the case' },
  OFFICER: { zh: '办案民警', en: 'a police officer on the case' },
  FAMILY: { zh: '当事人家属', en: "a party's relative" },
  GUARDIAN: { zh: '当事人的法定代理人', en: "a party's guardian" },
};
const NOT_WORDS = /^(?:签名|签字|姓名|情况|身份|住址|单位|在场|到场|证明)/;

export const witnessEligibility: Rule = {
  id: 'WITNESS_ELIGIBILITY',
  title: { zh: '见证人资格', en: 'Eligibility of attesting witnesses' },
  citation: '《公安机关办理刑事案件程序规定》第一百九十四条；最高法解释第八十条',
  severity: 'violation',
  needs: ['见证人姓名', '案内人员及其角色'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const officers = officerNames(facts);
    const seen = new Map<string, Evidence[]>();
    for (const d of facts.documents) {
      const names = new Set<string>();
      for (const a of d.fields.attendees ?? []) if (/见证人/.test(a.role)) names.add(normaliseName(a.name));
      for (const m of d.text.matchAll(/见证人[：:]\s*([\u4e00-\u9fa5]{2,4})/g)) {
        const n = m[1]!;
        if (!NOT_WORDS.test(n)) names.add(n.length === 4 && !personByName(facts, n) ? n.slice(0, 3) : n);
      }
      for (const n of names) {
        const at = d.text.indexOf(n);
        seen.set(n, [
          ...(seen.get(n) ?? []),
          documentEvidence(d, at >= 0 ? d.text.slice(Math.max(0, at - 10), at + n.length + 10) : `见证人 ${n}`),
        ]);
      }
    }
    for (const [name, evidence] of seen) {
      const p = personByName(facts, name);
      const barred = p?.role ? BARRED[p.role] : undefined;
      const auxiliary = facts.documents.some((d) =>
        new RegExp(`(?:辅警|协警)[：:\\s]*${escapeRe(name)}|${escapeRe(name)}[（(]?(?:辅警|协警)`).test(d.text),
      );
      const reason =
        barred ??
        (officers.has(name)
          ? BARRED.OFFICER!
          : auxiliary
            ? { zh: '公安机关聘用的辅警', en: 'auxiliary police employed by the police' }
            : null);
      if (reason) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `见证人${name}系${reason.zh}，不得担任见证人（见于 ${evidence.length} 份文书）`,
              en: `The attesting witness ${name} is ${reason.en} and may not attest (in ${evidence.length} document(s))`,
            },
            evidence.slice(0, 3),
            [name],
          ),
        );
      } else if (p?.role === 'WITNESS' || p?.role === 'REPORTER') {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `见证人${name}同时是本案${p.role === 'WITNESS' ? '证人' : '报案人'}，请核实与案件有无利害关系`,
              en: `The attesting witness ${name} is also a ${p.role === 'WITNESS' ? 'witness' : 'reporter'} in the case — check for an interest in it`,
            },
            evidence.slice(0, 3),
            [name],
          ),
        );
      }
    }
    return out;
  },
};
