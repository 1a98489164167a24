// The reviewer's corrections of the case's entities (issue 16): merge, split, relabel and an
// identifier given to a person are applied at once, kept through a re-run of the whole review
// like a finding's decision, recorded in the audit trail, and carried into review.json and the graph.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseReviewService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { reviewFolder } from '../support/review-case.js';
import { idCheckChar, luhnValid } from '../fixtures/generator/identity.js';

const cardBody = '622848001234567890';
const card = cardBody + String([...'0123456789'].find((d) => luhnValid(cardBody + d)));
let service: CaseReviewService;
let caseId: string;
let folder: string;

// Two spellings of one suspect the resolution cannot join (张叁 is no OCR slip of 张三), a 李四 who
// is two people (the witness, and a 李四 in another town the suspect names), and a card the
// statement sets beside the victim whose holder it never names.
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-entity-fix-'));
  fs.writeFileSync(
    path.join(folder, '讯问笔录.txt'),
    [
      '讯问笔录',
      '时间：2024年3月6日9时10分至10时20分',
      '地点：某分局执法办案中心讯问室',
      '侦查员：郑凯、冯磊',
      '被讯问人：张三，男，1995年8月3日出生',
      '问：你把事情经过讲一下。',
      `答：2024年3月4日晚上，我冒充客服骗了孙丽三千元，孙丽把钱转到卡号${card}的银行卡上。证人李四当时也在场。`,
      '问：还有谁知道？',
      '答：我老家的朋友，证人李四也知道这事。',
      '以上笔录我看过，和我说的相符。',
      '被讯问人：张叁',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(folder, '询问笔录.txt'),
    ['询问笔录', '被询问人：李四，男', '问：你看到了什么？', '答：我看到张三在打电话骗孙丽。'].join('\n'),
  );
  const r = await reviewFolder(folder);
  service = r.service;
  caseId = r.caseId;
}, 120_000);
afterAll(() => service?.close());

const persons = async () => service.api.listEntities({ caseId, type: 'PERSON' });
const byName = async (name: string) => (await persons()).find((p) => p.value === name);
async function settled(): Promise<void> {
  const job = service.store.latestJob(caseId);
  if (job) await service.whenJobEnds(job.id);
}

describe("the reviewer's entity corrections", () => {
  it('merges two readings of one person at once, and keeps the merge through a re-run', async () => {
    const a = await byName('张三');
    const b = await byName('张叁');
    expect(a && b, 'both readings are entities before the merge').toBeTruthy();
    const merged = await service.api.correctEntity({
      caseId,
      correction: { kind: 'merge', into: a!.id, from: [b!.id] },
      reviewer: '法制员甲',
    });
    expect(merged.entity).toBe(a!.id);
    const after = await persons();
    expect(after.find((p) => p.value === '张叁')).toBeUndefined();
    const one = after.find((p) => p.value === '张三')!;
    expect(one.mentionCount).toBe(a!.mentionCount + b!.mentionCount);
    expect(one.attributes.aliases).toContain('张叁');

    await settled();
    const { review } = await reviewFolder(folder, { service });
    const again = review.entities.filter((e) => e.type === 'PERSON' && (e.value === '张三' || e.value === '张叁'));
    expect(again).toHaveLength(1);
    expect(again[0]!.mentions).toHaveLength(a!.mentionCount + b!.mentionCount);
    // The timeline was derived again with the merge: no event names the reading merged away.
    const ids = new Set(review.entities.map((e) => e.id));
    for (const ev of review.events) for (const p of [...ev.subjects, ...ev.actors]) expect(ids.has(p), `${ev.type} names ${p}`).toBe(true);
    expect(review.entityCorrections?.[0]).toMatchObject({
      kind: 'merge',
      reviewer: '法制员甲',
      undone: false,
      summary: '合并：张叁 并入 张三',
    });
  }, 120_000);

  it('splits a mention out into a new person, and the split survives a re-run', async () => {
    const li = await service.api.getEntity({ caseId, entityId: (await byName('李四'))!.id });
    expect(li.mentions.length).toBeGreaterThanOrEqual(3);
    // The friend in 老家: the last 李四 of the interrogation record.
    const inRecord = li.mentions.filter((m) => m.file === '讯问笔录.txt').sort((x, y) => x.start! - y.start!);
    const moved = inRecord[inRecord.length - 1]!;
    const r = await service.api.correctEntity({
      caseId,
      correction: {
        kind: 'split',
        entity: li.id,
        mentions: [{ fileId: moved.fileId, page: moved.page, start: moved.start!, end: moved.end! }],
        value: '李四（老家朋友）',
        role: 'OTHER',
      },
    });
    const split = await service.api.getEntity({ caseId, entityId: r.entity! });
    expect(split.value).toBe('李四（老家朋友）');
    expect(split.mentions.map((m) => m.start)).toEqual([moved.start]);
    expect((await service.api.getEntity({ caseId, entityId: li.id })).mentions).toHaveLength(li.mentions.length - 1);

    await settled();
    const { review } = await reviewFolder(folder, { service });
    const kept = review.entities.find((e) => e.value === '李四（老家朋友）');
    expect(kept?.mentions.map((m) => m.start)).toEqual([moved.start]);
    expect(review.entities.find((e) => e.type === 'PERSON' && e.value === '李四')?.mentions).toHaveLength(li.mentions.length - 1);
  }, 120_000);

  it('relabels a role and gives a card to its holder: the graph links the card to him, not to the victim', async () => {
    const zhang = (await byName('张三'))!;
    const sun = (await byName('孙丽'))!;
    expect(sun.attributes.role, 'the text leaves her a suspect').toBe('SUSPECT');
    await service.api.correctEntity({ caseId, correction: { kind: 'relabel', entity: sun.id, role: 'VICTIM' } });
    await service.api.correctEntity({ caseId, correction: { kind: 'identifier', entity: zhang.id, type: 'BANK_CARD', value: card } });
    await settled();
    const { review } = await reviewFolder(folder, { service });
    const person = review.entities.find((e) => e.type === 'PERSON' && e.value === '张三')!;
    expect(person.attributes).toMatchObject({ role: 'SUSPECT', bankCard: card });
    expect(review.entities.find((e) => e.type === 'PERSON' && e.value === '孙丽')?.attributes.role).toBe('VICTIM');
    const cardEntity = review.entities.find((e) => e.type === 'BANK_CARD' && e.value === card)!;
    expect(cardEntity.attributes.owner).toBe('张三');
    const graph = await service.api.getGraph({ caseId });
    const edge = (a: string, b: string) =>
      graph.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
    expect(edge(person.id, cardEntity.id)?.kind).toBe('holder');
    const victim = review.entities.find((e) => e.type === 'PERSON' && e.value === '孙丽')!;
    expect(edge(victim.id, cardEntity.id)).toBeUndefined();
  }, 120_000);

  it('an ID number given to a person links him to the case that knows that number (串并)', async () => {
    const body = '33060219950803451';
    const id = body + idCheckChar(body);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-entity-other-'));
    fs.writeFileSync(
      path.join(other, '询问笔录.txt'),
      ['询问笔录', `被询问人：张三，男，身份证号码：${id}`, '问：你的联系方式？', '答：我没有手机。'].join('\n'),
    );
    const { caseId: otherCase } = await reviewFolder(other, { service });
    const zhang = (await byName('张三'))!;
    expect(zhang.links).toEqual([]);
    await service.api.correctEntity({ caseId, correction: { kind: 'identifier', entity: zhang.id, type: 'ID_NUMBER', value: id } });
    const linked = (await byName('张三'))!;
    expect(linked.attributes).toMatchObject({ idNumber: id, idValid: true });
    expect(linked.links.map((l) => l.case)).toContain(otherCase);
    await settled();
    const { review } = await reviewFolder(folder, { service });
    expect(review.entities.find((e) => e.id === linked.id)?.links.map((l) => l.case)).toContain(otherCase);
  }, 120_000);

  it('refuses what makes no sense, in Chinese', async () => {
    const zhang = (await byName('张三'))!;
    const cardId = (await service.api.listEntities({ caseId, type: 'BANK_CARD' }))[0]!.id;
    const bad = async (correction: Parameters<CaseReviewService['api']['correctEntity']>[0]['correction']) =>
      (await service.dispatch('correctEntity', { caseId, correction })) as { ok: boolean; error?: { message: string } };
    expect((await bad({ kind: 'merge', into: zhang.id, from: [cardId] })).error?.message).toMatch(/同一类型/);
    expect((await bad({ kind: 'identifier', entity: zhang.id, type: 'ID_NUMBER', value: '12345' })).error?.message).toMatch(/身份证号/);
    expect((await bad({ kind: 'identifier', entity: cardId, type: 'PHONE', value: '13800138000' })).error?.message).toMatch(/人员名下/);
  });

  it('records every correction in the audit trail, and an undone one is derived away but kept in review.json', async () => {
    const audit = await service.api.getAudit({ caseId });
    const fixes = audit.entries.filter((e) => e.action === 'entity.corrected');
    expect(fixes.map((e) => e.detail.kind)).toEqual(['merge', 'split', 'relabel', 'identifier', 'identifier']);
    expect(fixes[0]!.actor).toBe('法制员甲');

    const merge = (await service.api.listEntityCorrections({ caseId })).find((c) => c.kind === 'merge')!;
    expect(await service.api.undoEntityCorrection({ caseId, id: merge.id })).toEqual({ undone: true });
    await settled();
    const review: ReviewJson = await service.api.getReview({ caseId });
    expect(review.entities.filter((e) => e.type === 'PERSON' && e.value === '张叁')).toHaveLength(1);
    expect(review.entityCorrections?.find((c) => c.id === merge.id)?.undone).toBe(true);
    expect((await service.api.getAudit({ caseId })).entries.some((e) => e.action === 'entity.correction-undone')).toBe(true);
    // The other corrections still hold after the re-derivation.
    expect(review.entities.find((e) => e.value === '李四（老家朋友）')).toBeTruthy();
  }, 120_000);
});
