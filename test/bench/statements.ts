// `npm run bench -- statements`: planted retractions and contradictions found, and statement findings
// on clean cases, through the whole review (text cases by default; --forms=all reads scans with OCR).
// Options: --family=a|b|both (default both), --seeds=N (cases per planted kind, default 2), --clean=N
// (default 8), --forms=text-only|all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCase } from '../fixtures/generator/index.js';
import { CONTRADICTION_KINDS, RETRACTION_KINDS } from '../fixtures/generator/model.js';
import { reviewFolder } from '../support/review-case.js';
import { generateBureauCase } from '../fixtures/bureau/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';

const STATEMENT_RULES = new Set(['STATEMENT_RETRACTION', 'STATEMENT_CONTRADICTION']);

interface StatementCase {
  family: 'a' | 'b';
  label: string;
  seed: number;
  rule?: string;
  kind?: string;
  charge?: 'theft' | 'injury';
}

/** Family a (test/fixtures/generator) and family b (another bureau's clerk, test/fixtures/bureau). */
function casesOf(family: 'a' | 'b', seeds: number, clean: number): StatementCase[] {
  const cases: StatementCase[] = [];
  if (family === 'a') {
    let seed = 700;
    for (const kind of RETRACTION_KINDS)
      for (let i = 0; i < seeds; i++)
        cases.push({ family, label: `a:retraction:${kind}`, seed: seed++, rule: 'STATEMENT_RETRACTION', kind });
    for (const kind of CONTRADICTION_KINDS)
      for (let i = 0; i < seeds; i++)
        cases.push({ family, label: `a:contradiction:${kind}`, seed: seed++, rule: 'STATEMENT_CONTRADICTION', kind });
    for (let i = 0; i < clean; i++) cases.push({ family, label: 'a:clean', seed: 800 + i });
  } else {
    let seed = 1300;
    for (const kind of ['deny', 'amount', 'time'] as const)
      for (let i = 0; i < seeds; i++)
        cases.push({
          family,
          label: `b:retraction:${kind}`,
          seed: seed++,
          rule: 'STATEMENT_RETRACTION',
          kind,
          ...(kind === 'amount' ? { charge: 'theft' as const } : {}),
        });
    for (const kind of ['time', 'amount'] as const)
      for (let i = 0; i < seeds; i++)
        cases.push({
          family,
          label: `b:contradiction:${kind}`,
          seed: seed++,
          rule: 'STATEMENT_CONTRADICTION',
          kind,
          ...(kind === 'amount' || i % 2 === 0 ? { charge: 'theft' as const } : { charge: 'injury' as const }),
        });
    for (let i = 0; i < clean; i++) cases.push({ family, label: 'b:clean', seed: 1400 + i });
  }
  return cases;
}

async function generate(c: StatementCase, out: string, forms: 'text-only' | 'all'): Promise<{ folder: string; truth: CaseTruth }> {
  if (c.family === 'a') {
    return generateCase({
      seed: c.seed,
      outDir: out,
      name: `st-${c.seed}`,
      forms,
      suspects: (c.seed % 3) + 1,
      ...(c.rule ? { defects: [c.rule], statementPlant: c.kind } : {}),
    });
  }
  return generateBureauCase({
    seed: c.seed,
    outDir: out,
    name: `st-b-${c.seed}`,
    forms,
    ...(c.rule ? { defects: [c.rule], statementKind: c.kind as 'deny' | 'amount' | 'time' } : {}),
    ...(c.charge ? { charge: c.charge } : {}),
  });
}

export async function benchStatements(args: string[]): Promise<void> {
  const forms = (args.find((a) => a.startsWith('--forms='))?.slice(8) ?? 'text-only') as 'text-only' | 'all';
  const seeds = Number(args.find((a) => a.startsWith('--seeds='))?.slice(8) ?? 2);
  const clean = Number(args.find((a) => a.startsWith('--clean='))?.slice(8) ?? 8);
  const familyArg = args.find((a) => a.startsWith('--family='))?.slice(9) ?? 'both';
  const families = (familyArg === 'both' ? ['a', 'b'] : [familyArg]) as ('a' | 'b')[];
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-statements-'));
  for (const family of families) {
    const cases = casesOf(family, seeds, clean);
    let planted = 0;
    let found = 0;
    let cleanFalse = 0;
    let otherFalse = 0;
    const missed: string[] = [];
    console.log(
      `\n--- family ${family}${family === 'b' ? ": another bureau's clerk (test/fixtures/bureau)" : ' (test/fixtures/generator)'} ---`,
    );
    for (const c of cases) {
      const g = await generate(c, out, forms);
      const { review, ms, service } = await reviewFolder(g.folder);
      await service.close();
      const statementFindings = review.findings.filter((f) => STATEMENT_RULES.has(f.rule));
      const hit = c.rule ? statementFindings.some((f) => f.rule === c.rule) : false;
      const wrong = statementFindings.filter((f) => f.rule !== c.rule);
      if (c.rule) {
        planted++;
        if (hit) found++;
        else missed.push(`${c.label} seed ${c.seed} (${g.truth.charge})`);
        otherFalse += wrong.length;
      } else cleanFalse += wrong.length;
      const plantedKind = g.truth.defects.find((d) => STATEMENT_RULES.has(d.rule));
      console.log(
        `${c.label.padEnd(26)} seed ${c.seed} ${g.truth.charge.padEnd(5)} ${(ms / 1000).toFixed(1).padStart(5)} s  ${c.rule ? (hit ? 'found' : 'MISSED') : 'clean'}${wrong.length ? `  not planted: ${wrong.length}` : ''}${plantedKind && !hit ? `  (${plantedKind.description})` : ''}`,
      );
      for (const f of wrong.slice(0, 3)) console.log(`      ${f.rule}: ${f.message.slice(0, 160)}`);
    }
    const cleanCases = cases.filter((c) => !c.rule).length;
    console.log(
      `family ${family}: planted retractions and contradictions found: ${found}/${planted} = ${((found / Math.max(1, planted)) * 100).toFixed(1)} % (forms: ${forms})`,
    );
    console.log(`family ${family}: missed: ${missed.join(', ') || 'none'}`);
    console.log(
      `family ${family}: statement findings on clean cases: ${(cleanFalse / Math.max(1, cleanCases)).toFixed(2)} per case (${cleanCases} cases); of the other rule in planted cases: ${otherFalse}`,
    );
  }
}
