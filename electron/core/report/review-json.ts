import { REVIEW_SCHEMA, type ReviewJson, type ReviewDocument, type ReviewPage } from '../../../shared/review.js';
import type { DocumentType, PageSource } from '../../../shared/vocab.js';
import type { CaseStore } from '../store/case-store.js';

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
      id: d.id, type: d.type as DocumentType, title: d.title, file: byId.get(d.file_id)?.path ?? '',
      pageFrom: d.page_from, pageTo: d.page_to, date: d.date, number: d.number, ordinal: d.ordinal,
    };
    if (d.fields_json) doc.fields = JSON.parse(d.fields_json) as Record<string, unknown>;
    return doc;
  });
  return {
    schema: REVIEW_SCHEMA,
    case: { id: kase.id, name: kase.name, folder: kase.folder, reviewedAt: kase.reviewed_at ?? new Date().toISOString() },
    files: files.filter((f) => f.sha256).map((f) => ({ path: f.path, sha256: f.sha256!, pages: f.status === 'ok' ? (store.getBlob(f.sha256!)?.page_count ?? 0) : 0, kind: f.kind ?? 'unknown', size: f.size })),
    pages,
    documents,
    entities: [],
    events: [],
    findings: [],
    errors: store.listErrors(caseId).map((e) => ({ file: e.path, message: e.message, stage: e.stage })),
    generator: { name: 'case-review', version: APP_VERSION },
  };
}
