// Reviewers are Chinese: zh-CN is the default, en-US the second locale (DESIGN.md §1).
// Domain labels come from shared/vocab.ts so the report and the UI never disagree.
import { createContext, useContext } from 'react';
import { zh } from './zh';
import type { MessageKey } from './zh';
import { en } from './en';
import { DOCUMENT_TYPE_LABELS, ENTITY_TYPE_LABELS } from '../../../shared/vocab';
import type { DocumentType, EntityType, PageSource } from '../../../shared/vocab';
import type { JobStatus, Stage } from '../../../shared/api';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

export type { MessageKey };

/**
 * Progress messages the backend emits (ProgressEvent.messageKey). Unknown keys fall
 * back to the stage label, so a new backend message never shows a raw key.
 */
const progressMessages: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'ingest.reading': '读取并校验文件',
    'ocr.reading': '识别页面文字',
    'ocr.done': '文字识别完成',
    'catalogue.building': '编制卷宗目录',
    'catalogue.done': '目录编制完成',
    'entities.extracting': '提取人员与要素',
    'timeline.building': '梳理程序时间线',
    'rules.checking': '核查办案程序',
    'report.writing': '生成审查报告',
  },
  'en-US': {
    'ingest.reading': 'Reading and hashing files',
    'ocr.reading': 'Recognising page text',
    'ocr.done': 'Text recognition finished',
    'catalogue.building': 'Building the catalogue',
    'catalogue.done': 'Catalogue built',
    'entities.extracting': 'Extracting people and entities',
    'timeline.building': 'Building the procedural timeline',
    'rules.checking': 'Checking procedure',
    'report.writing': 'Writing the review report',
  },
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

export type Vars = Record<string, string | number>;

/** {n} is the value; {n|file|files} the word for one and for more (English needs it, Chinese not). */
export function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (m, name: string, one?: string, many?: string) => {
    if (!(name in vars)) return m;
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : (many ?? one);
  });
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, vars?: Vars): string;
  docType(type: DocumentType): string;
  entityType(type: EntityType): string;
  stage(stage: Stage): string;
  jobStatus(status: JobStatus): string;
  source(source: PageSource): string;
  progressMessage(messageKey: string, stage: Stage, vars?: Vars): string;
  date(iso: string | null): string;
  duration(seconds: number): string;
}

export function createTranslator(locale: Locale): Translator {
  const messages = catalogues[locale];
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const t = (key: MessageKey, vars?: Vars): string => fill(messages[key], vars);
  const stage = (s: Stage): string => t(`stage.${s}` as MessageKey);
  return {
    locale,
    t,
    docType: (type) => DOCUMENT_TYPE_LABELS[type]?.[lang] ?? type,
    entityType: (type) => ENTITY_TYPE_LABELS[type]?.[lang] ?? type,
    stage,
    jobStatus: (status) => t(`job.${status}` as MessageKey),
    source: (source) => t(`source.${source}` as MessageKey),
    progressMessage(messageKey, s, vars) {
      const known = progressMessages[locale][messageKey];
      return known ? fill(known, vars) : stage(s);
    },
    date(iso) {
      if (!iso) return t('common.none');
      // Plain dates stay as written: a document date has no time zone to convert.
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return d.toLocaleString(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      });
    },
    duration(seconds) {
      const s = Math.max(0, Math.round(seconds));
      const m = Math.floor(s / 60);
      const h = Math.floor(m / 60);
      if (locale === 'zh-CN') {
        if (h > 0) return `${h} 小时 ${m % 60} 分`;
        if (m > 0) return `${m} 分 ${s % 60} 秒`;
        return `${s} 秒`;
      }
      if (h > 0) return `${h} h ${m % 60} min`;
      if (m > 0) return `${m} min ${s % 60} s`;
      return `${s} s`;
    },
  };
}

const STORAGE_KEY = 'case-review.locale';

export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // Storage can be disabled; the default locale is fine then.
  }
  return 'zh-CN';
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is harmless.
  }
  document.documentElement.lang = locale;
}

export const I18nContext = createContext<Translator>(createTranslator('zh-CN'));

export function useI18n(): Translator {
  return useContext(I18nContext);
}
