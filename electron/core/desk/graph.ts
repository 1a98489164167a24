import type { GraphView } from '../../../shared/api.js';
import type { EntityType, PersonRole } from '../../../shared/vocab.js';
import type { CaseStore } from '../store/case-store.js';

const GRAPH_TYPES = new Set<EntityType>(['PERSON', 'PHONE', 'BANK_CARD', 'ACCOUNT', 'PLATE', 'ADDRESS', 'ID_NUMBER']);
// Mentions this close on one page are taken to be said of each other ("张三，电话138…").
const SENTENCE_WINDOW = 80;

/** People and their identifiers, tied by attributes, by sentences, and across cases (串并). */
export function getGraph(store: CaseStore, caseId: string): GraphView {
  const entities = store.listEntities(caseId).filter((e) => GRAPH_TYPES.has(e.type as EntityType));
  const ids = new Set(entities.map((e) => e.id));
  const nodes: GraphView['nodes'] = entities.map((e) => {
    return { id: e.id, type: e.type as EntityType, label: e.value, role: (e.attributes.role as PersonRole | undefined) ?? null };
  });
  const edges = new Map<string, GraphView['edges'][number]>();
  const link = (a: string, b: string, kind: GraphView['edges'][number]['kind']) => {
    if (a === b) return;
    const [s, t] = a < b ? [a, b] : [b, a];
    const k = `${s}|${t}`;
    const cur = edges.get(k);
    const rank = { attribute: 3, 'cross-case': 3, sentence: 2, document: 1 } as const;
    if (cur) {
      cur.weight++;
      if (rank[kind] > rank[cur.kind]) cur.kind = kind;
    } else edges.set(k, { source: s, target: t, kind, weight: 1 });
  };
  const byValue = new Map(entities.map((e) => [`${e.type}:${e.value}`, e.id]));
  const attrs = new Map(entities.map((e) => [e.id, e.attributes]));
  const personName = new Map(
    entities
      .filter((e) => e.type === 'PERSON')
      .map((e) => [e.id, [e.value, ...((attrs.get(e.id)?.aliases as string[] | undefined) ?? [])]]),
  );
  // What the text gives a person as theirs: their ID, phones, cards, accounts, address.
  const OWNED: [string, EntityType][] = [
    ['idNumber', 'ID_NUMBER'],
    ['idNumbers', 'ID_NUMBER'],
    ['phone', 'PHONE'],
    ['phones', 'PHONE'],
    ['address', 'ADDRESS'],
    ['bankCard', 'BANK_CARD'],
    ['cards', 'BANK_CARD'],
    ['account', 'ACCOUNT'],
    ['accounts', 'ACCOUNT'],
  ];
  for (const e of entities.filter((x) => x.type === 'PERSON')) {
    const a = attrs.get(e.id) ?? {};
    for (const [attr, type] of OWNED) {
      const values = (Array.isArray(a[attr]) ? (a[attr] as unknown[]) : [a[attr]]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      for (const raw of values) {
        // Accounts are kept as "platform:value" on the person.
        const v = type === 'ACCOUNT' ? raw.replace(/^[a-z]+:/, '') : raw;
        const target = byValue.get(`${type}:${v}`) ?? byValue.get(`${type}:${v.replace(/[\s-]/g, '')}`);
        if (target) link(e.id, target, 'attribute');
      }
    }
  }
  // An identifier the text gives to someone (被害人X的银行卡, 我的手机号) is not anyone else's
  // because their names stand near it.
  const ownerOf = (id: string): string | null => {
    const o = attrs.get(id)?.owner;
    return typeof o === 'string' && o !== '' ? o : null;
  };
  const foreign = (a: string, b: string): boolean => {
    const owner = ownerOf(a);
    const names = personName.get(b);
    return owner !== null && names !== undefined && !names.includes(owner);
  };
  const mentions = store.listMentions(caseId).filter((m) => ids.has(m.entity_id));
  const byPage = new Map<string, typeof mentions>();
  for (const m of mentions) {
    const k = `${m.file_id}:${m.page_no}`;
    byPage.set(k, [...(byPage.get(k) ?? []), m]);
  }
  for (const list of byPage.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.start - list[i]!.end <= SENTENCE_WINDOW; j++) {
        const a = list[i]!.entity_id;
        const b = list[j]!.entity_id;
        if (a !== b && !foreign(a, b) && !foreign(b, a)) link(a, b, 'sentence');
      }
    }
  }
  for (const l of store.crossCaseLinks(caseId)) {
    if (!ids.has(l.entity_id)) continue;
    const ext = `${l.other_case}/${l.other_entity}`;
    if (!nodes.some((n) => n.id === ext)) {
      const own = nodes.find((n) => n.id === l.entity_id)!;
      nodes.push({ id: ext, type: own.type, label: own.label, external: { case: l.other_case, caseName: l.other_name } });
    }
    link(l.entity_id, ext, 'cross-case');
  }
  return { nodes, edges: [...edges.values()] };
}
