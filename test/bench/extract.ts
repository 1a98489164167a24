// Extraction benchmark on the CAIL2021 theft NER sample (public 起诉意见书 sentences).
// Usage: npm run bench -- extract [--show TYPE] [--exact]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findDateTimes } from '../../electron/core/extract/datetime.js';
import { extractMentions } from '../../electron/core/extract/entities.js';
import { resolveEntities } from '../../electron/core/extract/resolve.js';
import type { LocatedMention } from '../../electron/core/extract/resolve.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CAIL_SAMPLE = path.resolve(repoRoot, '../shared/data/cail2021-theft-ner/xxcq_small.sample300.jsonl');

interface Span {
  start: number;
  end: number;
  text: string;
}
interface Line {
  id: string;
  context: string;
  gold: Record<string, Span[]>;
}

/** Spans are "start;end" offsets into context, end exclusive (checked: 朱某某 at "5;8"). */
export function loadCail(file = CAIL_SAMPLE): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const j = JSON.parse(l) as { id: string; context: string; entities: { label: string; span: string[] }[] };
      const gold: Record<string, Span[]> = {};
      for (const e of j.entities) {
        gold[e.label] = e.span.map((sp) => {
          const [a, b] = sp.split(';').map(Number);
          return { start: a ?? 0, end: b ?? 0, text: j.context.slice(a, b) };
        });
      }
      return { id: j.id, context: j.context, gold };
    });
}

/** Benchmark classes: CAIL labels on the left, our predictions on the right. */
export const CLASSES: { name: string; labels: string[]; predict: (text: string) => Span[] }[] = [
  { name: 'SUSPECT (NHCS)', labels: ['NHCS'], predict: (t) => persons(t, 'SUSPECT') },
  { name: 'VICTIM (NHVI)', labels: ['NHVI'], predict: (t) => persons(t, 'VICTIM') },
  { name: 'PERSON any role (NHCS+NHVI)', labels: ['NHCS', 'NHVI'], predict: (t) => persons(t, null) },
  { name: 'TIME (NT)', labels: ['NT'], predict: (t) => findDateTimes(t, { months: true }) },
  { name: 'ADDRESS (NS)', labels: ['NS'], predict: (t) => ofType(t, 'ADDRESS') },
  { name: 'ORG (NO)', labels: ['NO'], predict: (t) => ofType(t, 'ORG') },
  { name: 'AMOUNT (NCGV+NCSM+NCSP)', labels: ['NCGV', 'NCSM', 'NCSP'], predict: (t) => ofType(t, 'AMOUNT') },
];

function ofType(t: string, type: string): Span[] {
  return extractMentions(t).filter((m) => m.type === type);
}
function persons(t: string, role: string | null): Span[] {
  return extractMentions(t).filter((m) => m.type === 'PERSON' && (role === null || m.attrs?.role === role));
}

const overlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

export interface ClassScore {
  name: string;
  gold: number;
  predicted: number;
  recall: number;
  precision: number;
  exactRecall: number;
  misses: string[];
  falses: string[];
}

/** Overlap matching: a gold span is found when a prediction shares a character with it; exact recall is reported beside. */
export function scoreCail(lines: Line[] = loadCail()): ClassScore[] {
  return CLASSES.map((c) => {
    let gold = 0,
      found = 0,
      exact = 0,
      predicted = 0,
      correct = 0;
    const misses: string[] = [];
    const falses: string[] = [];
    for (const l of lines) {
      const g = c.labels.flatMap((lab) => l.gold[lab] ?? []);
      // CAIL marks one mention twice when it carries two labels (NCSM and NCSP): count it once.
      const gs = g.filter((x, i) => g.findIndex((y) => same(x, y)) === i);
      const p = c.predict(l.context);
      gold += gs.length;
      predicted += p.length;
      for (const x of gs) {
        if (p.some((y) => overlap(x, y))) found++;
        else misses.push(`${x.text}  ⟨${l.context.slice(Math.max(0, x.start - 12), x.end + 12)}⟩`);
        if (p.some((y) => same(x, y))) exact++;
      }
      for (const y of p) {
        if (gs.some((x) => overlap(x, y))) correct++;
        else falses.push(`${y.text}  ⟨${l.context.slice(Math.max(0, y.start - 12), y.end + 12)}⟩`);
      }
    }
    return {
      name: c.name,
      gold,
      predicted,
      recall: gold ? found / gold : 1,
      precision: predicted ? correct / predicted : 1,
      exactRecall: gold ? exact / gold : 1,
      misses,
      falses,
    };
  });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Generated case (truth JSON): people with role and attributes, and entities by normalised value. */
export function scoreTruth(truth: CaseTruth): {
  people: { name: string; found: boolean; role: string | null; want: string; idOk: boolean; birthOk: boolean; genderOk: boolean }[];
  entities: Record<string, { gold: number; found: number; predicted: number; missed: string[] }>;
} {
  const located: LocatedMention[] = [];
  for (const f of truth.files)
    for (const pg of f.pages) {
      for (const m of extractMentions(pg.text)) located.push({ ...m, document: f.path, page: pg.page });
    }
  const resolved = resolveEntities(located);
  const persons = resolved.filter((e) => e.type === 'PERSON');
  const people = truth.people.map((p) => {
    const e = persons.find((x) => x.value === p.name || (Array.isArray(x.attributes.aliases) && x.attributes.aliases.includes(p.name)));
    return {
      name: p.name,
      found: e !== undefined,
      role: (e?.attributes.role as string | undefined) ?? null,
      want: p.role,
      idOk: e?.attributes.idNumber === p.idNumber,
      birthOk: e?.attributes.birthDate === p.birthDate,
      genderOk: e?.attributes.gender === p.gender,
    };
  });
  const canon = (type: string, v: string): string => (type === 'CASE_NUMBER' ? v.replace(/[[［]/g, '〔').replace(/[\]］]/g, '〕') : v);
  const entities: Record<string, { gold: number; found: number; predicted: number; missed: string[] }> = {};
  for (const t of truth.entities) {
    if (t.type === 'PERSON') continue;
    const row =
      entities[t.type] ??
      (entities[t.type] = { gold: 0, found: 0, predicted: resolved.filter((e) => e.type === t.type).length, missed: [] });
    row.gold++;
    if (resolved.some((e) => e.type === t.type && canon(t.type, e.value) === canon(t.type, t.value))) row.found++;
    else row.missed.push(t.value);
  }
  return { people, entities };
}

export async function benchExtract(args: string[]): Promise<void> {
  const truthAt = args.indexOf('--truth');
  if (truthAt >= 0) {
    for (const file of args.slice(truthAt + 1).filter((a) => !a.startsWith('--'))) {
      const truth = JSON.parse(readFileSync(file, 'utf8')) as CaseTruth;
      const t0 = performance.now();
      const r = scoreTruth(truth);
      const ms = performance.now() - t0;
      const chars = truth.files.reduce((a, f) => a + f.pages.reduce((b, p) => b + p.text.length, 0), 0);
      console.log(`\n${file}: ${truth.people.length} people; ${chars} chars extracted and resolved in ${ms.toFixed(0)} ms`);
      console.log('  (id/birth/sex ✗ for officers and others whose particulars the documents never print)');
      for (const p of r.people)
        console.log(
          `  ${p.found ? '✓' : '✗'} ${p.name} role ${p.role ?? '-'}${p.role === p.want ? '' : ` (want ${p.want})`} id ${p.idOk ? 'ok' : '✗'} birth ${p.birthOk ? 'ok' : '✗'} sex ${p.genderOk ? 'ok' : '✗'}`,
        );
      for (const [type, row] of Object.entries(r.entities))
        console.log(
          `  ${type.padEnd(12)} recall ${row.found}/${row.gold}, ${row.predicted} entities found${row.missed.length ? `; missed ${row.missed.slice(0, 6).join(' | ')}` : ''}`,
        );
    }
    return;
  }
  const lines = loadCail();
  const pass = (): { n: number; ms: number } => {
    const t0 = performance.now();
    let n = 0;
    for (const l of lines) n += extractMentions(l.context).length;
    return { n, ms: performance.now() - t0 };
  };
  // The first pass loads jieba's dictionary (about a second); the second is the steady state.
  const cold = pass();
  const warm = pass();
  const chars = lines.reduce((a, l) => a + l.context.length, 0);
  console.log(`CAIL2021 xxcq sample: ${lines.length} sentences, ${chars} chars, ${warm.n} mentions`);
  console.log(
    `extractMentions: first pass ${cold.ms.toFixed(0)} ms (with jieba load), second pass ${warm.ms.toFixed(0)} ms = ${(chars / warm.ms).toFixed(0)} K chars/s`,
  );
  console.log('matching: overlap (a gold span is found when a prediction of the class shares a character); exact = same start and end');
  const scores = scoreCail(lines);
  console.log(['class'.padEnd(30), 'gold', 'pred', 'recall', 'precision', 'exact-recall'].join('\t'));
  for (const s of scores)
    console.log([s.name.padEnd(30), s.gold, s.predicted, pct(s.recall), pct(s.precision), pct(s.exactRecall)].join('\t'));
  const show = args.indexOf('--show');
  if (show >= 0) {
    const want = (args[show + 1] ?? '').toUpperCase();
    for (const s of scores.filter((x) => x.name.toUpperCase().startsWith(want))) {
      console.log(`\n== ${s.name}: misses (${s.misses.length})`);
      for (const m of s.misses.slice(0, 60)) console.log('  -', m);
      console.log(`== ${s.name}: not in gold (${s.falses.length})`);
      for (const m of s.falses.slice(0, 60)) console.log('  +', m);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchExtract(process.argv.slice(2));
}
