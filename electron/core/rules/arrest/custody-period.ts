// CUSTODY_PERIOD — investigation custody after an arrest lasts at most 2 months;
// extensions of 1 month (next-level procuratorate), 2 months (provincial) and 2 more
// (provincial, ≥ 10-year sentence possible): at most 7 months in all. Each
// extension is in place before the period it extends runs out. A newly found major
// offence restarts the period; custody of a suspect of unknown identity runs from
// when the identity is established (CPL 156, 158–160; PSR 148–152; SPC 202).
import type { CaseFacts } from '../facts.js';
import type { Occurrence, OccurrenceSpec } from '../occurrences.js';
import {
  ARREST,
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
import { addDays, countingStart, formatCaseTime, monthDeadline, monthLimit, parseCaseTime } from '../../../../shared/case-time.js';
import { LEGAL_DEADLINES, LEGAL_LIMITS } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'CUSTODY_PERIOD',
  title: { zh: '侦查羁押期限', en: 'Investigation custody period' },
  citation: '《刑事诉讼法》第一百五十六条、第一百五十八条至第一百六十条；《公安机关办理刑事案件程序规定》第一百四十八条至第一百五十二条',
  severity: 'violation',
  needs: ['逮捕证（执行时间）', '延长侦查羁押期限决定书', '起诉意见书/移送审查起诉日期'],
  evaluate,
};
export default rule;

const MAX_MONTHS = LEGAL_LIMITS.custodyMaximum.limit.months;
const EXTENSION: OccurrenceSpec = {
  events: [],
  documents: [],
  titles: /延长侦查羁押期限|延长羁押期限/,
  fields: ['approvedAt'],
  useDocumentDate: true,
};
const RESTART: OccurrenceSpec = {
  events: [],
  documents: [],
  titles: /重新计算侦查羁押期限|重新计算羁押期限/,
  fields: ['start'],
  useDocumentDate: true,
};
const IDENTIFIED: OccurrenceSpec = {
  events: [],
  documents: [],
  titles: /查清身份|身份查明|确认身份/,
  fields: ['start'],
  useDocumentDate: true,
};
const TRANSFER: OccurrenceSpec = {
  events: ['TRANSFERRED_FOR_PROSECUTION'],
  documents: ['PROSECUTION_OPINION'],
  fields: [],
  useDocumentDate: true,
};
const RELEASE: OccurrenceSpec = { events: [], documents: [], titles: /释放证明|释放通知书/, fields: ['executedAt'], useDocumentDate: true };

function extensionMonths(o: Occurrence, index: number): number {
  if (typeof o.doc?.fields.months === 'number') return o.doc.fields.months;
  // The paper does not say: CPL 156 grants one month first; CPL 158 and 159 two months each.
  return index === 0 ? 1 : 2;
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const extensions = attribute(facts, occurrences(facts, EXTENSION));
  const restarts = attribute(facts, [...occurrences(facts, RESTART), ...occurrences(facts, IDENTIFIED)]);
  const ends = attribute(facts, [
    ...occurrences(facts, TRANSFER),
    ...occurrences(facts, RELEASE),
    ...occurrences(facts, BAIL),
    ...occurrences(facts, RESIDENTIAL_SURVEILLANCE),
  ]);
  for (const [person, occs] of perPerson(attribute(facts, occurrences(facts, ARREST)))) {
    const arrest = principal(occs, ['ARREST_WARRANT']);
    if (!arrest?.time) continue;
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [person ?? arrest.doc?.id];
    const restart = first(atOrAfter(ofPerson(restarts, person), arrest.time));
    const start = countingStart(arrest.time, restart?.time);
    const startText = restart?.time ? `重新计算自 ${formatCaseTime(start)}` : `逮捕 ${formatCaseTime(start)}`;
    const startEn = restart?.time ? `restarted ${formatCaseTime(start)}` : `arrest ${formatCaseTime(start)}`;

    let months: number = LEGAL_DEADLINES.custodyPeriod.limit.months;
    const granted = atOrAfter(ofPerson(extensions, person), start).sort((a, b) => (a.time?.ms ?? 0) - (b.time?.ms ?? 0));
    const evidence = [arrest.evidence, restart?.evidence];
    granted.forEach((ext, i) => {
      const expiring = monthDeadline(start, months);
      if (ext.time && ext.time.date > expiring) {
        out.push(
          finding(
            rule,
            'violation',
            {
              zh: `${name.zh}：${startText}，羁押期限 ${expiring} 届满，延长侦查羁押期限的决定 ${ext.time.date} 在期满之后作出`,
              en: `${name.en}: ${startEn}, custody ran out on ${expiring}; the extension was decided on ${ext.time.date}, after it ran out`,
            },
            [...evidence, ext.evidence],
            ['extension-late', String(i + 1), ...key],
          ),
        );
      }
      const requested = parseCaseTime(typeof ext.doc?.fields.requestedAt === 'string' ? ext.doc.fields.requestedAt : null);
      if (requested && requested.date > addDays(expiring, -7)) {
        out.push(
          finding(
            rule,
            'warning',
            {
              zh: `${name.zh}：延长侦查羁押期限的提请 ${requested.date} 距期满 ${expiring} 不足 7 日`,
              en: `${name.en}: the extension request of ${requested.date} reached the procuratorate less than 7 days before the expiry on ${expiring}`,
            },
            [ext.evidence],
            ['extension-request', String(i + 1), ...key],
          ),
        );
      }
      months += extensionMonths(ext, i);
    });
    months = Math.min(months, MAX_MONTHS);
    const deadline = monthDeadline(start, months);
    const limitText = { zh: `${months} 个月（期限至 ${deadline}）`, en: `${months} months (until ${deadline})` };
    const allEvidence = [...evidence, ...granted.map((g) => g.evidence)];
    const end = first(atOrAfter(ofPerson(ends, person), arrest.time));
    if (!end?.time) {
      if (facts.reviewDate > deadline) {
        out.push(
          missingFact(
            rule,
            { zh: '移送审查起诉、变更强制措施或延长羁押期限的文书', en: 'transfer for prosecution, change of measure or extension' },
            { zh: `${name.zh}：${startText}，侦查羁押 ${limitText.zh}`, en: `${name.en}: ${startEn}, custody of ${limitText.en}` },
            allEvidence,
            key,
          ),
        );
      }
      continue;
    }
    const r = monthLimit(start, end.time, months);
    if (r.outcome === 'within') continue;
    const figures = {
      zh: `${name.zh}：${startText} → 侦查羁押结束 ${formatCaseTime(end.time)}，期限 ${limitText.zh}`,
      en: `${name.en}: ${startEn} → custody ended ${formatCaseTime(end.time)}, limit ${limitText.en}`,
    };
    out.push(
      r.outcome === 'over'
        ? finding(
            rule,
            'violation',
            { zh: `${figures.zh}，已超期`, en: `${figures.en}: past the limit` },
            [...allEvidence, end.evidence],
            key,
          )
        : finding(
            rule,
            'warning',
            { zh: `${figures.zh}，在期限最后一日结束，请核实`, en: `${figures.en}: ended on the last day; check` },
            [...allEvidence, end.evidence],
            key,
          ),
    );
  }
  return out;
}
