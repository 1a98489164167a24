// The reviewer's corrections to the case's entities (issue 16): two readings of one person merged,
// a mention moved out into an entity of its own, a name, kind or role put right, an identifier
// given to a person. Asked for by the entity ids on screen; kept by what survives a re-run.
import { z } from 'zod';
import { ENTITY_TYPES, PERSON_ROLES } from './vocab.js';
import type { EntityType, PersonRole } from './vocab.js';

/** Identifiers a reviewer may give a person: each has a place on the person and a node in the graph. */
export const PERSON_IDENTIFIER_TYPES = ['ID_NUMBER', 'PHONE', 'BANK_CARD', 'PLATE', 'ACCOUNT'] as const;
export type PersonIdentifierType = (typeof PERSON_IDENTIFIER_TYPES)[number];

const entityId = z.string().min(1).max(40);
const name = z.string().trim().min(1).max(100);
const mention = z
  .object({
    fileId: z.number().int().positive(),
    page: z.number().int().positive(),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict();

/** A correction as the desk asks for it, by the entity ids it shows. */
export const entityCorrectionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), into: entityId, from: z.array(entityId).min(1).max(50) }).strict(),
  z
    .object({
      kind: z.literal('split'),
      entity: entityId,
      mentions: z.array(mention).min(1).max(2000),
      value: name,
      role: z.enum(PERSON_ROLES).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('relabel'),
      entity: entityId,
      value: name.optional(),
      type: z.enum(ENTITY_TYPES).optional(),
      role: z.enum(PERSON_ROLES).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('identifier'), entity: entityId, type: z.enum(PERSON_IDENTIFIER_TYPES), value: name }).strict(),
]);
export type EntityCorrectionRequest = z.infer<typeof entityCorrectionRequest>;

/** An entity as a correction remembers it: the key resolution gives it on every run, and what it read then. */
export interface EntityRef {
  key: string;
  type: EntityType;
  value: string;
}
/** A mention as a correction remembers it: where it stood, and its words (offsets move when a word is corrected). */
export interface MentionRef {
  fileId: number;
  page: number;
  start: number;
  end: number;
  text: string;
}

export type EntityCorrection =
  | { kind: 'merge'; target: EntityRef; sources: EntityRef[] }
  | { kind: 'split'; source: EntityRef; mentions: MentionRef[]; value: string; role?: PersonRole }
  | { kind: 'relabel'; target: EntityRef; value?: string; type?: EntityType; role?: PersonRole }
  | { kind: 'identifier'; target: EntityRef; type: PersonIdentifierType; value: string };

export interface EntityCorrectionView {
  id: number;
  kind: EntityCorrection['kind'];
  correction: EntityCorrection;
  /** What it did, in words (zh and en), for the list of corrections and the audit trail. */
  summary: { zh: string; en: string };
  reviewer: string;
  at: string;
  undone: boolean;
}
