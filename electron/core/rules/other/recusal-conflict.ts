// CPL 29–32; PSR 32–40: an officer, recorder, interpreter or expert who is a party,
// a party's relative or a witness in the case must withdraw. The machine sees only
// names: the same name acting for the police and appearing as a party is flagged.
import type { Evidence, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import type { PersonRole } from '../../../../shared/vocab.js';
import { personByName } from '../records/persons.js';
import { normaliseName, sessionsOf, splitNames } from '../records/sessions.js';

const PARTY: Partial<Record<PersonRole, { zh: string; en: string }>> = {
  SUSPECT: { zh: '犯罪嫌疑人', en: 'a suspect' },
  VICTIM: { zh: '被害人', en: 'a victim' },
  WITNESS: { zh: '证人', en: 'a witness' },
  REPORTER: { zh: '报案人', en: 'the reporter' },
  FAMILY: { zh: '当事人近亲属', en: "a party's relative" },
  GUARDIAN: { zh: '当事人的法定代理人', en: "a party's guardian" },
};

export const recusalConflict: Rule = {
  id: 'RECUSAL_CONFLICT',
  title: { zh: '回避', en: 'Recusal' },
  citation: '《刑事诉讼法》第二十九条至第三十二条；《公安机关办理刑事案件程序规定》第三十二条至第四十条',
  severity: 'warning',
  needs: ['办案人员、翻译人员、鉴定人姓名', '当事人及证人'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const acting = new Map<string, { zh: string; en: string; evidence: Evidence[] }>();
    const add = (name: string, role: { zh: string; en: string }, ev: Evidence) => {
      const n = normaliseName(name);
      if (!n) return;
      const cur = acting.get(n);
      if (cur) cur.evidence.push(ev);
      else acting.set(n, { ...role, evidence: [ev] });
    };
    for (const d of facts.documents) {
      const staff = splitNames([...(d.fields.investigators ?? []), ...(d.fields.recorder ? [d.fields.recorder] : [])]);
      for (const n of staff) add(n, { zh: '办案人员', en: 'an officer' }, documentEvidence(d, n));
      for (const a of d.fields.attendees ?? [])
        if (/翻译/.test(a.role)) add(a.name, { zh: '翻译人员', en: 'an interpreter' }, documentEvidence(d, a.name));
      if (d.type === 'APPRAISAL')
        for (const e of Array.isArray(d.fields.experts) ? d.fields.experts : [])
          if (typeof e === 'string') add(e, { zh: '鉴定人', en: 'an expert' }, documentEvidence(d, e));
    }
    for (const p of facts.persons)
      if (p.role === 'EXPERT')
        add(
          p.name,
          { zh: '鉴定人', en: 'an expert' },
          { document: facts.documents[0]?.id ?? '', page: facts.documents[0]?.page ?? 1, text: p.name },
        );
    for (const p of facts.persons)
      if (p.role === 'OFFICER' && !acting.has(normaliseName(p.name)))
        add(
          p.name,
          { zh: '办案人员', en: 'an officer' },
          { document: facts.documents[0]?.id ?? '', page: facts.documents[0]?.page ?? 1, text: p.name },
        );

    const questioned = sessionsOf(facts, 'inquiry', 'interrogation');
    for (const [name, role] of acting) {
      const p = personByName(facts, name);
      const party = p?.role ? PARTY[p.role] : undefined;
      const record = questioned.find((s) => s.subjectName === name);
      if (!party && !record) continue;
      const as = party ?? (record!.kind === 'interrogation' ? PARTY.SUSPECT! : PARTY.WITNESS!);
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${name}在本案中既是${role.zh}，又是${as.zh}，应当回避，请核实`,
            en: `${name} acts as ${role.en} and is also ${as.en} in the case: grounds for recusal — check`,
          },
          [...role.evidence.slice(0, 2), record ? documentEvidence(record.doc) : null],
          [name],
        ),
      );
    }
    return out;
  },
};
