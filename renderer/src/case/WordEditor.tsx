// A misread name or number is fixed where it is read: click the word, type, Enter.
// The backend keeps the correction and every later stage uses it. A word OCR was unsure of
// but read right is confirmed as it is (确认无误). While either is saved the editor says so.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { LOW_CONFIDENCE, normalisedConfidence } from './words';
import type { SaveState } from './useWordSave';
import type { EntityType } from '../../../shared/vocab';
import type { OcrWord } from '../../../shared/api';

interface Props {
  word: OcrWord;
  index: number;
  at: { x: number; y: number };
  original: string | null;
  mention: { entity: string; type: EntityType; text: string } | null;
  state: SaveState;
  /** Confirmed or corrected already: no longer in doubt, so nothing to confirm. */
  settled: boolean;
  onSave(text: string): void;
  onConfirm(): void;
  onOpenEntity(entityId: string): void;
  onClose(): void;
}

export function WordEditor({ word, index, at, original, mention, state, settled, onSave, onConfirm, onOpenEntity, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [text, setText] = useState(word.text);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  // Kept inside the window however close to its edge the word was.
  const left = Math.max(8, Math.min(at.x - 20, window.innerWidth - 300));
  const top = at.y + 14 + 150 > window.innerHeight ? at.y - 160 : at.y + 14;
  const value = text.trim();
  const busy = state.kind === 'saving' || state.kind === 'saved';
  const doubtful = !settled && normalisedConfidence(word.confidence) < LOW_CONFIDENCE;
  // What was asked last decides how "saving" is worded: only a changed word is re-analysed.
  const [asked, setAsked] = useState<'correct' | 'confirm'>('correct');

  return (
    <div className="word-editor" style={{ left, top }} role="dialog" aria-label={t('word.edit')} data-testid="word-editor">
      <div className="word-editor-head small muted">
        {t('word.edit')} #{index + 1} · {t('text.confidence')} {Math.round(normalisedConfidence(word.confidence) * 100)}%
        {original !== null && <span className="corrected-note"> · {t('word.correctedFrom', { original })}</span>}
      </div>
      <form
        className="word-editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy || !value || value === word.text) return;
          setAsked('correct');
          onSave(value);
        }}
      >
        <input
          ref={input}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              onClose();
            }
          }}
          aria-label={t('word.edit')}
          data-testid="word-input"
        />
        <button type="submit" className="button button--small button--primary" disabled={busy || !value || value === word.text}>
          {t('word.save')}
        </button>
        {doubtful && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            title={t('word.confirmTitle')}
            data-testid="word-confirm"
            onClick={() => {
              setAsked('confirm');
              onConfirm();
            }}
          >
            {t('word.confirm')}
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </form>
      <SaveStatus state={state} asked={asked} />
      {mention && (
        <button type="button" className="link-button small" onClick={() => onOpenEntity(mention.entity)}>
          <span className={`legend-swatch ent-swatch ent--${mention.type.toLowerCase()}`} aria-hidden="true" />
          {i18n.entityType(mention.type)}：{mention.text} →
        </button>
      )}
    </div>
  );
}

function SaveStatus({ state, asked }: { state: SaveState; asked: 'correct' | 'confirm' }) {
  const { t } = useI18n();
  if (state.kind === 'idle') return null;
  if (state.kind === 'error')
    return (
      <p className="error-text small" role="alert" data-testid="word-status">
        {t('word.saveFailed', { message: state.message })}
      </p>
    );
  const text =
    state.kind === 'saving'
      ? t(asked === 'confirm' ? 'word.savingConfirm' : 'word.saving')
      : state.kind === 'saved'
        ? t('word.saved')
        : t('word.analysisFailed', { message: state.message });
  return (
    <p
      className={`word-status word-status--${state.kind} small`}
      role="status"
      aria-live="polite"
      data-testid="word-status"
      data-state={state.kind}
    >
      {state.kind === 'saving' && <span className="spinner" aria-hidden="true" />}
      {state.kind === 'saved' && <span aria-hidden="true">✓ </span>}
      {text}
    </p>
  );
}
