import { evaluateRules } from '../rules/index.js';
import { buildCaseFacts } from './case-facts.js';
import type { ReviewStage } from './stage.js';

/** Checks the case against the rule catalogue; decisions on earlier findings are kept. */
export const rulesStage: ReviewStage = {
  name: 'rules',
  async run(ctx) {
    const { store, kase } = ctx;
    ctx.progress(0, 1, 'rules.checking');
    const facts = buildCaseFacts(store, kase.id);
    const findings = evaluateRules(facts);
    const change = store.recordFindings(kase.id, ctx.jobId, findings);
    ctx.log(`rules: ${findings.length} findings (${JSON.stringify(change)})`);
    ctx.progress(1, 1, 'rules.done');
  },
};
