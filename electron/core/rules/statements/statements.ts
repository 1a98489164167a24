// The statements of a case as the rules read them: built once per evaluation from the records.
import type { CaseFacts } from '../facts.js';
import { caseStatements, type Statement } from '../../statements/statements.js';

const built = new WeakMap<CaseFacts, Statement[]>();

/** The case's statements: those the pipeline built, else built now from its records. */
export function statementsOf(facts: CaseFacts): Statement[] {
  if (facts.statements) return facts.statements;
  let s = built.get(facts);
  if (!s) {
    s = caseStatements(facts);
    built.set(facts, s);
  }
  return s;
}

/** Each person's statements in the order given; records of nobody the case knows stand alone. */
export function byPerson(statements: readonly Statement[]): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of statements) {
    const k = s.person ?? `doc:${s.document}`;
    out.set(k, [...(out.get(k) ?? []), s]);
  }
  return out;
}

/** "第2次讯问笔录（第7页）" */
export function recordLabel(s: Statement): { zh: string; en: string } {
  const kind = s.kind === 'interrogation' ? { zh: '讯问笔录', en: 'interrogation record' } : { zh: '询问笔录', en: 'inquiry record' };
  return {
    zh: `${s.session ? `第${s.session}次` : ''}${kind.zh}（第${s.page}页）`,
    en: `${kind.en}${s.session ? ` no. ${s.session}` : ''} (p. ${s.page})`,
  };
}
