import type { EntityDetail, EntitySummary } from '../../../shared/api.js';
import type { EntityType } from '../../../shared/vocab.js';
import type { CaseStore, EntityRow } from '../store/case-store.js';
import { CaseReviewError } from '../errors.js';
import { PageRefs } from './refs.js';

function summaries(store: CaseStore, caseId: string, rows: EntityRow[]): EntitySummary[] {
  const mentions = store.listMentions(caseId);
  const byEntity = new Map<string, { count: number; docs: Set<string> }>();
  for (const m of mentions) {
    const s = byEntity.get(m.entity_id) ?? { count: 0, docs: new Set<string>() };
    s.count++;
    if (m.document_id) s.docs.add(m.document_id);
    byEntity.set(m.entity_id, s);
  }
  const links = new Map<string, EntitySummary['links']>();
  for (const l of store.crossCaseLinks(caseId)) {
    const list = links.get(l.entity_id) ?? [];
    list.push({ case: l.other_case, caseName: l.other_name, entity: l.other_entity });
    links.set(l.entity_id, list);
  }
  return rows.map((e) => ({
    id: e.id,
    type: e.type as EntityType,
    value: e.value,
    attributes: e.attributes,
    mentionCount: byEntity.get(e.id)?.count ?? 0,
    documents: [...(byEntity.get(e.id)?.docs ?? [])].sort(),
    links: links.get(e.id) ?? [],
  }));
}

export function listEntities(store: CaseStore, caseId: string, type?: string): EntitySummary[] {
  return summaries(
    store,
    caseId,
    store.listEntities(caseId).filter((e) => !type || e.type === type),
  );
}

const ATTRIBUTE_TYPES: Record<string, EntityType> = {
  idNumber: 'ID_NUMBER',
  phone: 'PHONE',
  address: 'ADDRESS',
  bankCard: 'BANK_CARD',
  plate: 'PLATE',
  account: 'ACCOUNT',
};

/** One entity with every mention across the case, and what it is tied to. */
export function getEntity(store: CaseStore, caseId: string, entityId: string): EntityDetail {
  const all = store.listEntities(caseId);
  const row = all.find((e) => e.id === entityId);
  if (!row) throw new CaseReviewError('not-found', `实体不存在：${entityId}`);
  const [summary] = summaries(store, caseId, [row]);
  const refs = new PageRefs(store, caseId);
  const mentions = store
    .listMentions(caseId)
    .filter((m) => m.entity_id === entityId)
    .map((m) => refs.forFilePage(m.file_id, m.page_no, m.text, m.start, m.end, m.bbox));
  const related: EntityDetail['related'] = [];
  const attrs = summary!.attributes;
  for (const [attr, type] of Object.entries(ATTRIBUTE_TYPES)) {
    const v = attrs[attr];
    if (typeof v !== 'string') continue;
    const digits = v.replace(/[\s-]/g, '');
    const hit = all.find((e) => e.type === type && (e.value === v || e.value === digits));
    if (hit) related.push({ id: hit.id, type, value: hit.value, relation: attr });
  }
  // a person's identifiers: the ID and phone owned by this person, found from the other side too
  if (row.type !== 'PERSON') {
    for (const p of all.filter((e) => e.type === 'PERSON')) {
      const a = p.attributes;
      if (
        Object.keys(ATTRIBUTE_TYPES).some(
          (k) => typeof a[k] === 'string' && (a[k] === row.value || (a[k] as string).replace(/[\s-]/g, '') === row.value),
        )
      )
        related.push({ id: p.id, type: 'PERSON', value: p.value, relation: 'owner' });
    }
  }
  return { ...summary!, mentions, related };
}
