import type { GraphView } from '../../../shared/api.js';
import type { EntityType, PersonRole } from '../../../shared/vocab.js';
import type { CaseStore, EntityRow, MentionRow } from '../store/case-store.js';

type Edge = GraphView['edges'][number];
type Relation = NonNullable<Edge['relation']>;

const GRAPH_TYPES = new Set<EntityType>(['PERSON', 'PHONE', 'BANK_CARD', 'ACCOUNT', 'PLATE', 'ADDRESS', 'ID_NUMBER']);
const IDENTIFIERS = new Set<EntityType>(['PHONE', 'BANK_CARD', 'ACCOUNT', 'PLATE', 'ID_NUMBER']);
// A bare co-occurrence is the weakest tie: each node keeps only its strongest few, so the graph stays readable.
const SENTENCE_LINKS_PER_NODE = 3;
const SENTENCE_END = /[。！？；!?;\n]/;

// What the text gives a person as theirs, attribute by attribute.
const OWNED: [string, EntityType][] = [
  ['idNumber', 'ID_NUMBER'],
  ['idNumbers', 'ID_NUMBER'],
  ['phone', 'PHONE'],
  ['phones', 'PHONE'],
  ['bankCard', 'BANK_CARD'],
  ['cards', 'BANK_CARD'],
  ['account', 'ACCOUNT'],
  ['accounts', 'ACCOUNT'],
  ['plate', 'PLATE'],
  ['plates', 'PLATE'],
  ['address', 'ADDRESS'],
];

// Two people in one sentence with one of these between or just after their names did something
// together, or one did it to the other.
const TOGETHER = /伙同|纠集|同伙|合伙|共同|一起|一同|一块|结伙|指使|雇佣|安排/;
const DEAL = /卖给|贩卖|出售|售给|卖与|交给|交与|购买|购得|买了|买到|收购|拿货|交易/;
const AGAINST = /盗窃|偷|窃取|扒窃|诈骗|骗|抢劫|抢夺|抢|殴打|打伤|砍|刺|捅|敲诈|勒索|强奸|猥亵|绑架|杀|伤害|冒充|转账|转到/;
const PARTY: ReadonlySet<string> = new Set(['SUSPECT', 'VICTIM', 'WITNESS', 'REPORTER', 'FAMILY', 'GUARDIAN', 'OTHER']);

const digits = (v: string) => v.replace(/[\s-]/g, '');

/**
 * People and their identifiers, tied by what the text says: who holds a card, uses a phone, drives
 * a car; who acted with or against whom; the same identifier in other cases (串并). Two things
 * named in one sentence and tied by nothing better are linked as such, sparingly.
 */
export function getGraph(store: CaseStore, caseId: string): GraphView {
  const entities = store.listEntities(caseId).filter((e) => GRAPH_TYPES.has(e.type as EntityType));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const role = (e: EntityRow | undefined): string | null => (typeof e?.attributes.role === 'string' ? e.attributes.role : null);
  const nodes: GraphView['nodes'] = entities.map((e) => ({
    id: e.id,
    type: e.type as EntityType,
    label: e.value,
    role: (role(e) as PersonRole | null) ?? null,
  }));
  const edges = new Map<string, Edge>();
  const RANK: Record<Edge['kind'], number> = { holder: 5, 'cross-case': 5, relation: 4, attribute: 3, sentence: 1, document: 0 };
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const link = (a: string, b: string, kind: Edge['kind'], relation?: Relation) => {
    if (a === b) return;
    const [s, t] = a < b ? [a, b] : [b, a];
    const cur = edges.get(key(a, b));
    if (!cur) {
      edges.set(key(a, b), { source: s, target: t, kind, weight: 1, ...(relation ? { relation } : {}) });
      return;
    }
    cur.weight++;
    if (RANK[kind] > RANK[cur.kind]) {
      cur.kind = kind;
      if (relation) cur.relation = relation;
      else delete cur.relation;
    }
  };

  // 1. Holders: the person the text (or the reviewer) gives an identifier to, and that person only.
  const byValue = new Map(entities.map((e) => [`${e.type}:${e.value}`, e.id]));
  const persons = entities.filter((e) => e.type === 'PERSON');
  const named = (name: string) =>
    persons.filter((p) => p.value === name || (Array.isArray(p.attributes.aliases) && p.attributes.aliases.includes(name)));
  const held = new Set<string>();
  for (const p of persons) {
    for (const [attr, type] of OWNED) {
      const v = p.attributes[attr];
      for (const raw of (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '')) {
        const value = type === 'ACCOUNT' ? raw.replace(/^[a-z]+:/, '') : raw;
        const target = byValue.get(`${type}:${value}`) ?? byValue.get(`${type}:${digits(value)}`);
        if (!target) continue;
        link(p.id, target, type === 'ADDRESS' ? 'attribute' : 'holder');
        if (type !== 'ADDRESS') held.add(target);
      }
    }
  }
  for (const e of entities) {
    if (!IDENTIFIERS.has(e.type as EntityType) || typeof e.attributes.owner !== 'string') continue;
    const owners = named(e.attributes.owner);
    const owner = owners.find((p) => p.key && p.key === e.attributes.ownerKey) ?? (owners.length === 1 ? owners[0] : undefined);
    if (owner) {
      link(owner.id, e.id, 'holder');
      held.add(e.id);
    }
  }

  // 2. What sentences say: people acting together or one against the other; failing that, named together.
  const pageText = new Map<string, string>();
  for (const p of store.readerPages(caseId)) pageText.set(`${p.file_id}:${p.page_no}`, p.text);
  const mentions = store.listMentions(caseId).filter((m) => byId.has(m.entity_id));
  const sentences = new Map<string, MentionRow[]>();
  for (const m of mentions) {
    const text = pageText.get(`${m.file_id}:${m.page_no}`) ?? '';
    let from = m.start;
    while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
    const k = `${m.file_id}:${m.page_no}:${from}`;
    sentences.set(k, [...(sentences.get(k) ?? []), m]);
  }
  const together = new Map<string, { a: string; b: string; n: number }>();
  for (const [k, list] of sentences) {
    const [file, page] = k.split(':');
    const text = pageText.get(`${file}:${page}`) ?? '';
    const ids = [...new Set(list.map((m) => m.entity_id))];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = byId.get(ids[i]!)!;
        const b = byId.get(ids[j]!)!;
        const relation =
          a.type === 'PERSON' && b.type === 'PERSON' ? personRelation(role(a), role(b), between(text, list, a.id, b.id)) : null;
        if (relation) {
          link(a.id, b.id, 'relation', relation);
          continue;
        }
        // Officers sign and head every record; an identifier with a holder belongs to the holder, not to
        // whoever stands beside it; a place where a record was made ties nobody to anybody.
        if (role(a) === 'OFFICER' || role(b) === 'OFFICER' || a.type === 'ADDRESS' || b.type === 'ADDRESS') continue;
        if (held.has(a.id) || held.has(b.id)) continue;
        if (a.type !== 'PERSON' && b.type !== 'PERSON') continue;
        const t = together.get(key(a.id, b.id)) ?? { a: a.id, b: b.id, n: 0 };
        t.n++;
        together.set(key(a.id, b.id), t);
      }
    }
  }
  const kept = new Map<string, number>();
  for (const t of [...together.values()].sort((x, y) => y.n - x.n)) {
    if (edges.has(key(t.a, t.b))) continue;
    if ((kept.get(t.a) ?? 0) >= SENTENCE_LINKS_PER_NODE || (kept.get(t.b) ?? 0) >= SENTENCE_LINKS_PER_NODE) continue;
    kept.set(t.a, (kept.get(t.a) ?? 0) + 1);
    kept.set(t.b, (kept.get(t.b) ?? 0) + 1);
    edges.set(key(t.a, t.b), { source: t.a < t.b ? t.a : t.b, target: t.a < t.b ? t.b : t.a, kind: 'sentence', weight: t.n });
  }

  // 3. The same identifier, or person by ID number, in other cases on this machine (串并).
  for (const l of store.crossCaseLinks(caseId)) {
    if (!byId.has(l.entity_id)) continue;
    const ext = `${l.other_case}/${l.other_entity}`;
    if (!nodes.some((n) => n.id === ext)) {
      const own = nodes.find((n) => n.id === l.entity_id)!;
      nodes.push({ id: ext, type: own.type, label: own.label, external: { case: l.other_case, caseName: l.other_name } });
    }
    link(l.entity_id, ext, 'cross-case');
  }
  return { nodes, edges: [...edges.values()] };
}

/** The words between the nearest mentions of two entities in one sentence, and a few after the second. */
function between(text: string, list: MentionRow[], a: string, b: string): { gap: string; window: string } {
  let best: [number, number, number] | null = null;
  for (const x of list.filter((m) => m.entity_id === a))
    for (const y of list.filter((m) => m.entity_id === b)) {
      const [first, second] = x.start <= y.start ? [x, y] : [y, x];
      if (second.start < first.end) continue;
      if (!best || second.start - first.end < best[1] - best[0]) best = [first.end, second.start, second.end];
    }
  return best ? { gap: text.slice(best[0], best[1]), window: text.slice(best[0], best[2] + 8) } : { gap: '', window: '' };
}

// The words that tie two names next to each other, in the order the sentence says them.
const JOINED = /^(?:伙同|纠集|结伙|指使|雇佣)$/;
const LISTED = /^(?:、|和|与|同|及)$/;
const NEAR = 40;

/**
 * What a sentence says of two people, read from the words around their two names rather than the
 * whole sentence: 张波、余海涛…出售 names two sellers, not a deal between them; 容留甲、乙一起吸食
 * makes the two hosted no accomplices.
 */
function personRelation(a: string | null, b: string | null, { gap, window }: { gap: string; window: string }): Relation | null {
  if (!a || !b || !PARTY.has(a) || !PARTY.has(b) || gap.length > NEAR || /[。；]/.test(gap)) return null;
  const roles = new Set([a, b]);
  const suspects = a === 'SUSPECT' && b === 'SUSPECT';
  if (roles.has('SUSPECT') && roles.has('VICTIM') && AGAINST.test(window)) return 'victim';
  if (roles.has('VICTIM')) return null;
  if (JOINED.test(gap) || (suspects && (LISTED.test(gap) || TOGETHER.test(window)))) return 'accomplice';
  if (roles.has('SUSPECT') && DEAL.test(window) && !LISTED.test(gap)) return 'deal';
  return null;
}
