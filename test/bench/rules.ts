// End-to-end measure of the review (issue 5 §3): generated cases with planted defects go
// through the whole pipeline (render → ingest → OCR where scanned → catalogue → entities →
// timeline → rules) and the findings are compared with what was planted.
// --family=a (default): our own generator; b: another bureau's clerk (test/fixtures/bureau),
// written apart from the first so that our generator's habits do not flatter the pipeline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFECT_RULES, generateCase } from '../fixtures/generator/index.js';
import { BUREAU_DEFECTS, generateBureauCase, type BureauCaseOptions } from '../fixtures/bureau/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { reviewFolder } from '../support/review-case.js';
import { familyOf, scoreCase } from './case.js';

type Forms = 'text-only' | 'all';
export interface BenchCase {
  label: string;
  make: (out: string) => Promise<{ folder: string; truth: CaseTruth }>;
}
interface Row {
  label: string;
  planted: string[];
  found: string[];
  missed: string[];
  falseViolations: string[];
  ms: number;
  /** Planted rules found only as a doubt (an OCR date one slip from lawful). */
  doubted: string[];
}

function familyA(forms: Forms, clean: number, only: string[] | undefined): BenchCase[] {
  const defects = only ?? [...DEFECT_RULES];
  // Clean cases take turns: a search (搜查证, 搜查笔录), a detention extended to 7 days,
  // a co-suspect under 监视居住 instead of bail, none of these. No violation may come of
  // a proper search, a lawful extension or lawful surveillance.
  const extras = [{ search: true }, { extension: true }, { surveillance: true, suspects: 2 }, {}] as const;
  return [
    ...defects.map((d, i): BenchCase => ({
      label: d,
      make: (out) => generateCase({ seed: 100 + i, outDir: out, name: `bench-${d}`, defects: [d], forms }),
    })),
    ...Array.from({ length: clean }, (_, i): BenchCase => {
      const x = extras[i % extras.length] ?? {};
      const label = `clean-${i + 1}${Object.keys(x)
        .filter((k) => k !== 'suspects')
        .map((k) => `+${k}`)
        .join('')}`;
      return { label, make: (out) => generateCase({ seed: 500 + i, outDir: out, name: `bench-${label}`, defects: [], forms, ...x }) };
    }),
  ];
}

/**
 * Family b: one case per plantable defect, and clean cases with what tripped the pipeline on
 * another bureau's folders: 记录员 labels and other header layouts, witness warnings in other
 * words, one approval for two suspects, a juvenile done right (guardian or appropriate adult,
 * a woman officer for a girl), the chief's signature, a victims' statements volume.
 */
export const BUREAU_CLEAN_CASES: { label: string; opts: Omit<BureauCaseOptions, 'outDir' | 'seed' | 'forms'> }[] = [
  { label: 'two-suspects+extension', opts: { suspects: 2, extension: true, charge: 'theft' } },
  { label: 'juvenile-girl', opts: { suspects: 1, juvenile: true, femaleMinor: true, charge: 'fraud' } },
  { label: 'juvenile-boy+co-suspect', opts: { suspects: 2, juvenile: true, femaleMinor: false, charge: 'injury' } },
  { label: 'drug-one-suspect', opts: { suspects: 1, charge: 'drug' } },
];

export function familyB(forms: Forms, clean: number, only: string[] | undefined): BenchCase[] {
  const defects = only ?? [...BUREAU_DEFECTS];
  return [
    ...defects.map((d, i): BenchCase => ({
      label: `b:${d}`,
      make: (out) => generateBureauCase({ seed: 300 + i, outDir: out, name: `bench-b-${d}`, defects: [d], forms }),
    })),
    ...Array.from({ length: clean }, (_, i): BenchCase => {
      const c = BUREAU_CLEAN_CASES[i % BUREAU_CLEAN_CASES.length]!;
      const label = `b:clean-${i + 1}+${c.label}`;
      return { label, make: (out) => generateBureauCase({ seed: 700 + i, outDir: out, name: `bench-b-clean-${i + 1}`, forms, ...c.opts }) };
    }),
  ];
}

async function run(cases: BenchCase[], out: string, forms: Forms): Promise<Row[]> {
  const rows: Row[] = [];
  for (const c of cases) {
    const g = await c.make(out);
    const { review, ms, service } = await reviewFolder(g.folder);
    await service.close();
    const {
      defects: { planted, found },
      violations: falseViolations,
    } = scoreCase(g.truth, review);
    // Found only as a doubt: every finding of the planted rule was weakened to "check the original"
    // because an OCR'd date one slip away would make it lawful (consensus/doubtful-findings.ts).
    const doubted = found.filter((r) => review.findings.filter((f) => f.rule === r).every((f) => f.message.includes('请核对原件')));
    const doubts = review.findings.filter((f) => f.message.includes('若原件为')).map((f) => `(doubt) ${f.rule}: ${f.message}`);
    rows.push({ label: c.label, planted, found, missed: planted.filter((r) => !found.includes(r)), falseViolations, ms, doubted });
    console.log(
      `${c.label.padEnd(34)} ${String(review.pages.length).padStart(3)} pages ${(ms / 1000).toFixed(1).padStart(6)} s  found ${found.length}/${planted.length}${doubted.length ? ` (${doubted.length} only as a doubt)` : ''}  false violations ${falseViolations.length}${[...falseViolations, ...doubts].length ? `\n      ${[...falseViolations, ...doubts].slice(0, 6).join('\n      ')}` : ''}`,
    );
  }
  const planted = rows.reduce((n, r) => n + r.planted.length, 0);
  const found = rows.reduce((n, r) => n + r.found.length, 0);
  const cleanRows = rows.filter((r) => r.planted.length === 0);
  console.log(`\nplanted defects found: ${found}/${planted} = ${((found / Math.max(1, planted)) * 100).toFixed(1)} %`);
  console.log(
    `missed: ${rows.flatMap((r) => r.missed).join(', ') || 'none'}; found only as a doubt (check the original): ${rows.flatMap((r) => r.doubted).join(', ') || 'none'}`,
  );
  console.log(
    `false violations per clean case: ${(cleanRows.reduce((n, r) => n + r.falseViolations.length, 0) / Math.max(1, cleanRows.length)).toFixed(2)} (${cleanRows.length} clean cases); per defect case: ${(rows.filter((r) => r.planted.length).reduce((n, r) => n + r.falseViolations.length, 0) / Math.max(1, rows.length - cleanRows.length)).toFixed(2)}`,
  );
  console.log(
    `time per case: mean ${(rows.reduce((n, r) => n + r.ms, 0) / Math.max(1, rows.length) / 1000).toFixed(1)} s (forms: ${forms})`,
  );
  return rows;
}

export async function benchRules(args: string[]): Promise<void> {
  const forms = (args.find((a) => a.startsWith('--forms='))?.slice(8) ?? 'text-only') as Forms;
  const clean = Number(args.find((a) => a.startsWith('--clean='))?.slice(8) ?? 4);
  const only = args
    .find((a) => a.startsWith('--rules='))
    ?.slice(8)
    .split(',');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-rules-'));
  for (const family of familyOf(args)) {
    console.log(`\n--- family ${family}: ${family === 'a' ? 'our generator' : "another bureau's clerk (test/fixtures/bureau)"} ---`);
    const only2 = only?.filter((r) =>
      (family === 'a' ? (DEFECT_RULES as readonly string[]) : (BUREAU_DEFECTS as readonly string[])).includes(r),
    );
    await run(family === 'a' ? familyA(forms, clean, only2) : familyB(forms, clean, only2), out, forms);
  }
}
