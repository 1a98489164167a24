import { ALL_RULES, evaluateRules } from '../rules/index.js';
import { weighDoubtfulDates } from '../consensus/doubtful-findings.js';
import { caseStatements } from '../statements/statements.js';
import { buildCaseFacts } from './case-facts.js';
import type { ReviewStage } from './stage.js';

/** Reads the records as statements and checks the case against the rule catalogue; decisions on earlier findings are kept. */
export const rulesStage: ReviewStage = {
  name: 'rules',
  async run(ctx) {
    const { store, kase } = ctx;
    ctx.progress(0, 1, 'rules.checking');
    const facts = buildCaseFacts(store, kase.id);
    // The records as statements: built once here, read by the statement rules, the compare view and the report.
    facts.statements = caseStatements(facts);
    store.replaceStatements(
      kase.id,
      facts.statements.map((st) => ({
        document_id: st.document,
        person_id: st.person,
        person_name: st.personName,
        role: st.role,
        kind: st.kind,
        session: st.session,
        start: st.start,
        page_from: st.page,
        page_to: st.pageTo,
        turns: st.turns,
        claims: st.claims,
      })),
    );
    const findings = weighDoubtfulDates(facts, evaluateRules(facts), ALL_RULES);
    const change = store.recordFindings(kase.id, ctx.jobId, findings);
    ctx.log(`rules: ${findings.length} findings (${JSON.stringify(change)})`);
    ctx.progress(1, 1, 'rules.done');
  },
};
