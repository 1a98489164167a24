import type { EntityDetail, EntitySummary } from '../../../shared/api.js';
import type { EntityType } from '../../../shared/vocab.js';
import type { CaseStore, EntityCorrectionRow, EntityRow, MentionRow } from '../store/case-store.js';
import type {
  EntityCorrection,
  EntityCorrectionRequest,
  EntityCorrectionView,
  PersonIdentifierType,
} from '../../../shared/entity-corrections.js';
import { applyEntityCorrection, describeCorrection, refOf } from './entity-corrections.js';
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

// ── the reviewer's corrections (issue 16) ──────────────────────────────

const IDENTIFIER_SHAPES: Record<PersonIdentifierType, { test: RegExp; zh: string }> = {
  ID_NUMBER: { test: /^(\d{17}[\dX]|\d{15})$/, zh: '身份证号应为 18 位（或 15 位）' },
  PHONE: { test: /^\d{7,12}$/, zh: '电话号码应为 7–12 位数字' },
  BANK_CARD: { test: /^\d{12,19}$/, zh: '银行卡号应为 12–19 位数字' },
  PLATE: { test: /^[\u4e00-\u9fa5][A-Z][A-Z0-9]{4,6}[\u4e00-\u9fa5]?$/, zh: '车牌号格式不对（如 浙D12345）' },
  ACCOUNT: { test: /^\S{2,60}$/, zh: '账号不能含空格' },
};

function correctionView(row: EntityCorrectionRow): EntityCorrectionView {
  return {
    id: row.id,
    kind: row.correction.kind,
    correction: row.correction,
    summary: describeCorrection(row.correction),
    reviewer: row.reviewer,
    at: row.at,
    undone: row.undone_at !== null,
  };
}

/** The correction asked for by the ids on screen, as kept: by the keys and words that survive a re-run. */
function keptCorrection(all: EntityRow[], mentions: MentionRow[], req: EntityCorrectionRequest): EntityCorrection {
  const entity = (id: string): EntityRow => {
    const e = all.find((x) => x.id === id);
    if (!e) throw new CaseReviewError('not-found', `实体不存在：${id}`);
    return e;
  };
  const bad = (message: string) => new CaseReviewError('invalid-request', message);
  switch (req.kind) {
    case 'merge': {
      const target = entity(req.into);
      const sources = [...new Set(req.from)].filter((id) => id !== target.id).map(entity);
      if (sources.length === 0) throw bad('请选择另一个要合并的实体');
      if (sources.some((s) => s.type !== target.type)) throw bad('只能合并同一类型的实体（如两个人员）');
      return { kind: 'merge', target: refOf(target), sources: sources.map(refOf) };
    }
    case 'split': {
      const source = entity(req.entity);
      const own = mentions.filter((m) => m.entity_id === source.id);
      const moving = req.mentions.map((r) => {
        const m = own.find((x) => x.file_id === r.fileId && x.page_no === r.page && x.start === r.start && x.end === r.end);
        if (!m) throw bad(`第 ${r.page} 页的这处提及不属于 ${source.value}`);
        return { fileId: m.file_id, page: m.page_no, start: m.start, end: m.end, text: m.text };
      });
      if (moving.length >= own.length) throw bad('不能移出全部提及；若整个实体有误，请用“更正”改名称或类型');
      if (req.value === source.value) throw bad('新实体的名称应与原实体不同');
      return { kind: 'split', source: refOf(source), mentions: moving, value: req.value, ...(req.role ? { role: req.role } : {}) };
    }
    case 'relabel': {
      const target = entity(req.entity);
      const out: EntityCorrection = { kind: 'relabel', target: refOf(target) };
      if (req.value !== undefined && req.value !== target.value) out.value = req.value;
      if (req.type !== undefined && req.type !== target.type) out.type = req.type;
      if (req.role !== undefined && req.role !== target.attributes.role) {
        if ((req.type ?? target.type) !== 'PERSON') throw bad('只有人员有身份（嫌疑人、被害人…）');
        out.role = req.role;
      }
      if (out.value === undefined && out.type === undefined && out.role === undefined) throw bad('没有要更正的内容');
      return out;
    }
    case 'identifier': {
      const person = entity(req.entity);
      if (person.type !== 'PERSON') throw bad('号码只能登记在人员名下');
      const value = req.type === 'ACCOUNT' ? req.value.trim() : req.value.replace(/[\s-]/g, '').toUpperCase();
      const shape = IDENTIFIER_SHAPES[req.type];
      if (!shape.test.test(value)) throw bad(shape.zh);
      return { kind: 'identifier', target: refOf(person), type: req.type, value };
    }
  }
}

/**
 * Keeps a reviewer's correction and applies it to the stored entities at once, so every view shows
 * it before the re-analysis that carries it into the timeline and the findings has run.
 */
export function correctEntity(
  store: CaseStore,
  caseId: string,
  req: EntityCorrectionRequest,
  reviewer: string,
): { correction: EntityCorrectionView; entity: string | null } {
  return store.transaction(() => {
    const all = store.listEntities(caseId);
    const stored = store.listMentions(caseId);
    const correction = keptCorrection(all, stored, req);
    const row = store.addEntityCorrection(caseId, correction, reviewer, describeCorrection(correction));
    const entities = all.map(({ case_id: _c, ...e }) => e);
    const mentions = stored.map(({ id: _i, case_id: _c, ...m }) => m);
    const shown = applyEntityCorrection(entities, mentions, correction, row.id);
    if (shown === null) throw new CaseReviewError('internal', '更正未能应用，请刷新后重试');
    store.replaceEntities(caseId, entities, mentions);
    return { correction: correctionView(row), entity: shown };
  });
}

export function listEntityCorrections(store: CaseStore, caseId: string): EntityCorrectionView[] {
  return store.listEntityCorrections(caseId, { includeUndone: true }).map(correctionView);
}

/** Undone corrections are kept (the trail shows both); the entities are derived again without it. */
export function undoEntityCorrection(store: CaseStore, caseId: string, id: number, reviewer: string): boolean {
  const row = store.listEntityCorrections(caseId, { includeUndone: true }).find((c) => c.id === id);
  if (!row) throw new CaseReviewError('not-found', `更正记录不存在：${id}`);
  return store.undoEntityCorrection(caseId, id, reviewer, describeCorrection(row.correction));
}
