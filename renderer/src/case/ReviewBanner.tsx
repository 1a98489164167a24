// A case opened while its review still reads it (开始阅读): the reader is told what is still to
// come, so an empty catalogue or findings list is not taken for the review's answer.
import { useI18n } from '../i18n';
import type { ProgressEvent } from '../../../shared/api';

export function ReviewBanner({ progress }: { progress: ProgressEvent | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="review-banner small" role="status" data-testid="case-reviewing">
      <span className="review-banner-title">{t('case.reviewing')}</span>
      {progress && (
        <span className="review-banner-stage">
          {i18n.progressMessage(progress.messageKey, progress.stage)}
          {progress.total > 0 && (
            <span className="tabular">
              {' '}
              {progress.done} / {progress.total}
            </span>
          )}
        </span>
      )}
      <span className="muted review-banner-note">{t('case.reviewingNote')}</span>
    </div>
  );
}
