// Over 400 lines on purpose: the chart's layers (lanes, custody, events, deadlines, findings) are drawn in one render
// sharing the scale, the tip and the click handlers; what goes where is model.ts, moving the axis useAxis.ts.
// The case on a time axis, one lane per person: the axis shows how long someone was
// held, who sat in which room when, and which deadline ran out first. Everything on it
// opens the words it was read from. What goes where is model.ts; moving the axis, useAxis.ts.
import { useCallback, useMemo, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import type { Text } from '../findings/i18n';
import type { CustodyBand, Deadline, FindingView, PageRef, TimelineEventView, TimelineView as Timeline } from '../../../shared/api';
import { visibleName } from '../../../shared/names';
import { EventList } from './EventList';
import type { TimelineKey } from './i18n';
import { AXIS_H, FINDINGS_H, LABEL_W, LANE_H, buildModel, eventLabel } from './model';
import { DAY, HOUR, formatInstant, formatIso, parseInstant, ticks } from './time';
import { fitView, useAxis } from './useAxis';

export const CUSTODY_COLOURS: Record<CustodyBand['kind'], string> = {
  summons: '#b7791f',
  detention: '#d1462f',
  arrest: '#8e1f1f',
  bail: '#2f855a',
  surveillance: '#2b6cb0',
};
const SEVERITY_COLOURS = { violation: '#b42318', warning: '#c98a00' } as const;
const DEADLINE_COLOURS = { met: '#2f855a', missed: '#d1242f', unknown: '#8c959f' } as const;

interface Tip {
  x: number;
  y: number;
  title: string;
  lines: string[];
  tone?: string;
}

function deadlineState(d: Deadline): keyof typeof DEADLINE_COLOURS {
  return d.met === true ? 'met' : d.met === false ? 'missed' : 'unknown';
}

interface ChartProps {
  data: Timeline;
  findingViews: FindingView[];
  onOpen: (ref: PageRef) => void;
  text: Text<TimelineKey>;
  lang: 'zh' | 'en';
  documentTitle: (id: string) => string;
}

export function TimelineChart({ data, findingViews, onOpen, text, lang, documentTitle }: ChartProps) {
  const names = useMemo(() => new Map(data.persons.map((p) => [p.id, p.name])), [data]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);
  const labelOf = (e: TimelineEventView) => eventLabel(e, lang);

  const model = useMemo(() => buildModel(data, text, lang), [data, lang, text]);

  const [tip, setTip] = useState<Tip | null>(null);
  const axis = useAxis(model.focus, () => setTip(null));
  const { wrapRef, svgRef, width, chartW, view, setView, msPerPx, zoomAt, x } = axis;
  const showTip = (target: Element, title: string, lines: string[], tone?: string) => {
    const wrap = wrapRef.current;
    if (!wrap || axis.dragging()) return;
    const r = target.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    setTip({ x: r.left + r.width / 2 - w.left, y: r.bottom - w.top + 6, title, lines, ...(tone ? { tone } : {}) });
  };
  const open = (ref: PageRef | undefined) => {
    if (axis.wasDrag() || !ref) return;
    setTip(null);
    onOpen(ref);
  };
  const activate = (ref: PageRef | undefined) => ({
    role: 'button',
    tabIndex: 0,
    onClick: () => open(ref),
    onKeyDown: (e: ReactKeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(ref);
      }
    },
    onPointerLeave: () => setTip(null),
    onBlur: () => setTip(null),
  });

  const eventLines = (e: TimelineEventView): string[] => {
    const lines: string[] = [];
    const start = parseInstant(e.start);
    const end = parseInstant(e.end);
    if (start)
      lines.push(
        `${formatInstant(start)}${end ? ` → ${formatInstant(end)}` : ''}${start.dateOnly ? `（${text('timeline.dateOnly')}）` : ''}`,
      );
    if (e.subjects.length) lines.push(`${text('timeline.subjects')}：${e.subjects.map(nameOf).join('、')}`);
    if (e.actors.length) lines.push(`${text('timeline.actors')}：${e.actors.map(nameOf).join('、')}`);
    if (e.place) lines.push(`${text('timeline.place')}：${e.place}`);
    if (e.basis === 'narrative') lines.push(text('timeline.narrative'));
    lines.push(
      `${text('timeline.source')}：${e.evidence.documentTitle ?? visibleName(e.evidence.file)} ${text('timeline.page', { page: e.evidence.page })}`,
    );
    if (e.evidence.text) lines.push(`「${e.evidence.text}」`);
    for (const c of e.conflicts)
      lines.push(
        `⚠ ${text('timeline.conflict', { document: documentTitle(c.document), page: c.page, start: formatIso(c.start) })}${c.text ? `「${c.text}」` : ''}`,
      );
    return lines;
  };
  const findingView = (key: string) => findingViews.find((f) => f.key === key);
  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data]);
  const findingRef = (f: Timeline['findings'][number]): PageRef | undefined =>
    findingView(f.key)?.evidence[0] ?? f.eventIds.map((id) => eventsById.get(id)?.evidence).find((r) => r !== undefined);

  const tk = ticks(view.start, view.start + view.span, msPerPx);
  const viewEnd = view.start + view.span;
  const laneTop = new Map(model.lanes.map((l) => [l.id, l.top]));
  const clipId = 'timeline-clip';
  const visible = (from: number, to: number) => to >= view.start - msPerPx * 20 && from <= viewEnd + msPerPx * 20;

  // Point and session labels are dropped where they would collide, lane by lane.
  const labelEnd = new Map<string, number>();
  const labelFits = (lane: string, cx: number, label: string) => {
    const w = label.length * (lang === 'zh' ? 12 : 6.6) + 6;
    const left = cx - w / 2;
    if (left < LABEL_W + 2 || left < (labelEnd.get(lane) ?? -Infinity)) return false;
    labelEnd.set(lane, cx + w / 2 + 4);
    return true;
  };
  type Drawable = { lane: string; cx: number; node: (withLabel: boolean) => ReactNode; label: string };
  const drawables: Drawable[] = [];

  for (const s of model.sessions) {
    const top = laneTop.get(s.lane);
    if (top === undefined || !visible(s.from, s.to)) continue;
    const x0 = x(s.from);
    const w = Math.max(3, x(s.to) - x0);
    const y = top + 23;
    const label = labelOf(s.event);
    const conflict = s.event.conflicts.length > 0;
    drawables.push({
      lane: s.lane,
      cx: x0 + w / 2,
      label,
      node: (withLabel) => (
        <g
          key={`s:${s.lane}:${s.event.id}`}
          className={`tl-session${s.asActor ? ' tl-session--actor' : ''}`}
          data-testid="timeline-session"
          aria-label={`${label} ${formatIso(s.event.start)}`}
          {...activate(s.event.evidence)}
          onPointerEnter={(e) =>
            showTip(e.currentTarget, `${label}${s.asActor ? ` · ${s.event.subjects.map(nameOf).join('、')}` : ''}`, eventLines(s.event))
          }
          onFocus={(e) => showTip(e.currentTarget, label, eventLines(s.event))}
        >
          {/* A two-hour session is a sliver at day scale: the target to hover is wider than the bar. */}
          <rect x={x0 - 5} y={top + 5} width={w + 10} height={LANE_H - 18} className="tl-hit" />
          <rect x={x0} y={y} width={w} height={14} rx={2} />
          {withLabel && (
            <text x={x0 + w / 2} y={top + 16} className="tl-label" textAnchor="middle">
              {label}
            </text>
          )}
          {conflict && (
            <text x={x0 + w + 2} y={y + 11} className="tl-conflict">
              ⚠
            </text>
          )}
        </g>
      ),
    });
  }
  for (const p of model.points) {
    const top = laneTop.get(p.lane);
    if (top === undefined) continue;
    const cx = x(p.at.dateOnly ? p.at.ms + DAY / 2 : p.at.ms);
    if (!visible(p.at.ms, p.at.ms + DAY)) continue;
    const y = top + 30;
    const label = labelOf(p.event);
    const conflict = p.event.conflicts.length > 0;
    const dayW = DAY / msPerPx;
    drawables.push({
      lane: p.lane,
      cx,
      label,
      node: (withLabel) => (
        <g
          key={`p:${p.lane}:${p.event.id}`}
          className={`tl-point tl-point--${p.event.type.toLowerCase()}${conflict ? ' tl-point--conflict' : ''}${p.event.basis === 'narrative' ? ' tl-point--narrative' : ''}`}
          data-testid="timeline-event"
          aria-label={`${label} ${formatInstant(p.at)}`}
          {...activate(p.event.evidence)}
          onPointerEnter={(e) => showTip(e.currentTarget, label, eventLines(p.event))}
          onFocus={(e) => showTip(e.currentTarget, label, eventLines(p.event))}
        >
          {/* A date-only act could be any time that day: show the day it could fall in. */}
          {p.at.dateOnly && dayW > 14 && <line x1={x(p.at.ms)} x2={x(p.at.ms + DAY)} y1={y} y2={y} className="tl-day-range" />}
          <rect x={cx - 8} y={top + 5} width={16} height={LANE_H - 18} className="tl-hit" />
          {/* Told in a narrative, not proven by its own paper: a hollow circle, never the diamond of a paper. */}
          {p.event.basis === 'narrative' ? (
            <circle cx={cx} cy={y} r={5} className="tl-mark tl-mark--narrative" />
          ) : (
            <path
              d={`M${cx} ${y - 6} L${cx + 6} ${y} L${cx} ${y + 6} L${cx - 6} ${y} Z`}
              className={p.at.dateOnly ? 'tl-mark tl-mark--date' : 'tl-mark'}
            />
          )}
          {withLabel && (
            <text x={cx} y={top + 16} className="tl-label" textAnchor="middle">
              {label}
            </text>
          )}
          {conflict && (
            <text x={cx + 6} y={y - 3} className="tl-conflict">
              ⚠
            </text>
          )}
        </g>
      ),
    });
  }
  drawables.sort((a, b) => a.cx - b.cx);
  const marks = drawables.map((d) => d.node(labelFits(d.lane, d.cx, d.label)));

  const custodyLabel = (k: CustodyBand['kind']) => text(`timeline.custody.${k}`);
  const bandLabelEnd = new Map<string, number>();
  const chartRight = LABEL_W + chartW;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-toolbar">
        <div className="timeline-buttons">
          <button
            type="button"
            className="button button--small button--icon"
            onClick={() => zoomAt(1 / 1.6)}
            title={text('timeline.zoomIn')}
            aria-label={text('timeline.zoomIn')}
            data-testid="timeline-zoom-in"
          >
            +
          </button>
          <button
            type="button"
            className="button button--small button--icon"
            onClick={() => zoomAt(1.6)}
            title={text('timeline.zoomOut')}
            aria-label={text('timeline.zoomOut')}
            data-testid="timeline-zoom-out"
          >
            −
          </button>
          <button type="button" className="button button--small" onClick={() => setView(fitView(model.domain))}>
            {text('timeline.fit')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setView((v) => ({ start: v.start + v.span / 2 - 5 * DAY, span: 10 * DAY }))}
          >
            {text('timeline.days')}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => setView((v) => ({ start: v.start + v.span / 2 - 12 * HOUR, span: DAY }))}
          >
            {text('timeline.hours')}
          </button>
        </div>
        <div className="timeline-legend small">
          {(Object.keys(CUSTODY_COLOURS) as CustodyBand['kind'][]).map((k) => (
            <span key={k} className="legend-item">
              <span className="tl-swatch" style={{ background: CUSTODY_COLOURS[k] }} />
              {custodyLabel(k)}
            </span>
          ))}
          <span className="legend-item">
            <span className="tl-swatch tl-swatch--session" />
            {text('timeline.legend.session')}
          </span>
          <span className="legend-item">
            <span className="tl-swatch tl-swatch--actor" />
            {text('timeline.legend.actor')}
          </span>
          <span className="legend-item">
            <span className="tl-swatch tl-swatch--deadline" style={{ background: DEADLINE_COLOURS.missed }} />
            {text('timeline.deadline.missed')}
          </span>
          <span className="legend-item">
            <span className="tl-swatch tl-swatch--deadline" style={{ background: DEADLINE_COLOURS.met }} />
            {text('timeline.deadline.met')}
          </span>
          <span className="legend-item">
            <span className="tl-conflict-inline">⚠</span>
            {text('timeline.legend.conflict')}
          </span>
          <span className="legend-item">
            <span className="tl-swatch tl-swatch--narrative" />
            {text('timeline.legend.narrative')}
          </span>
        </div>
        <span className="muted small timeline-hint">{text('timeline.hint')}</span>
      </div>
      <div className="timeline-canvas" ref={wrapRef} onPointerLeave={() => setTip(null)}>
        {width > 0 && (
          <svg
            ref={svgRef}
            width={width}
            height={model.height}
            className={`timeline-svg${axis.dragging() ? ' timeline-svg--dragging' : ''}`}
            data-testid="timeline-svg"
            data-unit={tk.unit}
            onPointerDown={axis.pointer.onPointerDown}
            onPointerMove={axis.pointer.onPointerMove}
            onPointerUp={axis.pointer.onPointerUp}
            onPointerCancel={axis.pointer.onPointerUp}
          >
            <defs>
              <clipPath id={clipId}>
                <rect x={LABEL_W} y={0} width={chartW} height={model.height} />
              </clipPath>
            </defs>
            {model.lanes.map((l, i) => (
              <rect
                key={`bg:${l.id}`}
                x={0}
                y={l.top}
                width={width}
                height={LANE_H}
                className={i % 2 ? 'tl-lane tl-lane--odd' : 'tl-lane'}
              />
            ))}
            <rect x={0} y={AXIS_H} width={width} height={FINDINGS_H} className="tl-findings-row" />
            <g clipPath={`url(#${clipId})`}>
              {tk.minor.map((t) => (
                <line
                  key={`g:${t.ms}`}
                  x1={x(t.ms)}
                  x2={x(t.ms)}
                  y1={AXIS_H - 16}
                  y2={model.height}
                  className={t.major ? 'tl-grid tl-grid--major' : 'tl-grid'}
                />
              ))}
              {tk.unit === 'hour' &&
                tk.upper.map((t) => (
                  <line key={`d:${t.ms}`} x1={x(t.ms)} x2={x(t.ms)} y1={0} y2={model.height} className="tl-grid tl-grid--major" />
                ))}
              {tk.minor.map((t) => (
                <text key={`l:${t.ms}`} x={x(t.ms) + 3} y={AXIS_H - 6} className="tl-tick">
                  {t.label}
                </text>
              ))}
              {tk.upper.map((t) => (
                <text key={`u:${t.ms}`} x={Math.max(x(t.ms), LABEL_W) + 3} y={14} className="tl-tick tl-tick--upper">
                  {t.label}
                </text>
              ))}
              {model.bands.map((b, i) => {
                const top = laneTop.get(b.lane);
                if (top === undefined) return null;
                const x0 = x(b.from);
                // Open-ended: the measure was never seen to end, so it runs off the axis.
                const x1 = b.to === null ? Math.max(chartRight + 2, x(model.domain.max)) : x(b.to);
                if (x1 < LABEL_W || x0 > chartRight) return null;
                const colour = CUSTODY_COLOURS[b.band.kind];
                const label = custodyLabel(b.band.kind);
                const lines = [
                  `${formatIso(b.band.from)} → ${b.band.to ? formatIso(b.band.to) : text('timeline.open')}`,
                  nameOf(b.band.person),
                ];
                // Bands of one person overlap (a summons inside a bail): their names must not.
                const labelW = (label.length + (b.to === null ? 1.5 : 0)) * (lang === 'zh' ? 11.5 : 6.5);
                const wantX = Math.max(Math.max(x0, LABEL_W) + 4, (bandLabelEnd.get(b.lane) ?? -Infinity) + 8);
                const labelX = wantX + labelW < Math.min(x1, chartRight) ? wantX : null;
                if (labelX !== null) bandLabelEnd.set(b.lane, labelX + labelW);
                return (
                  <g
                    key={`b:${i}`}
                    className="tl-band"
                    data-testid="timeline-band"
                    data-kind={b.band.kind}
                    onPointerEnter={(e) => showTip(e.currentTarget, label, lines, colour)}
                    onPointerLeave={() => setTip(null)}
                  >
                    <rect
                      x={x0}
                      y={top + 3}
                      width={Math.max(2, x1 - x0)}
                      height={LANE_H - 6}
                      fill={colour}
                      fillOpacity={0.13}
                      stroke={colour}
                      strokeOpacity={0.5}
                      rx={3}
                    />
                    <rect x={x0} y={top + LANE_H - 7} width={Math.max(2, x1 - x0)} height={4} fill={colour} />
                    {labelX !== null && (
                      <text x={labelX} y={top + LANE_H - 10} className="tl-band-label" fill={colour}>
                        {label}
                        {b.to === null ? ' →' : ''}
                      </text>
                    )}
                  </g>
                );
              })}
              {model.deadlines.map((g) => {
                const top = laneTop.get(g.lane);
                if (top === undefined || !visible(g.due, g.due)) return null;
                const state = g.deadlines.some((d) => d.met === false)
                  ? 'missed'
                  : g.deadlines.every((d) => d.met === true)
                    ? 'met'
                    : 'unknown';
                const cx = x(g.due);
                const title = `${text('timeline.deadline')} ${formatIso(g.deadlines[0]?.due)}`;
                const lines = g.deadlines.map(
                  (d) => `${d.label[lang]}：${text(`timeline.deadline.${deadlineState(d)}`)}（${formatIso(d.from)} →）`,
                );
                const ev = eventsById.get(g.deadlines[0]?.eventId ?? '');
                return (
                  <g
                    key={`dl:${g.lane}:${g.due}`}
                    className={`tl-deadline tl-deadline--${state}`}
                    data-testid="timeline-deadline"
                    data-met={state}
                    aria-label={`${title} ${lines.join('；')}`}
                    {...activate(ev?.evidence)}
                    onPointerEnter={(e) => showTip(e.currentTarget, title, lines, DEADLINE_COLOURS[state])}
                    onFocus={(e) => showTip(e.currentTarget, title, lines, DEADLINE_COLOURS[state])}
                  >
                    <line x1={cx} x2={cx} y1={top + 2} y2={top + LANE_H - 2} stroke={DEADLINE_COLOURS[state]} />
                    <path d={`M${cx} ${top + 2} L${cx + 9} ${top + 6} L${cx} ${top + 10} Z`} fill={DEADLINE_COLOURS[state]} />
                    {g.deadlines.length > 1 && (
                      <text x={cx + 10} y={top + 10} className="tl-deadline-count" fill={DEADLINE_COLOURS[state]}>
                        {g.deadlines.length}
                      </text>
                    )}
                    <rect x={cx - 4} y={top} width={14} height={LANE_H} fill="transparent" />
                  </g>
                );
              })}
              {marks}
              {model.findingMarks.map((m) => {
                if (!visible(m.at, m.at)) return null;
                const cx = x(m.at);
                const severity = m.findings.some((f) => f.severity === 'violation') ? 'violation' : 'warning';
                const y = AXIS_H + FINDINGS_H / 2;
                const title = `${text('timeline.finding')} · ${m.findings.length}`;
                const lines = m.findings.map((f) => {
                  const v = findingView(f.key);
                  return v ? `${v.title[lang]}：${lang === 'zh' ? v.message : v.messageEn}` : text('timeline.finding');
                });
                const first = m.findings[0];
                return (
                  <g
                    key={`f:${m.at}`}
                    className={`tl-finding tl-finding--${severity}`}
                    data-testid="timeline-finding"
                    aria-label={title}
                    {...activate(first ? findingRef(first) : undefined)}
                    onPointerEnter={(e) => showTip(e.currentTarget, title, lines, SEVERITY_COLOURS[severity])}
                    onFocus={(e) => showTip(e.currentTarget, title, lines, SEVERITY_COLOURS[severity])}
                  >
                    <circle cx={cx} cy={y} r={8} fill={SEVERITY_COLOURS[severity]} />
                    <text x={cx} y={y + 4} className="tl-finding-count" textAnchor="middle">
                      {m.findings.length}
                    </text>
                  </g>
                );
              })}
            </g>
            <rect x={0} y={0} width={LABEL_W} height={AXIS_H} className="tl-corner" />
            <text x={10} y={AXIS_H - 8} className="tl-zone">
              {text('timeline.zone')}
            </text>
            <text x={10} y={AXIS_H + FINDINGS_H / 2 + 4} className="tl-lane-role">
              {text('timeline.findingsLane')}
            </text>
            {model.lanes.map((l) => (
              <g
                key={`name:${l.id}`}
                className="tl-lane-name"
                data-testid="timeline-lane"
                data-person={l.id}
                data-role={l.roleId ?? undefined}
              >
                <text x={10} y={l.top + 21} className={l.suspect ? 'tl-name tl-name--suspect' : 'tl-name'}>
                  {l.name}
                </text>
                <text x={10} y={l.top + 38} className="tl-lane-role">
                  {l.role}
                </text>
              </g>
            ))}
            <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={model.height} className="tl-divider" />
            <line x1={0} x2={width} y1={AXIS_H} y2={AXIS_H} className="tl-divider" />
          </svg>
        )}
        {tip && (
          <div
            className="tl-tip"
            role="tooltip"
            style={{ left: Math.min(Math.max(8, tip.x - 160), Math.max(8, width - 340)), top: tip.y }}
            data-testid="timeline-tooltip"
          >
            <div className="tl-tip-title" style={tip.tone ? { color: tip.tone } : undefined}>
              {tip.title}
            </div>
            {tip.lines.map((l, i) => (
              <div key={i} className="tl-tip-line">
                {l}
              </div>
            ))}
          </div>
        )}
      </div>
      {model.hiddenPersons > 0 && <p className="muted small timeline-note">{text('timeline.hidden', { n: model.hiddenPersons })}</p>}
      <EventList events={data.events} nameOf={nameOf} onOpen={onOpen} text={text} lang={lang} documentTitle={documentTitle} />
    </div>
  );
}
