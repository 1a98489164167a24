import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import type { ReviewJson } from '../../shared/review.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';

// What the README promises right after install: the CLI on the bundled sample case.
const repo = path.resolve(import.meta.dirname, '../..');
const sample = path.join(repo, 'resources/sample-case');
const truth = JSON.parse(fs.readFileSync(path.join(repo, 'resources/sample-case.truth.json'), 'utf8')) as CaseTruth;
let out: string;
let review: ReviewJson;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-sample-'));
  out = path.join(root, 'out');
  expect(await main(['review', sample, '--out', out, '--db', path.join(root, 'case.db')])).toBe(0);
  review = JSON.parse(fs.readFileSync(path.join(out, 'review.json'), 'utf8')) as ReviewJson;
}, 600_000);

describe('npm run review on the bundled sample case', () => {
  it('writes review.json, report.pdf and report.docx', () => {
    for (const f of ['review.json', 'report.pdf', 'report.docx']) expect(fs.statSync(path.join(out, f)).size).toBeGreaterThan(1000);
  });

  it('reads every readable file, OCR included, and lists the junk as errors', () => {
    const junk = truth.files.filter((f) => f.form === 'junk').map((f) => f.path);
    expect(review.errors.map((e) => e.file).sort()).toEqual(junk.filter((p) => !/thumbs|ds_store/i.test(p)).sort());
    const readable = truth.files.filter((f) => f.form !== 'junk');
    for (const f of readable) {
      const pages = review.pages.filter((p) => p.file === f.path);
      expect(pages.length, f.path).toBe(f.pages.length);
      for (const p of pages) expect(p.text.length, `${f.path} p${p.page}`).toBeGreaterThan(10);
    }
    expect(review.pages.some((p) => p.source === 'ocr')).toBe(true);
  });

  it('builds the catalogue and finds the planted defect', () => {
    const right = truth.documents.filter((t) =>
      review.documents.some((d) => d.file === t.file && d.pageFrom === t.pageFrom && d.type === t.type),
    );
    expect(right.length / truth.documents.length).toBeGreaterThanOrEqual(0.9);
    for (const d of truth.defects) expect(review.findings.map((f) => f.rule)).toContain(d.rule);
  });
});
