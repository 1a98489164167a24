// The case's events as a list by time, a day rule between days: the reading a table
// gives that an axis does not. Every row opens the words it was read from.
import { useMemo } from 'react';
import type { PageRef, TimelineEventView } from '../../../shared/api';
import { visibleName } from '../../../shared/names';
import type { Text } from '../findings/i18n';
import type { TimelineKey } from './i18n';
import { eventLabel } from './model';
import { dayStart, formatInstant, formatIso, parseInstant } from './time';
import type { Instant } from './time';

/** "2024-03-11 09:28 → 11:55": the end's date is left out when it is the start's. */
function formatRange(start: Instant, end: Instant | null): string {
  const from = formatInstant(start);
  if (!end) return from;
  const to = formatInstant(end);
  return `${from} → ${to.slice(0, 10) === from.slice(0, 10) && !end.dateOnly ? to.slice(11) : to}`;
}

export function EventList({
  events,
  nameOf,
  onOpen,
  text,
  lang,
  documentTitle,
}: {
  events: TimelineEventView[];
  nameOf: (id: string) => string;
  onOpen: (ref: PageRef) => void;
  text: Text<TimelineKey>;
  lang: 'zh' | 'en';
  documentTitle: (id: string) => string;
}) {
  const sorted = useMemo(
    () =>
      events
        .map((e, i) => ({ e, i, at: parseInstant(e.start) }))
        .sort(
          (a, b) => (a.at?.ms ?? Infinity) - (b.at?.ms ?? Infinity) || (a.at?.dateOnly ? 1 : 0) - (b.at?.dateOnly ? 1 : 0) || a.i - b.i,
        ),
    [events],
  );
  let lastDay: number | null = null;
  return (
    <section className="timeline-list-wrap" aria-label={text('timeline.list')}>
      <h3 className="timeline-list-title">{text('timeline.list')}</h3>
      {events.length === 0 && <p className="muted">{text('timeline.empty')}</p>}
      <ol className="timeline-list" data-testid="timeline-list">
        {sorted.map(({ e, at }) => {
          const day = at ? dayStart(at.ms) : null;
          const newDay = day !== lastDay;
          lastDay = day;
          return (
            <li key={e.id + e.subjects.join()} className={newDay ? 'timeline-row timeline-row--day' : 'timeline-row'}>
              <button type="button" className="timeline-row-button" onClick={() => onOpen(e.evidence)} data-testid="timeline-row">
                <span className="timeline-row-time tabular">{at ? formatRange(at, parseInstant(e.end)) : text('timeline.noTime')}</span>
                <span className="timeline-row-type">{eventLabel(e, lang)}</span>
                <span className="timeline-row-who">
                  {e.subjects.map(nameOf).join('、')}
                  {e.actors.length ? <span className="muted"> · {e.actors.map(nameOf).join('、')}</span> : null}
                </span>
                <span className="timeline-row-doc muted">
                  {e.evidence.documentTitle ?? visibleName(e.evidence.file)} · {text('timeline.page', { page: e.evidence.page })}
                </span>
                {e.conflicts.length > 0 && (
                  <span
                    className="tl-conflict-inline"
                    title={e.conflicts
                      .map((c) =>
                        text('timeline.conflict', { document: documentTitle(c.document), page: c.page, start: formatIso(c.start) }),
                      )
                      .join('\n')}
                  >
                    ⚠
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
