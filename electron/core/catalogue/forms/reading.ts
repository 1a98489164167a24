// What a field reader knows besides the text: the case's names (to correct OCR damage) and the
// document's own year (to tell a birth date from a procedural one). Passed to each reader, never
// kept in module state.

/**
 * What the case already knows about its people (consensus/lexicon.ts builds it from the
 * case's clean readings): a header token OCR damaged is read against it.
 */
export interface NameLexicon {
  /** The known name a token stands for (itself, or the one known name one character off); null when none. */
  correct(token: string, role?: string): string | null;
  /** A run of names printed without separators ("钱伟丁鑫"), split into known names; null when it is not one. */
  split(run: string): string[] | null;
  /** Roles and record labels (见证人 …) the case gives a name. */
  rolesOf(name: string): string[];
}

export interface Reading {
  lexicon: NameLexicon | null;
  /** The latest year the document mentions: its own year when its seal date is unreadable. */
  docYear: number | null;
  /** The document's sign-off date: the reference for times written without a date (至次日1时10分, 同日). */
  ref: string | null;
}

/** The line of text each field was read from, so events can quote and locate it. */
export type FieldEvidence = Record<string, string>;
