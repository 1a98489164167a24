// A small builder of CaseFacts for rule tests: documents, persons and events with
// sensible defaults, ids d1…, p1…, v1… and consecutive pages.
import type { CaseFacts, FactDocument, FactEvent, FactPerson, RecordFields } from '../../../electron/core/rules/facts.js';
import type { DocumentType, EventType } from '../../../shared/vocab.js';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/vocab.js';
import { readFields } from '../../../electron/core/catalogue/fields.js';

export interface DocumentInput {
  id?: string;
  title?: string;
  date?: string | null;
  number?: string | null;
  page?: number;
  pageTo?: number;
  text?: string;
  fields?: RecordFields;
}

export interface EventInput {
  id?: string;
  end?: string | null;
  subjects?: string[];
  actors?: string[];
  place?: string | null;
  document?: string;
  page?: number;
  text?: string;
}

export class CaseBuilder {
  private readonly facts: CaseFacts;
  private nextPage = 1;

  constructor(init: Partial<Pick<CaseFacts, 'caseId' | 'charge' | 'reviewDate'>> = {}) {
    this.facts = {
      caseId: init.caseId ?? 'case-1',
      charge: init.charge === undefined ? '盗窃罪' : init.charge,
      reviewDate: init.reviewDate ?? '2025-01-01',
      documents: [],
      persons: [],
      events: [],
    };
  }

  charge(charge: string | null): this {
    this.facts.charge = charge;
    return this;
  }

  /** Adds a person and returns its id. */
  person(name: string, init: Partial<Omit<FactPerson, 'name'>> = {}): string {
    const id = init.id ?? `p${this.facts.persons.length + 1}`;
    this.facts.persons.push({
      id,
      name,
      role: init.role === undefined ? 'SUSPECT' : init.role,
      idNumber: init.idNumber ?? null,
      idValid: init.idValid ?? null,
      birthDate: init.birthDate ?? null,
      gender: init.gender ?? null,
      aliases: init.aliases ?? [],
      attributes: init.attributes ?? {},
    });
    return id;
  }

  /** Adds a document and returns its id. */
  doc(type: DocumentType, init: DocumentInput = {}): string {
    const id = init.id ?? `d${this.facts.documents.length + 1}`;
    const page = init.page ?? this.nextPage;
    const pageTo = init.pageTo ?? page;
    this.nextPage = Math.max(this.nextPage, pageTo + 1);
    const title = init.title ?? DOCUMENT_TYPE_LABELS[type].zh;
    const doc: FactDocument = {
      id,
      type,
      title,
      date: init.date ?? null,
      number: init.number ?? null,
      page,
      pageTo,
      text: init.text ?? title,
      // What the catalogue reads off the text (as the pipeline would), under the fields the test gives.
      fields: { ...(init.text ? readFields(type, init.text, init.date ?? null).fields : {}), ...(init.fields ?? {}) },
    };
    this.facts.documents.push(doc);
    return id;
  }

  /** Adds an event and returns its id; by default it is read from the last document added. */
  event(type: EventType, start: string | null, init: EventInput = {}): string {
    const id = init.id ?? `v${this.facts.events.length + 1}`;
    const source = init.document
      ? this.facts.documents.find((d) => d.id === init.document)
      : this.facts.documents[this.facts.documents.length - 1];
    const ev: FactEvent = {
      id,
      type,
      start,
      end: init.end ?? null,
      subjects: init.subjects ?? [],
      actors: init.actors ?? [],
      place: init.place ?? null,
      document: init.document ?? source?.id ?? 'd0',
      page: init.page ?? source?.page ?? 1,
      text: init.text ?? `${type} ${start ?? ''}`.trim(),
    };
    this.facts.events.push(ev);
    return id;
  }

  /** A document and the event it records, in one step; returns the document id. */
  act(docType: DocumentType, eventType: EventType, start: string | null, init: DocumentInput & { event?: EventInput } = {}): string {
    const { event, ...docInit } = init;
    const date = docInit.date === undefined && start ? start.slice(0, 10) : docInit.date;
    const id = this.doc(docType, { ...docInit, date });
    this.event(eventType, start, { ...event, document: id });
    return id;
  }

  build(): CaseFacts {
    return structuredClone(this.facts);
  }
}

export function newCase(init: Partial<Pick<CaseFacts, 'caseId' | 'charge' | 'reviewDate'>> = {}): CaseBuilder {
  return new CaseBuilder(init);
}

/** China time 'YYYY-MM-DDTHH:mm:00+08:00' from '2024-03-05 14:30'. */
export function at(local: string): string {
  const [date, time] = local.split(' ');
  return time ? `${date}T${time}:00+08:00` : (date ?? local);
}
