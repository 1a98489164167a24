// Over 400 lines on purpose: createService is one closure over the store, the job queue, case leases and listeners;
// each API method is a few lines over that shared state, the work itself is in pipeline/, desk/, search/ and report/.
import { loadPdfJs } from './pdf/pdfjs.js';
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Stats } from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  isMethod,
  requestSchemas,
  type Api,
  type BackendEvent,
  type CaseDetail,
  type CaseSummary,
  type Envelope,
  type JobStatus,
  type Method,
} from '../../shared/api.js';
import type { FileKind, PageSource, DocumentType, EntityType } from '../../shared/vocab.js';
import { openDatabase, type Db } from './store/db.js';
import { CaseStore, type CaseRow, type LeaseOwner } from './store/case-store.js';
import { runReview } from './pipeline/review.js';
import type { PageReader } from './pipeline/stage.js';
import { renderPage } from './render/index.js';
import { buildReviewJson } from './report/review-json.js';
import { CaseReviewError, faultMessage, toErrorEnvelope } from './errors.js';
import { defaultOcrProvider, type OcrProvider } from './pipeline/ocr-provider.js';
import type { AnnotationRow } from './store/case-store.js';
import { correctEntity, getEntity, listEntities, listEntityCorrections, undoEntityCorrection } from './desk/entities.js';
import { decideFinding, findingsOnPage, listFindings } from './desk/findings.js';
import { getTimeline } from './desk/timeline.js';
import { getGraph } from './desk/graph.js';
import { compareStatements, listStatements } from './desk/statements.js';
import { exportFolderName, writeReviewOutputs } from './report/outputs.js';
import { searchPages } from './search/search.js';
import type { Annotation, PageView } from '../../shared/api.js';

export interface CaseReviewService {
  api: Api;
  /** Validates and runs one request, answering in the envelope every host passes on. */
  dispatch(method: string, request: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (e: BackendEvent) => void): () => void;
  /** Resolves when the job ends (any status). */
  whenJobEnds(jobId: string): Promise<JobStatus>;
  /** Resolves once what the service loads ahead of the first case (pdf.js) is loaded. */
  whenWarm(): Promise<void>;
  store: CaseStore;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dbPath: string;
  /** A store already opened (openDatabase) on dbPath, for a host that configures its connection itself. */
  database?: Db;
  /** The store's key (32 bytes); the hosts resolve it (key file, keychain). Absent: a plain store. */
  key?: Buffer | null;
  ocr?: OcrProvider;
  /** Resume jobs a crash or quit left unfinished (the app does; the CLI runs its own). */
  resumeJobs?: boolean;
  /** Where exported reports go; default: an "exports" folder beside the database. */
  exportDir?: string;
  log?: (message: string) => void;
  /** Who acts, for the audit trail (the CLI's --reviewer); default: the operating system's user. */
  reviewer?: string;
  /** How this program is named to another one waiting for a case it reviews (桌面程序, 命令行). */
  program?: string;
}

// A lease is renewed every few seconds; one not renewed for two minutes is a program that died elsewhere.
const LEASE_BEAT_MS = 5_000;
const LEASE_STALE_MS = 120_000;
const LEASE_POLL_MS = 1_000;

interface RunningJob {
  id: string;
  caseId: string;
  controller: AbortController;
  done: Promise<JobStatus>;
}

function osUser(): string {
  try {
    return os.userInfo().username || 'reviewer';
  } catch {
    return 'reviewer';
  }
}

export function createService(opts: ServiceOptions): CaseReviewService {
  const store = new CaseStore(opts.database ?? openDatabase(opts.dbPath, { key: opts.key ?? null }));
  const actor = (given?: string): string => given?.trim() || opts.reviewer || osUser();
  const ocr = opts.ocr ?? defaultOcrProvider();
  const listeners = new Set<(e: BackendEvent) => void>();
  const emit = (e: BackendEvent) => {
    for (const l of listeners) {
      try {
        l(e);
      } catch {
        /* a listener's failure is its own */
      }
    }
  };
  const jobs = new Map<string, RunningJob>();
  const jobEnds = new Map<string, Promise<JobStatus>>();
  // One review at a time: OCR already uses every core, two would only thrash.
  let queue: Promise<unknown> = Promise.resolve();
  let reader: Promise<PageReader> | null = null;
  // The engine's workers hold half a gigabyte: freed when a review's pages are all read (the
  // next review that needs OCR starts them again, in a second or two).
  const releasePageReader = async () => {
    const r = reader;
    reader = null;
    if (r) await (await r.catch(() => null))?.close();
  };
  const pageReader = () => {
    reader ??= ocr.create();
    reader.catch(() => {
      reader = null;
    });
    return reader;
  };

  function summary(k: CaseRow): CaseSummary {
    const job = store.latestJob(k.id);
    return {
      id: k.id,
      name: k.name,
      folder: k.folder,
      createdAt: k.created_at,
      reviewedAt: k.reviewed_at,
      ...store.caseCounts(k.id),
      // The case list's 问题 column; a case never reviewed has no findings to count (shown as —, not 0).
      ...(k.reviewed_at ? { findings: store.findingCounts(k.id) } : {}),
      job: job ? { id: job.id, status: job.status } : null,
    };
  }

  function mustCase(caseId: string): CaseRow {
    const k = store.getCase(caseId);
    if (!k) throw new CaseReviewError('not-found', `案件不存在：${caseId}`);
    return k;
  }

  function annotationView(a: AnnotationRow): Annotation {
    return {
      id: a.id,
      fileId: a.file_id,
      file: store.getFileById(a.file_id)?.path ?? '',
      page: a.page_no,
      kind: a.kind,
      start: a.start,
      end: a.end,
      text: a.text,
      note: a.note,
      createdAt: a.created_at,
    };
  }

  function pageView(caseId: string, fileId: number, pageNo: number): PageView {
    const k = mustCase(caseId);
    const f = store.getFileById(fileId);
    if (!f || f.case_id !== k.id || !f.sha256) throw new CaseReviewError('not-found', '文件不存在');
    const blob = store.getBlob(f.sha256);
    if (!blob || pageNo > blob.page_count) throw new CaseReviewError('not-found', `第 ${pageNo} 页不存在`);
    const p = store.readerPage(k.id, f.sha256, pageNo);
    const findings = findingsOnPage(store, k.id, f.id, pageNo);
    return {
      caseId: k.id,
      fileId: f.id,
      file: f.path,
      sha256: f.sha256,
      page: pageNo,
      pageCount: blob.page_count,
      source: (p?.source ?? 'ocr') as PageSource,
      confidence: p?.confidence ?? null,
      text: p?.text ?? '',
      width: p?.width ?? null,
      height: p?.height ?? null,
      words: p?.words ?? [],
      mentions: store
        .pageMentions(k.id, f.id, pageNo)
        .map((m) => ({ start: m.start, end: m.end, type: m.type as EntityType, entity: m.entity_id, text: m.text, bbox: m.bbox })),
      corrections: (p?.corrections ?? [])
        .filter((c) => c.corrected !== c.original)
        .map((c) => ({ wordIndex: c.word_index, original: c.original, corrected: c.corrected })),
      confirmed: (p?.corrections ?? []).filter((c) => c.corrected === c.original).map((c) => c.word_index),
      findings,
      annotations: store
        .listAnnotations(k.id)
        .filter((a) => a.file_id === f.id && a.page_no === pageNo)
        .map(annotationView),
    };
  }

  // This process, as other programs on the same store see it while it reviews a case.
  const me: LeaseOwner = {
    owner: `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`,
    host: os.hostname(),
    pid: process.pid,
    program: opts.program ?? '阅卷',
  };

  /** Waits until no other program reviews the case, telling the user who holds it; false when cancelled. */
  async function takeCase(caseId: string, jobId: string, signal: AbortSignal): Promise<boolean> {
    let told = '';
    for (;;) {
      if (signal.aborted) return false;
      const holder = store.acquireCaseLease(caseId, me, LEASE_STALE_MS);
      if (!holder) return true;
      if (holder.owner !== told) {
        told = holder.owner;
        emit({
          kind: 'job',
          event: {
            caseId,
            jobId,
            status: 'queued',
            waitingFor: { program: holder.program, pid: holder.pid, host: holder.host === me.host ? null : holder.host },
          },
        });
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, LEASE_POLL_MS);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(t);
            resolve();
          },
          { once: true },
        );
      });
    }
  }

  function enqueue(jobId: string, caseId: string, analysisOnly = false): void {
    const controller = new AbortController();
    let resolveEnd!: (s: JobStatus) => void;
    const done = new Promise<JobStatus>((r) => {
      resolveEnd = r;
    });
    jobs.set(jobId, { id: jobId, caseId, controller, done });
    jobEnds.set(jobId, done);
    queue = queue.then(async () => {
      let status: JobStatus = 'done';
      let error: string | undefined;
      const held = !controller.signal.aborted && (await takeCase(caseId, jobId, controller.signal));
      const beat = held ? setInterval(() => store.renewCaseLease(caseId, me.owner), LEASE_BEAT_MS) : null;
      beat?.unref();
      // Another program may have finished this very job while this one waited (a resumed job).
      const row = store.getJob(jobId);
      const doneElsewhere = held && row !== undefined && row.status !== 'queued' && row.status !== 'running';
      if (controller.signal.aborted || !held) status = 'cancelled';
      else if (doneElsewhere) status = row.status;
      else {
        store.updateJob(jobId, { status: 'running' });
        emit({ kind: 'job', event: { caseId, jobId, status: 'running' } });
        try {
          const result = await runReview({
            store,
            caseId,
            jobId,
            signal: controller.signal,
            emit,
            ocrEngineId: ocr.engineId,
            pageReader,
            releasePageReader,
            log: opts.log,
            analysisOnly,
          });
          // Kept on the job so a re-run can show what it did (and did not) do again.
          store.updateJob(jobId, { progress: result });
        } catch (err) {
          if (controller.signal.aborted) status = 'cancelled';
          else {
            status = 'failed';
            error = faultMessage(err);
            opts.log?.(`job ${jobId} failed: ${(err as Error).stack}`);
          }
        }
      }
      if (beat) clearInterval(beat);
      if (held) {
        try {
          store.releaseCaseLease(caseId, me.owner);
        } catch {
          /* a full disk: the lease goes stale, or this process's exit frees it */
        }
      }
      if (doneElsewhere) {
        // Done elsewhere: nothing of this process's to record.
        emit({ kind: 'job', event: { caseId, jobId, status } });
        jobs.delete(jobId);
        resolveEnd(status);
        return;
      }
      try {
        store.updateJob(jobId, { status, error: error ?? null });
        store.audit('system', `review.${status}`, caseId, { jobId, error });
      } catch (err) {
        // The store cannot take even this (a full disk): the job stays open and resumes next time.
        error ??= faultMessage(err);
        if (status === 'done') status = 'failed';
        opts.log?.(`job ${jobId}: could not record its end: ${(err as Error).message}`);
      }
      const event: BackendEvent = { kind: 'job', event: { caseId, jobId, status } };
      if (error) event.event.error = error;
      emit(event);
      jobs.delete(jobId);
      resolveEnd(status);
    });
  }

  // A reviewer's entity correction reaches the timeline and the findings by a re-analysis; one
  // still waiting to start will read it, a running one may have read the entities before it.
  const waitingReanalysis = new Map<string, string>();
  function reanalyseAfterCorrection(caseId: string): void {
    const waiting = waitingReanalysis.get(caseId);
    if (waiting && store.getJob(waiting)?.status === 'queued') return;
    const job = store.createJob(caseId, 'reanalyse', { reason: 'entity-correction' });
    waitingReanalysis.set(caseId, job.id);
    enqueue(job.id, caseId, true);
  }

  const api: Api = {
    async listCases() {
      return store.listCases().map(summary);
    },
    async getCase(req) {
      const k = mustCase(req.caseId);
      // Opening a case is part of its history, once per sitting rather than per view refresh.
      const last = store
        .listAudit(k.id)
        .filter((e) => e.action === 'case.opened' && e.actor === actor())
        .pop();
      if (!last || Date.now() - Date.parse(last.at) > 10 * 60_000) store.audit(actor(), 'case.opened', k.id, {});
      const files = store.listFiles(k.id);
      const byId = new Map(files.map((f) => [f.id, f]));
      const { documents: documentCount, ...rest } = summary(k);
      const detail: CaseDetail = {
        ...rest,
        documentCount,
        fileList: files.map((f) => ({
          id: f.id,
          path: f.path,
          sha256: f.sha256,
          kind: f.kind,
          pages: f.sha256 && f.status === 'ok' ? (store.getBlob(f.sha256)?.page_count ?? 0) : 0,
          size: f.size,
          status: f.status,
        })),
        documents: store.listDocuments(k.id).map((d) => ({
          id: d.id,
          ordinal: d.ordinal,
          type: d.type as DocumentType,
          title: d.title,
          fileId: d.file_id,
          file: byId.get(d.file_id)?.path ?? '',
          sha256: byId.get(d.file_id)?.sha256 ?? '',
          pageFrom: d.page_from,
          pageTo: d.page_to,
          date: d.date,
          number: d.number,
          person: typeof d.fields?.subject === 'string' ? d.fields.subject : null,
          session: typeof d.fields?.session === 'number' ? d.fields.session : null,
        })),
        errorList: store.listErrors(k.id).map((e) => ({ file: e.path, message: e.message, stage: e.stage })),
      };
      return detail;
    },
    async startReview(req) {
      const folder = path.resolve(req.folder);
      let st: Stats;
      try {
        st = await fsp.stat(folder);
      } catch {
        throw new CaseReviewError('folder-missing', `文件夹不存在：${folder}`);
      }
      if (!st.isDirectory()) throw new CaseReviewError('folder-missing', `不是文件夹：${folder}`);
      const k = store.openCase(folder, req.name ?? path.basename(folder));
      const running = [...jobs.values()].find((j) => j.caseId === k.id);
      if (running) return { caseId: k.id, jobId: running.id };
      const job = store.createJob(k.id, 'review', { folder });
      enqueue(job.id, k.id);
      return { caseId: k.id, jobId: job.id };
    },
    async cancelJob(req) {
      const j = jobs.get(req.jobId);
      if (!j) return { cancelled: false };
      j.controller.abort(new CaseReviewError('internal', 'cancelled'));
      return { cancelled: true };
    },
    async getPage(req) {
      return pageView(req.caseId, req.fileId, req.page);
    },
    async getPageImage(req) {
      mustCase(req.caseId);
      // Only a page of the case asked about: a window showing one case never reads another's files.
      const f = store.fileWithContent(req.sha256, req.caseId) as { path: string; kind: FileKind; folder: string } | undefined;
      if (!f) throw new CaseReviewError('not-found', '页面图像不存在');
      if (f.kind !== 'pdf' && f.kind !== 'image' && f.kind !== 'tiff')
        throw new CaseReviewError('not-found', '该文件没有页面图像（DOCX/TXT）');
      const bytes = await fsp.readFile(path.join(f.folder, f.path)).catch(() => {
        throw new CaseReviewError('not-found', `原文件已不在案卷文件夹中：${f.path}`);
      });
      // The image must be of the pages whose text the review read: a file replaced since is not shown as if it were.
      if (crypto.createHash('sha256').update(bytes).digest('hex') !== req.sha256) {
        throw new CaseReviewError('unavailable', `原文件自审查后已被修改：${f.path}。请重新审查该案卷后再查看页面图像。`);
      }
      // A page OCR read turned upright is shown turned the same way: its words' boxes are
      // in the turned raster, and the reviewer reads it upright too.
      const turn = store.getPage(req.sha256, req.page)?.rotation ?? 0;
      const sideways = turn === 90 || turn === 270;
      const maxWidth = req.maxWidth ?? 1400;
      const r = await renderPage({ kind: f.kind, bytes }, req.page, {
        dpi: 150,
        maxWidth: sideways ? Math.round(maxWidth * 1.5) : maxWidth,
      });
      if (turn === 0) return { mime: 'image/png', dataBase64: r.png.toString('base64'), width: r.width, height: r.height };
      let turned = sharp(r.png).rotate(turn);
      if (sideways && r.height > maxWidth) turned = sharp(await turned.png().toBuffer()).resize({ width: maxWidth });
      const { data, info } = await turned.png({ compressionLevel: 3 }).toBuffer({ resolveWithObject: true });
      return { mime: 'image/png', dataBase64: data.toString('base64'), width: info.width, height: info.height };
    },
    async search(req) {
      return searchPages(store, req);
    },
    async getReview(req) {
      mustCase(req.caseId);
      return buildReviewJson(store, req.caseId);
    },
    async listEntities(req) {
      mustCase(req.caseId);
      return listEntities(store, req.caseId, req.type);
    },
    async getEntity(req) {
      mustCase(req.caseId);
      return getEntity(store, req.caseId, req.entityId);
    },
    async listFindings(req) {
      mustCase(req.caseId);
      return listFindings(store, req.caseId, req.includeResolved ?? false);
    },
    async decideFinding(req) {
      mustCase(req.caseId);
      return decideFinding(store, req.caseId, req.key, req.status, req.note, actor(req.reviewer));
    },
    async getTimeline(req) {
      mustCase(req.caseId);
      return getTimeline(store, req.caseId);
    },
    async getGraph(req) {
      mustCase(req.caseId);
      return getGraph(store, req.caseId);
    },
    async correctEntity(req) {
      const k = mustCase(req.caseId);
      const out = correctEntity(store, k.id, req.correction, actor(req.reviewer));
      reanalyseAfterCorrection(k.id);
      return out;
    },
    async listEntityCorrections(req) {
      mustCase(req.caseId);
      return listEntityCorrections(store, req.caseId);
    },
    async undoEntityCorrection(req) {
      const k = mustCase(req.caseId);
      const undone = undoEntityCorrection(store, k.id, req.id, actor());
      if (undone) reanalyseAfterCorrection(k.id);
      return { undone };
    },
    async listStatements(req) {
      mustCase(req.caseId);
      return listStatements(store, req.caseId);
    },
    async compareStatements(req) {
      mustCase(req.caseId);
      return compareStatements(store, req.caseId, req.documents);
    },
    async listAnnotations(req) {
      mustCase(req.caseId);
      return store.listAnnotations(req.caseId).map(annotationView);
    },
    async addAnnotation(req) {
      const k = mustCase(req.caseId);
      const f = store.getFileById(req.fileId);
      if (!f || f.case_id !== k.id) throw new CaseReviewError('not-found', '文件不存在');
      return annotationView(
        store.addAnnotation(
          {
            case_id: k.id,
            file_id: f.id,
            page_no: req.page,
            kind: req.kind,
            start: req.start ?? null,
            end: req.end ?? null,
            text: req.text ?? null,
            note: req.note,
          },
          actor(),
        ),
      );
    },
    async deleteAnnotation(req) {
      mustCase(req.caseId);
      return { deleted: store.deleteAnnotation(req.caseId, req.id, actor()) };
    },
    async getAudit(req) {
      mustCase(req.caseId);
      const verified = store.verifyAudit();
      return {
        verified: verified.ok,
        entries: store.listAudit(req.caseId).map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, detail: e.detail ?? {} })),
      };
    },
    async correctWord(req) {
      const k = mustCase(req.caseId);
      const f = store.getFileById(req.fileId);
      if (!f || f.case_id !== k.id || !f.sha256) throw new CaseReviewError('not-found', '文件不存在');
      const p = store.getPage(f.sha256, req.page);
      const words = p?.words ?? [];
      const w = words[req.wordIndex];
      if (!w) throw new CaseReviewError('not-found', `第 ${req.wordIndex} 个词不存在`);
      store.setCorrection(k.id, f.sha256, req.page, req.wordIndex, w.text, req.text, actor());
      // Later stages read the corrected words: derive entities, events and findings again.
      if ([...jobs.values()].some((j) => j.caseId === k.id)) return pageView(k.id, f.id, req.page);
      const reanalysis = store.createJob(k.id, 'reanalyse', { reason: 'correction' }).id;
      enqueue(reanalysis, k.id, true);
      return { ...pageView(k.id, f.id, req.page), reanalysis };
    },
    async confirmWord(req) {
      const k = mustCase(req.caseId);
      const f = store.getFileById(req.fileId);
      if (!f || f.case_id !== k.id || !f.sha256) throw new CaseReviewError('not-found', '文件不存在');
      const read = store.getPage(f.sha256, req.page)?.words?.[req.wordIndex];
      const shown = store.readerPage(k.id, f.sha256, req.page)?.words?.[req.wordIndex];
      if (!read || !shown) throw new CaseReviewError('not-found', `第 ${req.wordIndex} 个词不存在`);
      // The text stays as shown, so nothing downstream changes and no re-analysis is needed.
      store.setCorrection(k.id, f.sha256, req.page, req.wordIndex, read.text, shown.text, actor(), 'ocr.confirmed');
      return pageView(k.id, f.id, req.page);
    },
    async exportReport(req) {
      const k = mustCase(req.caseId);
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      if (req.folder !== undefined && !path.isAbsolute(req.folder)) throw new CaseReviewError('invalid-request', '导出位置必须是完整路径');
      const folder =
        req.folder ??
        path.join(opts.exportDir ?? path.join(path.dirname(path.resolve(opts.dbPath)), 'exports'), exportFolderName(k.name, stamp));
      const files = await writeReviewOutputs(buildReviewJson(store, k.id), folder, store, {
        locale: req.locale ?? 'zh-CN',
        reviewer: req.reviewer,
        includeAudit: req.includeAudit === true,
      });
      store.audit(actor(req.reviewer), 'report.exported', k.id, { folder, files: files.map((f) => path.basename(f)) });
      return { folder, files };
    },
  };

  // Every entry point validates its input, whichever host called it.
  const validated = Object.fromEntries(
    (Object.keys(api) as Method[]).map((m) => [
      m,
      (req: unknown) => (api[m] as (r: unknown) => Promise<unknown>)(requestSchemas[m].parse(req)),
    ]),
  ) as unknown as Api;

  if (opts.resumeJobs) {
    for (const j of store.interruptedJobs()) enqueue(j.id, j.case_id, j.kind === 'reanalyse');
  }
  // pdf.js (library and worker, about a second to load) is loaded while the app waits for its
  // first case, not after the drop; a failure here is met again, and reported, where a PDF is read.
  const warm = loadPdfJs().then(
    () => undefined,
    () => undefined,
  );

  return {
    api: validated,
    store,
    async dispatch(method, request) {
      if (!isMethod(method)) return { ok: false, error: { code: 'not-found', message: `unknown method ${String(method)}` } };
      try {
        const value = await (validated[method] as (r: unknown) => Promise<unknown>)(request);
        return { ok: true, value };
      } catch (err) {
        return toErrorEnvelope(err);
      }
    },
    onEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    whenWarm: () => warm,
    whenJobEnds(jobId) {
      const p = jobEnds.get(jobId);
      if (p) return p;
      const row = store.getJob(jobId);
      return Promise.resolve(row?.status ?? 'failed');
    },
    async close() {
      for (const j of jobs.values()) j.controller.abort();
      await queue.catch(() => undefined);
      if (reader) await (await reader.catch(() => null))?.close();
      store.close();
    },
  };
}
