// CPL 281; PSR 323, 325–326; SPC 90, 94: questioning a suspect under 18, or a minor
// victim or witness, needs the 法定代理人 present — or, where they cannot be told,
// cannot come or are accomplices, another adult relative or a representative of
// the school, employer, community or a minors' organisation, with the reason noted.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { birthDateOf } from '../records/persons.js';
import { sessionsOf, SESSION_LABELS } from '../records/sessions.js';
import { around } from '../records/wording.js';
import { ageAtOffence, ageAtSession, GUARDIAN, GUARDIAN_ABSENCE_REASON, OTHER_ADULT, sessionDate } from './minors.js';

export const minorGuardianPresent: Rule = {
  id: 'MINOR_GUARDIAN_PRESENT',
  title: { zh: '未成年人法定代理人到场', en: 'Guardian present for a minor' },
  citation:
    '《刑事诉讼法》第二百八十一条；《公安机关办理刑事案件程序规定》第三百二十三条、第三百二十五条、第三百二十六条；最高法解释第九十条、第九十四条',
  severity: 'violation',
  needs: ['出生日期或身份证号', '笔录日期', '到场人员'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const askedForBirth = new Set<string>();
    for (const s of sessionsOf(facts, 'interrogation', 'inquiry')) {
      const p = s.subjectId ? facts.persons.find((x) => x.id === s.subjectId) : undefined;
      if (!p) continue;
      const suspect = s.kind === 'interrogation';
      if (!birthDateOf(p)) {
        // Only a suspect's age is always material; witnesses rarely have it on file.
        if (suspect && !askedForBirth.has(p.id)) {
          askedForBirth.add(p.id);
          out.push(
            missingFact(
              this,
              { zh: `${p.name}的出生日期`, en: `${p.name}'s birth date` },
              { zh: '无法判断是否未成年人', en: 'cannot tell whether a minor' },
              [documentEvidence(s.doc)],
              [p.id],
            ),
          );
        }
        continue;
      }
      const age = ageAtSession(p, s);
      if (age === null) continue;
      const offenceAge = suspect ? ageAtOffence(facts, p) : null;
      const minorNow = age < 18;
      const minorThen = !minorNow && offenceAge !== null && offenceAge < 18;
      if (!minorNow && !minorThen) continue;

      const label = SESSION_LABELS[s.kind];
      const where = {
        zh: `${s.doc.title}（第${s.doc.page}页，${sessionDate(s)}${label.zh}${p.name}，时年 ${age} 周岁）`,
        en: `${s.doc.title} (p. ${s.doc.page}, ${label.en} of ${p.name} on ${sessionDate(s)}, aged ${age})`,
      };
      const guardian = s.attendees.find((a) => GUARDIAN.test(a.role));
      const other = s.attendees.find((a) => OTHER_ADULT.test(a.role));
      const ev = documentEvidence(s.doc, around(s.doc.text, /法定代理人|到场/) ?? null);
      if (guardian) continue;
      if (minorThen) {
        if (other) continue;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${where.zh}：${p.name}作案时 ${offenceAge} 周岁、未成年，${label.zh}时已满十八周岁，未见法定代理人或其他合适成年人到场，请核实是否按未成年人案件办理`,
              en: `${where.en}: ${p.name} was ${offenceAge} at the offence but 18 at the session, with no guardian or appropriate adult present — check whether juvenile procedure applies`,
            },
            [ev],
            [s.doc.id, 'adult-now'],
          ),
        );
        continue;
      }
      if (other) {
        if (GUARDIAN_ABSENCE_REASON.test(s.doc.text)) continue;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${where.zh}由${other.role}${other.name}到场，未载明法定代理人不能到场的原因（无法通知、不能到场或系共犯）`,
              en: `${where.en}: ${other.role} ${other.name} attended in place of the guardian, with no reason recorded why the guardian could not`,
            },
            [ev],
            [s.doc.id, 'reason'],
          ),
        );
        continue;
      }
      const mentioned = around(s.doc.text, /法定代理人[^。\n]{0,12}(?:到场|在场)|(?:合适成年人|监护人)[^。\n]{0,12}(?:到场|在场)/);
      out.push(
        mentioned
          ? finding(
              this,
              'warning',
              {
                zh: `${where.zh}的到场人员未能读取，笔录提到“${mentioned.trim()}”，请核对法定代理人姓名及签名`,
                en: `${where.en}: attendees could not be read though the record mentions a guardian — check the name and signature`,
              },
              [ev],
              [s.doc.id, 'unread'],
            )
          : finding(
              this,
              'violation',
              {
                zh: `${where.zh}未成年，未见法定代理人或其他合适成年人到场`,
                en: `${where.en} is a minor, and no guardian or other appropriate adult attended`,
              },
              [ev],
              [s.doc.id],
            ),
      );
    }
    return out;
  },
};
