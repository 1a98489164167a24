// Acts the generator adds on request, printed and read through the whole pipeline:
// a search of the suspect's home (搜查证, 搜查笔录) — catalogued, its record's header
// read, its event on the timeline, SEARCH_PROCEDURE silent on a proper search and
// loud on one done by a single officer —, a detention extended to 7 days, whose
// arrest request on day 5 or 6 is then in time, and a co-suspect put under 监视居住
// at home instead of bail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCase, type GeneratedCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';
import type { CaseReviewService } from '../../electron/core/service.js';
import type { ReviewJson } from '../../shared/review.js';

const services: CaseReviewService[] = [];
let proper: { g: GeneratedCase; review: ReviewJson };
let oneOfficer: { g: GeneratedCase; review: ReviewJson };
let extended: { g: GeneratedCase; review: ReviewJson };
let watched: { g: GeneratedCase; review: ReviewJson };

async function reviewed(opts: Parameters<typeof generateCase>[0]): Promise<{ g: GeneratedCase; review: ReviewJson }> {
  const g = await generateCase(opts);
  const { review, service } = await reviewFolder(g.folder);
  services.push(service);
  return { g, review };
}

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-search-'));
  proper = await reviewed({ seed: 61, outDir: root, name: 'search-ok', forms: 'text-only', search: true });
  oneOfficer = await reviewed({ seed: 62, outDir: root, name: 'search-one-officer', forms: 'text-only', defects: ['SEARCH_PROCEDURE'] });
  extended = await reviewed({ seed: 63, outDir: root, name: 'extended', forms: 'text-only', extension: true });
  watched = await reviewed({ seed: 64, outDir: root, name: 'watched', forms: 'text-only', surveillance: true, suspects: 2 });
}, 300_000);
afterAll(async () => {
  for (const s of services) await s.close();
});

describe("a search of the suspect's home, through the pipeline", () => {
  it('catalogues the warrant and the record, reads who searched and who was present', () => {
    const { g, review } = proper;
    for (const type of ['SEARCH_WARRANT', 'SEARCH_RECORD'] as const) {
      const truth = g.truth.documents.find((d) => d.type === type)!;
      const doc = review.documents.find((d) => d.type === type);
      expect(doc, type).toBeDefined();
      expect([doc!.file, doc!.pageFrom, doc!.pageTo]).toEqual([truth.file, truth.pageFrom, truth.pageTo]);
    }
    const truth = g.truth.documents.find((d) => d.type === 'SEARCH_RECORD')!.fields!;
    const fields = review.documents.find((d) => d.type === 'SEARCH_RECORD')!.fields as {
      investigators?: string[];
      subject?: string;
      start?: string;
      end?: string;
    };
    expect(fields.investigators).toEqual(truth.investigators);
    expect(fields.subject).toBe(truth.subject);
    expect(fields.start).toBe(truth.start);
    expect(fields.end).toBe(truth.end);
    const event = review.events.find((e) => e.type === 'SEARCH');
    expect(event?.start).toBe(truth.start);
  });

  it('finds nothing wrong with a proper search', () => {
    expect(proper.review.findings.filter((f) => f.rule === 'SEARCH_PROCEDURE')).toEqual([]);
    expect(proper.review.findings.filter((f) => f.severity === 'violation').map((f) => f.rule)).toEqual([]);
  });

  it("flags a search by one officer, on the record's page, with the statute", () => {
    const { g, review } = oneOfficer;
    const record = g.truth.documents.find((d) => d.type === 'SEARCH_RECORD')!;
    const found = review.findings.filter((f) => f.rule === 'SEARCH_PROCEDURE');
    expect(found.map((f) => f.severity)).toEqual(['violation']);
    expect(found[0]!.message).toContain(record.fields!.investigators![0]!);
    expect(found[0]!.citation).toContain('第一百三十六条');
    const fileOf = (id: string): string | undefined => review.documents.find((d) => d.id === id)?.file;
    expect(found[0]!.evidence.map((e) => [fileOf(e.document), e.page])).toContainEqual([record.file, record.pageFrom]);
  });
});

describe('a detention extended to 7 days, through the pipeline', () => {
  it('catalogues the extension notice and puts it on the timeline', () => {
    const { g, review } = extended;
    const truth = g.truth.documents.find((d) => d.type === 'DETENTION_EXTENSION')!;
    const doc = review.documents.find((d) => d.type === 'DETENTION_EXTENSION');
    expect([doc?.file, doc?.pageFrom, doc?.date]).toEqual([truth.file, truth.pageFrom, truth.date]);
    expect(review.events.filter((e) => e.type === 'DETENTION_EXTENDED').map((e) => e.start)).toEqual([truth.date]);
  });

  it('takes the arrest request on day 5 or 6 as in time, and finds nothing else wrong', () => {
    const { review } = extended;
    const detained = review.events.find((e) => e.type === 'DETENTION')!.start!.slice(0, 10);
    const requested = review.events.find((e) => e.type === 'ARREST_REQUESTED')!.start!.slice(0, 10);
    const days = (Date.parse(requested) - Date.parse(detained)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(review.findings.filter((f) => f.rule === 'ARREST_REQUEST_DEADLINE')).toEqual([]);
    expect(review.findings.filter((f) => f.severity === 'violation').map((f) => f.rule)).toEqual([]);
  });
});

describe('a co-suspect under 监视居住 at home, through the pipeline', () => {
  it('catalogues the decision, dates the measure from it and finds nothing wrong', () => {
    const { g, review } = watched;
    const truth = g.truth.documents.find((d) => d.type === 'RESIDENTIAL_SURVEILLANCE')!;
    const doc = review.documents.find((d) => d.type === 'RESIDENTIAL_SURVEILLANCE');
    expect([doc?.file, doc?.pageFrom, doc?.date]).toEqual([truth.file, truth.pageFrom, truth.date]);
    expect(review.documents.filter((d) => d.type === 'BAIL')).toEqual([]);
    expect(review.events.filter((e) => e.type === 'RESIDENTIAL_SURVEILLANCE').map((e) => e.start?.slice(0, 10))).toEqual([truth.date]);
    expect(review.findings.filter((f) => /^RSL_/.test(f.rule))).toEqual([]);
    expect(review.findings.filter((f) => f.severity === 'violation').map((f) => f.rule)).toEqual([]);
  });
});
