// A misread name or number is fixed where it is read: click the word, type, Enter.
// The backend keeps the correction and every later stage uses it.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { normalisedConfidence } from './words';
import type { EntityType } from '../../../shared/vocab';
import type { OcrWord } from '../../../shared/api';

interface Props {
  word: OcrWord;
  index: number;
  at: { x: number; y: number };
  original: string | null;
  mention: { entity: string; type: EntityType; text: string } | null;
  busy: boolean;
  error: string | null;
  onSave(text: string): void;
  onOpenEntity(entityId: string): void;
  onClose(): void;
}

export function WordEditor({ word, index, at, original, mention, busy, error, onSave, onOpenEntity, onClose }: Props) {
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
          if (value && value !== word.text) onSave(value);
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
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </form>
      {error && <p className="error-text small">{t('error.generic', { message: error })}</p>}
      {mention && (
        <button type="button" className="link-button small" onClick={() => onOpenEntity(mention.entity)}>
          <span className={`legend-swatch ent-swatch ent--${mention.type.toLowerCase()}`} aria-hidden="true" />
          {i18n.entityType(mention.type)}：{mention.text} →
        </button>
      )}
    </div>
  );
}
