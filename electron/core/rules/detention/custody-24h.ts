// DETENTION_CUSTODY_24H — a detainee reaches the 看守所 within 24 hours of the
// detention (CPL 85(2); PSR 126); away from home, the local jail within 24 hours.
import type { CaseFacts } from '../facts.js';
import { followUpFindings } from '../limits.js';
import { DETENTION, custodyArrivals } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { hoursOf, LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'DETENTION_CUSTODY_24H',
  title: { zh: '拘留后二十四小时内送看守所羁押', en: 'Detainee in the jail within 24 h' },
  citation: '《刑事诉讼法》第八十五条第二款；《公安机关办理刑事案件程序规定》第一百二十六条、第一百五十三条',
  severity: 'violation',
  needs: ['拘留证（执行时间）', '送看守所时间（看守所收押回执）'],
  evaluate: (facts: CaseFacts): RuleFinding[] =>
    followUpFindings(facts, {
      rule,
      measure: { spec: DETENTION, ownDocuments: ['DETENTION_WARRANT'], label: { zh: '拘留', en: 'detention' } },
      followUps: custodyArrivals,
      followUpLabel: { zh: '送看守所', en: 'jail arrival' },
      missing: { zh: '送看守所羁押的时间', en: 'time of arrival at the jail' },
      hours: hoursOf(LEGAL_DEADLINES.detentionCustody),
    }),
};
export default rule;
