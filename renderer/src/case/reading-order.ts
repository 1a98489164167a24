// Where the reader is and where a step takes them. Paging runs through the whole case,
// file after file, so a volume split across PDFs reads as one; documents are stepped in
// the order the catalogue shows them. Pure, so the rules of moving can be read alone.
import type { CaseDetail, CaseFile, CatalogueEntry, FindingView, PageRef } from '../../../shared/api';

export interface Position {
  fileId: number;
  page: number;
}

/** Files that have pages, in the order the case lists them: the reading order. */
export function readableFiles(detail: CaseDetail | null): CaseFile[] {
  return (detail?.fileList ?? []).filter((f) => f.pages > 0);
}

/** Where a case opens when nothing asks for a place: its first document, else its first page. */
export function firstPosition(detail: CaseDetail, documents: readonly CatalogueEntry[]): Position | null {
  const firstDoc = documents[0];
  if (firstDoc) return { fileId: firstDoc.fileId, page: firstDoc.pageFrom };
  const firstFile = readableFiles(detail)[0];
  return firstFile ? { fileId: firstFile.id, page: 1 } : null;
}

/** A position that exists in this case (a stale URL or an old bookmark may not). */
export function validPosition(detail: CaseDetail, pos: Position | null): Position | null {
  if (!pos) return null;
  const file = detail.fileList.find((f) => f.id === pos.fileId && f.pages > 0);
  if (!file) return null;
  return { fileId: file.id, page: Math.min(Math.max(1, pos.page), file.pages) };
}

export function stepPage(readable: readonly CaseFile[], pos: Position, delta: 1 | -1): Position {
  const index = readable.findIndex((f) => f.id === pos.fileId);
  const file = readable[index];
  if (!file) return pos;
  const page = pos.page + delta;
  if (page >= 1 && page <= file.pages) return { fileId: pos.fileId, page };
  const neighbour = readable[index + delta];
  if (!neighbour) return pos;
  return { fileId: neighbour.id, page: delta > 0 ? 1 : neighbour.pages };
}

export function canStep(readable: readonly CaseFile[], pos: Position | null, delta: 1 | -1): boolean {
  if (!pos) return false;
  const index = readable.findIndex((f) => f.id === pos.fileId);
  if (index < 0) return false;
  if (delta < 0) return pos.page > 1 || index > 0;
  return pos.page < (readable[index]?.pages ?? 0) || index < readable.length - 1;
}

export function documentAt(documents: readonly CatalogueEntry[], pos: Position | null): CatalogueEntry | null {
  if (!pos) return null;
  return documents.find((d) => d.fileId === pos.fileId && d.pageFrom <= pos.page && pos.page <= d.pageTo) ?? null;
}

/** A place's rank in reading order: file by file, page by page. */
function rankOf(readable: readonly CaseFile[]): (fileId: number, page: number) => number {
  const order = new Map(readable.map((f, i) => [f.id, i]));
  return (fileId, page) => (order.get(fileId) ?? 0) * 1e6 + page;
}

/** The next or previous document as the catalogue lists them; between documents, the nearest in reading order. */
export function stepDocument(
  documents: readonly CatalogueEntry[],
  readable: readonly CaseFile[],
  pos: Position,
  delta: 1 | -1,
): CatalogueEntry | null {
  const current = documentAt(documents, pos);
  if (current) return documents[documents.findIndex((d) => d.id === current.id) + delta] ?? null;
  const rank = rankOf(readable);
  const here = rank(pos.fileId, pos.page);
  const keyed = documents.map((d) => ({ d, k: rank(d.fileId, d.pageFrom) })).sort((a, b) => a.k - b.k);
  return (delta > 0 ? keyed.find((x) => x.k > here)?.d : keyed.filter((x) => x.k < here).at(-1)?.d) ?? null;
}

/** Every piece of evidence of the findings still to be dealt with, in reading order: "f" walks through them. */
export function evidenceInOrder(findings: readonly FindingView[], readable: readonly CaseFile[]): PageRef[] {
  const rank = rankOf(readable);
  return findings
    .filter((f) => f.active && f.status !== 'dismissed')
    .flatMap((f) => f.evidence.filter((e) => e.fileId > 0))
    .sort((a, b) => rank(a.fileId, a.page) - rank(b.fileId, b.page) || (a.start ?? 0) - (b.start ?? 0));
}

/** The evidence after the cursor, or the first at or after the reader's page. */
export function nextEvidence(evidence: readonly PageRef[], readable: readonly CaseFile[], cursor: number, pos: Position): number {
  if (evidence.length === 0) return -1;
  const current = evidence[cursor];
  let index: number;
  if (current && current.fileId === pos.fileId && current.page === pos.page) index = cursor + 1;
  else {
    const rank = rankOf(readable);
    const here = rank(pos.fileId, pos.page);
    index = evidence.findIndex((e) => rank(e.fileId, e.page) >= here);
  }
  return index < 0 || index >= evidence.length ? 0 : index;
}

/** How many findings rest on each document, for the catalogue's dots. */
export function findingsPerDocument(findings: readonly FindingView[]): Map<string, number> {
  const byDoc = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.active) continue;
    for (const e of f.evidence) {
      if (!e.document) continue;
      const s = byDoc.get(e.document) ?? new Set<string>();
      s.add(f.key);
      byDoc.set(e.document, s);
    }
  }
  return new Map([...byDoc].map(([doc, keys]) => [doc, keys.size]));
}
