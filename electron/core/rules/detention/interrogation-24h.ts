// DETENTION_INTERROGATION_24H — the first 讯问 after a detention starts within 24
// hours of it (CPL 86; PSR 128). A 讯问 before the detention (during the summons)
// does not count.
import type { CaseFacts } from '../facts.js';
import { followUpFindings } from '../limits.js';
import { DETENTION, INTERROGATION, occurrences } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { hoursOf, LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'DETENTION_INTERROGATION_24H',
  title: { zh: '拘留后二十四小时内讯问', en: 'Interrogation within 24 h of detention' },
  citation: '《刑事诉讼法》第八十六条；《公安机关办理刑事案件程序规定》第一百二十八条',
  severity: 'violation',
  needs: ['拘留证（执行时间）', '讯问笔录（起止时间）'],
  evaluate: (facts: CaseFacts): RuleFinding[] =>
    followUpFindings(facts, {
      rule,
      measure: { spec: DETENTION, ownDocuments: ['DETENTION_WARRANT'], label: { zh: '拘留', en: 'detention' } },
      followUps: (f) => occurrences(f, INTERROGATION),
      followUpLabel: { zh: '首次讯问', en: 'first interrogation' },
      missing: { zh: '拘留后的讯问笔录', en: 'interrogation record after the detention' },
      hours: hoursOf(LEGAL_DEADLINES.detentionInterrogation),
    }),
};
export default rule;
