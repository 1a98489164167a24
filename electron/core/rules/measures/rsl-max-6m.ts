// RSL_MAX_6M — 监视居住 lasts at most 6 months (CPL 79; PSR 122).
import type { CaseFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { periodFindings } from './period-findings.js';
import { RSL_KIND } from './periods.js';

const rule: Rule = {
  id: 'RSL_MAX_6M',
  title: { zh: '监视居住不超过六个月', en: 'Residential surveillance at most 6 months' },
  citation: '《刑事诉讼法》第七十九条；《公安机关办理刑事案件程序规定》第一百二十二条',
  severity: 'violation',
  needs: ['监视居住决定书（起始日期）', '解除监视居住或变更强制措施的文书'],
  evaluate: (facts: CaseFacts): RuleFinding[] => periodFindings(facts, rule, RSL_KIND),
};
export default rule;
