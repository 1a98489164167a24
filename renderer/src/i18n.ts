// Reviewers are Chinese: zh-CN is the default, en-US the second locale (DESIGN.md §1).
// Domain labels come from shared/vocab.ts so the report and the UI never disagree.
import { createContext, useContext } from 'react';
import { DOCUMENT_TYPE_LABELS, ENTITY_TYPE_LABELS } from '../../shared/vocab';
import type { DocumentType, EntityType, PageSource } from '../../shared/vocab';
import type { JobStatus, Stage } from '../../shared/api';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

const zh = {
  'app.title': '阅卷',
  'app.subtitle': '案卷审查助手',
  'nav.cases': '案件列表',
  'nav.language': '语言',
  'cases.heading': '案件',
  'cases.empty': '还没有案件。把案卷文件夹拖到上方，或输入文件夹路径开始审查。',
  'cases.col.name': '案件名称',
  'cases.col.folder': '文件夹',
  'cases.col.files': '文件',
  'cases.col.pages': '页数',
  'cases.col.documents': '文书',
  'cases.col.errors': '错误',
  'cases.col.findings': '问题',
  'cases.col.reviewed': '最近审查',
  'cases.notReviewed': '未完成',
  'cases.reviewing': '审查中',
  'cases.refresh': '刷新',
  'start.heading': '开始审查',
  'start.drop': '将案卷文件夹拖到这里',
  'start.dropHint': '支持 PDF、图片、TIFF、Word 与文本文件；原件不会被修改。',
  'start.dropNoPath': '浏览器无法读取拖入文件夹的路径，请在下方输入文件夹路径。',
  'start.pathLabel': '案卷文件夹路径',
  'start.pathPlaceholder': '例如 /home/user/案卷/张三盗窃案',
  'start.nameLabel': '案件名称（可选）',
  'start.submit': '开始审查',
  'start.pick': '选择文件夹',
  'progress.heading': '审查进度',
  'progress.cancel': '取消',
  'progress.open': '打开案件',
  'progress.waitingFor': '该案件正在由另一程序审查（{program}，进程 {pid}{host}），其完成后将自动开始。',
  'progress.dismiss': '关闭',
  'progress.eta': '预计剩余 {eta}',
  'progress.file': '当前文件：{file}',
  'progress.waiting': '等待开始…',
  'job.queued': '排队中',
  'job.running': '进行中',
  'job.done': '已完成',
  'job.failed': '失败',
  'job.cancelled': '已取消',
  'stage.ingest': '读取文件',
  'stage.ocr': '文字识别',
  'stage.catalogue': '编制目录',
  'stage.entities': '提取要素',
  'stage.timeline': '梳理时间线',
  'stage.rules': '程序审查',
  'stage.report': '生成报告',
  'case.back': '返回案件列表',
  'case.catalogue': '卷宗目录',
  'case.noDocuments': '尚未识别出文书。',
  'case.fileErrors': '文件错误',
  'case.files': '文件',
  'case.pagesShort': '{n} 页',
  'case.pageRange': '第 {from}–{to} 页',
  'case.pageSingle': '第 {from} 页',
  'case.summary': '{files} 个文件 · {pages} 页 · {documents} 份文书',
  'page.counter': '第 {page} / {count} 页',
  'page.prev': '上一页',
  'page.next': '下一页',
  'page.zoomIn': '放大',
  'page.zoomOut': '缩小',
  'page.fitWidth': '适合宽度',
  'page.loading': '正在加载…',
  'page.noPage': '在目录中选择一份文书开始阅读。',
  'page.imageError': '无法显示本页图像：{message}',
  'doc.number': '文号',
  'doc.date': '日期',
  'doc.pages': '位置',
  'text.heading': '本页文字',
  'text.source': '来源',
  'text.confidence': '识别置信度',
  'text.lowConfidence': '低置信度文字已标出（{n} 处）',
  'text.empty': '本页没有可读文字。',
  'source.text-layer': 'PDF 文字层',
  'source.ocr': 'OCR 识别',
  'source.docx': 'Word 文档',
  'source.txt': '文本文件',
  'keys.hint': '翻页 PageUp/PageDown 或 j/k · 上/下一份文书 n/p 或 ]/[ · 下一处审查意见 f · 搜索 / 或 Ctrl+F · 缩放 +/- · 适合宽度 0 · 关闭 Esc',
  'error.generic': '出错了：{message}',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.none': '—',
  'case.findingCount': '{n} 项审查意见',
  'tab.label': '案件视图',
  'tab.read': '阅读',
  'tab.timeline': '时间轴',
  'tab.findings': '审查意见',
  'tab.compare': '笔录比对',
  'tab.graph': '关系图',
  'tab.history': '审查记录',
  'side.label': '本页',
  'side.text': '文字',
  'side.entities': '实体',
  'side.findings': '审查意见',
  'side.notes': '批注',
  'text.clickHint': '点击识别的字词可更正；点击人员等要素查看详情；选中文字可高亮或批注。',
  'word.edit': '更正识别文字',
  'word.save': '保存',
  'word.low': '低置信度',
  'word.lowTitle': '低置信度（{n}%），请对照原图核对；点击更正',
  'word.corrected': '已更正',
  'word.correctedFrom': '已更正，原识别为“{original}”',
  'word.correctedLegend': '已人工更正（{n} 处）',
  'entity.heading': '要素',
  'entity.related': '关联标识',
  'entity.alsoIn': '亦见于其他案件（串并）',
  'entity.mentions': '出现 {n} 次 · {docs} 份文书',
  'entity.attr.idNumber': '身份证号',
  'entity.attr.phone': '电话',
  'entity.attr.address': '住址',
  'entity.attr.birthDate': '出生日期',
  'entity.attr.sex': '性别',
  'entity.priors': '前科（卷内所载）',
  'entities.onPage': '本页要素（{n}）',
  'entities.noneOnPage': '本页未识别出要素。',
  'entities.people': '本案人员（{n}）',
  'entities.mentionCount': '{n} 处',
  'entities.linked': '串并 {n}',
  'notes.hint': '在页面图像或文字中选中内容即可高亮或批注；工具栏可为本页加书签。',
  'notes.empty': '还没有批注。',
  'notes.kind.highlight': '高亮',
  'notes.kind.note': '批注',
  'notes.kind.bookmark': '书签',
  'notes.delete': '删除',
  'notes.highlight': '高亮',
  'notes.note': '批注',
  'notes.save': '保存批注',
  'notes.placeholder': '写下批注…',
  'notes.bookmark': '书签',
  'notes.bookmarkTitle': '为本页加书签 / 取消书签',
  'search.label': '搜索案卷',
  'search.placeholder': '搜索姓名、证件号、电话…（/）',
  'search.scope': '搜索范围',
  'search.thisCase': '本案',
  'search.allCases': '全部案件',
  'search.documentType': '文书类型',
  'search.anyDocument': '全部文书',
  'search.entityType': '要素类型',
  'search.anyEntity': '全部要素',
  'search.person': '人员',
  'search.anyPerson': '全部人员',
  'search.count': '{n} 条结果',
  'search.none': '没有找到。',
  'search.hint': '输入姓名、身份证号、电话（有无分隔符均可）或词句。回车打开第一条，上下键选择。',
  'common.close': '关闭',
  'common.cancel': '取消',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Case Review',
  'app.subtitle': 'Case file review assistant',
  'nav.cases': 'Cases',
  'nav.language': 'Language',
  'cases.heading': 'Cases',
  'cases.empty': 'No cases yet. Drop a case folder above, or type its path to start a review.',
  'cases.col.name': 'Case',
  'cases.col.folder': 'Folder',
  'cases.col.files': 'Files',
  'cases.col.pages': 'Pages',
  'cases.col.documents': 'Documents',
  'cases.col.errors': 'Errors',
  'cases.col.findings': 'Findings',
  'cases.col.reviewed': 'Last reviewed',
  'cases.notReviewed': 'Not finished',
  'cases.reviewing': 'Reviewing',
  'cases.refresh': 'Refresh',
  'start.heading': 'Start a review',
  'start.drop': 'Drop a case folder here',
  'start.dropHint': 'PDF, images, TIFF, Word and text files; originals are never modified.',
  'start.dropNoPath': 'A browser cannot read the path of a dropped folder; type the folder path below.',
  'start.pathLabel': 'Case folder path',
  'start.pathPlaceholder': 'e.g. /home/user/cases/zhang-san-theft',
  'start.nameLabel': 'Case name (optional)',
  'start.submit': 'Start review',
  'start.pick': 'Choose folder',
  'progress.heading': 'Review progress',
  'progress.cancel': 'Cancel',
  'progress.open': 'Open case',
  'progress.waitingFor': 'Another program is reviewing this case ({program}, process {pid}{host}); this review starts when it finishes.',
  'progress.dismiss': 'Dismiss',
  'progress.eta': 'About {eta} left',
  'progress.file': 'Current file: {file}',
  'progress.waiting': 'Waiting to start…',
  'job.queued': 'Queued',
  'job.running': 'Running',
  'job.done': 'Done',
  'job.failed': 'Failed',
  'job.cancelled': 'Cancelled',
  'stage.ingest': 'Reading files',
  'stage.ocr': 'Recognising text',
  'stage.catalogue': 'Building the catalogue',
  'stage.entities': 'Extracting entities',
  'stage.timeline': 'Building the timeline',
  'stage.rules': 'Checking procedure',
  'stage.report': 'Writing the report',
  'case.back': 'Back to cases',
  'case.catalogue': 'Catalogue',
  'case.noDocuments': 'No documents recognised yet.',
  'case.fileErrors': 'File errors',
  'case.files': 'Files',
  'case.pagesShort': '{n} p.',
  'case.pageRange': 'pp. {from}–{to}',
  'case.pageSingle': 'p. {from}',
  'case.summary': '{files} files · {pages} pages · {documents} documents',
  'page.counter': 'Page {page} / {count}',
  'page.prev': 'Previous page',
  'page.next': 'Next page',
  'page.zoomIn': 'Zoom in',
  'page.zoomOut': 'Zoom out',
  'page.fitWidth': 'Fit width',
  'page.loading': 'Loading…',
  'page.noPage': 'Choose a document in the catalogue to start reading.',
  'page.imageError': 'Cannot show this page image: {message}',
  'doc.number': 'Number',
  'doc.date': 'Date',
  'doc.pages': 'Location',
  'text.heading': 'Page text',
  'text.source': 'Source',
  'text.confidence': 'Confidence',
  'text.lowConfidence': 'Low-confidence words marked ({n})',
  'text.empty': 'No readable text on this page.',
  'source.text-layer': 'PDF text layer',
  'source.ocr': 'OCR',
  'source.docx': 'Word document',
  'source.txt': 'Text file',
  'keys.hint': 'Pages: PageUp/PageDown or j/k · Documents: n/p or ]/[ · Next finding: f · Search: / or Ctrl+F · Zoom: +/- · Fit width: 0 · Close: Esc',
  'error.generic': 'Something went wrong: {message}',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.none': '—',
  'case.findingCount': '{n} findings',
  'tab.label': 'Case views',
  'tab.read': 'Read',
  'tab.timeline': 'Timeline',
  'tab.findings': 'Findings',
  'tab.compare': 'Compare statements',
  'tab.graph': 'Graph',
  'tab.history': 'History',
  'side.label': 'This page',
  'side.text': 'Text',
  'side.entities': 'Entities',
  'side.findings': 'Findings',
  'side.notes': 'Notes',
  'text.clickHint': 'Click a recognised word to correct it; click a person or other entity for details; select text to highlight or annotate.',
  'word.edit': 'Correct recognised text',
  'word.save': 'Save',
  'word.low': 'Low confidence',
  'word.lowTitle': 'Low confidence ({n}%): check against the image; click to correct',
  'word.corrected': 'Corrected',
  'word.correctedFrom': 'Corrected; OCR read “{original}”',
  'word.correctedLegend': 'Corrected by hand ({n})',
  'entity.heading': 'Entity',
  'entity.related': 'Related identifiers',
  'entity.alsoIn': 'Also in other cases',
  'entity.mentions': '{n} mentions · {docs} documents',
  'entity.attr.idNumber': 'ID number',
  'entity.attr.phone': 'Phone',
  'entity.attr.address': 'Address',
  'entity.attr.birthDate': 'Birth date',
  'entity.attr.sex': 'Sex',
  'entity.priors': 'Earlier convictions (as the file shows)',
  'entities.onPage': 'On this page ({n})',
  'entities.noneOnPage': 'No entities recognised on this page.',
  'entities.people': 'People in the case ({n})',
  'entities.mentionCount': '{n}×',
  'entities.linked': '{n} linked',
  'notes.hint': 'Select words on the page image or in the text to highlight or annotate them; bookmark a page from the toolbar.',
  'notes.empty': 'No notes yet.',
  'notes.kind.highlight': 'Highlight',
  'notes.kind.note': 'Note',
  'notes.kind.bookmark': 'Bookmark',
  'notes.delete': 'Delete',
  'notes.highlight': 'Highlight',
  'notes.note': 'Note',
  'notes.save': 'Save note',
  'notes.placeholder': 'Write a note…',
  'notes.bookmark': 'Bookmark',
  'notes.bookmarkTitle': 'Bookmark this page / remove the bookmark',
  'search.label': 'Search the case file',
  'search.placeholder': 'Search names, ID numbers, phones… (/)',
  'search.scope': 'Search scope',
  'search.thisCase': 'This case',
  'search.allCases': 'All cases',
  'search.documentType': 'Document type',
  'search.anyDocument': 'All documents',
  'search.entityType': 'Entity type',
  'search.anyEntity': 'All entities',
  'search.person': 'Person',
  'search.anyPerson': 'All people',
  'search.count': '{n} results',
  'search.none': 'Nothing found.',
  'search.hint': 'Type a name, an ID or phone number (with or without separators) or a phrase. Enter opens the first hit; arrow keys choose.',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
};

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

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
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
      return d.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
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
