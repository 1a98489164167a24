import { useState } from 'react';
import { errorText } from '../errors';
import type { DragEvent, FormEvent } from 'react';
import { call, canPickFolder, pathOfDroppedFile, pickFolder } from '../api';
import { useI18n } from '../i18n';

interface Props {
  onStarted(job: { jobId: string; caseId: string; folder: string }): void;
}

export function StartReview({ onStarted }: Props) {
  const { t } = useI18n();
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(path: string): Promise<void> {
    const trimmed = path.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const req = name.trim() ? { folder: trimmed, name: name.trim() } : { folder: trimmed };
      const started = await call('startReview', req);
      onStarted({ ...started, folder: trimmed });
      setName('');
    } catch (err) {
      setError(t('error.generic', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const path = pathOfDroppedFile(file);
    if (path) {
      setFolder(path);
      void start(path);
    } else {
      setNotice(t('start.dropNoPath'));
    }
  }

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    void start(folder);
  }

  async function onPick(): Promise<void> {
    const picked = await pickFolder();
    if (picked) {
      setFolder(picked);
      void start(picked);
    }
  }

  return (
    <section className="panel start-review" aria-labelledby="start-heading">
      <h2 id="start-heading" className="panel-title">
        {t('start.heading')}
      </h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="drop-zone-icon" aria-hidden="true">
          ⬇
        </div>
        <div>
          <div className="drop-zone-title">{t('start.drop')}</div>
          <div className="muted small">{t('start.dropHint')}</div>
        </div>
        {canPickFolder() && (
          <button type="button" className="button" onClick={() => void onPick()} disabled={busy}>
            {t('start.pick')}
          </button>
        )}
      </div>
      <form className="start-form" onSubmit={onSubmit}>
        <label className="field field--grow">
          <span className="field-label">{t('start.pathLabel')}</span>
          <input
            type="text"
            name="folder"
            value={folder}
            placeholder={t('start.pathPlaceholder')}
            onChange={(e) => setFolder(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('start.nameLabel')}</span>
          <input type="text" name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="button button--primary" disabled={busy || !folder.trim()}>
          {t('start.submit')}
        </button>
      </form>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
