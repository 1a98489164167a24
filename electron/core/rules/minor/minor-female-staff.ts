// CPL 281(3); PSR 324, 326: a female staff member is present when a female minor
// is questioned, as suspect (讯问) or as victim or witness (询问).
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { genderOf, personByName } from '../records/persons.js';
import { sessionsOf, SESSION_LABELS } from '../records/sessions.js';
import { around } from '../records/wording.js';
import { ageAtSession, sessionDate } from './minors.js';

const FEMALE_STAFF_ROLE = /女(?:工作人员|民警|警官|侦查员|侦查人员|辅警|社工|干警)/;

export const minorFemaleStaff: Rule = {
  id: 'MINOR_FEMALE_STAFF',
  title: { zh: '女性未成年人询/讯问时女工作人员在场', en: 'Female staff present for a female minor' },
  citation: '《刑事诉讼法》第二百八十一条第三款；《公安机关办理刑事案件程序规定》第三百二十四条第二款、第三百二十六条',
  severity: 'violation',
  needs: ['性别', '出生日期', '到场人员'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'interrogation', 'inquiry')) {
      const p = s.subjectId ? facts.persons.find((x) => x.id === s.subjectId) : undefined;
      if (!p) continue;
      const age = ageAtSession(p, s);
      if (age === null || age >= 18) continue;
      const label = SESSION_LABELS[s.kind];
      const sex = genderOf(p);
      const ev = documentEvidence(s.doc, around(s.doc.text, /女工作人员|女民警|到场/) ?? null);
      if (!sex) {
        out.push(
          missingFact(
            this,
            { zh: `${p.name}的性别`, en: `${p.name}'s sex` },
            {
              zh: `${s.doc.title}（第${s.doc.page}页）${label.zh}未成年人${p.name}（${age} 周岁）`,
              en: `${s.doc.title} (p. ${s.doc.page}) questions a minor, ${p.name} (${age})`,
            },
            [ev],
            [s.doc.id],
          ),
        );
        continue;
      }
      if (sex !== '女') continue;
      const staff =
        s.attendees.some((a) => FEMALE_STAFF_ROLE.test(a.role)) || s.officers.some((n) => personByName(facts, n)?.gender === '女');
      if (staff) continue;
      const mentioned = around(s.doc.text, FEMALE_STAFF_ROLE);
      out.push(
        mentioned
          ? finding(
              this,
              'warning',
              {
                zh: `${s.doc.title}（第${s.doc.page}页）${label.zh}女性未成年人${p.name}，到场人员未能读取，笔录提到“${mentioned.trim()}”，请核对`,
                en: `${s.doc.title} (p. ${s.doc.page}): attendees could not be read though the record mentions female staff — check`,
              },
              [ev],
              [s.doc.id, 'unread'],
            )
          : finding(
              this,
              'violation',
              {
                zh: `${s.doc.title}（第${s.doc.page}页，${sessionDate(s)}）${label.zh}女性未成年人${p.name}（${age} 周岁），未见女工作人员在场`,
                en: `${s.doc.title} (p. ${s.doc.page}, ${sessionDate(s)}): ${label.en} of a female minor, ${p.name} (${age}), with no female staff member present`,
              },
              [ev],
              [s.doc.id],
            ),
      );
    }
    return out;
  },
};
