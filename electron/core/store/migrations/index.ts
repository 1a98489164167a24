import type BetterSqlite3 from 'better-sqlite3';
import { foundation } from './001-foundation.js';
import { entities } from './002-entities.js';
import { review } from './003-review.js';
import { search } from './004-search.js';
import { correctedSearch } from './005-corrected-search.js';
import { eventBasis } from './006-event-basis.js';
import { statements } from './007-statements.js';
import { auditChain } from './008-audit-chain.js';
import { caseLeases } from './009-case-leases.js';
import { entityCorrections } from './010-entity-corrections.js';
import { numberTokens } from './011-number-tokens.js';

export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}

/** One migration per schema version, in order. Append; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  entities,
  review,
  search,
  correctedSearch,
  eventBasis,
  statements,
  auditChain,
  caseLeases,
  entityCorrections,
  numberTokens,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
