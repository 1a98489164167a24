// The review leaves the app as files a court or a colleague can open without it:
// the report (PDF and Word) and review.json. The desktop app asks where to save them (its
// save dialog) and can show them in the file manager; a browser downloads them.
import { useEffect, useId, useState } from 'react';
import { call, canShowInFolder, chooseExportFolder, downloadUrl, onEvent, showInFolder } from '../api';
import { errorMessage, savedReviewer, saveReviewer, useText } from '../findings/i18n';
import type { Locale } from '../i18n';
import './export.css';

const zh = {
  'export.button': '导出报告',
  'export.heading': '导出审查报告',
  'export.locale': '报告语言',
  'export.reviewer': '审查人',
  'export.reviewerPlaceholder': '姓名（写入报告）',
  'export.audit': '报告附审查记录（谁在何时做了哪些决定）',
  'export.submit': '导出',
  'export.cancel': '关闭',
  'export.busy': '正在生成报告…',
  'export.done': '已导出到：',
  'export.files': '生成的文件',
  'export.error': '导出失败：{message}',
  'export.filesDownload': '生成的文件（点击下载）',
  'export.showInFolder': '打开所在文件夹',
  'export.notShown': '无法打开该文件夹，文件位于：{folder}',
} as const;
type ExportKey = keyof typeof zh;
const en: Record<ExportKey, string> = {
  'export.button': 'Export report',
  'export.heading': 'Export the review report',
  'export.locale': 'Report language',
  'export.reviewer': 'Reviewer',
  'export.reviewerPlaceholder': 'Name (printed in the report)',
  'export.audit': 'Append the review history (who decided what, and when)',
  'export.submit': 'Export',
  'export.cancel': 'Close',
  'export.busy': 'Writing the report…',
  'export.done': 'Exported to:',
  'export.files': 'Files written',
  'export.error': 'Export failed: {message}',
  'export.filesDownload': 'Files written (click to download)',
  'export.showInFolder': 'Show in folder',
  'export.notShown': 'Could not open the folder; the files are in: {folder}',
};
const EXPORT_TEXT: Record<Locale, Record<ExportKey, string>> = { 'zh-CN': zh, 'en-US': en };
const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

export function ExportButton({ caseId, caseName }: { caseId: string; caseName?: string }) {
  const { text, locale } = useText(EXPORT_TEXT);
  const [open, setOpen] = useState(false);
  const [reportLocale, setReportLocale] = useState<Locale>(locale);
  const [reviewer, setReviewer] = useState(savedReviewer);
  const [includeAudit, setIncludeAudit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ folder: string; files: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notShown, setNotShown] = useState(false);
  const id = useId();

  useEffect(() => {
    setResult(null);
    setError(null);
  }, [caseId]);
  // The desktop menu's 导出审查报告 opens this same dialog.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.kind === 'menu' && e.event.action === 'export-report') setOpen(true);
      }),
    [],
  );
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const submit = async () => {
    setError(null);
    setResult(null);
    setNotShown(false);
    const name = reviewer.trim();
    saveReviewer(name);
    // The desktop app asks where first; cancelling the dialog exports nothing.
    const folder = await chooseExportFolder(`${caseName ?? caseId}-审查报告`);
    if (folder === null) return;
    setBusy(true);
    try {
      setResult(
        await call('exportReport', {
          caseId,
          locale: reportLocale,
          includeAudit,
          ...(name ? { reviewer: name } : {}),
          ...(folder ? { folder } : {}),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        data-testid="export-open"
      >
        {text('export.button')}
      </button>
      {open && (
        <div className="export-panel" id={`${id}-panel`} role="dialog" aria-label={text('export.heading')} data-testid="export-panel">
          <h2 className="export-title">{text('export.heading')}</h2>
          <form
            className="export-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <label className="field">
              <span className="field-label">{text('export.locale')}</span>
              <select value={reportLocale} onChange={(e) => setReportLocale(e.target.value as Locale)} data-testid="export-locale">
                {(Object.keys(LOCALE_NAMES) as Locale[]).map((l) => (
                  <option key={l} value={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{text('export.reviewer')}</span>
              <input
                value={reviewer}
                maxLength={100}
                placeholder={text('export.reviewerPlaceholder')}
                onChange={(e) => setReviewer(e.target.value)}
                data-testid="export-reviewer"
              />
            </label>
            <label className="field field--check">
              <input
                type="checkbox"
                checked={includeAudit}
                onChange={(e) => setIncludeAudit(e.target.checked)}
                data-testid="export-audit"
              />
              <span>{text('export.audit')}</span>
            </label>
            <div className="export-actions">
              <button type="submit" className="button button--primary button--small" disabled={busy} data-testid="export-submit">
                {text('export.submit')}
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setOpen(false)}>
                {text('export.cancel')}
              </button>
            </div>
          </form>
          {busy && (
            <p className="muted small" role="status">
              {text('export.busy')}
            </p>
          )}
          {error && (
            <p className="error-text small" role="alert" data-testid="export-error">
              {text('export.error', { message: error })}
            </p>
          )}
          {result && (
            <div className="export-result" data-testid="export-result" role="status">
              <div className="small muted">{text('export.done')}</div>
              <code className="export-folder" data-testid="export-folder">
                {result.folder}
              </code>
              <div className="small muted">{text(downloadUrl('') ? 'export.filesDownload' : 'export.files')}</div>
              <ul className="export-files">
                {result.files.map((f) => {
                  const href = downloadUrl(f);
                  const name = <code>{f.split(/[\\/]/).pop()}</code>;
                  return (
                    <li key={f} data-testid="export-file" title={f}>
                      {href ? (
                        <a href={href} download className="export-download" data-testid="export-download">
                          {name}
                        </a>
                      ) : (
                        name
                      )}
                    </li>
                  );
                })}
              </ul>
              {canShowInFolder() && result.files[0] && (
                <button
                  type="button"
                  className="button button--small"
                  data-testid="export-show"
                  onClick={() =>
                    void showInFolder(result.files.find((f) => f.endsWith('.pdf')) ?? result.files[0]!).then((ok) => setNotShown(!ok))
                  }
                >
                  {text('export.showInFolder')}
                </button>
              )}
              {notShown && <p className="error-text small">{text('export.notShown', { folder: result.folder })}</p>}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
