import type { DocumentType, EventType, PersonRole } from '../../../shared/vocab.js';
import type { CaseFacts, FactPerson } from '../rules/facts.js';
import type { CaseStore } from '../store/case-store.js';
import { documentText, loadDocuments, pageStarts } from './document-pages.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The case's people as the rules and the timeline see them, from the PERSON entities. */
export function casePersons(store: CaseStore, caseId: string): FactPerson[] {
  return store
    .listEntities(caseId)
    .filter((e) => e.type === 'PERSON')
    .map((e) => {
      const a = e.attributes;
      const gender = a.gender === '男' || a.gender === '女' ? a.gender : null;
      return {
        id: e.id,
        name: e.value,
        role: (str(a.role) as PersonRole | null) ?? null,
        idNumber: str(a.idNumber),
        idValid: typeof a.idValid === 'boolean' ? a.idValid : null,
        birthDate: str(a.birthDate),
        gender,
        aliases: Array.isArray(a.aliases) ? (a.aliases as string[]) : [],
        attributes: a,
      };
    });
}

// "涉嫌盗窃罪", "以涉嫌诈骗罪" — the charge as the file states it.
const CHARGE = /涉嫌([\u4e00-\u9fa5、]{1,16}?罪)/;

export function buildCaseFacts(store: CaseStore, caseId: string, reviewDate = new Date().toISOString().slice(0, 10)): CaseFacts {
  const docs = loadDocuments(store, caseId);
  const documents = docs.map((d) => ({
    id: d.id,
    type: d.type as DocumentType,
    title: d.title,
    date: d.date,
    number: d.number,
    page: d.pageFrom,
    pageTo: d.pageTo,
    text: documentText(d),
    pageStarts: pageStarts(d),
    fields: d.fields,
  }));
  // The person a document is about, as a person of the case: resolved once here for every rule.
  const persons = casePersons(store, caseId);
  for (const d of documents) {
    const name = d.fields.subject;
    if (!name || d.fields.subjectId) continue;
    const p = persons.find((x) => x.name === name || x.aliases.includes(name));
    if (p) d.fields.subjectId = p.id;
  }
  let charge: string | null = null;
  for (const d of documents) {
    const m = CHARGE.exec(d.text);
    if (m) {
      charge = m[1]!;
      break;
    }
  }
  const all = store.listEvents(caseId).map((e) => ({
    id: e.id,
    type: e.type as EventType,
    start: e.start,
    end: e.end,
    subjects: e.subjects,
    actors: e.actors,
    place: e.place,
    document: e.document_id,
    page: e.page_no,
    text: e.text,
    basis: e.basis,
  }));
  // The rules of RULES.md A–L reason over what the papers prove; what narratives tell is checked against it apart.
  const events = all.filter((e) => e.basis === 'document');
  const narrative = all.filter((e) => e.basis === 'narrative');
  return { caseId, charge, reviewDate, documents, persons, events, narrative };
}
