// CPL 35, 278; PSR 46–47, 320: a suspect without a lawyer who is blind, deaf, mute,
// partly unable to recognise or control their conduct, facing life imprisonment or
// death, or a minor, gets a lawyer through the legal-aid agency, notified within
// 3 days of the police finding the ground.
import type { FactPerson } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { ageOn, dayDeadline } from '../../../../shared/case-time.js';
import { daysOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';
import { lifeOrDeath } from '../records/charges.js';
import { documentConcerns } from '../records/custody.js';
import { birthDateOf, hasAttribute, namesOf, suspects } from '../records/persons.js';
import { sessionsOf } from '../records/sessions.js';
import { around } from '../records/wording.js';

const DECLINED = /没有(?:委托|请)(?:律师|辩护人)|未委托(?:律师|辩护人)|不(?:委托|请|需要)律师|不需要(?:请)?律师/;

export const mandatoryLegalAid: Rule = {
  id: 'MANDATORY_LEGAL_AID',
  title: { zh: '应当通知法律援助', en: 'Mandatory legal aid' },
  citation: '《刑事诉讼法》第三十五条、第二百七十八条；《公安机关办理刑事案件程序规定》第四十六条、第四十七条、第三百二十条',
  severity: 'violation',
  needs: ['人员情况（年龄、残疾、罪名）', '委托书或法律援助通知书'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const charge = facts.charge;
    for (const p of suspects(facts)) {
      const records = sessionsOf(facts, 'interrogation')
        .filter((s) => s.subjectId === p.id && s.start)
        .sort((a, b) => a.start!.ms - b.start!.ms);
      const first = records[0];
      const found = first?.start?.date ?? null;
      const grounds = groundsOf(p, charge, found);
      if (grounds.length === 0) continue;
      // Legal-aid and engagement letters name their client in the text rather than as a record subject.
      const mine = facts.documents.filter(
        (d) => documentConcerns(facts, d, p.id) || namesOf(p).some((n) => n.length >= 2 && d.text.includes(n)),
      );
      const counsel =
        hasAttribute(p, 'lawyer', 'counsel') ||
        mine.some((d) => d.type === 'OTHER' && /委托|辩护|律师/.test(d.title) && !/法律援助|鉴定/.test(d.title));
      if (counsel) continue;
      const aid = mine
        .filter((d) => /法律援助|指派律师|通知辩护/.test(d.title))
        .sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9'))[0];
      const why = { zh: grounds.map((g) => g.zh).join('、'), en: grounds.map((g) => g.en).join(', ') };
      if (aid) {
        const deadline = found ? dayDeadline(found, daysOf(LEGAL_LIMITS.legalAidNotice)) : null;
        if (deadline && aid.date && aid.date > deadline) {
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${p.name}（${why.zh}）于 ${found} 首次讯问即可发现，法律援助通知 ${aid.date} 晚于三日期限 ${deadline}`,
                en: `${p.name} (${why.en}) was known from the first interrogation on ${found}; legal aid was notified on ${aid.date}, after the 3-day deadline ${deadline}`,
              },
              [documentEvidence(aid), first ? documentEvidence(first.doc) : null],
              [p.id, 'late'],
            ),
          );
        }
        continue;
      }
      const declined = records.map((s) => ({ s, q: around(s.doc.text, DECLINED) })).find((x) => x.q);
      out.push(
        declined
          ? finding(
              this,
              'violation',
              {
                zh: `${p.name}（${why.zh}）未委托辩护人（笔录载明“${declined.q!.trim()}”），未见通知法律援助机构指派律师`,
                en: `${p.name} (${why.en}) has no lawyer (the record says so), and no notice to the legal-aid agency is found`,
              },
              [documentEvidence(declined.s.doc, declined.q)],
              [p.id],
            )
          : finding(
              this,
              'warning',
              {
                zh: `${p.name}（${why.zh}）属应当通知法律援助的情形，卷内未见委托书或法律援助通知书`,
                en: `${p.name} (${why.en}) qualifies for mandatory legal aid; the file shows neither a lawyer's engagement nor a legal-aid notice`,
              },
              [first ? documentEvidence(first.doc) : null],
              [p.id],
            ),
      );
    }
    return out;
  },
};

function groundsOf(p: FactPerson, charge: string | null, date: string | null): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (hasAttribute(p, 'blind')) out.push({ zh: '盲人', en: 'blind' });
  if (hasAttribute(p, 'deaf', 'mute', 'deafMute')) out.push({ zh: '聋哑人', en: 'deaf or mute' });
  if (hasAttribute(p, 'mentalIncapacity', 'partialIncapacity', 'mentallyIll'))
    out.push({ zh: '尚未完全丧失辨认或者控制自己行为能力的精神病人', en: 'partly mentally incapacitated' });
  const birth = birthDateOf(p);
  const age = birth && date ? ageOn(birth, date) : null;
  if (age !== null && age < 18) out.push({ zh: `未成年人（${age} 周岁）`, en: `a minor (${age})` });
  if (lifeOrDeath(charge) === 'certain')
    out.push({ zh: `可能判处无期徒刑、死刑（${charge}）`, en: `facing life imprisonment or death (${charge})` });
  return out;
}
