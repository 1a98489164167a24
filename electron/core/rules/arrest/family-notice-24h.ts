// ARREST_FAMILY_NOTICE_24H — the family is told of an arrest within 24 hours, with
// the reason and the place of custody (CPL 93(2); PSR 145). The only exception is
// 无法通知; "有碍侦查" does not exist for arrests.
import type { CaseFacts } from '../facts.js';
import { hourLimitFinding } from '../limits.js';
import type { Occurrence } from '../occurrences.js';
import { ARREST, atOrAfter, attribute, first, noticeException, occurrences, ofPerson, perPerson, principal, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, exceptionClaimed, finding, missingFact } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'ARREST_FAMILY_NOTICE_24H',
  title: { zh: '逮捕后二十四小时内通知家属', en: 'Family notified within 24 h of arrest' },
  citation: '《刑事诉讼法》第九十三条第二款；《公安机关办理刑事案件程序规定》第一百四十五条',
  severity: 'violation',
  needs: ['逮捕证（执行时间）', '逮捕通知书（通知时间、对象）'],
  evaluate,
};
export default rule;

/** Notices of arrest: the 逮捕通知书, and notifications told elsewhere at or after the person's arrest. */
function arrestNotices(facts: CaseFacts, arrests: Occurrence[]): Occurrence[] {
  const all = attribute(
    facts,
    occurrences(facts, {
      events: ['FAMILY_NOTIFIED'],
      documents: ['ARREST_NOTICE'],
      fields: ['notifiedAt'],
      useDocumentDate: true,
    }),
  );
  return all.filter((n) => {
    if (n.doc?.type === 'ARREST_NOTICE') return true;
    if (n.doc?.type === 'DETENTION_NOTICE' || /拘留/.test(n.doc?.title ?? '')) return false;
    const arrest = principal(ofPerson(arrests, n.person), ['ARREST_WARRANT']);
    return Boolean(arrest?.time && n.time && n.time.ms >= arrest.time.ms);
  });
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const arrests = attribute(facts, occurrences(facts, ARREST));
  const notices = arrestNotices(facts, arrests);
  for (const [person, occs] of perPerson(arrests)) {
    const arrest = principal(occs, ['ARREST_WARRANT']);
    if (!arrest) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? arrest.doc?.id ?? arrest.event?.id];
    if (!arrest.time) {
      out.push(
        missingFact(
          rule,
          { zh: '逮捕执行时间', en: 'time the arrest was executed' },
          { zh: `${name.zh}被逮捕`, en: `${name.en} was arrested` },
          [arrest.evidence],
          key,
        ),
      );
      continue;
    }
    const mine = ofPerson(notices, person);
    // Several papers may tell of one notice: the notice's own, with a time of day, says it best.
    const notice = principal(atOrAfter(mine, arrest.time), ['ARREST_NOTICE']) ?? first(mine);
    const exception = noticeException(notice?.doc ?? null) ?? noticeException(arrest.doc);
    const evidence = [arrest.evidence, notice?.evidence];
    if (notice?.time) {
      const late = hourLimitFinding({
        rule,
        from: { label: { zh: '逮捕', en: 'arrest' }, time: arrest.time },
        to: { label: { zh: '通知家属', en: 'family notified' }, time: notice.time },
        hours: hoursOf(LEGAL_DEADLINES.arrestFamilyNotice),
        subject: name,
        evidence,
        keyParts: key,
      });
      if (!late) {
        const doc = notice.doc;
        if (doc?.type === 'ARREST_NOTICE' && doc.text.length >= 20 && !/看守所|羁押/.test(doc.text)) {
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${name.zh}：逮捕通知书未载明羁押处所`,
                en: `${name.en}: the arrest notice does not state the place of custody`,
              },
              [documentEvidence(doc)],
              ['content', ...key],
            ),
          );
        }
        continue;
      }
      if (!exception || exception.kind === 'hinders') {
        out.push(late);
        continue;
      }
    }
    if (exception?.kind === 'hinders') {
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：逮捕（${formatCaseTime(arrest.time)}）后以“${exception.text}”为由未通知家属；逮捕后除无法通知以外，应当在 24 小时内通知，不存在有碍侦查的例外`,
            en: `${name.en}: after the arrest (${formatCaseTime(arrest.time)}) the family was not told, claiming "${exception.text}"; for an arrest the only exception is that notice is impossible`,
          },
          evidence,
          ['hinders', ...key],
        ),
      );
    } else if (exception) {
      out.push(
        exceptionClaimed(
          rule,
          exception.text,
          {
            zh: `${name.zh}：逮捕 ${formatCaseTime(arrest.time)} 后未在 24 小时内通知家属${notice?.time ? '' : '；卷内未见障碍消除后的通知'}`,
            en: `${name.en}: the family was not told within 24 h of the arrest at ${formatCaseTime(arrest.time)}`,
          },
          evidence,
          key,
        ),
      );
    } else if (notice) {
      out.push(
        missingFact(
          rule,
          { zh: '通知家属的时间', en: 'time the family was notified' },
          {
            zh: `${name.zh}：逮捕 ${formatCaseTime(arrest.time)}，卷内有逮捕通知书`,
            en: `${name.en}: arrested ${formatCaseTime(arrest.time)}, an arrest notice is in the file`,
          },
          evidence,
          key,
        ),
      );
    } else {
      out.push(
        missingFact(
          rule,
          { zh: '逮捕通知书', en: 'arrest notice to the family' },
          { zh: `${name.zh}：逮捕 ${formatCaseTime(arrest.time)}`, en: `${name.en}: arrested ${formatCaseTime(arrest.time)}` },
          evidence,
          key,
        ),
      );
    }
  }
  return out;
}
