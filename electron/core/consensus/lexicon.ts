// Case-level consensus (issue 3): the same people recur across a case's documents, and
// the documents with a text layer (or typed DOCX/TXT) spell them right. A header that OCR
// damaged ("王雅竺", "楼文彬俞强", "黄俊李") is read against what the rest of the case
// says, so one misread character does not turn into a missing investigator.
import type { NameLexicon } from '../catalogue/fields.js';
import type { RecordFields } from '../rules/facts.js';

export interface LexiconEntry {
  name: string;
  /** OFFICER, EXPERT, SUBJECT, FAMILY, or the record's own label (见证人, 法定代理人 …). */
  roles: Set<string>;
  /** Readings from pages nobody had to OCR. */
  clean: number;
  /** Readings from OCR'd pages. */
  ocr: number;
}

/** A correction made to a reading, kept so the reviewer sees both. */
export interface Reading {
  original: string;
  corrected: string;
  confidence: number;
}

const HAN_NAME = /^[\u4e00-\u9fff·]{2,5}$/;

/** Edit distance, but only the cases an OCR slip makes: at most one character substituted, dropped or added. */
export function oneCharOff(a: string, b: string): boolean {
  if (a === b) return false;
  const x = [...a];
  const y = [...b];
  if (x.length === y.length) return x.filter((c, i) => c !== y[i]).length === 1;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.length - s.length !== 1) return false;
  for (let i = 0; i < l.length; i++) if ([...l.slice(0, i), ...l.slice(i + 1)].join('') === s.join('')) return true;
  return false;
}

export class CaseLexicon implements NameLexicon {
  private readonly entries = new Map<string, LexiconEntry>();
  /** Every correction made through this lexicon, in order. */
  readonly readings: Reading[] = [];

  add(name: string | null | undefined, role: string, clean: boolean): void {
    if (!name || !HAN_NAME.test(name) || name.includes('某')) return;
    const e = this.entries.get(name) ?? { name, roles: new Set<string>(), clean: 0, ocr: 0 };
    e.roles.add(role);
    if (clean) e.clean++;
    else e.ocr++;
    this.entries.set(name, e);
  }

  /** Names and roles a document's fields state. */
  addFields(f: RecordFields, clean: boolean): void {
    const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : []);
    for (const n of list(f.investigators)) this.add(n, 'OFFICER', clean);
    for (const n of list(f.executors)) this.add(n, 'OFFICER', clean);
    for (const n of list(f.notifiers)) this.add(n, 'OFFICER', clean);
    for (const n of list(f.experts)) this.add(n, 'EXPERT', clean);
    if (typeof f.recorder === 'string') this.add(f.recorder, 'OFFICER', clean);
    if (typeof f.subject === 'string') this.add(f.subject, 'SUBJECT', clean);
    if (typeof f.recipient === 'string') this.add(f.recipient, 'FAMILY', clean);
    if (typeof f.guarantor === 'string') this.add(f.guarantor, '保证人', clean);
    if (typeof f.reporter === 'string') this.add(f.reporter, 'REPORTER', clean);
    for (const a of f.attendees ?? []) this.add(a.name, a.role, clean);
  }

  get(name: string): LexiconEntry | undefined {
    return this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  rolesOf(name: string): string[] {
    return [...(this.entries.get(name)?.roles ?? [])];
  }

  /** Names trusted enough to correct others: read on a clean page, or the same on two OCR'd ones. */
  private trusted(): LexiconEntry[] {
    return [...this.entries.values()].filter((e) => e.clean > 0 || e.ocr >= 2);
  }

  correct(token: string, role?: string): string | null {
    const e = this.entries.get(token);
    if (e && (e.clean > 0 || e.ocr >= 2)) return token;
    // Only within a role (officers recur in every header); a name without one may be
    // another person altogether (周涛 the witness is not 胡涛 the suspect).
    if (!role) return e ? token : null;
    const near = this.trusted().filter((c) => oneCharOff(token, c.name) && c.roles.has(role) && [...c.name].length === [...token].length);
    if (near.length !== 1) return e ? token : null;
    const to = near[0]!.name;
    this.readings.push({ original: token, corrected: to, confidence: near[0]!.clean > 0 ? 0.9 : 0.7 });
    return to;
  }

  split(run: string): string[] | null {
    const cs = [...run];
    const known = this.trusted().map((e) => e.name);
    // Longest known name at each position; a tail that is no name (the unit: 绍兴市公安局…) ends the list.
    const out: string[] = [];
    let i = 0;
    while (i < cs.length) {
      const rest = cs.slice(i).join('');
      const hit = known.filter((n) => rest.startsWith(n)).sort((a, b) => b.length - a.length)[0];
      if (!hit) break;
      out.push(hit);
      i += [...hit].length;
    }
    if (out.length === 0) return null;
    if (i === cs.length) return out;
    // One name known, the next one character off it: "楼文彬俞蛋" → 楼文彬, 俞强.
    const tail = cs.slice(i).join('');
    for (const len of [3, 2]) {
      const piece = tail.slice(0, len);
      if (piece.length !== len) continue;
      const fixed = this.correct(piece);
      if (fixed && fixed !== piece) return [...out, fixed];
    }
    return out.length >= 1 && cs.length - i >= 3 ? out : null;
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface LexiconSource {
  fields: RecordFields;
  /** True when no page of the document was OCR'd. */
  clean: boolean;
}

/** The case's people as its documents' fields name them. */
export function buildLexicon(
  sources: readonly LexiconSource[],
  persons: readonly { name: string; role: string; clean: boolean }[] = [],
): CaseLexicon {
  const lex = new CaseLexicon();
  for (const s of sources) lex.addFields(s.fields, s.clean);
  for (const p of persons) lex.add(p.name, p.role, p.clean);
  return lex;
}
