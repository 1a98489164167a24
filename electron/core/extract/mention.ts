// A mention: one entity's span in a page's text, and the small helpers every extractor shares.
import type { EntityType } from '../../../shared/vocab.js';

export interface Mention {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** Normalised: ID upper-case, phone digits, plate without separator, card digits, amount in yuan. */
  value: string;
  valid?: boolean;
  attrs?: Record<string, unknown>;
}

export function before(s: string, i: number, n: number): string {
  return s.slice(Math.max(0, i - n), i);
}

export function push(
  out: Mention[],
  text: string,
  type: EntityType,
  start: number,
  end: number,
  value: string,
  valid?: boolean,
  attrs?: Record<string, unknown>,
): void {
  const m: Mention = { type, start, end, text: text.slice(start, end), value };
  if (valid !== undefined) m.valid = valid;
  if (attrs && Object.keys(attrs).length > 0) m.attrs = attrs;
  out.push(m);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
