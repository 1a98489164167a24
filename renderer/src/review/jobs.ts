// Review jobs as the UI knows them: started here or found running, kept current by
// the backend's event stream. Events may arrive before startReview returns, so a
// job is created by whichever comes first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { onEvent } from '../api';
import type { BackendEvent, CaseSummary, JobEvent, JobStatus, ProgressEvent } from '../../../shared/api';

export interface TrackedJob {
  jobId: string;
  caseId: string;
  status: JobStatus;
  progress: ProgressEvent | null;
  error: string | null;
  /** Another program reviews the case: this job waits for it. */
  waitingFor?: JobEvent['waitingFor'] | null;
  folder: string | null;
  startedHere: boolean;
  dismissed: boolean;
  /** A page of the case was read during this job: the reviewer can start reading before it ends. */
  pageRead?: boolean;
  /** The job reads the case's files (a review), not only re-derives from words already read (after a correction). */
  readsFiles?: boolean;
}

const READING_STAGES: ReadonlySet<string> = new Set(['ingest', 'ocr']);

export const isActive = (s: JobStatus): boolean => s === 'queued' || s === 'running';

export interface JobTracker {
  jobs: TrackedJob[];
  track(job: { jobId: string; caseId: string; folder: string }): void;
  dismiss(jobId: string): void;
  /** Takes job statuses from the case list: an event stream that reconnected may have missed the end. */
  reconcile(cases: readonly CaseSummary[]): void;
}

export function useJobs(onFinished: (job: TrackedJob) => void): JobTracker {
  const [jobs, setJobs] = useState<TrackedJob[]>([]);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const upsert = useCallback((jobId: string, caseId: string, change: (j: TrackedJob) => TrackedJob) => {
    setJobs((prev) => {
      const existing = prev.find((j) => j.jobId === jobId);
      const base: TrackedJob = existing ?? {
        jobId,
        caseId,
        status: 'queued',
        progress: null,
        error: null,
        folder: null,
        startedHere: false,
        dismissed: false,
      };
      const next = change(base);
      return existing ? prev.map((j) => (j.jobId === jobId ? next : j)) : [...prev, next];
    });
  }, []);

  useEffect(() => {
    return onEvent((e: BackendEvent) => {
      if (e.kind === 'progress') {
        const p = e.event;
        upsert(p.jobId, p.caseId, (j) => ({
          ...j,
          progress: p,
          waitingFor: null,
          status: isActive(j.status) ? 'running' : j.status,
          readsFiles: j.readsFiles || READING_STAGES.has(p.stage),
        }));
      } else if (e.kind === 'page') {
        const { caseId } = e.event;
        setJobs((prev) =>
          prev.some((j) => j.caseId === caseId && isActive(j.status) && !j.pageRead)
            ? prev.map((j) => (j.caseId === caseId && isActive(j.status) ? { ...j, pageRead: true, readsFiles: true } : j))
            : prev,
        );
      } else if (e.kind === 'job') {
        const ev = e.event;
        upsert(ev.jobId, ev.caseId, (j) => ({ ...j, status: ev.status, error: ev.error ?? null, waitingFor: ev.waitingFor ?? null }));
      }
    });
  }, [upsert]);

  // Report each job's end outside the state updater (the listener may navigate). A
  // small case can finish before startReview has returned; it is reported again once
  // it is known to have been started here, so the reviewer still lands in the case.
  const reported = useRef(new Set<string>());
  useEffect(() => {
    for (const j of jobs) {
      const key = `${j.jobId}:${j.startedHere}`;
      if (!isActive(j.status) && !reported.current.has(key)) {
        reported.current.add(key);
        finished.current(j);
      }
    }
  }, [jobs]);

  const track = useCallback(
    (job: { jobId: string; caseId: string; folder: string }) => {
      upsert(job.jobId, job.caseId, (j) => ({ ...j, folder: job.folder, startedHere: true, dismissed: false }));
    },
    [upsert],
  );

  const dismiss = useCallback((jobId: string) => {
    setJobs((prev) => prev.map((j) => (j.jobId === jobId ? { ...j, dismissed: true } : j)));
  }, []);

  const reconcile = useCallback((cases: readonly CaseSummary[]) => {
    setJobs((prev) => {
      let changed = false;
      const next = prev.map((j) => {
        const known = cases.find((c) => c.id === j.caseId)?.job;
        if (!known || known.id !== j.jobId || known.status === j.status || !isActive(j.status)) return j;
        changed = true;
        return { ...j, status: known.status };
      });
      return changed ? next : prev;
    });
  }, []);

  return { jobs, track, dismiss, reconcile };
}
