// Over 400 lines on purpose: buildReportModel lays out the report's sections in reading order over one set of labels
// and lookups (text, language, documents by id, page sources); each format's renderer is a file of its own.
// The report's content, built once from review.json and rendered to PDF, DOCX and
// HTML: every format shows the same sections, tables and figure.
import type { ReviewEntity, ReviewJson } from '../../../shared/review.js';
import {
  AUDIT_ACTION_LABELS,
  auditSummary,
  DOCUMENT_TYPE_LABELS,
  EVENT_TYPE_LABELS,
  PERSON_ROLE_LABELS,
  type DocumentType,
  type EventType,
  type PersonRole,
  type Severity,
} from '../../../shared/vocab.js';
import { visibleName } from '../../../shared/names.js';
import { caseIso } from '../../../shared/case-time.js';
import { catalogueLabel } from '../../../shared/catalogue-label.js';
import { reportText, type ReportLocale, type ReportText } from './labels.js';
import { ALL_RULES } from '../rules/index.js';

const RULE_TITLES = new Map(ALL_RULES.map((r) => [r.id as string, r.title]));
import { buildTimelineFigure, displayTime, orderEvents, sortFindings, type TimelineFigure } from './timeline-figure.js';

export interface ReportAnnotation {
  document?: string;
  file: string;
  page: number;
  text?: string;
  note: string;
}
export interface ReportAudit {
  verified: boolean;
  entries: { at: string; actor: string; action: string; detail: Record<string, unknown> }[];
}

export interface ReportOptions {
  locale: ReportLocale;
  reviewer?: string;
  appVersion: string;
  annotations?: ReportAnnotation[];
  /** The case's history, when the reviewer asks for it in the report. */
  audit?: ReportAudit;
  /** When the report is made; fixed in tests so outputs are reproducible. */
  now?: Date;
}

export type Tone = 'violation' | 'warning' | 'muted';
export const TONE_COLORS: Record<Tone, string> = { violation: '#c00000', warning: '#bf8f00', muted: '#7f7f7f' };
export interface Run {
  text: string;
  bold?: boolean;
  tone?: Tone;
}

export interface Column {
  header: string;
  /** Share of the table's width; the renderers scale the shares to the page. */
  width: number;
  /** Hashes and numbers read better in a fixed-width face and may break anywhere. */
  mono?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string; tone?: Tone }
  | { kind: 'paragraph'; runs: Run[]; style?: 'body' | 'quote' | 'caption' }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  | { kind: 'timeline'; figure: TimelineFigure; caption: string };

export interface ReportSection {
  id: SectionId;
  title: string;
  blocks: Block[];
}
export type SectionId = 'summary' | 'catalogue' | 'people' | 'timeline' | 'statements' | 'findings' | 'annotations' | 'history' | 'files';

export interface ReportModel {
  locale: ReportLocale;
  title: string;
  caseName: string;
  generatedAt: string;
  appVersion: string;
  text: ReportText;
  sections: ReportSection[];
}

const para = (text: string, style?: 'body' | 'quote' | 'caption'): Block => ({ kind: 'paragraph', runs: [{ text }], style });

/** The case's history: whether the chain holds, then each action with who and when. */
function historyBlocks(audit: ReportAudit, t: ReportText, en: boolean): Block[] {
  const lang = en ? 'en' : 'zh';
  const head: Block = {
    kind: 'paragraph',
    runs: [
      {
        text: audit.verified ? t.history.verified : t.history.broken,
        tone: audit.verified ? undefined : 'violation',
        bold: !audit.verified,
      },
    ],
  };
  if (audit.entries.length === 0) return [head, para(t.history.none)];
  return [
    head,
    {
      kind: 'table',
      columns: [
        { header: t.history.at, width: 18 },
        { header: t.history.actor, width: 12 },
        { header: t.history.action, width: 16 },
        { header: t.history.what, width: 54 },
      ],
      rows: audit.entries.map((e) => [
        displayTime(e.at),
        e.actor,
        AUDIT_ACTION_LABELS[e.action]?.[lang] ?? e.action,
        auditSummary(e.action, e.detail, lang),
      ]),
    },
  ];
}

export function buildReportModel(review: ReviewJson, opts: ReportOptions): ReportModel {
  const t = reportText(opts.locale);
  const en = opts.locale === 'en-US';
  const now = opts.now ?? new Date();
  const generatedAt = displayTime(caseIso(now.getTime(), { seconds: true }));
  const docById = new Map(review.documents.map((d) => [d.id, d]));
  const persons = review.entities.filter((e) => e.type === 'PERSON');
  const personName = new Map(persons.map((p) => [p.id, p.value]));
  const docTypeLabel = (type: DocumentType) => (en ? DOCUMENT_TYPE_LABELS[type]?.en : DOCUMENT_TYPE_LABELS[type]?.zh) ?? type;
  const eventLabel = (type: EventType) => (en ? EVENT_TYPE_LABELS[type]?.en : EVENT_TYPE_LABELS[type]?.zh) ?? type;
  const source = (docId: string, page: number) => {
    const d = docById.get(docId);
    return d ? `《${d.title}》${t.pageRef(page)}` : `${docId} ${t.pageRef(page)}`;
  };
  const v = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? t.dash : s);

  // --- summary
  const ocr = review.pages.filter((p) => p.source === 'ocr');
  const confs = ocr.map((p) => p.confidence).filter((c): c is number => typeof c === 'number');
  const meanConf = confs.length > 0 ? `${((confs.reduce((a, b) => a + b, 0) / confs.length) * 100).toFixed(1)}%` : t.dash;
  const counts: Record<Severity, number> = { violation: 0, warning: 0 };
  for (const f of review.findings) counts[f.severity] += 1;
  const summary: Block[] = [
    {
      kind: 'fields',
      rows: [
        { label: t.summary.case, value: visibleName(review.case.name) },
        { label: t.summary.folder, value: visibleName(review.case.folder) },
        { label: t.summary.files, value: String(review.files.length) },
        { label: t.summary.pages, value: String(review.pages.length) },
        { label: t.summary.ocrPages, value: String(ocr.length) },
        { label: t.summary.meanConfidence, value: meanConf },
        { label: t.summary.documents, value: String(review.documents.length) },
        { label: t.summary.findings, value: t.findings.bySeverity(counts) },
        { label: t.summary.reviewedAt, value: displayTime(review.case.reviewedAt) },
        { label: t.summary.reviewer, value: v(opts.reviewer?.trim()) },
        { label: t.summary.appVersion, value: opts.appVersion },
        { label: t.summary.generatedAt, value: generatedAt },
      ],
    },
  ];

  // --- catalogue
  const docs = [...review.documents].sort((a, b) => (a.ordinal ?? Infinity) - (b.ordinal ?? Infinity));
  const catalogue: Block[] =
    docs.length === 0
      ? [para(t.none)]
      : [
          {
            kind: 'table',
            columns: [
              { header: t.catalogue.ordinal, width: 6 },
              { header: t.catalogue.type, width: 14 },
              { header: t.catalogue.title, width: 22 },
              { header: t.catalogue.number, width: 18 },
              { header: t.catalogue.date, width: 11 },
              { header: t.catalogue.file, width: 20 },
              { header: t.catalogue.pages, width: 9 },
            ],
            rows: docs.map((d, i) => [
              String(d.ordinal ?? i + 1),
              docTypeLabel(d.type),
              // Whose statement and which session, as the desk's catalogue names it (询问笔录（张三，第2次）).
              catalogueLabel(
                {
                  type: d.type,
                  title: d.title,
                  person: typeof d.fields?.subject === 'string' ? d.fields.subject : null,
                  session: typeof d.fields?.session === 'number' ? d.fields.session : null,
                },
                docTypeLabel(d.type),
              ),
              v(d.number),
              v(d.date),
              visibleName(d.file),
              t.pageRange(d.pageFrom, d.pageTo),
            ]),
          },
        ];

  // --- people
  const people: Block[] =
    persons.length === 0
      ? [para(t.none)]
      : [
          {
            kind: 'table',
            columns: [
              { header: t.people.name, width: 10 },
              { header: t.people.role, width: 11 },
              { header: t.people.gender, width: 6 },
              { header: t.people.birthDate, width: 11 },
              { header: t.people.idNumber, width: 19, mono: true },
              { header: t.people.phone, width: 13, mono: true },
              { header: t.people.address, width: 30 },
            ],
            rows: persons.map((p) => personRow(p, t, en, v)),
          },
        ];

  // Earlier convictions the file shows (前科), person by person.
  for (const p of persons) {
    const priors = Array.isArray(p.attributes.priorConvictions)
      ? (p.attributes.priorConvictions as { date?: string | null; charge?: string | null; sentence?: string | null }[])
      : [];
    if (priors.length === 0) continue;
    people.push({
      kind: 'paragraph',
      runs: [
        { text: `${p.value}${t.colon}${t.people.priors}`, bold: true },
        { text: priors.map((x) => [x.date, x.charge, x.sentence].filter(Boolean).join(' ')).join('；') },
      ],
    });
  }

  // The reviewer's corrections to who is who (merged, split, relabelled, given an identifier): the table above shows their result.
  const corrections = (review.entityCorrections ?? []).filter((c) => !c.undone);
  if (corrections.length > 0)
    people.push({
      kind: 'paragraph',
      runs: [
        { text: `${t.people.corrections}${t.colon}`, bold: true },
        { text: corrections.map((c) => (en ? c.summaryEn : c.summary)).join('；') },
      ],
    });

  // --- timeline
  const ordered = orderEvents(review.events);
  const timeline: Block[] = [];
  const figure = buildTimelineFigure(review, t);
  if (figure.marks.length > 0) timeline.push({ kind: 'timeline', figure, caption: t.timeline.figureCaption });
  else timeline.push(para(t.timeline.noDates));
  if (ordered.length > 0) {
    timeline.push({
      kind: 'table',
      columns: [
        { header: t.timeline.no, width: 5 },
        { header: t.timeline.time, width: 19 },
        { header: t.timeline.event, width: 14 },
        { header: t.timeline.persons, width: 14 },
        { header: t.timeline.place, width: 16 },
        { header: t.timeline.source, width: 32 },
      ],
      rows: ordered.map(({ n, event }) => [
        String(n),
        event.end ? `${displayTime(event.start) || t.dash} → ${displayTime(event.end)}` : v(displayTime(event.start)),
        `${eventLabel(event.type)}${event.basis === 'narrative' ? t.timeline.narrative : ''}`,
        v(event.subjects.map((s) => personName.get(s) ?? s).join('、')),
        v(event.place),
        `${source(event.document, event.page)}${event.text ? `${t.colon}${clipText(event.text, 80)}` : ''}`,
      ]),
    });
  }

  // --- statements: how each suspect's account moved, and who says what of the event.
  const statements: Block[] = [];
  const all = review.statements ?? [];
  if (all.length === 0) statements.push(para(t.statements.none));
  else {
    const firstOf = (st: NonNullable<ReviewJson['statements']>[number], about: string) =>
      st.claims.find((c) => c.about === about)?.words ?? '';
    const admits = (st: NonNullable<ReviewJson['statements']>[number]) => {
      const a = st.claims.filter((c) => c.about === 'ADMISSION');
      return a.some((c) => c.value === '否认') ? t.statements.deny : a.length ? t.statements.admit : '';
    };
    const row = (st: NonNullable<ReviewJson['statements']>[number], label: string) => [
      label,
      v(firstOf(st, 'TIME')),
      v(firstOf(st, 'PLACE')),
      v(firstOf(st, 'AMOUNT')),
      v(firstOf(st, 'PARTICIPANTS')),
    ];
    const cols = (first: string): Column[] => [
      { header: first, width: 22 },
      { header: t.statements.time, width: 20 },
      { header: t.statements.place, width: 24 },
      { header: t.statements.amount, width: 12 },
      { header: t.statements.participants, width: 12 },
    ];
    const suspects = [...new Set(all.filter((st) => st.kind === 'interrogation').map((st) => st.personName ?? ''))];
    if (suspects.length) statements.push({ kind: 'heading', level: 2, text: t.statements.bySuspect });
    for (const name of suspects) {
      const mine = all.filter((st) => st.kind === 'interrogation' && (st.personName ?? '') === name);
      statements.push({ kind: 'heading', level: 3, text: name || t.dash });
      statements.push({
        kind: 'table',
        columns: [...cols(t.statements.record), { header: t.statements.admission, width: 8 }],
        rows: mine.map((st) => [
          ...row(
            st,
            `${st.session ? `第${st.session}次` : ''}${st.start ? ` ${displayTime(st.start)}` : ''} ${source(st.document, st.page)}`,
          ),
          v(admits(st)),
        ]),
      });
    }
    // Each person's first account.
    const firsts = all.filter((st, k) => all.findIndex((o) => (o.personName ?? o.document) === (st.personName ?? st.document)) === k);
    statements.push({ kind: 'heading', level: 2, text: t.statements.byEvent });
    statements.push({
      kind: 'table',
      columns: cols(t.statements.person),
      rows: firsts.map((st) => row(st, `${st.personName ?? t.dash} ${source(st.document, st.page)}`)),
    });
  }

  // --- findings: the numbers F1, F2… are the ones on the figure.
  const findings: Block[] = [];
  if (review.findings.length === 0) findings.push(para(t.findings.none));
  else findings.push(para(t.findings.bySeverity(counts)));
  let lastSeverity: Severity | null = null;
  sortFindings(review.findings).forEach((f, i) => {
    if (f.severity !== lastSeverity) {
      findings.push({ kind: 'heading', level: 2, text: `${t.severity[f.severity]}（${counts[f.severity]}）`, tone: f.severity });
      lastSeverity = f.severity;
    }
    // The rule's name as a reviewer reads it; its id stays in review.json.
    const title = RULE_TITLES.get(f.rule);
    findings.push({
      kind: 'heading',
      level: 3,
      text: `F${i + 1}  [${t.severity[f.severity]}] ${title ? (en ? title.en : title.zh) : f.rule}`,
      tone: f.severity,
    });
    findings.push(para(en && f.messageEn ? f.messageEn : f.message));
    findings.push({ kind: 'paragraph', runs: [{ text: `${t.findings.citation}${t.colon}`, bold: true }, { text: v(f.citation) }] });
    if (f.evidence.length > 0) {
      findings.push({ kind: 'paragraph', runs: [{ text: `${t.findings.evidence}${t.colon}`, bold: true }] });
      for (const ev of f.evidence) findings.push(para(`${source(ev.document, ev.page)}${t.colon}“${ev.text}”`, 'quote'));
    }
    findings.push({
      kind: 'paragraph',
      runs: [
        { text: `${t.findings.decision}${t.colon}`, bold: true },
        { text: t.status[f.status], tone: f.status === 'confirmed' ? 'violation' : f.status === 'dismissed' ? 'muted' : undefined },
        ...(f.note ? [{ text: `    ${t.findings.note}${t.colon}`, bold: true }, { text: f.note }] : []),
      ],
    });
  });

  // --- annotations
  const notes = opts.annotations ?? [];
  const annotations: Block[] =
    notes.length === 0
      ? [para(t.annotations.none)]
      : [
          {
            kind: 'table',
            columns: [
              { header: t.annotations.document, width: 22 },
              { header: t.annotations.page, width: 8 },
              { header: t.annotations.text, width: 30 },
              { header: t.annotations.note, width: 40 },
            ],
            rows: notes.map((a) => {
              const d = a.document ? docById.get(a.document) : undefined;
              return [d ? `《${d.title}》` : visibleName(a.file), String(a.page), v(a.text), a.note];
            }),
          },
        ];

  // --- files and errors
  const files: Block[] = [
    review.files.length === 0
      ? para(t.none)
      : {
          kind: 'table',
          columns: [
            { header: t.files.path, width: 38 },
            { header: t.files.pages, width: 8 },
            { header: t.files.sha256, width: 54, mono: true },
          ],
          rows: review.files.map((f) => [visibleName(f.path), String(f.pages), f.sha256]),
        },
    { kind: 'heading', level: 2, text: t.sections.errors },
    review.errors.length === 0
      ? para(t.files.noErrors)
      : {
          kind: 'table',
          columns: [
            { header: t.files.path, width: 35 },
            { header: t.files.stage, width: 12 },
            { header: t.files.message, width: 53 },
          ],
          rows: review.errors.map((e) => [visibleName(e.file), v(e.stage), visibleName(e.message)]),
        },
  ];

  return {
    locale: opts.locale,
    title: t.title,
    // Names are shown with their hidden characters made visible (shared/names.ts).
    caseName: visibleName(review.case.name),
    generatedAt,
    appVersion: opts.appVersion,
    text: t,
    sections: [
      { id: 'summary', title: t.sections.summary, blocks: summary },
      { id: 'catalogue', title: t.sections.catalogue, blocks: catalogue },
      { id: 'people', title: t.sections.people, blocks: people },
      { id: 'timeline', title: t.sections.timeline, blocks: timeline },
      { id: 'findings', title: t.sections.findings, blocks: findings },
      { id: 'statements', title: t.sections.statements, blocks: statements },
      { id: 'annotations', title: t.sections.annotations, blocks: annotations },
      ...(opts.audit ? [{ id: 'history' as const, title: t.sections.history, blocks: historyBlocks(opts.audit, t, en) }] : []),
      { id: 'files', title: t.sections.files, blocks: files },
    ],
  };
}

function personRow(p: ReviewEntity, t: ReportText, en: boolean, v: (s: string | null | undefined) => string): string[] {
  const a = p.attributes;
  const role = typeof a.role === 'string' ? (PERSON_ROLE_LABELS[a.role as PersonRole]?.[en ? 'en' : 'zh'] ?? a.role) : '';
  const gender = attr(a.gender ?? a.sex);
  const aliases = attr(a.aliases);
  return [
    aliases ? `${p.value}（${aliases}）` : p.value,
    v(role),
    v(gender ? t.gender(gender) : ''),
    v(attr(a.birthDate)),
    v(attr(a.idNumber)),
    v(attr(a.phone)),
    v(attr(a.address)),
  ];
}

/** Attribute values arrive as the extractor found them: strings, numbers or lists. */
function attr(x: unknown): string {
  if (x === null || x === undefined) return '';
  if (Array.isArray(x)) return x.map(attr).filter(Boolean).join('、');
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return String(x);
  return '';
}

function clipText(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
