// Within one case: located mentions → entities. Identifiers are the anchor: an ID
// number names one person however OCR spells the name, and two different valid ID
// numbers are two people however alike their names.
import type { EntityType, PersonRole } from '../../../shared/vocab.js';
import type { Mention } from './entities.js';
import { checkIdNumber } from './validate.js';

export type LocatedMention = Mention & { document: string; page: number };

export interface ResolvedEntity {
  key: string;
  type: EntityType;
  value: string;
  attributes: Record<string, unknown>;
  mentions: LocatedMention[];
}

/** An ID in its canonical 18-digit form: a valid 15-digit legacy number is upgraded. */
function canonicalId(raw: unknown): { id: string; valid: boolean } | null {
  if (typeof raw !== 'string' || raw === '') return null;
  const c = checkIdNumber(raw);
  if (c.valid && c.upgraded) return { id: c.upgraded, valid: true };
  return { id: c.normalised, valid: c.valid };
}

function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

function nameDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === b.length) return hamming(a, b);
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length - s.length > 1) return Infinity;
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return 1;
  return Infinity;
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

function simpleKey(m: LocatedMention): string {
  if (m.type === 'ID_NUMBER') {
    const c = canonicalId(m.value);
    return `ID_NUMBER:${c?.id ?? m.value}`;
  }
  if (m.type === 'ACCOUNT') return `ACCOUNT:${String(m.attrs?.platform ?? 'other')}:${m.value}`;
  return `${m.type}:${m.value}`;
}

function resolveSimple(mentions: LocatedMention[]): ResolvedEntity[] {
  const groups = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    const k = simpleKey(m);
    const g = groups.get(k);
    if (g) g.push(m);
    else groups.set(k, [m]);
  }
  return [...groups].map(([key, ms]) => {
    const first = ms[0] as LocatedMention;
    const attributes: Record<string, unknown> = {};
    for (const m of ms) for (const [k, v] of Object.entries(m.attrs ?? {})) if (attributes[k] === undefined) attributes[k] = v;
    if (ms.some((m) => m.valid !== undefined)) attributes.valid = ms.some((m) => m.valid === true);
    let value = first.value;
    if (first.type === 'ID_NUMBER') value = key.slice('ID_NUMBER:'.length);
    return { key, type: first.type, value, attributes, mentions: ms };
  });
}

const PERSON_FIELDS = ['gender', 'birthDate', 'phone', 'address', 'hukou', 'ethnicity', 'education', 'age'] as const;

function resolvePersons(mentions: LocatedMention[]): ResolvedEntity[] {
  // Union-find over mentions.
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const ids = mentions.map((m) => canonicalId(m.attrs?.idNumber));
  const idOf = (root: number): Set<string> => {
    const out = new Set<string>();
    mentions.forEach((_, i) => {
      const c = ids[i];
      if (c?.valid && find(i) === root) out.add(c.id);
    });
    return out;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const ia = idOf(ra);
    const ib = idOf(rb);
    // Never one person out of two different valid ID numbers.
    for (const x of ia) for (const y of ib) if (x !== y) return false;
    parent[rb] = ra;
    return true;
  };
  // 1. The same ID number: the same person, whatever the name says.
  const byId = new Map<string, number>();
  ids.forEach((c, i) => {
    if (!c) return;
    const j = byId.get(c.id);
    if (j === undefined) byId.set(c.id, i);
    else union(j, i);
  });
  // 2. An invalid ID one or two digits from a valid one, under a name at most one character off: an OCR slip.
  ids.forEach((c, i) => {
    if (!c || c.valid) return;
    ids.forEach((d, j) => {
      if (!d?.valid) return;
      if (hamming(c.id, d.id) <= 2 && nameDistance(mentions[i]?.value ?? '', mentions[j]?.value ?? '') <= 1) union(j, i);
    });
  });
  // 3. Mentions without an ID join the group that bears their name, when that group is unambiguous
  //    (or shares the document); otherwise same-name mentions stay together on their own.
  const idRootsByName = new Map<string, Set<number>>();
  mentions.forEach((m, i) => {
    if (!ids[i]) return;
    const set = idRootsByName.get(m.value) ?? new Set<number>();
    set.add(find(i));
    idRootsByName.set(m.value, set);
  });
  const looseByName = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (ids[i]) return;
    const roots = [...(idRootsByName.get(m.value) ?? [])].map(find);
    const distinct = [...new Set(roots)];
    let target: number | undefined;
    if (distinct.length === 1) target = distinct[0];
    else if (distinct.length > 1) {
      const sameDoc = distinct.filter((r) => mentions.some((x, k) => find(k) === r && x.document === m.document));
      if (sameDoc.length === 1) target = sameDoc[0];
    }
    if (target !== undefined && union(target, i)) return;
    const key = distinct.length > 1 ? `${m.value}\u0000${m.document}` : m.value;
    const j = looseByName.get(key);
    if (j === undefined) looseByName.set(key, i);
    else union(j, i);
  });

  const groups = new Map<number, LocatedMention[]>();
  mentions.forEach((m, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(m);
    else groups.set(r, [m]);
  });
  const out: ResolvedEntity[] = [];
  for (const ms of groups.values()) {
    const attributes: Record<string, unknown> = {};
    const names = ms.map((m) => m.value);
    // The name printed beside a valid ID number outweighs a spelling seen without one.
    const withValidId = ms.filter((m) => canonicalId(m.attrs?.idNumber)?.valid).map((m) => m.value);
    const value = mostCommon(withValidId.length > 0 ? [...withValidId, ...names] : names) ?? '';
    const aliases = [...new Set(names)].filter((n) => n !== value);
    if (aliases.length > 0) attributes.aliases = aliases;
    // Role: the strongest evidence wins; OTHER only when nothing else is said.
    let role: PersonRole = 'OTHER';
    let strength = -1;
    const roles = new Set<PersonRole>();
    for (const m of ms) {
      const r = m.attrs?.role as PersonRole | undefined;
      const st = typeof m.attrs?.roleStrength === 'number' ? m.attrs.roleStrength : 0;
      if (!r) continue;
      if (r !== 'OTHER' && st > 0) roles.add(r);
      const better = (r !== 'OTHER' && role === 'OTHER') || (st > strength && !(r === 'OTHER' && role !== 'OTHER'));
      if (better) [role, strength] = [r, st];
    }
    attributes.role = role;
    if (roles.size > 1) attributes.roles = [...roles];
    const fn = mostCommon(ms.map((m) => m.attrs?.function).filter((x): x is string => typeof x === 'string'));
    if (fn) attributes.function = fn;
    const idVals = ms.map((m) => canonicalId(m.attrs?.idNumber)).filter((x): x is { id: string; valid: boolean } => x !== null);
    const validIds = [...new Set(idVals.filter((x) => x.valid).map((x) => x.id))];
    const anyIds = [...new Set(idVals.map((x) => x.id))];
    if (anyIds.length > 0) {
      attributes.idNumber = validIds[0] ?? mostCommon(idVals.map((x) => x.id));
      attributes.idValid = validIds.length > 0;
      if (anyIds.length > 1) attributes.idNumbers = anyIds;
    }
    const conflicts: Record<string, unknown[]> = {};
    for (const f of PERSON_FIELDS) {
      const vals = ms.map((m) => m.attrs?.[f]).filter((x) => x !== undefined && x !== null && x !== '');
      if (vals.length === 0) continue;
      attributes[f] = mostCommon(vals);
      const distinct = [...new Set(vals.map((v) => String(v)))];
      if (distinct.length > 1) conflicts[f] = distinct;
    }
    // The ID number states birth date and sex too; say so when the text disagrees.
    const idc = typeof attributes.idNumber === 'string' ? checkIdNumber(attributes.idNumber) : null;
    if (idc?.birthDate) {
      if (attributes.birthDate === undefined) attributes.birthDate = idc.birthDate;
      else if (attributes.birthDate !== idc.birthDate) conflicts.birthDate = [...new Set([...(conflicts.birthDate ?? [attributes.birthDate]), idc.birthDate])];
    }
    if (idc?.gender) {
      if (attributes.gender === undefined) attributes.gender = idc.gender;
      else if (attributes.gender !== idc.gender) conflicts.gender = [...new Set([...(conflicts.gender ?? [attributes.gender]), idc.gender])];
    }
    if (Object.keys(conflicts).length > 0) attributes.conflicts = conflicts;
    if (ms.every((m) => m.attrs?.masked === true)) attributes.masked = true;
    const key = typeof attributes.idNumber === 'string' && attributes.idValid ? `PERSON:ID:${attributes.idNumber}` : `PERSON:NAME:${value}`;
    out.push({ key, type: 'PERSON', value, attributes, mentions: ms });
  }
  // Two loose groups of one name (ambiguous between documents) still need distinct keys.
  const seen = new Map<string, number>();
  for (const e of out) {
    const n = seen.get(e.key) ?? 0;
    seen.set(e.key, n + 1);
    if (n > 0) e.key = `${e.key}#${n + 1}`;
  }
  return out;
}

export function resolveEntities(mentions: LocatedMention[]): ResolvedEntity[] {
  const persons = mentions.filter((m) => m.type === 'PERSON');
  const others = mentions.filter((m) => m.type !== 'PERSON');
  return [...resolvePersons(persons), ...resolveSimple(others)];
}

const LINKABLE: ReadonlySet<EntityType> = new Set(['ID_NUMBER', 'PHONE', 'BANK_CARD', 'PLATE', 'ACCOUNT', 'CASE_NUMBER']);

/**
 * The cross-case key of an entity: type + normalised value for identifiers, the
 * valid ID number for a person, null when nothing stable identifies it (a name alone,
 * an address, an amount).
 */
export function linkKey(e: ResolvedEntity): string | null {
  if (e.type === 'PERSON') {
    const id = e.attributes.idNumber;
    return typeof id === 'string' && e.attributes.idValid === true ? `PERSON:ID:${id}` : null;
  }
  if (!LINKABLE.has(e.type)) return null;
  if (e.type === 'ACCOUNT') return `ACCOUNT:${String(e.attributes.platform ?? 'other')}:${e.value}`;
  if (e.type === 'ID_NUMBER') return `ID_NUMBER:${e.value}`;
  return `${e.type}:${e.value}`;
}
