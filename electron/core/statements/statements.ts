// Statements as data: each 讯问笔录 and 询问笔录 as the person's account — who speaks, which
// session, when, and the claims of the answers — in the order the person gave them.
import type { PersonRole } from '../../../shared/vocab.js';
import type { CaseFacts, FactDocument } from '../rules/facts.js';
import { recordSubjectId } from '../rules/facts.js';
import { claimsOf, type Claim } from './claims.js';
import { recordTurns, TESTIMONY, type Turn } from './turns.js';

export interface Statement {
  document: string;
  /** The record's title and first page, for quoting. */
  title: string;
  page: number;
  pageTo: number;
  kind: 'interrogation' | 'inquiry';
  /** Person id of the person questioned; null when the record names nobody the case knows. */
  person: string | null;
  personName: string | null;
  role: PersonRole | null;
  /** 第N次. */
  session: number | null;
  /** When the session began, as the header gives it. */
  start: string | null;
  turns: Turn[];
  claims: Claim[];
}

const RECORD_TYPES = new Set(['INTERROGATION_RECORD', 'INQUIRY_RECORD']);

export function statementOf(facts: CaseFacts, doc: FactDocument): Statement {
  const kind = doc.type === 'INTERROGATION_RECORD' ? 'interrogation' : 'inquiry';
  const person = recordSubjectId(facts, doc);
  const p = person ? facts.persons.find((x) => x.id === person) : undefined;
  const name = p?.name ?? (typeof doc.fields.subject === 'string' ? doc.fields.subject : null);
  const turns = recordTurns(doc.text, doc.pageStarts ?? [0], doc.page);
  const start = typeof doc.fields.start === 'string' ? doc.fields.start : null;
  const suspect = kind === 'interrogation' || p?.role === 'SUSPECT';
  // Times in an answer without a day of their own are times of the event told, not of the record:
  // only 同日/次日 look to the record's date.
  const claims = claimsOf(turns, { speaker: name, suspect, ref: doc.date, testimony: TESTIMONY });
  // A participant named by a nickname in one record and by name in another is one person: names
  // are compared as the case's persons (by name or alias) where the case knows them.
  for (const c of claims) {
    if (!c.names?.length) continue;
    c.names = c.names.map((n) => facts.persons.find((x) => x.name === n || x.aliases.includes(n))?.name ?? n);
  }
  return {
    document: doc.id,
    title: doc.title,
    page: doc.page,
    pageTo: doc.pageTo,
    kind,
    person,
    personName: name,
    role: p?.role ?? (kind === 'interrogation' ? 'SUSPECT' : null),
    session: typeof doc.fields.session === 'number' ? doc.fields.session : null,
    start,
    turns,
    claims,
  };
}

/** Every record of the case as a statement, each person's in the order given (session, then time). */
export function caseStatements(facts: CaseFacts): Statement[] {
  return facts.documents
    .filter((d) => RECORD_TYPES.has(d.type))
    .map((d) => statementOf(facts, d))
    .sort((a, b) => {
      if (a.person !== b.person) return (a.person ?? '').localeCompare(b.person ?? '');
      if (a.session !== null && b.session !== null && a.session !== b.session) return a.session - b.session;
      return (a.start ?? '').localeCompare(b.start ?? '');
    });
}
