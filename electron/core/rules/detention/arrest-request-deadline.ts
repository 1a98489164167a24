// ARREST_REQUEST_DEADLINE — a detainee's arrest is requested within 3 days of the
// detention; with an approved extension within 7 in all; up to 30 days only for
// 流窜/多次/结伙 suspects. Without a request by then, the person is released or
// put under a non-custodial measure (CPL 91(1)(2); PSR 129, 131).
import type { OccurrenceSpec } from '../occurrences.js';
import type { CaseFacts } from '../facts.js';
import type { Occurrence } from '../occurrences.js';
import {
  DETENTION,
  BAIL,
  RESIDENTIAL_SURVEILLANCE,
  atOrAfter,
  attribute,
  first,
  occurrences,
  ofPerson,
  perPerson,
  principal,
  who,
} from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding, missingFact } from '../rule.js';
import { dayDeadline, daysBetween, formatCaseTime } from '../../../../shared/case-time.js';
import { LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'ARREST_REQUEST_DEADLINE',
  title: { zh: '拘留后依法提请批准逮捕', en: 'Arrest requested within the detention period' },
  citation: '《刑事诉讼法》第九十一条第一款、第二款；《公安机关办理刑事案件程序规定》第一百二十九条、第一百三十一条',
  severity: 'violation',
  needs: ['拘留证（执行时间）', '提请批准逮捕书（日期）', '延长提请批准逮捕期限的批准', '释放或变更强制措施的文书'],
  evaluate,
};
export default rule;

const REQUEST = {
  events: ['ARREST_REQUESTED' as const],
  documents: ['ARREST_REQUEST' as const],
  fields: ['requestedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;
const EXTENSION = {
  events: ['DETENTION_EXTENDED' as const],
  documents: ['DETENTION_EXTENSION' as const],
  titles: /延长拘留期限|延长提请批准逮捕/,
  fields: ['approvedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;
const RELEASE = {
  events: [],
  documents: [],
  titles: /释放证明|释放通知书/,
  fields: ['executedAt'],
  useDocumentDate: true,
} satisfies OccurrenceSpec;

interface Extension {
  occurrence: Occurrence;
  /** Days from the detention allowed in all: 7 (3 + up to 4) or 30. */
  days: number;
  ground: string | null;
}

// The catalogue reads the extension's days and ground off the paper (forms/table.ts); an extension
// known only from an event allows the 7 days of the common case.
function readExtension(o: Occurrence): Extension {
  return { occurrence: o, days: Math.min(o.doc?.fields.days ?? 7, 30), ground: o.doc?.fields.ground ?? null };
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const requests = attribute(facts, occurrences(facts, REQUEST));
  const extensions = attribute(facts, occurrences(facts, EXTENSION));
  const alternatives = attribute(facts, [
    ...occurrences(facts, BAIL),
    ...occurrences(facts, RESIDENTIAL_SURVEILLANCE),
    ...occurrences(facts, RELEASE),
  ]);
  const approvals = attribute(
    facts,
    occurrences(facts, { events: ['ARREST_APPROVED'], documents: ['ARREST_APPROVAL'], fields: [], useDocumentDate: true }),
  );
  const suspects = facts.persons.filter((p) => p.role === 'SUSPECT').length;

  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, DETENTION)))) {
    const detention = principal(occs, ['DETENTION_WARRANT']);
    if (!detention?.time) continue; // DETENTION_FAMILY_NOTICE_24H already names a missing execution time
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? detention.doc?.id];
    const detainedOn = formatCaseTime(detention.time);
    const base = dayDeadline(detention.time, LEGAL_DEADLINES.arrestRequest.limit.days);

    const ext = first(ofPerson(extensions, person));
    const extension = ext ? readExtension(ext) : null;
    const allowed = extension?.days ?? LEGAL_DEADLINES.arrestRequest.limit.days;
    const deadline = dayDeadline(detention.time, allowed);
    const extEvidence = extension?.occurrence.evidence;

    if (extension) {
      const approvedOn = extension.occurrence.time?.date;
      if (approvedOn && approvedOn > base) {
        out.push(
          finding(
            rule,
            'warning',
            {
              zh: `${name.zh}：延长提请批准逮捕期限的批准日期 ${approvedOn} 晚于原三日期限 ${base}（拘留 ${detainedOn}）`,
              en: `${name.en}: the extension was approved on ${approvedOn}, after the original 3-day limit of ${base} (detained ${detainedOn})`,
            },
            [detention.evidence, extEvidence],
            ['extension-late', ...key],
          ),
        );
      }
      if (extension.days > 7) {
        if (!extension.ground) {
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${name.zh}：提请批准逮捕期限延长至三十日，文书未载明流窜作案、多次作案或结伙作案的理由`,
                en: `${name.en}: the request period was extended to 30 days without stating roving, repeated or gang offending`,
              },
              [extEvidence],
              ['ground', ...key],
            ),
          );
        } else if (extension.ground === '结伙' && suspects < 2) {
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${name.zh}：以结伙作案为由延长至三十日，但卷内仅见 ${suspects} 名犯罪嫌疑人，请核实`,
                en: `${name.en}: extended to 30 days for gang offending, but the file shows ${suspects} suspect(s); check`,
              },
              [extEvidence],
              ['ground', ...key],
            ),
          );
        }
      }
    }

    const request = first(atOrAfter(ofPerson(requests, person), detention.time)) ?? first(ofPerson(requests, person));
    const limitText = extension
      ? { zh: `${allowed} 日（已延长）`, en: `${allowed} days (extended)` }
      : { zh: '3 日（未见延长提请批准逮捕期限的批准）', en: '3 days (no extension approval in the file)' };
    if (request?.time) {
      if (request.time.date <= deadline) continue;
      const day = daysBetween(detention.time.date, request.time.date);
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：拘留 ${detainedOn} → 提请批准逮捕 ${request.time.date}（拘留后第 ${day} 日），期限至 ${deadline}，超过 ${limitText.zh}`,
            en: `${name.en}: detention ${detainedOn} → arrest requested ${request.time.date} (day ${day}), due by ${deadline}: past ${limitText.en}`,
          },
          [detention.evidence, request.evidence, extEvidence],
          key,
        ),
      );
      continue;
    }
    if (request) {
      out.push(
        missingFact(
          rule,
          { zh: '提请批准逮捕的日期', en: 'date of the arrest request' },
          {
            zh: `${name.zh}：拘留 ${detainedOn}，卷内有提请批准逮捕书`,
            en: `${name.en}: detained ${detainedOn}, an arrest request is in the file`,
          },
          [detention.evidence, request.evidence],
          key,
        ),
      );
      continue;
    }
    const alternative = first(atOrAfter(ofPerson(alternatives, person), detention.time));
    if (alternative?.time) {
      if (alternative.time.date <= deadline) continue;
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：拘留 ${detainedOn} 后未提请批准逮捕，至 ${alternative.time.date} 才释放或变更强制措施，超过 ${limitText.zh}（期限至 ${deadline}）`,
            en: `${name.en}: detained ${detainedOn}, no arrest request; released or moved to another measure only on ${alternative.time.date}, past ${limitText.en} (due by ${deadline})`,
          },
          [detention.evidence, alternative.evidence],
          key,
        ),
      );
      continue;
    }
    const approval = first(ofPerson(approvals, person));
    if (approval || facts.reviewDate > deadline) {
      out.push(
        missingFact(
          rule,
          { zh: '提请批准逮捕书，或释放、变更强制措施的文书', en: 'arrest request, release or change of measure' },
          { zh: `${name.zh}：拘留 ${detainedOn}，期限至 ${deadline}`, en: `${name.en}: detained ${detainedOn}, due by ${deadline}` },
          [detention.evidence, approval?.evidence],
          key,
        ),
      );
    }
  }
  return out;
}
