// The reviewer's word on the case's entities, applied to what resolution made of the mentions.
// The same function serves the desk (one correction, at once, on the stored entities) and the
// entities stage (every correction kept, in order, on each run's fresh resolution), so a
// correction reads the same after a re-run as the moment it was made.
import type { EntityCorrection, EntityRef, MentionRef } from '../../../shared/entity-corrections.js';
import { ENTITY_TYPE_LABELS, PERSON_ROLE_LABELS } from '../../../shared/vocab.js';
import type { EntityType } from '../../../shared/vocab.js';
import { linkKey } from '../extract/resolve.js';
import { checkIdNumber } from '../extract/validate.js';
import type { EntityRow, MentionRow } from '../store/case-store.js';

export type CorrectableEntity = Omit<EntityRow, 'case_id'>;
export type CorrectableMention = Pick<MentionRow, 'entity_id' | 'file_id' | 'page_no' | 'start' | 'end' | 'text'>;

/** What the corrections of one run share: keys merged away, so a later correction naming one finds where it went. */
export interface CorrectionRun {
  movedKeys: Map<string, string>;
}
export const newCorrectionRun = (): CorrectionRun => ({ movedKeys: new Map() });

const digits = (v: string) => v.replace(/[\s-]/g, '');

export function refOf(e: CorrectableEntity): EntityRef {
  return { key: e.key ?? `${e.type}:${e.value}`, type: e.type as EntityType, value: e.value };
}

/** The entity a correction names: by its key (or where a merge moved it), else the one entity of its kind and value. */
export function findEntity<E extends CorrectableEntity>(entities: E[], ref: EntityRef, run?: CorrectionRun): E | undefined {
  let key = ref.key;
  for (let hops = 0; run?.movedKeys.has(key) && hops < 50; hops++) key = run.movedKeys.get(key)!;
  const byKey = entities.find((e) => (e.key ?? `${e.type}:${e.value}`) === key);
  if (byKey) return byKey;
  const same = entities.filter((e) => e.type === ref.type && e.value === ref.value);
  return same.length === 1 ? same[0] : undefined;
}

function list(a: Record<string, unknown>, k: string): string[] {
  return Array.isArray(a[k]) ? (a[k] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}
function addTo(a: Record<string, unknown>, k: string, v: string): void {
  const cur = list(a, k);
  if (!cur.includes(v)) a[k] = [...cur, v];
}
function markCorrected(e: CorrectableEntity, kind: EntityCorrection['kind']): void {
  addTo(e.attributes, 'corrected', kind);
}
function relink(e: CorrectableEntity): void {
  e.link_key = linkKey({ key: e.key ?? '', type: e.type as EntityType, value: e.value, attributes: e.attributes, mentions: [] });
}
function nextId(entities: CorrectableEntity[]): string {
  let max = 0;
  for (const e of entities) {
    const n = /^e(\d+)$/.exec(e.id);
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `e${max + 1}`;
}

// Where each identifier sits on the person who holds it: the first one, and all of them.
const HELD: Record<string, { one: string; all: string }> = {
  ID_NUMBER: { one: 'idNumber', all: 'idNumbers' },
  PHONE: { one: 'phone', all: 'phones' },
  BANK_CARD: { one: 'bankCard', all: 'cards' },
  PLATE: { one: 'plate', all: 'plates' },
  ACCOUNT: { one: 'account', all: 'accounts' },
};
const heldValue = (type: string, v: string) => (type === 'ACCOUNT' ? v.replace(/^[a-z]+:/, '') : digits(v));

function mergeInto(target: CorrectableEntity, source: CorrectableEntity): void {
  const a = target.attributes;
  const b = source.attributes;
  for (const [k, v] of Object.entries(b)) {
    if (k === 'aliases' || k === 'corrected' || k === 'conflicts') continue;
    if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') addTo(a, k, x);
    if (a[k] === undefined || (k === 'role' && a[k] === 'OTHER')) a[k] = v;
  }
  for (const n of [source.value, ...list(b, 'aliases')]) if (n !== target.value) addTo(a, 'aliases', n);
  if (a.idNumber && b.idNumber && a.idNumber !== b.idNumber) {
    addTo(a, 'idNumbers', String(a.idNumber));
    addTo(a, 'idNumbers', String(b.idNumber));
  }
  if (!target.link_key) target.link_key = source.link_key;
}

/**
 * Applies one correction in place. Returns the entity to show after it, or null when the
 * entities it names are no longer in the case (a re-run that read the file otherwise).
 */
export function applyEntityCorrection(
  entities: CorrectableEntity[],
  mentions: CorrectableMention[],
  c: EntityCorrection,
  correctionId: number,
  run: CorrectionRun = newCorrectionRun(),
): string | null {
  switch (c.kind) {
    case 'merge': {
      const target = findEntity(entities, c.target, run);
      if (!target) return null;
      let merged = 0;
      for (const ref of c.sources) {
        const source = findEntity(entities, ref, run);
        if (!source || source === target) continue;
        mergeInto(target, source);
        for (const m of mentions) if (m.entity_id === source.id) m.entity_id = target.id;
        entities.splice(entities.indexOf(source), 1);
        if (source.key) run.movedKeys.set(source.key, target.key ?? target.id);
        merged++;
      }
      if (merged === 0) return null;
      markCorrected(target, 'merge');
      return target.id;
    }
    case 'split': {
      const source = findEntity(entities, c.source, run);
      if (!source) return null;
      const moving = c.mentions.map((ref) => nearestMention(mentions, source.id, ref)).filter((m): m is CorrectableMention => !!m);
      if (moving.length === 0) return null;
      let into = entities.find((e) => e !== source && e.type === source.type && e.value === c.value);
      if (!into) {
        into = { id: nextId(entities), type: source.type, value: c.value, key: `SPLIT:${correctionId}`, link_key: null, attributes: {} };
        if (source.type === 'PERSON') into.attributes.role = c.role ?? 'OTHER';
        relink(into);
        entities.push(into);
      } else if (c.role) into.attributes.role = c.role;
      for (const m of new Set(moving)) m.entity_id = into.id;
      const aliases = list(source.attributes, 'aliases').filter((n) => n !== c.value);
      if (aliases.length > 0) source.attributes.aliases = aliases;
      else delete source.attributes.aliases;
      markCorrected(source, 'split');
      markCorrected(into, 'split');
      return into.id;
    }
    case 'relabel': {
      const target = findEntity(entities, c.target, run);
      if (!target) return null;
      if (c.value !== undefined && c.value !== target.value) {
        const aliases = list(target.attributes, 'aliases').filter((n) => n !== c.value);
        if (target.type === 'PERSON') aliases.push(target.value);
        if (aliases.length > 0) target.attributes.aliases = [...new Set(aliases)];
        else delete target.attributes.aliases;
        target.value = c.value;
      }
      if (c.type !== undefined && c.type !== target.type) {
        target.type = c.type;
        if (c.type !== 'PERSON') delete target.attributes.role;
      }
      if (c.role !== undefined && target.type === 'PERSON') {
        target.attributes.role = c.role;
        target.attributes.roleBy = 'reviewer';
      }
      relink(target);
      markCorrected(target, 'relabel');
      return target.id;
    }
    case 'identifier': {
      const person = findEntity(entities, c.target, run);
      if (!person) return null;
      const value = c.type === 'ACCOUNT' ? c.value.trim() : digits(c.value).toUpperCase();
      const slot = HELD[c.type]!;
      // The reviewer's word outweighs the text's: no one else holds it now.
      for (const other of entities) {
        if (other === person || other.type !== 'PERSON') continue;
        const a = other.attributes;
        const rest = list(a, slot.all).filter((v) => heldValue(c.type, v) !== value);
        if (rest.length > 0) a[slot.all] = rest;
        else delete a[slot.all];
        if (typeof a[slot.one] === 'string' && heldValue(c.type, a[slot.one] as string) === value) {
          if (rest[0] !== undefined) a[slot.one] = rest[0];
          else delete a[slot.one];
          if (c.type === 'ID_NUMBER') {
            delete a.idValid;
            relink(other);
          }
        }
      }
      const a = person.attributes;
      if (c.type === 'ID_NUMBER') {
        const check = checkIdNumber(value);
        if (typeof a.idNumber === 'string' && a.idNumber !== value) addTo(a, 'idNumbers', a.idNumber);
        a.idNumber = value;
        a.idValid = check.valid;
        if (check.valid && check.birthDate) a.birthDate ??= check.birthDate;
        if (check.valid && check.gender) a.gender ??= check.gender;
        if (list(a, 'idNumbers').length > 0) addTo(a, 'idNumbers', value);
      } else {
        a[slot.one] ??= value;
        addTo(a, slot.all, c.type === 'ACCOUNT' ? `other:${value}` : value);
      }
      relink(person);
      markCorrected(person, 'identifier');
      // The identifier itself, as a node of the case held by this person.
      let node = entities.find((e) => e.type === c.type && (e.value === value || digits(e.value) === value));
      if (!node) {
        node = { id: nextId(entities), type: c.type, value, key: `${c.type}:${value}`, link_key: null, attributes: {} };
        if (c.type === 'ID_NUMBER') node.attributes.valid = checkIdNumber(value).valid;
        relink(node);
        entities.push(node);
      }
      node.attributes.owner = person.value;
      node.attributes.ownerBy = 'reviewer';
      delete node.attributes.owners;
      markCorrected(node, 'identifier');
      return person.id;
    }
  }
}

/** The mention a correction remembers, found again: same page and words, the nearest to where it stood. */
function nearestMention(mentions: CorrectableMention[], entityId: string, ref: MentionRef): CorrectableMention | undefined {
  let best: CorrectableMention | undefined;
  for (const m of mentions) {
    if (m.entity_id !== entityId || m.file_id !== ref.fileId || m.page_no !== ref.page || m.text !== ref.text) continue;
    if (!best || Math.abs(m.start - ref.start) < Math.abs(best.start - ref.start)) best = m;
  }
  return best;
}

/** What a correction did, in words, for the list of corrections and the audit trail. */
export function describeCorrection(c: EntityCorrection, mentionCount?: number): { zh: string; en: string } {
  const type = (t: EntityType) => ENTITY_TYPE_LABELS[t];
  switch (c.kind) {
    case 'merge':
      return {
        zh: `合并：${c.sources.map((s) => s.value).join('、')} 并入 ${c.target.value}`,
        en: `Merged ${c.sources.map((s) => s.value).join(', ')} into ${c.target.value}`,
      };
    case 'split': {
      const n = mentionCount ?? c.mentions.length;
      return {
        zh: `拆分：从 ${c.source.value} 移出 ${n} 处提及，另作 ${c.value}`,
        en: `Split ${n} mention${n === 1 ? '' : 's'} of ${c.source.value} out as ${c.value}`,
      };
    }
    case 'relabel': {
      const zh: string[] = [];
      const en: string[] = [];
      if (c.value !== undefined) {
        zh.push(`名称改为 ${c.value}`);
        en.push(`name → ${c.value}`);
      }
      if (c.type !== undefined) {
        zh.push(`类型改为 ${type(c.type).zh}`);
        en.push(`kind → ${type(c.type).en}`);
      }
      if (c.role !== undefined) {
        zh.push(`身份改为 ${PERSON_ROLE_LABELS[c.role].zh}`);
        en.push(`role → ${PERSON_ROLE_LABELS[c.role].en}`);
      }
      return { zh: `更正 ${c.target.value}：${zh.join('，')}`, en: `Corrected ${c.target.value}: ${en.join(', ')}` };
    }
    case 'identifier':
      return {
        zh: `为 ${c.target.value} 登记${type(c.type).zh} ${c.value}`,
        en: `Gave ${c.target.value} the ${type(c.type).en.toLowerCase()} ${c.value}`,
      };
  }
}
