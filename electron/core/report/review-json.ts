import {
  REVIEW_SCHEMA,
  type ReviewJson,
  type ReviewDocument,
  type ReviewEntity,
  type ReviewEvent,
  type ReviewFinding,
  type ReviewPage,
} from '../../../shared/review.js';
import type { DocumentType, EntityType, EventType, PageSource } from '../../../shared/vocab.js';
import type { FindingRow } from '../store/case-store.js';
import type { CaseStore } from '../store/case-store.js';

import { describeCorrection } from '../desk/entity-corrections.js';

export const APP_VERSION = '0.1.0';

/** Assembles review.json (case-review/1) from the store. */
export function buildReviewJson(store: CaseStore, caseId: string): ReviewJson {
  const kase = store.getCase(caseId);
  if (!kase) throw new Error(`case ${caseId} not found`);
  const files = store.listFiles(caseId);
  const byId = new Map(files.map((f) => [f.id, f]));
  const readable = files.filter((f) => f.status === 'ok' && f.sha256);
  const pages: ReviewPage[] = [];
  for (const f of readable) {
    for (const p of store.listPages(f.sha256!)) {
      const page: ReviewPage = { file: f.path, page: p.page_no, source: p.source as PageSource, confidence: p.confidence, text: p.text };
      if (p.rotation) page.rotation = p.rotation;
      pages.push(page);
    }
  }
  const documents: ReviewDocument[] = store.listDocuments(caseId).map((d) => {
    const doc: ReviewDocument = {
      id: d.id,
      type: d.type as DocumentType,
      title: d.title,
      file: byId.get(d.file_id)?.path ?? '',
      pageFrom: d.page_from,
      pageTo: d.page_to,
      date: d.date,
      number: d.number,
      ordinal: d.ordinal,
    };
    if (d.fields) doc.fields = { ...d.fields };
    return doc;
  });
  return {
    schema: REVIEW_SCHEMA,
    case: { id: kase.id, name: kase.name, folder: kase.folder, reviewedAt: kase.reviewed_at ?? new Date().toISOString() },
    files: files
      .filter((f) => f.sha256)
      .map((f) => ({
        path: f.path,
        sha256: f.sha256!,
        pages: f.status === 'ok' ? (store.getBlob(f.sha256!)?.page_count ?? 0) : 0,
        kind: f.kind ?? 'unknown',
        size: f.size,
      })),
    pages,
    documents,
    entities: buildEntities(store, caseId, byId),
    events: store.listEvents(caseId).map((e) => {
      const ev: ReviewEvent = {
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
      };
      if (e.conflicts) ev.conflicts = e.conflicts;
      return ev;
    }),
    findings: store.listFindings(caseId).map(toReviewFinding),
    resolvedFindings: store
      .listFindings(caseId, { includeResolved: true })
      .filter((f) => !f.active)
      .map(toReviewFinding),
    errors: store.listErrors(caseId).map((e) => ({ file: e.path, message: e.message, stage: e.stage })),
    statements: store.listStatements(caseId).map((st) => ({
      person: st.person_id,
      personName: st.person_name,
      document: st.document_id,
      page: st.page_from,
      kind: st.kind,
      session: st.session,
      start: st.start,
      claims: st.claims.map((c) => ({ about: c.about, value: c.value, words: c.words, text: c.text, page: c.page })),
    })),
    entityCorrections: store.listEntityCorrections(caseId, { includeUndone: true }).map((c) => {
      const summary = describeCorrection(c.correction);
      const { kind, ...detail } = c.correction;
      return {
        id: c.id,
        kind,
        summary: summary.zh,
        summaryEn: summary.en,
        reviewer: c.reviewer,
        at: c.at,
        undone: c.undone_at !== null,
        detail,
      };
    }),
    generator: { name: 'case-review', version: APP_VERSION },
  };
}

function toReviewFinding(f: FindingRow): ReviewFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    citation: f.citation,
    evidence: f.evidence,
    status: f.status,
    note: f.note,
    key: f.key,
    messageEn: f.message_en,
    change: f.change,
  };
}

function buildEntities(store: CaseStore, caseId: string, files: Map<number, { path: string }>): ReviewEntity[] {
  const mentions = new Map<string, ReviewEntity['mentions']>();
  for (const m of store.listMentions(caseId)) {
    const list = mentions.get(m.entity_id) ?? [];
    list.push({
      document: m.document_id ?? '',
      page: m.page_no,
      text: m.text,
      start: m.start,
      end: m.end,
      bbox: m.bbox,
      file: files.get(m.file_id)?.path ?? '',
    });
    mentions.set(m.entity_id, list);
  }
  const links = new Map<string, ReviewEntity['links']>();
  for (const l of store.crossCaseLinks(caseId)) {
    const list = links.get(l.entity_id) ?? [];
    list.push({ case: l.other_case, entity: l.other_entity, caseName: l.other_name });
    links.set(l.entity_id, list);
  }
  return store.listEntities(caseId).map((e) => ({
    id: e.id,
    type: e.type as EntityType,
    value: e.value,
    attributes: e.attributes,
    mentions: mentions.get(e.id) ?? [],
    links: links.get(e.id) ?? [],
  }));
}
