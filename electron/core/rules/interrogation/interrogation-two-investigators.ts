// CPL 118(1), PSR 202: at least two investigators question a suspect; a recorder
// counts only when the record lists them as an investigator too, and auxiliary
// police (辅警) are not investigators at all.
import type { CaseFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { personByName } from '../records/persons.js';
import { around, escapeRe } from '../records/wording.js';
import { sessionsOf } from '../records/sessions.js';

const AUXILIARY = /辅警|协警|辅助警|联防/;

function isAuxiliary(facts: CaseFacts, name: string, text: string): boolean {
  const p = personByName(facts, name);
  if (p && (p.attributes.auxiliary === true || (typeof p.attributes.rank === 'string' && AUXILIARY.test(p.attributes.rank)))) return true;
  const esc = escapeRe(name);
  return new RegExp(`(?:辅警|协警)[：:\\s]*${esc}|${esc}[（(]?(?:辅警|协警)`).test(text);
}

export const interrogationTwoInvestigators: Rule = {
  id: 'INTERROGATION_TWO_INVESTIGATORS',
  title: { zh: '讯问须由二名以上侦查人员进行', en: 'Interrogation by at least two investigators' },
  citation: '《刑事诉讼法》第一百一十八条第一款；《公安机关办理刑事案件程序规定》第二百零二条、第二百零六条',
  severity: 'violation',
  needs: ['讯问笔录首部（侦查员、记录员）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'interrogation')) {
      const doc = s.doc;
      const ev = documentEvidence(doc, around(doc.text, /(?:侦查员|讯问人|侦查人员)[：:]/) ?? s.investigators.join('、'));
      if (s.investigators.length === 0) {
        out.push(
          missingFact(
            this,
            { zh: '讯问人（侦查员）姓名', en: 'names of the interrogating investigators' },
            { zh: `${doc.title}（第${doc.page}页）`, en: `${doc.title} (p. ${doc.page})` },
            [ev],
            [doc.id],
          ),
        );
        continue;
      }
      const sworn = s.investigators.filter((n) => !isAuxiliary(facts, n, doc.text));
      const auxiliary = s.investigators.filter((n) => !sworn.includes(n));
      if (sworn.length < 2) {
        const aux = auxiliary.length > 0 ? `；${auxiliary.join('、')}为辅警，不计` : '';
        const auxEn = auxiliary.length > 0 ? `; ${auxiliary.join(', ')} auxiliary police, not counted` : '';
        const rec = s.recorder && !s.investigators.includes(s.recorder) ? `；记录员${s.recorder}不计为侦查员` : '';
        const recEn = s.recorder && !s.investigators.includes(s.recorder) ? `; recorder ${s.recorder} is not an investigator` : '';
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${doc.title}（第${doc.page}页${s.subjectName ? `，讯问${s.subjectName}` : ''}）载明的侦查员为 ${sworn.length} 人（${sworn.join('、') || '无'}）< 2${aux}${rec}`,
              en: `${doc.title} (p. ${doc.page}${s.subjectName ? `, ${s.subjectName}` : ''}) lists ${sworn.length} investigator(s) (${sworn.join(', ') || 'none'}) < 2${auxEn}${recEn}`,
            },
            [ev],
            [doc.id],
          ),
        );
      }
      const others = s.attendees.filter((a) => /犯罪嫌疑人|同案/.test(a.role) && a.name !== s.subjectName);
      const several = s.subjectName ? s.subjectName.split(/[、,，]/).filter((n) => n.length > 0) : [];
      if (others.length > 0 || several.length > 1) {
        const names = others.length > 0 ? [s.subjectName ?? '', ...others.map((a) => a.name)] : several;
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${doc.title}（第${doc.page}页）同时讯问多名犯罪嫌疑人（${names.filter(Boolean).join('、')}），同案犯罪嫌疑人应当个别讯问`,
              en: `${doc.title} (p. ${doc.page}) questions several suspects together (${names.filter(Boolean).join(', ')}); co-suspects must be questioned separately`,
            },
            [ev],
            [doc.id, 'together'],
          ),
        );
      }
    }
    return out;
  },
};
