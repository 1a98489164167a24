// The timeline tab: the case's events, custody and deadlines, drawn once they are read.
import { useMemo } from 'react';
import { useText } from '../findings/i18n';
import { useCall } from '../useCall';
import type { PageRef } from '../../../shared/api';
import { TIMELINE_TEXT } from './i18n';
import { TimelineChart } from './TimelineChart';
import './timeline.css';

interface Props {
  caseId: string;
  /** Bumped when a review of the case ends: drawn again from what it found. */
  version?: number;
  onOpen: (ref: PageRef) => void;
  /** A document's title by its id, for the places a conflicting time was read. */
  documentTitle?: (id: string) => string;
}

export function TimelineView({ caseId, version = 0, onOpen, documentTitle }: Props) {
  const { text, lang } = useText(TIMELINE_TEXT);
  const req = useMemo(() => ({ caseId }), [caseId]);
  const timeline = useCall('getTimeline', req, { keep: true, version });
  // Only for titles and evidence of the finding marks: the axis stands without them.
  const findings = useCall('listFindings', req, { keep: true, version });

  if (timeline.error)
    return (
      <p className="error-text pane-empty" role="alert">
        {text('timeline.error', { message: timeline.error })}
      </p>
    );
  if (!timeline.data) return <p className="muted pane-empty">{text('timeline.loading')}</p>;
  return (
    <TimelineChart
      data={timeline.data}
      findingViews={findings.data ?? []}
      onOpen={onOpen}
      text={text}
      lang={lang}
      documentTitle={documentTitle ?? (() => '')}
    />
  );
}
