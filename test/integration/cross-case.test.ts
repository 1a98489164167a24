import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type CaseReviewService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { reviewFolder } from '../support/review-case.js';

// A known-good GB 11643 number (RULES.md) and a mobile number shared by two cases.
const ID = '11010519491231002X';
const PHONE = '13912345678';

let root: string;
let service: CaseReviewService;
let a: { review: ReviewJson; caseId: string };
let b: { review: ReviewJson; caseId: string };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-cross-'));
  service = createService({ dbPath: path.join(root, 'store.db') });
  const caseA = path.join(root, '王某盗窃案');
  const caseB = path.join(root, '陈某诈骗案');
  fs.mkdirSync(caseA);
  fs.mkdirSync(caseB);
  await writeTextPdf(path.join(caseA, '讯问笔录.pdf'), [
    `讯问笔录\n被讯问人：王建国\n问：你的基本情况？\n答：我叫王建国，男，身份证号码${ID}，联系电话${PHONE}，住浙江省绍兴市越城区解放路18号。`,
  ]);
  await writeTextPdf(path.join(caseB, '询问笔录.pdf'), [
    `询问笔录\n被询问人：刘芳\n答：卖手机给我的人叫王建国，他的手机号是${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}-${PHONE.slice(7)}，身份证号码${ID}。`,
  ]);
  const ra = await reviewFolder(caseA, { service });
  const rb = await reviewFolder(caseB, { service });
  // the first case is looked at again after the second exists: links are found both ways
  a = { review: await service.api.getReview({ caseId: ra.caseId }), caseId: ra.caseId };
  b = { review: rb.review, caseId: rb.caseId };
}, 120_000);
afterAll(() => service.close());

const entity = (r: ReviewJson, type: string, value: string) => r.entities.find((e) => e.type === type && e.value === value);

describe('串并: entities shared across cases on this machine (issue 4)', () => {
  it('links the shared phone number both ways in review.json', () => {
    const pa = entity(a.review, 'PHONE', PHONE);
    const pb = entity(b.review, 'PHONE', PHONE);
    expect(pa && pb).toBeTruthy();
    expect(pa!.links).toEqual([expect.objectContaining({ case: b.caseId, entity: pb!.id })]);
    expect(pb!.links).toEqual([expect.objectContaining({ case: a.caseId, entity: pa!.id })]);
  });

  it('links the suspect by ID number both ways, as an ID and as a person', () => {
    const ia = entity(a.review, 'ID_NUMBER', ID);
    const ib = entity(b.review, 'ID_NUMBER', ID);
    expect(ia!.links.map((l) => l.case)).toEqual([b.caseId]);
    expect(ib!.links.map((l) => l.case)).toEqual([a.caseId]);
    const person = a.review.entities.find((e) => e.type === 'PERSON' && e.value === '王建国');
    expect(person?.attributes.idNumber).toBe(ID);
    const other = b.review.entities.find((e) => e.type === 'PERSON' && e.value === '王建国');
    expect(other?.attributes.idNumber).toBe(ID);
    expect(person!.links).toEqual([expect.objectContaining({ case: b.caseId, entity: other!.id })]);
    expect(other!.links).toEqual([expect.objectContaining({ case: a.caseId, entity: person!.id })]);
  });

  it('the app sees the same links through its API', async () => {
    const phones = await service.api.listEntities({ caseId: a.caseId, type: 'PHONE' });
    const phone = phones.find((p) => p.value === PHONE)!;
    expect(phone.links).toEqual([expect.objectContaining({ case: b.caseId, caseName: '陈某诈骗案' })]);
    const detail = await service.api.getEntity({ caseId: b.caseId, entityId: entity(b.review, 'PHONE', PHONE)!.id });
    expect(detail.links.map((l) => l.caseName)).toEqual(['王某盗窃案']);
    expect(detail.mentions[0]!.text).toContain('139');
    const graph = await service.api.getGraph({ caseId: a.caseId });
    expect(graph.nodes.some((n) => n.external?.case === b.caseId)).toBe(true);
    expect(graph.edges.some((e) => e.kind === 'cross-case')).toBe(true);
  });

  it('does not link a case to itself or to unrelated values', () => {
    for (const e of a.review.entities) for (const l of e.links) expect(l.case).not.toBe(a.caseId);
    expect(entity(a.review, 'ADDRESS', '浙江省绍兴市越城区解放路18号')?.links ?? []).toEqual([]);
  });
});
