// ARREST_INTERROGATION_24H — the first 讯问 after an arrest starts within 24 hours
// of its execution (CPL 94; PSR 144), even when the suspect was already held.
import type { CaseFacts } from '../facts.js';
import { followUpFindings } from '../limits.js';
import { ARREST, INTERROGATION, occurrences } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { hoursOf, LEGAL_DEADLINES } from '../../../../shared/deadlines.js';

const rule: Rule = {
  id: 'ARREST_INTERROGATION_24H',
  title: { zh: '逮捕后二十四小时内讯问', en: 'Interrogation within 24 h of arrest' },
  citation: '《刑事诉讼法》第九十四条；《公安机关办理刑事案件程序规定》第一百四十四条',
  severity: 'violation',
  needs: ['逮捕证（执行时间）', '讯问笔录（起止时间）'],
  evaluate: (facts: CaseFacts): RuleFinding[] =>
    followUpFindings(facts, {
      rule,
      measure: { spec: ARREST, ownDocuments: ['ARREST_WARRANT'], label: { zh: '逮捕', en: 'arrest' } },
      followUps: (f) => occurrences(f, INTERROGATION),
      followUpLabel: { zh: '首次讯问', en: 'first interrogation' },
      missing: { zh: '逮捕后的讯问笔录', en: 'interrogation record after the arrest' },
      hours: hoursOf(LEGAL_DEADLINES.arrestInterrogation),
    }),
};
export default rule;
