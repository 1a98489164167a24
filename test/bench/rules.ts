// End-to-end measure of the review (issue 5 §3): generated cases with planted defects go
// through the whole pipeline (render → ingest → OCR where scanned → catalogue → entities →
// timeline → rules) and the findings are compared with what was planted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFECT_RULES, generateCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';
import { scoreCase } from './case.js';

export async function benchRules(args: string[]): Promise<void> {
  const forms = (args.find((a) => a.startsWith('--forms='))?.slice(8) ?? 'text-only') as 'text-only' | 'all';
  const clean = Number(args.find((a) => a.startsWith('--clean='))?.slice(8) ?? 4);
  const only = args.find((a) => a.startsWith('--rules='))?.slice(8).split(',');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-rules-'));
  const defects = only ?? [...DEFECT_RULES];
  const rows: { label: string; planted: string[]; found: string[]; missed: string[]; falseViolations: string[]; ms: number }[] = [];
  // Clean cases take turns: a search (搜查证, 搜查笔录), a detention extended to 7 days,
  // a co-suspect under 监视居住 instead of bail, none of these. No violation may come of
  // a proper search, a lawful extension or lawful surveillance.
  const extras = [{ search: true }, { extension: true }, { surveillance: true, suspects: 2 }, {}] as const;
  const cases: { label: string; seed: number; defects: string[]; extras?: { search?: boolean; extension?: boolean; surveillance?: boolean; suspects?: number } }[] = [
    ...defects.map((d, i) => ({ label: d, seed: 100 + i, defects: [d] })),
    ...Array.from({ length: clean }, (_, i) => {
      const x = extras[i % extras.length] ?? {};
      return { label: `clean-${i + 1}${Object.keys(x).filter((k) => k !== 'suspects').map((k) => `+${k}`).join('')}`, seed: 500 + i, defects: [] as string[], extras: x };
    }),
  ];
  for (const c of cases) {
    const g = await generateCase({ seed: c.seed, outDir: out, name: `bench-${c.label}`, defects: c.defects, forms, ...c.extras });
    const { review, ms, service } = await reviewFolder(g.folder);
    await service.close();
    const { defects: { planted, found }, violations: falseViolations } = scoreCase(g.truth, review);
    rows.push({ label: c.label, planted, found, missed: planted.filter((r) => !found.includes(r)), falseViolations, ms });
    console.log(`${c.label.padEnd(34)} ${String(review.pages.length).padStart(3)} pages ${(ms / 1000).toFixed(1).padStart(6)} s  found ${found.length}/${planted.length}  false violations ${falseViolations.length}${falseViolations.length ? `\n      ${falseViolations.slice(0, 4).join('\n      ')}` : ''}`);
  }
  const planted = rows.reduce((n, r) => n + r.planted.length, 0);
  const found = rows.reduce((n, r) => n + r.found.length, 0);
  const cleanRows = rows.filter((r) => r.planted.length === 0);
  console.log(`\nplanted defects found: ${found}/${planted} = ${((found / Math.max(1, planted)) * 100).toFixed(1)} %`);
  console.log(`missed: ${rows.flatMap((r) => r.missed).join(', ') || 'none'}`);
  console.log(`false violations per clean case: ${(cleanRows.reduce((n, r) => n + r.falseViolations.length, 0) / Math.max(1, cleanRows.length)).toFixed(2)} (${cleanRows.length} clean cases); per defect case: ${(rows.filter((r) => r.planted.length).reduce((n, r) => n + r.falseViolations.length, 0) / Math.max(1, rows.length - cleanRows.length)).toFixed(2)}`);
  console.log(`time per case: mean ${(rows.reduce((n, r) => n + r.ms, 0) / rows.length / 1000).toFixed(1)} s (forms: ${forms})`);
}
