// Strings for the review desk (timeline, findings, graph, export). Kept beside the views
// that use them so the shared catalogue in ../i18n.ts stays with its owner.
import { useMemo } from 'react';
import { fill, useI18n } from '../i18n';
import type { Locale } from '../i18n';

export type TextVars = Record<string, string | number>;
export type Text<K extends string> = (key: K, vars?: TextVars) => string;

/** A translator over one view's own catalogue, following the app's locale. */
export function useText<K extends string>(
  catalogues: Record<Locale, Record<K, string>>,
): { text: Text<K>; locale: Locale; lang: 'zh' | 'en' } {
  const { locale } = useI18n();
  const messages = catalogues[locale];
  // One function per locale: views memoise on it.
  const text = useMemo<Text<K>>(() => (key, vars) => fill(messages[key], vars), [messages]);
  return { text, locale, lang: locale === 'zh-CN' ? 'zh' : 'en' };
}

const zh = {
  'findings.heading': '审查意见',
  'findings.loading': '正在加载审查意见…',
  'findings.error': '无法加载审查意见：{message}',
  'findings.empty': '本案未发现程序问题。',
  'findings.pending': '审查尚未完成：审查意见将在审查完成后列出。',
  'findings.emptyFiltered': '没有符合筛选条件的审查意见。',
  'findings.counts': '违法 {violation} · 提示 {warning} · 待核实 {open}',
  'findings.filter.severity': '严重程度',
  'findings.filter.status': '状态',
  'findings.filter.rule': '规则',
  'findings.filter.all': '全部',
  'severity.violation': '违法',
  'severity.warning': '提示',
  'status.open': '待核实',
  'status.confirmed': '已确认',
  'status.dismissed': '已排除',
  'change.new': '新',
  'change.resolved': '已解决',
  'findings.citation': '依据',
  'findings.evidence': '证据',
  'findings.page': '第 {page} 页',
  'findings.note': '审查备注',
  'findings.notePlaceholder': '核实情况、理由…',
  'findings.confirm': '确认',
  'findings.dismiss': '排除',
  'findings.reopen': '重新打开',
  'findings.saveNote': '保存备注',
  'findings.saving': '正在保存…',
  'findings.decideError': '保存失败：{message}',
  'findings.keys': '↑/↓ 选择 · c 确认 · d 排除',
  'findings.resolvedHint': '重新审查后已不再出现',
} as const;

export type FindingsKey = keyof typeof zh;

const en: Record<FindingsKey, string> = {
  'findings.heading': 'Findings',
  'findings.loading': 'Loading findings…',
  'findings.error': 'Could not load the findings: {message}',
  'findings.empty': 'No procedural issues were found in this case.',
  'findings.pending': 'The review is still running: findings are listed when it ends.',
  'findings.emptyFiltered': 'No findings match the filters.',
  'findings.counts': 'Violations {violation} · Warnings {warning} · Open {open}',
  'findings.filter.severity': 'Severity',
  'findings.filter.status': 'Status',
  'findings.filter.rule': 'Rule',
  'findings.filter.all': 'All',
  'severity.violation': 'Violation',
  'severity.warning': 'Warning',
  'status.open': 'Open',
  'status.confirmed': 'Confirmed',
  'status.dismissed': 'Dismissed',
  'change.new': 'New',
  'change.resolved': 'Resolved',
  'findings.citation': 'Basis',
  'findings.evidence': 'Evidence',
  'findings.page': 'p. {page}',
  'findings.note': 'Reviewer note',
  'findings.notePlaceholder': 'What was checked, and why…',
  'findings.confirm': 'Confirm',
  'findings.dismiss': 'Dismiss',
  'findings.reopen': 'Reopen',
  'findings.saveNote': 'Save note',
  'findings.saving': 'Saving…',
  'findings.decideError': 'Could not save: {message}',
  'findings.keys': '↑/↓ select · c confirm · d dismiss',
  'findings.resolvedHint': 'No longer found by the latest review',
};

export const FINDINGS_TEXT: Record<Locale, Record<FindingsKey, string>> = { 'zh-CN': zh, 'en-US': en };

export { errorText as errorMessage } from '../errors';

const REVIEWER_KEY = 'case-review.reviewer';

/** The reviewer's name, remembered between decisions and exports on this machine. */
export function savedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveReviewer(name: string): void {
  try {
    localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // Forgetting the name only costs retyping it.
  }
}
