// DETENTION_FAMILY_NOTICE_24H — the family is told of a detention within 24 hours
// (CPL 85(2); PSR 127). Exceptions: 无法通知; and, only for state-security and
// terrorism crimes, a notice that would hinder the investigation.
import type { CaseFacts } from '../facts.js';
import { hourLimitFinding } from '../limits.js';
import type { Occurrence } from '../occurrences.js';
import {
  ARREST,
  DETENTION,
  attribute,
  atOrAfter,
  first,
  isStateSecurityOrTerrorism,
  noticeException,
  occurrences,
  ofPerson,
  perPerson,
  principal,
  who,
} from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, exceptionClaimed, finding, missingFact } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';
import { hoursOf, LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'DETENTION_FAMILY_NOTICE_24H',
  title: { zh: '拘留后二十四小时内通知家属', en: 'Family notified within 24 h of detention' },
  citation: '《刑事诉讼法》第八十五条第二款；《公安机关办理刑事案件程序规定》第一百一十三条第二款、第一百二十七条',
  severity: 'violation',
  needs: ['拘留证（执行时间）', '拘留通知书（通知时间、方式、对象）', '罪名'],
  evaluate,
};
export default rule;

/** Notices of detention: the 拘留通知书, and notifications told elsewhere before any arrest of the person. */
function detentionNotices(facts: CaseFacts): Occurrence[] {
  const all = attribute(
    facts,
    occurrences(facts, {
      events: ['FAMILY_NOTIFIED'],
      documents: ['DETENTION_NOTICE'],
      fields: ['notifiedAt'],
      useDocumentDate: true,
    }),
  );
  const arrests = attribute(facts, occurrences(facts, ARREST));
  return all.filter((n) => {
    if (n.doc?.type === 'DETENTION_NOTICE') return true;
    if (n.doc?.type === 'ARREST_NOTICE' || /逮捕/.test(n.doc?.title ?? '')) return false;
    // A notification told in another document belongs to the detention unless it follows the person's arrest.
    const arrest = principal(ofPerson(arrests, n.person), ['ARREST_WARRANT']);
    return !(arrest?.time && n.time && n.time.ms >= arrest.time.ms);
  });
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const notices = detentionNotices(facts);
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, DETENTION)))) {
    const detention = principal(occs, ['DETENTION_WARRANT']);
    if (!detention) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? detention.doc?.id ?? detention.event?.id];
    if (!detention.time) {
      out.push(
        missingFact(
          rule,
          { zh: '拘留执行时间', en: 'time the detention was executed' },
          { zh: `${name.zh}被拘留`, en: `${name.en} was detained` },
          [detention.evidence],
          key,
        ),
      );
      continue;
    }
    const mine = ofPerson(notices, person);
    // Several papers may tell of one notice: the notice's own, with a time of day, says it best.
    const notice = principal(atOrAfter(mine, detention.time), ['DETENTION_NOTICE']) ?? first(mine);
    const exception = noticeException(notice?.doc ?? null) ?? noticeException(detention.doc);
    const detainedAt = { label: { zh: '拘留', en: 'detention' }, time: detention.time };

    if (notice?.time) {
      const late = hourLimitFinding({
        rule,
        from: detainedAt,
        to: { label: { zh: '通知家属', en: 'family notified' }, time: notice.time },
        hours: hoursOf(LEGAL_DEADLINES.detentionFamilyNotice),
        subject: name,
        evidence: [detention.evidence, notice.evidence],
        keyParts: key,
      });
      if (!late) {
        out.push(...contentFindings(notice, name, key));
        continue;
      }
      if (!exception) {
        out.push(late);
        continue;
      }
    }
    const evidence = [detention.evidence, notice?.evidence];
    if (exception) {
      if (exception.kind === 'hinders' && !isStateSecurityOrTerrorism(facts.charge)) {
        const charge = facts.charge ?? '';
        if (facts.charge === null) {
          out.push(
            exceptionClaimed(
              rule,
              exception.text,
              {
                zh: `${name.zh}：拘留后以有碍侦查为由未在 24 小时内通知家属，卷内未见罪名，无法判断是否属于危害国家安全、恐怖活动犯罪`,
                en: `${name.en}: the family was not told within 24 h on the ground that it would hinder the investigation; the charge is not in the file, so whether it is a state-security or terrorism crime cannot be told`,
              },
              evidence,
              key,
            ),
          );
        } else {
          out.push(
            finding(
              rule,
              'violation',
              {
                zh: `${name.zh}：拘留（${formatCaseTime(detention.time)}）后以“${exception.text}”为由未在 24 小时内通知家属，但本案涉嫌${charge}，不属于危害国家安全犯罪、恐怖活动犯罪，不得以有碍侦查为由不通知`,
                en: `${name.en}: after the detention (${formatCaseTime(detention.time)}) the family was not told within 24 h, claiming "${exception.text}"; the charge (${charge}) is not a state-security or terrorism crime, for which alone that exception exists`,
              },
              evidence,
              ['hinders', ...key],
            ),
          );
        }
        continue;
      }
      const later = notice?.time ? '' : '；卷内未见障碍消除后的通知';
      out.push(
        exceptionClaimed(
          rule,
          exception.text,
          {
            zh: `${name.zh}：拘留 ${formatCaseTime(detention.time)} 后未在 24 小时内通知家属${later}`,
            en: `${name.en}: the family was not told within 24 h of the detention at ${formatCaseTime(detention.time)}${later ? '; no later notice once the obstacle ended is in the file' : ''}`,
          },
          evidence,
          key,
        ),
      );
      continue;
    }
    if (notice) {
      out.push(
        missingFact(
          rule,
          { zh: '通知家属的时间', en: 'time the family was notified' },
          {
            zh: `${name.zh}：拘留 ${formatCaseTime(detention.time)}，卷内有拘留通知书`,
            en: `${name.en}: detained ${formatCaseTime(detention.time)}, a detention notice is in the file`,
          },
          evidence,
          key,
        ),
      );
    } else {
      out.push(
        missingFact(
          rule,
          { zh: '拘留通知书', en: 'detention notice to the family' },
          { zh: `${name.zh}：拘留 ${formatCaseTime(detention.time)}`, en: `${name.en}: detained ${formatCaseTime(detention.time)}` },
          evidence,
          key,
        ),
      );
    }
  }
  return out;
}

/** The notice states the reason and the place of custody (PSR 127); checked only where its text was read. */
function contentFindings(notice: Occurrence, name: { zh: string; en: string }, key: (string | null | undefined)[]): RuleFinding[] {
  const doc = notice.doc;
  if (!doc || doc.type !== 'DETENTION_NOTICE' || doc.text.length < 20) return [];
  const lacks: { zh: string; en: string }[] = [];
  if (!/涉嫌|因[^，。]{0,20}罪/.test(doc.text)) lacks.push({ zh: '拘留原因', en: 'the reason' });
  if (!/看守所|羁押/.test(doc.text)) lacks.push({ zh: '羁押处所', en: 'the place of custody' });
  if (lacks.length === 0) return [];
  return [
    finding(
      rule,
      'warning',
      {
        zh: `${name.zh}：拘留通知书未载明${lacks.map((l) => l.zh).join('、')}`,
        en: `${name.en}: the detention notice does not state ${lacks.map((l) => l.en).join(' or ')}`,
      },
      [documentEvidence(doc)],
      ['content', ...key],
    ),
  ];
}
