// The case's history as the audit trail keeps it: who did what and when, what it was
// before and after, and whether the chain of entries is still intact (DESIGN.md §trust).
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_ACTION_LABELS, auditSummary } from '../../../shared/vocab';
import type { AuditView } from '../../../shared/api';
import { call, onEvent } from '../api';
import { errorMessage, useText } from '../findings/i18n';
import type { Locale } from '../i18n';
import './history.css';

const zh = {
  'history.heading': '审查记录',
  'history.loading': '正在加载审查记录…',
  'history.error': '无法加载审查记录：{message}',
  'history.empty': '本案还没有审查记录。',
  'history.verified': '记录链完整：每一条记录都未被改动。',
  'history.broken': '记录链校验失败：数据库中的审查记录被改动或删除过。',
  'history.col.at': '时间',
  'history.col.actor': '操作人',
  'history.col.action': '操作',
  'history.col.detail': '内容',
  'history.count': '共 {n} 条',
} as const;
type HistoryKey = keyof typeof zh;
const en: Record<HistoryKey, string> = {
  'history.heading': 'Review history',
  'history.loading': 'Loading the history…',
  'history.error': 'Could not load the history: {message}',
  'history.empty': 'Nothing has been recorded for this case yet.',
  'history.verified': 'The chain of entries is intact: none has been altered.',
  'history.broken': 'The chain check failed: entries in the database were altered or removed.',
  'history.col.at': 'When',
  'history.col.actor': 'Who',
  'history.col.action': 'Action',
  'history.col.detail': 'Detail',
  'history.count': '{n} entries',
};
const HISTORY_TEXT: Record<Locale, Record<HistoryKey, string>> = { 'zh-CN': zh, 'en-US': en };

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function HistoryView({ caseId }: { caseId: string }) {
  const { text, lang } = useText(HISTORY_TEXT);
  const [view, setView] = useState<AuditView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('getAudit', { caseId }).then(
      (v) => {
        setView(v);
        setError(null);
      },
      (err) => setError(errorMessage(err)),
    );
  }, [caseId]);
  useEffect(load, [load]);
  // Decisions and corrections made elsewhere in the app change the history: reload when a job ends.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.kind === 'job' && e.event.caseId === caseId && e.event.status !== 'running') load();
      }),
    [caseId, load],
  );

  if (error)
    return (
      <p className="error-text" role="alert">
        {text('history.error', { message: error })}
      </p>
    );
  if (!view) return <p className="muted">{text('history.loading')}</p>;
  const entries = [...view.entries].reverse();
  return (
    <section className="history" aria-label={text('history.heading')} data-testid="history">
      <header className="history-head">
        <h2 className="history-title">
          {text('history.heading')} <span className="muted small tabular">{text('history.count', { n: String(entries.length) })}</span>
        </h2>
        <p
          className={view.verified ? 'history-chain history-chain--ok small' : 'history-chain history-chain--broken small'}
          role="status"
          data-testid="history-chain"
        >
          {text(view.verified ? 'history.verified' : 'history.broken')}
        </p>
      </header>
      {entries.length === 0 ? (
        <p className="muted">{text('history.empty')}</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">{text('history.col.at')}</th>
              <th scope="col">{text('history.col.actor')}</th>
              <th scope="col">{text('history.col.action')}</th>
              <th scope="col">{text('history.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="history-entry" data-action={e.action}>
                <td className="tabular nowrap">{localTime(e.at)}</td>
                <td>{e.actor}</td>
                <td className="nowrap">{AUDIT_ACTION_LABELS[e.action]?.[lang] ?? e.action}</td>
                <td className="history-detail">{auditSummary(e.action, e.detail, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
