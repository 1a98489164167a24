// Over 400 lines on purpose: one set of mentions goes through resolution's steps in order (name edges, identifiers,
// OCR variants, owners), which share the helpers at the top; the OCR confusion table sits with the merge that uses it.
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

const PARTY_ROLES: ReadonlySet<PersonRole> = new Set(['SUSPECT', 'VICTIM']);

const PERSON_FIELDS = ['gender', 'birthDate', 'phone', 'address', 'hukou', 'ethnicity', 'education', 'age'] as const;

// What may follow a name whose end is certain: punctuation, a space, a bracket.
const SEPARATOR = /^[，,。．；;：:、（()）“”"'‘’《》【】！!？?\s\u3000]/;
const MASKED = /[某Xx×*＊]/;

/**
 * Whether a reading shows where the name ends: an ID number printed with it, or what follows
 * it is punctuation, a space, or a line that starts a new field (当事人：郑波江⏎见证人：…). A name
 * before a line's end that the next line may continue, or run into a word, is only a guess.
 */
function attested(m: LocatedMention): boolean {
  if (canonicalId(m.attrs?.idNumber)?.valid) return true;
  const after = m.attrs?.textAfter;
  if (typeof after !== 'string') return true;
  if (/^\r?\n/.test(after)) return /^\r?\n[ \t\u3000]*(?:[^\u4e00-\u9fff]|[^\n]{1,8}[：:])/.test(after);
  return SEPARATOR.test(after);
}

/**
 * Settles names whose edge was guessed, against the rest of the case. A line's wrap cuts
 * 郑波江 to 郑波 (扣押郑波⏎江的…) or 何华鑫 to 华鑫 (犯罪嫌疑人何⏎华鑫（…）), and a name run into
 * the next word is cut at the wrong place (陈山|明开着). Where the longer name is attested
 * in the case and the short reading never is, the reading is the longer name; where the
 * shorter one is attested and the longer reading never is, the reading is the shorter.
 * Two names both attested (张伟 the witness, 张伟强 the suspect) are two people, and each
 * reading stays as the page read it.
 */
export function settleNameEdges(mentions: LocatedMention[]): number {
  const firm = new Map<string, number>();
  for (const m of mentions) if (!MASKED.test(m.value) && attested(m)) firm.set(m.value, (firm.get(m.value) ?? 0) + 1);
  const isFirm = (n: string): boolean => (firm.get(n) ?? 0) > 0;
  let changed = 0;
  for (const m of mentions) {
    const after = m.attrs?.textAfter;
    const before = m.attrs?.textBefore;
    if (typeof after !== 'string' || typeof before !== 'string' || MASKED.test(m.value)) continue;
    // The surname left at the end of the line before: 何⏎华鑫.
    const wrapBefore = /([\u4e00-\u9fff])\r?\n[ \t\u3000]*$/.exec(before);
    if (wrapBefore) {
      const whole = (wrapBefore[1] ?? '') + m.value;
      const alone = mentions.some(
        (o) => o.value === m.value && attested(o) && !/([\u4e00-\u9fff])\r?\n[ \t\u3000]*$/.test(String(o.attrs?.textBefore ?? '')),
      );
      if (isFirm(whole) && !alone) {
        const cut = wrapBefore[0].length;
        m.start -= cut;
        m.text = before.slice(-cut) + m.text;
        m.value = whole;
        changed++;
        continue;
      }
    }
    if (attested(m) || isFirm(m.value)) continue;
    const next = /^(?:\r?\n[ \t\u3000]*)?([\u4e00-\u9fff])/.exec(after);
    const longer = next ? m.value + (next[1] ?? '') : '';
    if (next && isFirm(longer)) {
      m.end += next[0].length;
      m.text += next[0];
      m.value = longer;
      changed++;
      continue;
    }
    const shorter = m.value.slice(0, -1);
    if (m.value.length >= 3 && m.text.endsWith(m.value) && isFirm(shorter)) {
      m.end -= 1;
      m.text = m.text.slice(0, -1);
      m.value = shorter;
      changed++;
    }
  }
  return changed;
}

function resolvePersons(mentions: LocatedMention[]): ResolvedEntity[] {
  settleNameEdges(mentions);
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

  // 4. A nickname given in brackets after a name (郑某甲（“凯凯”）) is that person's other name.
  mentions.forEach((m, i) => {
    const a = m.attrs?.aliasOf;
    if (typeof a !== 'string') return;
    const j = mentions.findIndex((x, k) => k !== i && x.value === a && x.document === m.document);
    const jj = j >= 0 ? j : mentions.findIndex((x, k) => k !== i && x.value === a);
    if (jj >= 0) union(jj, i);
  });
  // 5. One person read two ways by OCR (胡玉珍 / 胡王珍): one character apart by a glyph OCR
  //    confuses, in the same role, with no two different valid ID numbers.
  mergeOcrVariants(mentions, find, union, ids);

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
      // At equal strength a party to the case outranks a part played in it: the 报案人 who is
      // the 被害人 is the victim, a suspect who signs a notice as 被通知人 is still the suspect.
      const party = st === strength && PARTY_ROLES.has(r) && !PARTY_ROLES.has(role);
      const better = (r !== 'OTHER' && role === 'OTHER') || ((st > strength || party) && !(r === 'OTHER' && role !== 'OTHER'));
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
      else if (attributes.birthDate !== idc.birthDate)
        conflicts.birthDate = [...new Set([...(conflicts.birthDate ?? [attributes.birthDate]), idc.birthDate])];
    }
    if (idc?.gender) {
      if (attributes.gender === undefined) attributes.gender = idc.gender;
      else if (attributes.gender !== idc.gender)
        conflicts.gender = [...new Set([...(conflicts.gender ?? [attributes.gender]), idc.gender])];
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

// Glyphs OCR takes for one another in printed Chinese (each group one confusion set).
const CONFUSABLE = [
  '王玉主',
  '己已巳',
  '未末',
  '日曰',
  '人入八',
  '土士',
  '干千于',
  '天夭',
  '刀力',
  '戊戌戍',
  '免兔',
  '侯候',
  '拔拨',
  '治冶',
  '田由',
  '甲申',
  '大太犬',
  '木本术',
  '子孑',
  '今令',
  '折拆',
  '晴睛',
  '辨辩辫',
  '崇祟',
  '白自',
  '目且',
  '乌鸟',
  '贝见',
  '刁习',
  '午牛',
  '斤斥',
  '仑仓',
  '代伐',
];
const CONFUSE = new Map<string, string>();
for (const [k, g] of CONFUSABLE.entries()) for (const c of g) CONFUSE.set(c, CONFUSE.has(c) ? `${CONFUSE.get(c)}|${k}` : String(k));

/** Whether two glyphs are an OCR confusion pair. */
export function confusable(a: string, b: string): boolean {
  if (a === b) return false;
  const x = CONFUSE.get(a)?.split('|') ?? [];
  const y = new Set(CONFUSE.get(b)?.split('|') ?? []);
  return x.some((k) => y.has(k));
}

/** Two readings of one name: same length, one character apart, that character a confusion pair. */
export function ocrVariant(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 2 || a === b || /[某Xx×*]/.test(a + b)) return false;
  let diff = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  return diff >= 0 && confusable(a[diff] ?? '', b[diff] ?? '');
}

function mergeOcrVariants(
  mentions: LocatedMention[],
  find: (i: number) => number,
  union: (a: number, b: number) => boolean,
  ids: ({ id: string; valid: boolean } | null)[],
): void {
  const groups = new Map<number, number[]>();
  mentions.forEach((_, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const info = [...groups.entries()].map(([root, members]) => {
    let role: string = 'OTHER';
    let strength = -1;
    for (const i of members) {
      const m = mentions[i];
      const r = String(m?.attrs?.role ?? 'OTHER');
      const st = Number(m?.attrs?.roleStrength ?? 0);
      if ((r !== 'OTHER' && role === 'OTHER') || (st > strength && r !== 'OTHER')) [role, strength] = [r, st];
    }
    const names = new Set(members.map((i) => mentions[i]?.value ?? ''));
    const validIds = new Set(
      members
        .map((i) => ids[i])
        .filter((c) => c?.valid)
        .map((c) => c?.id),
    );
    return { root, members, role, names, validIds, size: members.length };
  });
  for (let a = 0; a < info.length; a++) {
    for (let b = a + 1; b < info.length; b++) {
      const x = info[a];
      const y = info[b];
      if (!x || !y || find(x.root) === find(y.root)) continue;
      if (x.role !== y.role && x.role !== 'OTHER' && y.role !== 'OTHER') continue;
      if ([...x.validIds].some((id) => y.validIds.size > 0 && !y.validIds.has(id))) continue;
      if (![...x.names].some((n) => [...y.names].some((o) => ocrVariant(n, o)))) continue;
      union(x.size >= y.size ? x.root : y.root, x.size >= y.size ? y.root : x.root);
    }
  }
}

/** Identifiers the text gives to a person (attrs.owner on their mentions) recorded on that person. */
function attachOwners(persons: ResolvedEntity[], others: ResolvedEntity[]): void {
  for (const e of others) {
    if (e.type !== 'ID_NUMBER' && e.type !== 'PHONE' && e.type !== 'BANK_CARD' && e.type !== 'ACCOUNT' && e.type !== 'PLATE') continue;
    const owners = e.mentions.map((m) => m.attrs?.owner).filter((x): x is string => typeof x === 'string' && x !== '');
    if (owners.length === 0) continue;
    const owner = mostCommon(owners) ?? '';
    const distinct = [...new Set(owners)];
    e.attributes.owner = owner;
    if (distinct.length > 1) e.attributes.owners = distinct;
    const named = persons.filter((p) => p.value === owner || (Array.isArray(p.attributes.aliases) && p.attributes.aliases.includes(owner)));
    // Two people of one name: the one that shares a document with the identifier.
    const docs = new Set(e.mentions.map((m) => m.document));
    const p = named.length === 1 ? named[0] : named.find((x) => x.mentions.some((m) => docs.has(m.document)));
    if (!p) continue;
    e.attributes.ownerKey = p.key;
    const a = p.attributes;
    const add = (list: string, v: string): void => {
      const cur = Array.isArray(a[list]) ? (a[list] as string[]) : [];
      if (!cur.includes(v)) a[list] = [...cur, v];
    };
    if (e.type === 'ID_NUMBER') {
      if (a.idNumber === undefined) {
        a.idNumber = e.value;
        a.idValid = e.attributes.valid === true;
      } else if (a.idNumber !== e.value) add('idNumbers', e.value);
    } else if (e.type === 'PHONE') {
      a.phone ??= e.value;
      add('phones', e.value);
    } else if (e.type === 'BANK_CARD') {
      a.bankCard ??= e.value;
      add('cards', e.value);
    } else if (e.type === 'PLATE') {
      a.plate ??= e.value;
      add('plates', e.value);
    } else {
      a.account ??= e.value;
      add('accounts', `${String(e.attributes.platform ?? 'other')}:${e.value}`);
    }
  }
}

export function resolveEntities(mentions: LocatedMention[]): ResolvedEntity[] {
  const persons = resolvePersons(mentions.filter((m) => m.type === 'PERSON'));
  const others = resolveSimple(mentions.filter((m) => m.type !== 'PERSON'));
  attachOwners(persons, others);
  return [...persons, ...others];
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
