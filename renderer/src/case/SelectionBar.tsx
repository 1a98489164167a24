// Appears over a selection of page words (on the scan or in the text): mark it, or
// write a note against it.
import { useState } from 'react';
import type { MouseEvent } from 'react';
import { useI18n } from '../i18n';

export interface PendingSelection {
  start: number;
  end: number;
  text: string;
  x: number;
  y: number;
}

interface Props {
  selection: PendingSelection;
  onSave(kind: 'highlight' | 'note', note: string): void;
}

export function SelectionBar({ selection, onSave }: Props) {
  const { t } = useI18n();
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const left = Math.max(8, Math.min(selection.x - 60, window.innerWidth - 320));
  const top = Math.max(8, selection.y - 44);
  // mousedown is cancelled so pressing a button does not drop the selection it acts on.
  const keep = (e: MouseEvent): void => e.preventDefault();
  return (
    <div className="selection-bar" style={{ left, top }} data-testid="selection-bar">
      {!writing ? (
        <>
          <button type="button" className="button button--small" onMouseDown={keep} onClick={() => onSave('highlight', '')}>
            ▍ {t('notes.highlight')}
          </button>
          <button type="button" className="button button--small" onMouseDown={keep} onClick={() => setWriting(true)}>
            ✎ {t('notes.note')}
          </button>
        </>
      ) : (
        <form
          className="selection-note"
          onSubmit={(e) => {
            e.preventDefault();
            onSave('note', note.trim());
          }}
        >
          <input
            autoFocus
            value={note}
            maxLength={4000}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('notes.placeholder')}
            aria-label={t('notes.note')}
            data-testid="note-input"
          />
          <button type="submit" className="button button--small button--primary">
            {t('notes.save')}
          </button>
        </form>
      )}
    </div>
  );
}
