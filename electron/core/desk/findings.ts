import type { FindingView, PageView } from '../../../shared/api.js';
import type { CaseStore, FindingRow } from '../store/case-store.js';
import { ALL_RULES } from '../rules/index.js';
import { CaseReviewError } from '../errors.js';
import { PageRefs } from './refs.js';

const TITLES = new Map(ALL_RULES.map((r) => [r.id as string, r.title]));

function view(f: FindingRow, refs: PageRefs): FindingView {
  const evidence = f.evidence.map((e) => refs.forDocumentPage(e.document, e.page, e.text));
  return {
    key: f.key,
    rule: f.rule,
    title: TITLES.get(f.rule) ?? { zh: f.rule, en: f.rule },
    severity: f.severity,
    message: f.message,
    messageEn: f.message_en,
    citation: f.citation,
    evidence,
    status: f.status,
    note: f.note,
    change: f.change,
    active: f.active === 1,
  };
}

export function listFindings(store: CaseStore, caseId: string, includeResolved = false): FindingView[] {
  const refs = new PageRefs(store, caseId);
  return store.listFindings(caseId, { includeResolved }).map((f) => view(f, refs));
}

export function decideFinding(
  store: CaseStore,
  caseId: string,
  key: string,
  status: FindingView['status'],
  note: string,
  reviewer: string,
): FindingView {
  if (!store.decideFinding(caseId, key, status, note, reviewer)) throw new CaseReviewError('not-found', `审查意见不存在：${key}`);
  const row = store.listFindings(caseId, { includeResolved: true }).find((f) => f.key === key)!;
  return view(row, new PageRefs(store, caseId));
}

/**
 * The findings whose evidence is on one page, with the words located there. Called on
 * every page turn, so only evidence from documents in this file is looked for on the page.
 */
export function findingsOnPage(store: CaseStore, caseId: string, fileId: number, page: number): NonNullable<PageView['findings']> {
  const refs = new PageRefs(store, caseId);
  const path = refs.file(fileId)?.path;
  const out: NonNullable<PageView['findings']> = [];
  for (const f of store.listFindings(caseId)) {
    for (const e of f.evidence) {
      const d = refs.document(e.document);
      if (!d || (d.fileId !== fileId && !(path && d.files?.includes(path)))) continue;
      const ref = refs.forDocumentPage(e.document, e.page, e.text);
      if (ref.fileId === fileId && ref.page === page)
        out.push({
          key: f.key,
          rule: f.rule,
          severity: f.severity,
          text: ref.text,
          start: ref.start,
          end: ref.end,
          bbox: ref.bbox ?? null,
        });
    }
  }
  return out;
}
