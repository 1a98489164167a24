// The JSON the store keeps in its *_json columns, and the one place it is read back. The store is
// shared — the desk and the CLI open it at once, and a store outlives the program version that
// wrote it — so every column is checked against its shape as it leaves the store: a row this
// version cannot read is reported where it is read (table, row, column), never halfway through
// a rule or a view. Objects stay loose: keys a newer version added pass through untouched.
import { z } from 'zod';
import type { OcrWord } from '../../../shared/api.js';
import { CLAIM_ABOUTS } from '../../../shared/review.js';
import { EVENT_TYPES } from '../../../shared/vocab.js';
import type { RecordFields } from '../rules/facts.js';
import type { Evidence } from '../rules/rule.js';
import type { Claim } from '../statements/claims.js';
import { TOPICS, type Turn } from '../statements/turns.js';
import type { EventConflict } from '../timeline/events.js';

/** A stored value this version of the program cannot read: derived data is rebuilt by reviewing the case again. */
export class StoredDataError extends Error {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly row: string,
    detail: string,
  ) {
    super(
      `案件数据库中的数据无法读取（${table}.${column}，${row}）：可能由其他版本的程序写入。请重新审查该案卷以重建分析结果。(unreadable stored data: ${detail})`,
    );
    this.name = 'StoredDataError';
  }
}

const text = z.string();
const maybeText = z.string().nullable().optional();
const texts = z.array(z.string());
const bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);

// A confidence JSON cannot carry (NaN, Infinity are written as null) is let through here; the
// page reader (rows.ts readPageWords) reads it as 0.
export const ocrWords = z.array(z.looseObject({ text, bbox, confidence: z.number().nullable() })) satisfies z.ZodType<StoredOcrWord[]>;
/** A word as its JSON holds it: the one place a stored value differs from the type it is read into. */
export type StoredOcrWord = Omit<OcrWord, 'confidence'> & { confidence: number | null };

const recordFieldShape = {
  start: maybeText,
  end: maybeText,
  place: maybeText,
  investigators: texts.optional(),
  recorder: maybeText,
  subject: maybeText,
  subjects: texts.optional(),
  subjectId: maybeText,
  attendees: z.array(z.looseObject({ role: text, name: text })).optional(),
  session: z.number().nullable().optional(),
  approvedAt: maybeText,
  executedAt: maybeText,
  custodyAt: maybeText,
  notifiedAt: maybeText,
  recipient: maybeText,
  exception: maybeText,
  parties: texts.optional(),
  custody: z
    .array(
      z.looseObject({
        type: z.enum(EVENT_TYPES),
        date: text,
        person: z.string().nullable(),
        text,
        line: text,
        designated: z.literal(true).optional(),
        by: text.optional(),
      }),
    )
    .optional(),
  priors: z
    .array(
      z.looseObject({
        person: text,
        date: z.string().nullable(),
        charge: z.string().nullable(),
        sentence: z.string().nullable(),
        text,
        document: text.optional(),
      }),
    )
    .optional(),
  issuer: text.optional(),
  charges: texts.optional(),
  sentences: z.array(z.looseObject({ person: text, charge: text, penalty: text })).optional(),
  indictedAt: text.optional(),
  executors: texts.optional(),
  notifiers: texts.optional(),
  experts: texts.optional(),
  appraisedAt: maybeText,
  requestedAt: maybeText,
  requestNumber: maybeText,
  dateByOcr: z.boolean().optional(),
  receivedAt: maybeText,
  days: z.number().optional(),
  ground: maybeText,
  months: z.number().optional(),
  designated: z.boolean().optional(),
  extended: z.boolean().optional(),
  term: text.optional(),
  deposit: text.optional(),
  guarantor: text.optional(),
  frozen: z.enum(['securities', 'equity', 'deposits']).optional(),
  renewal: z.boolean().optional(),
  reportedAt: maybeText,
  reporter: maybeText,
  offenceAt: maybeText,
  rightsNotified: z.boolean().optional(),
  readings: z.array(z.looseObject({ field: text.optional(), original: text, corrected: text, confidence: z.number() })).optional(),
  form: text.optional(),
  lawyer: text.optional(),
  files: texts.optional(),
  // Every fact of the contract has its check here, and nothing else: adding a fact to RecordFields
  // without one does not compile.
} satisfies { [K in keyof RecordFields]-?: z.ZodType<RecordFields[K]> };
export const recordFields = z.looseObject(recordFieldShape) satisfies z.ZodType<RecordFields>;

export const attributes = z.record(z.string(), z.unknown());
export const mentionBox = bbox;
// A reviewer's correction of the case's entities (shared/entity-corrections.ts); the desk reads its parts.
export const entityCorrection = z.looseObject({ kind: z.enum(['merge', 'split', 'relabel', 'identifier']) });
export const personIds = texts;
export const eventConflicts = z.array(
  z.looseObject({ document: text, page: z.number(), start: z.string().nullable(), text }),
) satisfies z.ZodType<EventConflict[]>;

const topic = z.enum(TOPICS);
export const turns = z.array(
  z.looseObject({
    index: z.number(),
    question: text,
    answer: text,
    questionAt: z.number(),
    answerAt: z.number(),
    answerEnd: z.number(),
    page: z.number(),
    topic,
  }),
) satisfies z.ZodType<Turn[]>;
export const claims = z.array(
  z.looseObject({
    about: z.enum(CLAIM_ABOUTS),
    value: text,
    words: text,
    text,
    turn: z.number(),
    topic,
    page: z.number(),
    start: z.number(),
    end: z.number(),
    date: maybeText,
    fromMin: z.number().optional(),
    toMin: z.number().optional(),
    aside: z.literal(true).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    sum: z.enum(['total', 'share', 'other']).optional(),
    names: texts.optional(),
    alone: z.boolean().optional(),
    count: z.number().nullable().optional(),
    polarity: z.enum(['admit', 'deny']).optional(),
  }),
) satisfies z.ZodType<Claim[]>;

export const evidence = z.array(z.looseObject({ document: text, page: z.number(), text })) satisfies z.ZodType<Evidence[]>;

/** What a review job did, kept on the job: read back by the CLI's summary and the next run. Older jobs may lack any of it. */
export interface JobProgress {
  ingest?: {
    files?: number;
    hashed?: number;
    extracted?: number;
    reused?: number;
    pagesExtracted?: number;
    errors?: number;
    changed?: string[];
    missing?: string[];
  };
  stages?: Record<string, Record<string, number>>;
}
export const jobProgress = z.looseObject({
  ingest: z
    .looseObject({
      files: z.number(),
      hashed: z.number(),
      extracted: z.number(),
      reused: z.number(),
      pagesExtracted: z.number(),
      errors: z.number(),
      changed: texts,
      missing: texts,
    })
    .partial()
    .optional(),
  stages: z.record(z.string(), z.record(z.string(), z.number())).optional(),
}) satisfies z.ZodType<JobProgress>;
/** What a job was asked to do ({ folder } for a review, { reason } for a re-analysis): read by nobody yet, any JSON. */
export const jobData = z.unknown();

export const auditDetail = z.record(z.string(), z.unknown());

/**
 * Reads one JSON column of one row, checked against its shape, and hands on the value as stored:
 * zod's own output would rebuild every object in its schema's key order, and review.json
 * (case-review/1) writes documents' fields, evidence and conflicts out in the order they were
 * stored. So the schemas here only check — no transforms, no defaults — and what they check is
 * what the caller gets.
 */
export function readJson<S extends z.ZodType>(schema: S, json: string, where: { table: string; column: string; row: string }): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new StoredDataError(where.table, where.column, where.row, (err as Error).message);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredDataError(
      where.table,
      where.column,
      where.row,
      issue ? `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}` : parsed.error.message,
    );
  }
  return value as z.output<S>;
}

/** The same for a column that may be NULL. */
export function readJsonOrNull<S extends z.ZodType>(
  schema: S,
  json: string | null,
  where: { table: string; column: string; row: string },
): z.output<S> | null {
  return json === null ? null : readJson(schema, json, where);
}
