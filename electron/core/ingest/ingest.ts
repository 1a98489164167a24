import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { CaseStore, CaseRow, FileRow } from '../store/case-store.js';
import { walkCaseFolder } from './walk.js';
import { sniffKind } from './sniff.js';
import { describeReadError, readCaseFile, TEXT_ENGINE } from './read-file.js';

export interface IngestStats {
  files: number;
  hashed: number;
  extracted: number;
  reused: number;
  pagesExtracted: number;
  errors: number;
  changed: string[];
  missing: string[];
}

// Case folders are mostly small files (a scan, a transcript): each is opened once, not twice.
const READ_ONCE_BYTES = 32 * 1024 * 1024;

export interface IngestProgress {
  (done: number, total: number, file?: string): void;
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Walks the case folder, hashes every file and reads what needs no OCR. Work is keyed by
 * the file's SHA-256: an unchanged file (same size and mtime) is not even re-hashed, and
 * content already read for any case is not read again. A bad file becomes an error row.
 */
/**
 * Content an older reader gave, read again: a Word file whose text an older reader gave
 * (TEXT_ENGINE moved on), its text being all the case has of it; a text PDF read before its
 * characters' boxes were kept, so its marks can be drawn on its pages.
 */
function readByOlderReader(store: CaseStore, sha: string): boolean {
  const kind = store.getBlob(sha)?.kind;
  if (kind === 'docx') return store.getPage(sha, 1)?.engine !== TEXT_ENGINE;
  if (kind !== 'pdf') return false;
  const first = store.getPage(sha, 1);
  return first?.source === 'text-layer' && first.words === null;
}

export async function ingestCaseFolder(
  store: CaseStore,
  kase: CaseRow,
  progress: IngestProgress,
  signal?: AbortSignal,
  /**
   * Told of each file the moment the case holds it, in the order the case lists them; ingest goes
   * on when what it returns settles (the review reads the desk's first page before the next file).
   */
  onFile?: (file: FileRow) => Promise<unknown> | void,
): Promise<IngestStats> {
  const stats: IngestStats = { files: 0, hashed: 0, extracted: 0, reused: 0, pagesExtracted: 0, errors: 0, changed: [], missing: [] };
  let st: fs.Stats;
  try {
    st = await fsp.stat(kase.folder);
  } catch {
    throw new Error(`案卷文件夹不存在：${kase.folder}`);
  }
  if (!st.isDirectory()) throw new Error(`不是文件夹：${kase.folder}`);
  const walked = await walkCaseFolder(kase.folder);
  const { problems } = walked;
  // In the order the case lists its files (the store's, by path): the desk's first page is ingested first.
  const entries = walked.entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  store.clearErrors(kase.id, 'ingest');
  for (const p of problems) {
    store.recordError(kase.id, p.rel, 'ingest', p.message);
    stats.errors++;
  }
  stats.files = entries.length;
  progress(0, entries.length);

  for (const [i, e] of entries.entries()) {
    signal?.throwIfAborted();
    progress(i, entries.length, e.rel);
    const known = store.getFile(kase.id, e.rel);
    if (
      known &&
      known.sha256 &&
      known.size === e.size &&
      known.mtime_ms === e.mtimeMs &&
      known.status !== 'missing' &&
      !readByOlderReader(store, known.sha256)
    ) {
      stats.reused++;
      if (known.status === 'error') {
        store.recordError(kase.id, e.rel, 'ingest', known.error ?? '无法读取');
        stats.errors++;
      } else await onFile?.(known);
      continue;
    }
    let sha: string;
    // A small file is read once, hashed and extracted from the same bytes (so the hash is of
    // what was read); a large one is hashed as a stream and read only if it is new.
    let bytes: Buffer | undefined;
    try {
      if (e.size <= READ_ONCE_BYTES) {
        bytes = await fsp.readFile(e.abs);
        sha = crypto.createHash('sha256').update(bytes).digest('hex');
      } else {
        sha = await sha256File(e.abs);
      }
      stats.hashed++;
    } catch (err) {
      const message = `无法读取文件：${(err as Error).message}`;
      store.recordFile({
        case_id: kase.id,
        path: e.rel,
        sha256: null,
        size: e.size,
        mtime_ms: e.mtimeMs,
        kind: null,
        status: 'error',
        error: message,
      });
      store.recordError(kase.id, e.rel, 'ingest', message);
      stats.errors++;
      continue;
    }
    if (known?.sha256 && known.sha256 !== sha) {
      stats.changed.push(e.rel);
      store.audit('system', 'file.changed', kase.id, { path: e.rel, from: known.sha256, to: sha });
    }
    const blob = store.getBlob(sha);
    if (blob && !readByOlderReader(store, sha)) {
      const row = store.recordFile({
        case_id: kase.id,
        path: e.rel,
        sha256: sha,
        size: e.size,
        mtime_ms: e.mtimeMs,
        kind: blob.kind,
        status: 'ok',
        error: null,
      });
      stats.reused++;
      await onFile?.(row);
      continue;
    }
    const fail = (message: string, kind: ReturnType<typeof sniffKind> = null) => {
      store.recordFile({
        case_id: kase.id,
        path: e.rel,
        sha256: sha,
        size: e.size,
        mtime_ms: e.mtimeMs,
        kind,
        status: 'error',
        error: message,
      });
      store.recordError(kase.id, e.rel, 'ingest', message);
      stats.errors++;
    };
    if (e.size === 0) {
      fail('文件为空（0 字节）');
      continue;
    }
    try {
      bytes ??= await fsp.readFile(e.abs);
    } catch (err) {
      // Gone since it was hashed, or beyond what one buffer holds (2 GB): this file only.
      const code = (err as NodeJS.ErrnoException).code;
      fail(
        code === 'ERR_FS_FILE_TOO_LARGE'
          ? `文件过大（${(e.size / 1024 ** 3).toFixed(1)} GB），无法读取`
          : `无法读取文件：${(err as Error).message}`,
      );
      continue;
    }
    const kind = sniffKind(bytes.subarray(0, 1024), e.rel);
    if (!kind) {
      fail('不支持的文件格式（仅支持 PDF、JPEG、PNG、TIFF、DOCX、TXT）');
      continue;
    }
    try {
      const read = await readCaseFile(bytes, kind);
      const row = store.transaction(() => {
        store.recordBlob({ sha256: sha, kind, size: e.size, page_count: read.pageCount });
        for (const p of read.pages) {
          if (p.text === null) continue;
          store.recordPage({
            sha256: sha,
            page_no: p.page,
            source: p.source,
            text: p.text,
            confidence: null,
            width: p.width,
            height: p.height,
            rotation: 0,
            words: p.words ?? null,
            engine: TEXT_ENGINE,
          });
          stats.pagesExtracted++;
        }
        return store.recordFile({
          case_id: kase.id,
          path: e.rel,
          sha256: sha,
          size: e.size,
          mtime_ms: e.mtimeMs,
          kind,
          status: 'ok',
          error: null,
        });
      });
      stats.extracted++;
      await onFile?.(row);
    } catch (err) {
      fail(describeReadError(err), kind);
    }
  }
  stats.missing = store.markMissing(kase.id, new Set(entries.map((e) => e.rel)));
  for (const m of stats.missing) store.recordError(kase.id, m, 'ingest', '原文件已不在案卷文件夹中（missing）');
  progress(entries.length, entries.length);
  return stats;
}
