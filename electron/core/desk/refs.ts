import type { BBox, PageRef } from '../../../shared/api.js';
import type { OcrWord } from '../../../shared/api.js';
import type { CaseStore, DocumentRow } from '../store/case-store.js';
import type { WordRange } from '../store/reader-page.js';
import { boxFor } from '../pages/words.js';

interface DocInfo {
  id: string;
  title: string;
  fileId: number;
  file: string;
  sha256: string | null;
  pageFrom: number;
  pageTo: number;
  files: string[] | null;
}

/**
 * Resolves "document d4, page 9, these words" into something the reader can open: the
 * file, and the words' offsets and box on that page. What it needs of the case (its files,
 * its catalogue) is read when first asked for: a search touching a few pages of each of a
 * hundred cases reads those pages' files and documents, not the hundred catalogues.
 */
export class PageRefs {
  private docsLoaded: Map<string, DocInfo> | null = null;
  private filesByPathLoaded: Map<string, { id: number; sha256: string | null }> | null = null;
  private filesById = new Map<number, { path: string; sha256: string | null } | null>();
  private docAt = new Map<string, DocInfo | null>();
  private pageCache = new Map<string, { text: string; words: OcrWord[] | null; ranges: WordRange[] | null } | null>();

  constructor(
    private readonly store: CaseStore,
    private readonly caseId: string,
  ) {}

  private get docs(): Map<string, DocInfo> {
    if (!this.docsLoaded) {
      this.docsLoaded = new Map();
      for (const d of this.store.listDocuments(this.caseId)) this.docsLoaded.set(d.id, this.docInfo(d));
    }
    return this.docsLoaded;
  }

  private docInfo(d: DocumentRow): DocInfo {
    const f = this.file(d.file_id);
    return {
      id: d.id,
      title: d.title,
      fileId: d.file_id,
      file: f?.path ?? '',
      sha256: f?.sha256 ?? null,
      pageFrom: d.page_from,
      pageTo: d.page_to,
      files: d.fields?.files ?? null,
    };
  }

  private get filesByPath(): Map<string, { id: number; sha256: string | null }> {
    if (!this.filesByPathLoaded) {
      this.filesByPathLoaded = new Map();
      for (const f of this.store.listFiles(this.caseId)) {
        this.filesByPathLoaded.set(f.path, { id: f.id, sha256: f.sha256 });
        this.filesById.set(f.id, { path: f.path, sha256: f.sha256 });
      }
    }
    return this.filesByPathLoaded;
  }

  document(id: string): DocInfo | undefined {
    return this.docs.get(id);
  }
  file(id: number): { path: string; sha256: string | null } | undefined {
    if (!this.filesById.has(id)) {
      const f = this.store.getFileById(id);
      this.filesById.set(id, f && f.case_id === this.caseId ? { path: f.path, sha256: f.sha256 } : null);
    }
    return this.filesById.get(id) ?? undefined;
  }

  /** A file of this case whose path and content a query has already read: not read again. */
  knowFile(id: number, path: string, sha256: string): void {
    if (!this.filesById.has(id)) this.filesById.set(id, { path, sha256 });
  }

  /** The document holding a page of a file. */
  documentAt(fileId: number, page: number): DocInfo | null {
    const key = `${fileId}:${page}`;
    if (!this.docAt.has(key)) {
      const path = this.file(fileId)?.path ?? '';
      let found: DocInfo | null = null;
      if (this.docsLoaded) {
        for (const d of this.docsLoaded.values()) {
          if (d.files?.includes(path) || (d.fileId === fileId && page >= d.pageFrom && page <= d.pageTo)) {
            found = d;
            break;
          }
        }
      } else {
        const d = this.store.documentAt(this.caseId, fileId, page, path);
        found = d ? this.docInfo(d) : null;
      }
      this.docAt.set(key, found);
    }
    return this.docAt.get(key) ?? null;
  }

  /** The page's text as this case's reader sees it (its corrections applied), read once. */
  pageText(fileId: number, page: number): string | null {
    const sha = this.file(fileId)?.sha256 ?? null;
    if (!sha) return null;
    const cached = this.pageCache.get(`${sha}:${page}`);
    if (cached !== undefined) return cached?.text ?? null;
    return this.store.readerPageText(this.caseId, sha, page) ?? null;
  }

  private page(sha: string | null, page: number) {
    if (!sha) return null;
    const key = `${sha}:${page}`;
    if (!this.pageCache.has(key)) {
      // the case's reader sees its own corrections: offsets are counted in that text
      const p = this.store.readerPage(this.caseId, sha, page);
      this.pageCache.set(key, p ? { text: p.text, words: p.words, ranges: p.ranges } : null);
    }
    return this.pageCache.get(key) ?? null;
  }

  /** A reference to words on a page of a document; the words are searched for on the page. */
  forDocumentPage(documentId: string, page: number, text: string): PageRef {
    const d = this.docs.get(documentId);
    if (!d) return { document: documentId, documentTitle: null, fileId: 0, file: '', page, text };
    // loose photos: page n of the document is the n-th file
    let fileId = d.fileId;
    let file = d.file;
    let sha = d.sha256;
    let pageNo = page;
    if (d.files && d.files.length > 1) {
      const candidate =
        d.files.find((f) => {
          const info = this.filesByPath.get(f);
          return info && (this.page(info.sha256, 1)?.text ?? '').includes(text.slice(0, 12));
        }) ?? d.files[Math.min(d.files.length, Math.max(1, page)) - 1];
      const info = candidate ? this.filesByPath.get(candidate) : undefined;
      if (candidate && info) {
        fileId = info.id;
        file = candidate;
        sha = info.sha256;
        pageNo = 1;
      }
    }
    return this.locate({ document: d.id, documentTitle: d.title, fileId, file, page: pageNo, text }, sha);
  }

  forFilePage(fileId: number, page: number, text: string, start?: number, end?: number, bbox?: BBox | null): PageRef {
    const f = this.file(fileId);
    const d = this.documentAt(fileId, page);
    const ref: PageRef = { document: d?.id ?? null, documentTitle: d?.title ?? null, fileId, file: f?.path ?? '', page, text };
    if (start !== undefined && end !== undefined) {
      ref.start = start;
      ref.end = end;
      ref.bbox = bbox ?? this.box(f?.sha256 ?? null, page, start, end);
      return ref;
    }
    return this.locate(ref, f?.sha256 ?? null);
  }

  private box(sha: string | null, page: number, start: number, end: number): BBox | null {
    const p = this.page(sha, page);
    return p ? boxFor(start, end, p.words, p.ranges ?? undefined) : null;
  }

  private locate(ref: PageRef, sha: string | null): PageRef {
    const p = this.page(sha, ref.page);
    if (!p || !ref.text) return ref;
    // evidence quotes a line; match its longest stretch that the page really has
    const needle = ref.text.trim();
    let at = p.text.indexOf(needle);
    let len = needle.length;
    if (at < 0 && needle.length > 12) {
      at = p.text.indexOf(needle.slice(0, 12));
      len = 12;
    }
    if (at < 0) return ref;
    ref.start = at;
    ref.end = at + len;
    ref.bbox = p.words ? boxFor(at, at + len, p.words, p.ranges ?? undefined) : null;
    return ref;
  }
}
