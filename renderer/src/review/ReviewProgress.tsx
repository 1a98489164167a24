import { useState } from 'react';
import { errorText } from '../errors';
import { call } from '../api';
import { useI18n } from '../i18n';
import { isActive } from './jobs';
import type { TrackedJob } from './jobs';
import type { Stage } from '../../../shared/api';
import { visibleName } from '../../../shared/names';

// A Record, not an import of STAGES: shared/api.ts carries zod at runtime, which the
// renderer does not need; the Record still fails to compile when a stage is added.
const STAGE_ORDER: Record<Stage, number> = { ingest: 0, ocr: 1, catalogue: 2, entities: 3, timeline: 4, rules: 5, report: 6 };
const STAGE_COUNT = Object.keys(STAGE_ORDER).length;

interface Props {
  jobs: TrackedJob[];
  caseName(caseId: string): string | null;
  onOpen(caseId: string): void;
  onDismiss(jobId: string): void;
}

export function ReviewProgress({ jobs, caseName, onOpen, onDismiss }: Props) {
  const { t } = useI18n();
  const visible = jobs.filter((j) => !j.dismissed);
  if (visible.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="panel-title">
        {t('progress.heading')}
      </h2>
      <ul className="job-list">
        {visible.map((job) => (
          <JobRow
            key={job.jobId}
            job={job}
            name={visibleName(caseName(job.caseId) ?? job.folder ?? job.caseId)}
            onOpen={onOpen}
            onDismiss={onDismiss}
          />
        ))}
      </ul>
    </section>
  );
}

function JobRow({
  job,
  name,
  onOpen,
  onDismiss,
}: {
  job: TrackedJob;
  name: string;
  onOpen(caseId: string): void;
  onDismiss(jobId: string): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = job.progress;
  const active = isActive(job.status);
  // Overall position: finished stages plus the fraction of the current one.
  const stageIndex = p ? (STAGE_ORDER[p.stage] ?? 0) : 0;
  const stageFraction = p && p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const overall = job.status === 'done' ? 1 : (stageIndex + stageFraction) / STAGE_COUNT;

  async function cancel(): Promise<void> {
    setCancelling(true);
    try {
      await call('cancelJob', { jobId: job.jobId });
    } catch (err) {
      setError(errorText(err));
      setCancelling(false);
    }
  }

  return (
    <li className={`job job--${job.status}`} data-testid="review-job" data-status={job.status}>
      <div className="job-head">
        <span className="job-name" title={job.folder ?? undefined}>
          {name}
        </span>
        <span className={`status-badge status-badge--${job.status}`}>{i18n.jobStatus(job.status)}</span>
        <span className="job-actions">
          {active && (
            <button type="button" className="button button--small" onClick={() => void cancel()} disabled={cancelling}>
              {t('progress.cancel')}
            </button>
          )}
          {active && job.pageRead && (
            <button type="button" className="button button--small" onClick={() => onOpen(job.caseId)} data-testid="read-now">
              {t('progress.readNow')}
            </button>
          )}
          {job.status === 'done' && (
            <button type="button" className="button button--small button--primary" onClick={() => onOpen(job.caseId)}>
              {t('progress.open')}
            </button>
          )}
          {!active && (
            <button type="button" className="button button--small button--quiet" onClick={() => onDismiss(job.jobId)}>
              {t('progress.dismiss')}
            </button>
          )}
        </span>
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(overall * 100)}>
        <div className="progress-bar-fill" style={{ width: `${(overall * 100).toFixed(1)}%` }} />
      </div>
      {job.waitingFor && job.status === 'queued' && (
        <p className="job-waiting small" role="status" data-testid="review-waiting">
          {t('progress.waitingFor', {
            program: job.waitingFor.program,
            pid: String(job.waitingFor.pid),
            host: job.waitingFor.host
              ? i18n.locale === 'zh-CN'
                ? `，计算机 ${job.waitingFor.host}`
                : `, computer ${job.waitingFor.host}`
              : '',
          })}
        </p>
      )}
      <div className="job-detail small">
        {p ? (
          <>
            <span className="job-stage">
              {i18n.progressMessage(p.messageKey, p.stage)}
              {p.total > 0 && (
                <span className="tabular">
                  {' '}
                  {p.done} / {p.total}
                </span>
              )}
            </span>
            {p.file && active && (
              <span className="muted job-file" title={visibleName(p.file)}>
                {t('progress.file', { file: visibleName(p.file) })}
              </span>
            )}
            {p.etaSeconds !== undefined && active && (
              <span className="muted">{t('progress.eta', { eta: i18n.duration(p.etaSeconds) })}</span>
            )}
          </>
        ) : (
          active && <span className="muted">{t('progress.waiting')}</span>
        )}
      </div>
      {job.error && <p className="error-text small">{job.error}</p>}
      {error && <p className="error-text small">{error}</p>}
    </li>
  );
}
