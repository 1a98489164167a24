// BAIL_MAX_12M — police-stage 取保候审 lasts at most 12 months (CPL 79; PSR 107–108).
import type { CaseFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { periodFindings } from './period-findings.js';
import { BAIL_KIND } from './periods.js';

const rule: Rule = {
  id: 'BAIL_MAX_12M',
  title: { zh: '取保候审不超过十二个月', en: 'Bail at most 12 months' },
  citation: '《刑事诉讼法》第七十九条；《公安机关办理刑事案件程序规定》第一百零七条、第一百零八条',
  severity: 'violation',
  needs: ['取保候审决定书（起始日期）', '解除取保候审或变更强制措施的文书'],
  evaluate: (facts: CaseFacts): RuleFinding[] => periodFindings(facts, rule, BAIL_KIND),
};
export default rule;
