// Splitting a case's pages into documents. A scanned volume holds many forms back
// to back; what marks a first page is a title near the top (often with the
// issuing organ and a document number), a "第1页 共N页" footer, or the end of the
// previous form ("第3页 共3页"). Continuation pages carry none of these, or say
// "第2页 共3页" outright, or go on with the Q&A.
import type { DocumentType, FileKind, PageSource } from '../../../shared/vocab.js';
import { classifyDocument } from './classify.js';
import type { RecordFields } from './fields.js';
import { documentDate, readDocumentNumber, readFields } from './fields.js';
import type { TitleMatch } from './titles.js';
import { matchTitle } from './titles.js';

export interface CataloguePage {
  fileId: number;
  file: string;
  kind: FileKind;
  page: number;
  text: string;
  source: PageSource;
  confidence: number | null;
}

export interface DocumentDraft {
  type: DocumentType;
  title: string;
  fileId: number;
  file: string;
  pageFrom: number;
  pageTo: number;
  date: string | null;
  number: string | null;
  fields: RecordFields;
  confidence: number;
  /** Loose page images of one document, in page order (the first is `file`). */
  files?: string[];
}

/** What one page says about where it sits in a document. */
export interface PageSignals {
  title: TitleMatch | null;
  /** Index of the title line among the page's non-empty lines. */
  titleLine: number;
  /** "第k页 共n页" */
  footer: { k: number; n: number } | null;
  number: boolean;
  issuer: boolean;
  /** The page opens with 问：/答： — a record going on. */
  qaStart: boolean;
  blank: boolean;
  /** A 回执/存根 part: belongs with the form before it. */
  counterfoil: boolean;
}

const TOP_LINES = 6;
// The issuing organ's line, also with a character lost (绍兴市公安局上虞区局).
const ISSUER_LINE = /^[\u4e00-\u9fff]{2,22}$/;
const ISSUER_WORD = /(公安|分局|派出所|检察院|法院|鉴定|认证中心)/;
// A document number standing on its own line: 越公（刑）拘字〔2024〕0211号.
const NUMBER_LINE = /^[\u4e00-\u9fff（）()]{2,16}[〔[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）][\u4e00-\u9fff]{0,4}第?\s*\d{1,6}\s*号$/;
const FOOTER = /第\s*([0-9]{1,3})\s*页\s*[,，、]?\s*共\s*([0-9]{1,3})\s*页/;

function lines(text: string): string[] {
  return text
    .normalize('NFKC')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * The lines a title may stand on. Text kept without line breaks (a judgment saved as one
 * paragraph: "某某人民法院 刑事判决书 （2016）湘0111刑初733号 公诉机关…") has its head's
 * space-separated parts as lines.
 */
function headLines(ls: string[]): string[] {
  const first = ls[0] ?? '';
  if (first.length <= 60 || !/\s/.test(first.slice(0, 60))) return ls;
  // Single characters in a row are a letter-spaced title (刑 事 判 决 书): one part.
  const parts: string[] = [];
  let spaced = '';
  for (const part of first.slice(0, 120).split(/\s+/)) {
    if (/^[\u4e00-\u9fff]$/.test(part)) {
      spaced += part;
      continue;
    }
    if (spaced) parts.push(spaced);
    spaced = '';
    parts.push(part);
  }
  if (spaced) parts.push(spaced);
  return [...parts.slice(0, TOP_LINES), ...ls.slice(1)];
}

export function pageSignals(text: string): PageSignals {
  const ls = lines(text);
  const head = headLines(ls);
  let title: TitleMatch | null = null;
  let titleLine = -1;
  let counterfoil = false;
  for (let i = 0; i < Math.min(TOP_LINES, head.length); i++) {
    const line = head[i] ?? '';
    // A Q&A line is never a title, even a short damaged one.
    if (/^(问|答)\s*[：:]/.test(line)) break;
    const m = matchTitle(line);
    if (m && (!title || m.distance < title.distance)) {
      title = m;
      titleLine = i;
      counterfoil = /回执|存根|副本|附页|续页/.test(line.replace(/\s/g, ''));
      if (m.exact) break;
    }
  }
  const tail = ls.slice(-4).join(' ');
  const f = FOOTER.exec(tail) ?? FOOTER.exec(ls.slice(0, 2).join(' '));
  const footer = f ? { k: Number(f[1]), n: Number(f[2]) } : null;
  const top = ls.slice(0, TOP_LINES);
  const number = top.slice(0, 4).some((l) => NUMBER_LINE.test(l.replace(/\s/g, '')));
  // An organ line followed by a date is a sign-off that spilled onto this page, not a form's head.
  // The addressee after 此致 ("此致\n某区人民检察院") is a letter's close, not a form's head.
  const issuer = top.slice(0, 3).some((l, i) => {
    const k = l.replace(/\s/g, '');
    return (
      ISSUER_LINE.test(k) &&
      ISSUER_WORD.test(k) &&
      !/^\S{0,2}[〇○零0OoＯ一二三四五六七八九\d]{2,4}\s*年/.test(top[i + 1] ?? '') &&
      !/^此致/.test((top[i - 1] ?? '').replace(/\s/g, ''))
    );
  });
  const firstBody = ls.find((l) => !FOOTER.test(l) && !/^-?\s*\d+\s*-?$/.test(l)) ?? '';
  const qaStart = /^(问|答)\s*[：:]/.test(firstBody);
  return { title, titleLine, footer, number, issuer, qaStart, blank: ls.join('').replace(/\s/g, '').length < 4, counterfoil };
}

/**
 * Does this page begin a new document, given the page before it and the title
 * of the document it would continue?
 */
function startsDocument(sig: PageSignals, prev: PageSignals | null, current: TitleMatch | null): boolean {
  if (!prev) return true;
  if (sig.blank) return false;
  if (sig.footer && sig.footer.k > 1 && sig.footer.k <= sig.footer.n) {
    // The footer says "page k of this document": only an exact title overrides it.
    return sig.title?.exact === true && !sig.counterfoil && !sig.qaStart && sig.titleLine <= 2;
  }
  // A 回执/存根 page belongs to the form of its own title, wherever that began.
  if (sig.title) return !sig.counterfoil || sig.title.type !== current?.type;
  if (sig.footer && sig.footer.k === 1) return true;
  if (sig.qaStart) return false;
  // A title too damaged to read, but the form's head is there: organ or number on a line of its own.
  if (sig.number || sig.issuer) return true;
  // The page before was the last of its document ("第3页 共3页").
  return prev.footer !== null && prev.footer.k === prev.footer.n;
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** 询问笔录-1.jpg, 询问笔录_02.png, 询问笔录（2）.jpg → 询问笔录 */
function photoStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return name.replace(/[\s_\-－—.（(]*\d{1,4}[)）]?$/, '');
}

interface Span {
  pages: CataloguePage[];
  sig: PageSignals;
}

/** Segment a case's pages (in file order, then page order) into document drafts. */
export function segmentDocuments(pages: CataloguePage[]): DocumentDraft[] {
  const spans: Span[] = [];
  let prevSig: PageSignals | null = null;
  let prevPage: CataloguePage | null = null;
  for (const page of pages) {
    const sig = pageSignals(page.text);
    const current = spans[spans.length - 1];
    let start: boolean;
    if (!current || !prevPage) start = true;
    else if (page.fileId !== prevPage.fileId) {
      // A new file starts a document, except the next loose photo of the same form.
      const photos = page.kind === 'image' && prevPage.kind === 'image' && folderOf(page.file) === folderOf(prevPage.file);
      if (!photos) start = true;
      else if (photoStem(page.file) === photoStem(prevPage.file) && !sig.title?.exact) start = false;
      else start = startsDocument(sig, prevSig, current.sig.title);
    } else if (page.kind === 'docx' || page.kind === 'txt') start = false;
    else start = startsDocument(sig, prevSig, current.sig.title);
    if (start || !current) spans.push({ pages: [page], sig });
    else current.pages.push(page);
    prevSig = sig;
    prevPage = page;
  }
  return spans.map(draftOf);
}

/** The title line of a form the catalogue has no name for (到案经过, 常住人口信息表 …). */
function printedTitle(text: string): string {
  for (const line of lines(text).slice(0, 4)) {
    const k = line.replace(/[\s\u3000]/g, '');
    if (ISSUER_WORD.test(k) && ISSUER_LINE.test(k) && !/(书|表|证|录|单|明|过|函|据)$/.test(k)) continue;
    if (NUMBER_LINE.test(k) || /[\d，。：:；,]/.test(k)) continue;
    if (k.length >= 3 && k.length <= 16 && /(书|表|证|录|单|明|过|函|据|告|材料)$/.test(k)) return k;
  }
  return '';
}

function draftOf(span: Span): DocumentDraft {
  const first = span.pages[0] as CataloguePage;
  const text = span.pages.map((p) => p.text).join('\n');
  const cls = classifyDocument(text, span.sig.title);
  const date = documentDate(cls.type, text);
  const { fields } = readFields(cls.type, text, date);
  const files = [...new Set(span.pages.map((p) => p.file))];
  const sameFile = files.length === 1;
  const ocr = span.pages.map((p) => p.confidence).filter((c): c is number => c !== null);
  const ocrConfidence = ocr.length ? ocr.reduce((a, b) => a + b, 0) / ocr.length : 1;
  const draft: DocumentDraft = {
    type: cls.type,
    title: cls.title || printedTitle(text),
    fileId: first.fileId,
    file: first.file,
    pageFrom: first.page,
    // The range is within `file`; a document of loose photos lists them all in `files`.
    pageTo: Math.max(...span.pages.filter((p) => p.file === first.file).map((p) => p.page)),
    date,
    number: readDocumentNumber(text),
    fields,
    confidence: Math.round(cls.confidence * Math.min(1, 0.5 + ocrConfidence / 2) * 1000) / 1000,
  };
  if (!sameFile) draft.files = files;
  return draft;
}
