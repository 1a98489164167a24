// RSL_DESIGNATED_RESIDENCE — 指定居所监视居住 only for a suspect without a fixed
// local home, or in state-security/terrorism cases with higher approval; never in a
// jail, a 办案场所 or an office; the family is told within 24 hours unless 无法通知
// (CPL 75–76; PSR 110–113).
import type { CaseFacts } from '../facts.js';
import { recordSubjectId } from '../facts.js';
import { hourLimitFinding } from '../limits.js';
import {
  atOrAfter,
  attribute,
  fieldTime,
  first,
  isStateSecurityOrTerrorism,
  noticeException,
  occurrences,
  ofPerson,
  soleSuspect,
  who,
} from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, exceptionClaimed, finding, missingFact } from '../rule.js';
import { formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_LIMITS } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'RSL_DESIGNATED_RESIDENCE',
  title: { zh: '指定居所监视居住', en: 'Surveillance at a designated residence' },
  citation: '《刑事诉讼法》第七十五条、第七十六条；《公安机关办理刑事案件程序规定》第一百一十条至第一百一十三条',
  severity: 'violation',
  needs: ['监视居住决定书（指定居所、理由）', '指定居所监视居住通知书（通知时间）'],
  evaluate,
};
export default rule;

const DESIGNATED = /指定居所/;
const FORBIDDEN_PLACE = /看守所|拘留所|监狱|戒毒所|留置|办案场所|办案区|办案中心|讯问室|派出所|公安局|公安分局|刑警|办公/;
const NO_HOME = /无固定住处|没有固定住处|无固定住所|在本地无/;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const notices = attribute(
    facts,
    occurrences(facts, {
      events: ['FAMILY_NOTIFIED'],
      documents: [],
      titles: /监视居住通知书/,
      fields: ['notifiedAt'],
      useDocumentDate: true,
    }),
  ).filter((n) => n.doc && /监视居住/.test(n.doc.title));
  for (const doc of facts.documents.filter((d) => d.type === 'RESIDENTIAL_SURVEILLANCE')) {
    const designated = doc.fields.designated === true || DESIGNATED.test(doc.title);
    if (!designated) continue;
    const person = recordSubjectId(facts, doc) ?? soleSuspect(facts);
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [doc.id];
    const evidence = documentEvidence(doc);
    const place = doc.fields.place ?? null;
    if (place && FORBIDDEN_PLACE.test(place)) {
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：指定居所为“${place}”，不得在羁押场所、专门的办案场所或者办公场所执行`,
            en: `${name.en}: the designated residence is "${place}"; it may not be a jail, an investigation facility or an office`,
          },
          [evidence],
          ['place', ...key],
        ),
      );
    }
    if (!NO_HOME.test(doc.text) && !isStateSecurityOrTerrorism(facts.charge)) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：指定居所监视居住，文书未载明其在办案地无固定住处，且本案不属于危害国家安全、恐怖活动犯罪，请核实适用理由`,
            en: `${name.en}: surveillance at a designated residence without stating that the suspect has no fixed home locally, in a case that is not state-security or terrorism; check the ground`,
          },
          [evidence],
          ['ground', ...key],
        ),
      );
    }
    const executed = fieldTime(doc, ['executedAt', 'start']) ?? parseCaseTime(doc.date);
    if (!executed) continue;
    const notice = first(atOrAfter(ofPerson(notices, person), executed));
    const exception = noticeException(notice?.doc ?? null) ?? noticeException(doc);
    if (notice?.time) {
      const late = hourLimitFinding({
        rule,
        from: { label: { zh: '指定居所监视居住', en: 'designated-residence surveillance' }, time: executed },
        to: { label: { zh: '通知家属', en: 'family notified' }, time: notice.time },
        hours: hoursOf(LEGAL_LIMITS.designatedResidenceNotice),
        subject: name,
        evidence: [evidence, notice.evidence],
        keyParts: ['notice', ...key],
      });
      if (late && !exception) out.push(late);
      else if (late && exception)
        out.push(
          exceptionClaimed(
            rule,
            exception.text,
            { zh: `${name.zh}：未在 24 小时内通知家属`, en: `${name.en}: the family was not told within 24 h` },
            [evidence, notice.evidence],
            ['notice', ...key],
          ),
        );
      continue;
    }
    if (exception?.kind === 'unreachable') {
      out.push(
        exceptionClaimed(
          rule,
          exception.text,
          {
            zh: `${name.zh}：指定居所监视居住 ${formatCaseTime(executed)} 后未通知家属`,
            en: `${name.en}: family not told after the surveillance began ${formatCaseTime(executed)}`,
          },
          [evidence],
          ['notice', ...key],
        ),
      );
    } else {
      out.push(
        missingFact(
          rule,
          { zh: '指定居所监视居住通知书', en: 'notice of the designated residence to the family' },
          {
            zh: `${name.zh}：指定居所监视居住 ${formatCaseTime(executed)}`,
            en: `${name.en}: surveillance at a designated residence from ${formatCaseTime(executed)}`,
          },
          [evidence],
          ['notice', ...key],
        ),
      );
    }
  }
  return out;
}
