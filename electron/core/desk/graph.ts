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
    const a = JSON.parse(e.attributes_json) as { role?: PersonRole };
    return { id: e.id, type: e.type as EntityType, label: e.value, role: a.role ?? null };
  });
  const edges = new Map<string, GraphView['edges'][number]>();
  const link = (a: string, b: string, kind: GraphView['edges'][number]['kind']) => {
    if (a === b) return;
    const [s, t] = a < b ? [a, b] : [b, a];
    const k = `${s}|${t}`;
    const cur = edges.get(k);
    const rank = { attribute: 3, 'cross-case': 3, sentence: 2, document: 1 } as const;
    if (cur) { cur.weight++; if (rank[kind] > rank[cur.kind]) cur.kind = kind; } else edges.set(k, { source: s, target: t, kind, weight: 1 });
  };
  const byValue = new Map(entities.map((e) => [`${e.type}:${e.value}`, e.id]));
  for (const e of entities.filter((x) => x.type === 'PERSON')) {
    const a = JSON.parse(e.attributes_json) as Record<string, unknown>;
    for (const [attr, type] of [['idNumber', 'ID_NUMBER'], ['phone', 'PHONE'], ['address', 'ADDRESS']] as const) {
      const v = typeof a[attr] === 'string' ? (a[attr] as string) : null;
      const target = v ? byValue.get(`${type}:${v}`) ?? byValue.get(`${type}:${v.replace(/[\s-]/g, '')}`) : undefined;
      if (target) link(e.id, target, 'attribute');
    }
  }
  const mentions = store.listMentions(caseId).filter((m) => ids.has(m.entity_id));
  const byPage = new Map<string, typeof mentions>();
  for (const m of mentions) { const k = `${m.file_id}:${m.page_no}`; byPage.set(k, [...(byPage.get(k) ?? []), m]); }
  for (const list of byPage.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.start - list[i]!.end <= SENTENCE_WINDOW; j++) {
        if (list[i]!.entity_id !== list[j]!.entity_id) link(list[i]!.entity_id, list[j]!.entity_id, 'sentence');
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
