// The statements a reviewer compares: every record of a person, records side by side with their
// answers aligned by topic, and the words where they disagree.
import type { StatementComparison, StatementList, StatementRecord, StatementTopic } from '../../../shared/api.js';
import type { PersonRole } from '../../../shared/vocab.js';
import type { Claim } from '../statements/claims.js';
import { ABOUT_LABEL, contradictions, personAccount, retractions, type Difference } from '../statements/compare.js';
import type { Statement } from '../statements/statements.js';
import type { CaseStore, StatementRow } from '../store/case-store.js';
import { PageRefs } from './refs.js';

// The order a reviewer reads an account in; identity and procedure last (the view folds them).
const TOPIC_ORDER: StatementTopic[] = [
  'account',
  'time',
  'place',
  'people',
  'amount',
  'means',
  'aftermath',
  'admission',
  'other',
  'closing',
  'identity',
  'procedure',
];

function statementOf(r: StatementRow): Statement {
  return {
    document: r.document_id,
    title: '',
    page: r.page_from,
    pageTo: r.page_to,
    kind: r.kind,
    person: r.person_id,
    personName: r.person_name,
    role: r.role as PersonRole | null,
    session: r.session,
    start: r.start,
    turns: r.turns,
    claims: r.claims,
  };
}

function recordOf(r: StatementRow, refs: PageRefs, titles: Map<string, string>): StatementRecord {
  const ref = refs.forDocumentPage(r.document_id, r.page_from, '');
  return {
    document: r.document_id,
    title: titles.get(r.document_id) ?? (r.kind === 'interrogation' ? '讯问笔录' : '询问笔录'),
    kind: r.kind,
    session: r.session,
    start: r.start,
    page: r.page_from,
    pageTo: r.page_to,
    fileId: ref.fileId,
    file: ref.file,
  };
}

export function listStatements(store: CaseStore, caseId: string): StatementList {
  const refs = new PageRefs(store, caseId);
  const titles = new Map(store.listDocuments(caseId).map((d) => [d.id, d.title]));
  const persons = new Map<string, StatementList['persons'][number]>();
  for (const r of store.listStatements(caseId)) {
    const key = r.person_id ?? `doc:${r.document_id}`;
    const p = persons.get(key) ?? { id: r.person_id, name: r.person_name ?? '（未识别）', role: r.role as PersonRole | null, records: [] };
    p.records.push(recordOf(r, refs, titles));
    persons.set(key, p);
  }
  // Suspects first, then victims, then witnesses: the order the file tells the case in.
  const rank = (role: PersonRole | null): number => ['SUSPECT', 'VICTIM', 'WITNESS'].indexOf(role ?? '') + 1 || 9;
  return { persons: [...persons.values()].sort((a, b) => rank(a.role) - rank(b.role)) };
}

export function compareStatements(store: CaseStore, caseId: string, documents: readonly string[]): StatementComparison {
  const rows = store.listStatements(caseId);
  const chosen = documents.map((d) => {
    const r = rows.find((x) => x.document_id === d);
    if (!r) throw new Error(`文书 ${d} 不是本案的讯问或询问笔录`);
    return r;
  });
  const refs = new PageRefs(store, caseId);
  const titles = new Map(store.listDocuments(caseId).map((d) => [d.id, d.title]));
  const statements = chosen.map(statementOf);
  const columns = chosen.map((r, i) => ({
    ...recordOf(r, refs, titles),
    person: r.person_id,
    personName: r.person_name,
    role: r.role as PersonRole | null,
    turns: statements[i]!.turns.map((t) => ({ index: t.index, question: t.question, answer: t.answer, page: t.page, topic: t.topic })),
  }));
  const aligned = TOPIC_ORDER.map((topic) => ({
    topic,
    cells: statements.map((s) => s.turns.filter((t) => t.topic === topic).map((t) => t.index)),
  })).filter((row) => row.cells.some((c) => c.length > 0));
  // Every pair of columns: one person's records in the order given, or two people's accounts.
  const differences: StatementComparison['differences'] = [];
  for (let i = 0; i < statements.length; i++) {
    for (let j = i + 1; j < statements.length; j++) {
      const a = statements[i]!;
      const b = statements[j]!;
      const same = a.person !== null && a.person === b.person;
      const [first, second] = same && (b.session ?? 0) < (a.session ?? 0) ? [b, a] : [a, b];
      const found: Difference[] = same ? retractions([first, second]) : contradictions(personAccount([a]), personAccount([b]));
      for (const d of found) {
        const side = (c: Claim, s: Statement) => {
          const column = statements.indexOf(s);
          const turn = s.turns.find((t) => t.index === c.turn);
          const at = turn ? turn.answerAt : 0;
          return { column, turn: c.turn, start: c.start - at, end: c.end - at, words: c.words, page: c.page };
        };
        const sa = statements.find((s) => s.document === d.a_statement) ?? first;
        const sb = statements.find((s) => s.document === d.b_statement) ?? second;
        differences.push({ about: d.about, label: ABOUT_LABEL[d.about], sides: [side(d.a, sa), side(d.b, sb)] });
      }
    }
  }
  return { columns, rows: aligned, differences };
}
