// Over the page image: the OCR words, one transparent span at each box (selectable, searchable,
// clickable to correct), and the marks drawn on them — entities, findings' evidence, notes, the hit.
import type { CSSProperties, RefObject } from 'react';
import { useI18n } from '../i18n';
import { LOW_CONFIDENCE, normalisedConfidence } from './words';
import type { PageMarks } from './usePageMarks';
import type { BBox, PageView } from '../../../shared/api';

interface LayerProps {
  view: PageView;
  marks: PageMarks;
  /** Displayed pixels per OCR-raster pixel: the rendered image and the raster may differ in size. */
  scale: number;
  layerRef: RefObject<HTMLDivElement | null>;
  onWordClick: ((index: number, at: { x: number; y: number }) => void) | null;
}

function boxStyle(b: BBox, scale: number): CSSProperties {
  return { left: b[0] * scale, top: b[1] * scale, width: Math.max(2, (b[2] - b[0]) * scale), height: Math.max(2, (b[3] - b[1]) * scale) };
}

export function WordLayer({ view, marks, scale, layerRef, onWordClick }: LayerProps) {
  const i18n = useI18n();
  const corrected = new Map((view.corrections ?? []).map((c) => [c.wordIndex, c]));
  return (
    <div className={`word-layer${onWordClick ? '' : ' word-layer--read-only'}`} ref={layerRef} lang="zh-CN">
      {marks.entities.map((m, i) =>
        m.boxes.map((b, j) => (
          <div
            key={`m${i}:${j}`}
            className={`ent-box ent--${m.type.toLowerCase()}`}
            data-testid="ent-box"
            style={boxStyle(b, scale)}
            title={`${i18n.entityType(m.type)}：${m.text}`}
          />
        )),
      )}
      {marks.evidence.map((f, i) =>
        f.boxes.map((b, j) => (
          <div
            key={`f${i}:${j}`}
            className="evidence-box"
            data-testid="evidence-box"
            style={boxStyle(b, scale)}
            title={i18n.t('page.evidenceTitle', { text: f.text })}
          />
        )),
      )}
      {marks.notes.map((n) =>
        n.boxes.map((b, j) => <div key={`a${n.id}:${j}`} className="note-box" style={boxStyle(b, scale)} title={n.note} />),
      )}
      {marks.hit.map((b, j) => (
        <div key={`h${j}`} className="hit-box" data-testid="hit-box" style={boxStyle(b, scale)} />
      ))}
      {view.words.map((w, i) => {
        const r = marks.ranges[i];
        const h = (w.bbox[3] - w.bbox[1]) * scale;
        const low = normalisedConfidence(w.confidence) < LOW_CONFIDENCE;
        const fix = corrected.get(i);
        const cls = `ocr-word${low ? ' ocr-word--low' : ''}${fix ? ' ocr-word--corrected' : ''}`;
        return (
          <span
            key={i}
            className={cls}
            data-word-index={i}
            data-start={r && r.start >= 0 ? r.start : undefined}
            data-len={r && r.start >= 0 ? r.end - r.start : undefined}
            data-corrected={fix ? 'true' : undefined}
            title={
              fix
                ? i18n.t('word.correctedFrom', { original: fix.original })
                : low
                  ? i18n.t('word.lowTitle', { n: Math.round(normalisedConfidence(w.confidence) * 100) })
                  : undefined
            }
            style={{ ...boxStyle(w.bbox, scale), fontSize: Math.max(4, h * 0.82), lineHeight: `${Math.max(4, h)}px` }}
            onClick={
              onWordClick
                ? (e) => {
                    // A click that ends a drag-selection is a selection, not a request to edit.
                    if (!window.getSelection()?.isCollapsed) return;
                    onWordClick(i, { x: e.clientX, y: e.clientY });
                  }
                : undefined
            }
          >
            {w.text}
          </span>
        );
      })}
    </div>
  );
}
