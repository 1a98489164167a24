// 卷宗目录 of generated cases from both generator families (issue 16): a scanned volume is
// listed as bound (volume, then first page), and every statement record is named by its
// person and session from the catalogue's own fields, as the reader sees it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase } from '../fixtures/generator/index.js';
import { generateBureauCase } from '../fixtures/bureau/index.js';
import { reviewFolder } from '../support/review-case.js';
import { catalogueLabel } from '../../shared/catalogue-label.js';
import { DOCUMENT_TYPE_LABELS } from '../../shared/vocab.js';
import type { CatalogueEntry } from '../../shared/api.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';

const RECORDS = new Set(['INTERROGATION_RECORD', 'INQUIRY_RECORD']);
const out = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cr-catalogue-'));
const label = (d: CatalogueEntry) => catalogueLabel(d, DOCUMENT_TYPE_LABELS[d.type].zh);

async function catalogueOf(folder: string): Promise<CatalogueEntry[]> {
  const { service, caseId } = await reviewFolder(folder);
  try {
    return (await service.api.getCase({ caseId })).documents;
  } finally {
    await service.close();
  }
}

/** Each statement record of the truth that the catalogue found (same file, same first page) is named by its person. */
function expectRecordsNamed(docs: CatalogueEntry[], truth: CaseTruth): number {
  let named = 0;
  for (const t of truth.documents.filter((d) => RECORDS.has(d.type) && d.fields?.subject)) {
    const found = docs.find((d) => d.file === t.file && d.pageFrom === t.pageFrom && RECORDS.has(d.type));
    if (!found) continue;
    expect(label(found)).toContain(t.fields!.subject!);
    if (t.fields?.session) expect(label(found)).toContain(`第${t.fields.session}次`);
    named++;
  }
  return named;
}

describe('the catalogue of a scanned volume (family a)', () => {
  it('follows the binding and names each statement by its person', async () => {
    const g = await generateCase({ seed: 20240316, outDir: out(), name: '卷宗目录-扫描卷', forms: 'scanned-volume-only', volumePages: 34 });
    const docs = await catalogueOf(g.folder);
    expect(docs.length).toBeGreaterThan(3);
    const inVolume = docs.map((d) => `${d.file}:${String(d.pageFrom).padStart(4, '0')}`);
    expect(inVolume).toEqual([...inVolume].sort());
    expect(docs.map((d) => d.ordinal)).toEqual(docs.map((_, i) => i + 1));
    // the volume holds statements, and no statement entry is a bare "询问笔录"
    expect(expectRecordsNamed(docs, g.truth)).toBeGreaterThan(0);
  }, 600_000);
});

describe('the catalogue of another bureau’s case (family b)', () => {
  it('names each statement record by its person and session', async () => {
    const g = await generateBureauCase({ seed: 11, outDir: out(), name: '卷宗目录-他局', forms: 'text-only', suspects: 2 });
    const docs = await catalogueOf(g.folder);
    expect(expectRecordsNamed(docs, g.truth)).toBeGreaterThan(1);
    for (const d of docs.filter((x) => RECORDS.has(x.type))) expect(d.person, label(d)).toBeTruthy();
  }, 600_000);
});

describe('catalogueLabel', () => {
  it('puts the person in place of the printed bracket, and leaves other papers as titled', () => {
    const e = { type: 'INQUIRY_RECORD' as const, title: '询问笔录（第二次）', person: '张三', session: 2 };
    expect(catalogueLabel(e, '询问笔录')).toBe('询问笔录（张三，第2次）');
    expect(catalogueLabel({ ...e, session: null }, '询问笔录')).toBe('询问笔录（张三）');
    expect(catalogueLabel({ ...e, person: null }, '询问笔录')).toBe('询问笔录（第二次）');
    expect(catalogueLabel({ type: 'DETENTION_WARRANT', title: '' }, '拘留证')).toBe('拘留证');
  });
});
