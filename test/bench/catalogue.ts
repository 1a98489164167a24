// Catalogue and timeline benchmark: segmentation, document types, page ranges and
// procedural events against the generator's truth, on the truth's own page text
// (so OCR errors are measured elsewhere) and on a copy with ~3 % character damage.
// Usage: npm run bench -- catalogue [--cases N] [--damage 0.03] [--truth DIR] [--model logistic|bayes] [--show]
//   --truth DIR: read *.truth.json written by the generator instead of building
//   cases in memory (in memory, each case is printed as one scanned volume).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CataloguePage, DocumentDraft } from '../../electron/core/catalogue/segment.js';
import { segmentDocuments } from '../../electron/core/catalogue/segment.js';
import { classifyDocument, warmBodyModel } from '../../electron/core/catalogue/classify.js';
import { KNOWN_TITLES } from '../../electron/core/catalogue/titles.js';
import { orderCatalogue } from '../../electron/core/catalogue/order.js';
import type { TimelineDocument, TimelineEvent } from '../../electron/core/timeline/events.js';
import { extractEvents } from '../../electron/core/timeline/events.js';
import type { FileKind } from '../../shared/vocab.js';
import type { CaseTruth, TruthDocument, TruthEvent, TruthFile } from '../fixtures/generator/truth.js';
import type { Random } from '../fixtures/generator/prng.js';
import { createRandom } from '../fixtures/generator/prng.js';
import { buildCaseModel } from '../fixtures/generator/model.js';
import { buildDocuments } from '../fixtures/generator/documents.js';
import { layoutDocument } from '../fixtures/generator/layout.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A case printed as one scanned volume, with the truth the bench needs. */
export function volumeCase(seed: number): CaseTruth {
  const model = buildCaseModel({ seed, defects: [] });
  const rng = createRandom(seed).fork('documents');
  const specs = buildDocuments(model, rng);
  const stamps = { seal: (): string => '', fingerprint: (): string => '' };
  const file = `卷宗/第一卷.pdf`;
  const pages: TruthFile['pages'] = [];
  const documents: TruthDocument[] = [];
  const events: TruthEvent[] = [];
  specs.forEach((spec, i) => {
    const laid = layoutDocument(spec.blocks, stamps, rng.fork(`layout-${i}`), { footer: spec.footer === true });
    const from = pages.length + 1;
    for (const p of laid.pages) pages.push({ page: pages.length + 1, text: p.text, rotation: 0 });
    const id = `d${i + 1}`;
    documents.push({
      id,
      type: spec.type,
      title: spec.title,
      file,
      pageFrom: from,
      pageTo: pages.length,
      date: spec.date,
      number: spec.number,
    });
    for (const e of spec.events) {
      events.push({
        type: e.type,
        start: e.start,
        end: e.end,
        subjects: e.subjects,
        actors: e.actors,
        place: e.place,
        document: id,
        page: from,
      });
    }
  });
  return {
    seed,
    name: `bench-${seed}`,
    charge: model.chargeName,
    files: [{ path: file, form: 'volume', pages }],
    documents,
    people: model.people.map((p) => ({ id: p.id, name: p.name, role: p.role, gender: p.gender, birthDate: '', idNumber: p.idNumber })),
    entities: [],
    events,
    defects: [],
  };
}

/** *.truth.json in DIR and its subfolders (the generator's cache keeps one case per folder). */
function truthFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return truthFiles(full);
    return e.name.endsWith('.truth.json') ? [full] : [];
  });
}

function kindOf(f: TruthFile): FileKind {
  switch (f.form) {
    case 'image':
      return 'image';
    case 'tiff':
      return 'tiff';
    case 'docx':
      return 'docx';
    case 'txt':
      return 'txt';
    default:
      return 'pdf';
  }
}

const DAMAGE_CHARS = '口日十人木土己已巳未末';

/** OCR-like damage: a character dropped, misread or split by a space, at rate p. */
export function damage(text: string, p: number, rng: Random): string {
  let out = '';
  for (const ch of text) {
    if (!/[\u4e00-\u9fff]/.test(ch) || !rng.chance(p)) {
      out += ch;
      continue;
    }
    const r = rng.next();
    out += r < 0.34 ? '' : r < 0.67 ? rng.pick([...DAMAGE_CHARS]) : `${ch} `;
  }
  return out;
}

export function pagesOf(truth: CaseTruth, p: number, rng: Random): CataloguePage[] {
  const out: CataloguePage[] = [];
  truth.files.forEach((f, fileId) => {
    if (f.junk) return;
    for (const page of f.pages) {
      out.push({
        fileId,
        file: f.path,
        kind: kindOf(f),
        page: page.page,
        text: p > 0 ? damage(page.text, p, rng) : page.text,
        source: f.form === 'docx' ? 'docx' : f.form === 'txt' ? 'txt' : f.form === 'text-pdf' ? 'text-layer' : 'ocr',
        confidence: null,
      });
    }
  });
  return out;
}

interface Score {
  docs: number;
  typeAndRange: number;
  range: number;
  type: number;
  boundTruth: number;
  boundFound: number;
  boundRight: number;
  events: number;
  eventsFound: number;
  eventsPredicted: number;
  missedTypes: Map<string, number>;
  missedEvents: Map<string, number>;
  extraEvents: Map<string, number>;
  classifyMs: number;
}

function newScore(): Score {
  return {
    docs: 0,
    typeAndRange: 0,
    range: 0,
    type: 0,
    boundTruth: 0,
    boundFound: 0,
    boundRight: 0,
    events: 0,
    eventsFound: 0,
    eventsPredicted: 0,
    missedTypes: new Map(),
    missedEvents: new Map(),
    extraEvents: new Map(),
    classifyMs: 0,
  };
}

const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

function sameTime(a: string | null, b: string | null): boolean {
  if (!a || !b) return a === b;
  return a.length === 10 || b.length === 10
    ? a.slice(0, 10) === b.slice(0, 10) && a.length === b.length
    : a.slice(0, 16) === b.slice(0, 16);
}

function scoreCase(truth: CaseTruth, pages: CataloguePage[], s: Score, show: boolean): void {
  const t0 = performance.now();
  const drafts = segmentDocuments(pages);
  s.classifyMs += performance.now() - t0;
  const ordered = orderCatalogue(drafts);
  const key = (file: string, from: number, to: number): string => `${file}#${from}-${to}`;
  const byRange = new Map<string, DocumentDraft>(drafts.map((d) => [key(d.file, d.pageFrom, d.pageTo), d]));
  for (const t of truth.documents) {
    s.docs++;
    const d = byRange.get(key(t.file, t.pageFrom, t.pageTo));
    if (d) s.range++;
    if (d && d.type === t.type) {
      s.typeAndRange++;
      s.type++;
    } else {
      bump(s.missedTypes, `${t.type}${d ? `→${d.type}` : ' (range)'}`);
      if (show) console.log(`  miss ${t.id} ${t.type} ${t.file} p${t.pageFrom}-${t.pageTo}${d ? ` typed ${d.type} (${d.title})` : ''}`);
    }
  }
  // Boundaries inside multi-document files: the first page of each document but a file's first.
  const starts = (list: { file: string; pageFrom: number }[]): Set<string> =>
    new Set(list.filter((d) => d.pageFrom > 1).map((d) => `${d.file}#${d.pageFrom}`));
  const tb = starts(truth.documents);
  const pb = starts(drafts.filter((d) => !d.files));
  s.boundTruth += tb.size;
  s.boundFound += pb.size;
  for (const b of pb) if (tb.has(b)) s.boundRight++;
  if (show) for (const b of pb) if (!tb.has(b)) console.log(`  false boundary ${b}`);

  // Events from the catalogue as the pipeline would hand it over.
  const pageText = new Map(pages.map((p) => [`${p.file}#${p.page}`, p.text]));
  const tdocs: TimelineDocument[] = ordered.map((d, i) => {
    const pageTexts: { page: number; text: string }[] = [];
    if (d.files) d.files.forEach((f, j) => pageTexts.push({ page: j + 1, text: pageText.get(`${f}#1`) ?? '' }));
    else for (let p = d.pageFrom; p <= d.pageTo; p++) pageTexts.push({ page: p, text: pageText.get(`${d.file}#${p}`) ?? '' });
    return {
      id: `d${i + 1}`,
      type: d.type,
      page: d.pageFrom,
      pageTo: d.pageTo,
      date: d.date,
      text: pageTexts.map((p) => p.text).join('\n'),
      pageTexts,
      fields: d.fields,
    };
  });
  const persons = truth.people.map((p) => ({ id: p.id, name: p.name, role: p.role }));
  const events: TimelineEvent[] = extractEvents(tdocs, persons);
  s.eventsPredicted += events.length;
  const used = new Set<TimelineEvent>();
  for (const t of truth.events) {
    s.events++;
    const hit = events.find(
      (e) =>
        !used.has(e) && e.type === t.type && (sameTime(e.start, t.start) || (e.conflicts ?? []).some((c) => sameTime(c.start, t.start))),
    );
    if (hit) {
      used.add(hit);
      s.eventsFound++;
    } else {
      bump(s.missedEvents, t.type);
      if (show)
        console.log(
          `  missed event ${t.type} ${t.start} (${t.document}); got ${
            events
              .filter((e) => e.type === t.type)
              .map((e) => e.start)
              .join(', ') || 'none'
          }`,
        );
    }
  }
  for (const e of events) if (!used.has(e)) bump(s.extraEvents, e.type);
}

/** Types read from the body alone: every document with its title line blotted out. */
function bodyOnly(truth: CaseTruth, pages: CataloguePage[], tally: { n: number; right: number; misses: Map<string, number> }): void {
  const titles = KNOWN_TITLES.map((t) => t.title).sort((a, b) => b.length - a.length);
  for (const d of truth.documents) {
    if (d.type === 'OTHER') continue;
    const text = pages
      .filter((p) => p.file === d.file && p.page >= d.pageFrom && p.page <= d.pageTo)
      .map((p) => p.text)
      .join('\n');
    const lines = text.split('\n');
    const at = lines.findIndex((l, i) => i < 6 && titles.some((t) => l.replace(/\s/g, '').includes(t)));
    if (at >= 0) lines[at] = '■■■';
    const got = classifyDocument(lines.join('\n'), null).type;
    tally.n++;
    if (got === d.type) tally.right++;
    else bump(tally.misses, `${d.type}→${got}`);
  }
}

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`;
}

function report(label: string, s: Score, cases: number): void {
  console.log(`\n${label} (${cases} cases, ${s.docs} documents, ${s.events} events)`);
  console.log(`  type + page range right   ${pct(s.typeAndRange, s.docs)}   (${s.typeAndRange}/${s.docs})`);
  console.log(`  page range right          ${pct(s.range, s.docs)}`);
  console.log(`  type right (range right)  ${pct(s.type, s.range)}`);
  console.log(
    `  boundaries  precision ${pct(s.boundRight, s.boundFound)}  recall ${pct(s.boundRight, s.boundTruth)}  (${s.boundRight} right, ${s.boundFound} found, ${s.boundTruth} true)`,
  );
  console.log(
    `  events recall (type + minute) ${pct(s.eventsFound, s.events)}  (${s.eventsFound}/${s.events}); ${s.eventsPredicted} events extracted`,
  );
  console.log(`  segment+classify+fields: ${(s.classifyMs / Math.max(1, cases)).toFixed(0)} ms per case`);
  if (s.missedTypes.size) console.log(`  document misses: ${[...s.missedTypes].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  if (s.missedEvents.size) console.log(`  event misses: ${[...s.missedEvents].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  if (s.extraEvents.size) console.log(`  events not in the truth: ${[...s.extraEvents].map(([k, v]) => `${k}×${v}`).join(', ')}`);
}

export async function benchCatalogue(args: string[]): Promise<void> {
  const cases = Number(option(args, '--cases') ?? 20);
  const rate = Number(option(args, '--damage') ?? 0.03);
  const dir = option(args, '--truth');
  const show = args.includes('--show');
  const t0 = performance.now();
  const kind = option(args, '--model') === 'bayes' ? 'bayes' : 'logistic';
  warmBodyModel(kind);
  console.log(`${kind} body model trained in ${(performance.now() - t0).toFixed(0)} ms`);
  const truths: CaseTruth[] = dir
    ? truthFiles(dir).map((f) => JSON.parse(readFileSync(f, 'utf8')) as CaseTruth)
    : Array.from({ length: cases }, (_, i) => volumeCase(1000 + i));
  const clean = newScore();
  const damaged = newScore();
  const body = { n: 0, right: 0, misses: new Map<string, number>() };
  for (const truth of truths) {
    if (show) console.log(`case ${truth.name} (clean)`);
    scoreCase(truth, pagesOf(truth, 0, createRandom(truth.seed)), clean, show);
    bodyOnly(truth, pagesOf(truth, rate, createRandom(truth.seed).fork('damage')), body);
    if (rate > 0) {
      if (show) console.log(`case ${truth.name} (damaged)`);
      scoreCase(truth, pagesOf(truth, rate, createRandom(truth.seed).fork('damage')), damaged, show);
    }
  }
  report('truth page text', clean, truths.length);
  if (rate > 0) report(`with ${(rate * 100).toFixed(1)} % character damage`, damaged, truths.length);
  console.log(
    `\ntype from the body alone (title line blotted out${rate > 0 ? `, ${(rate * 100).toFixed(1)} % damage` : ''}): ${pct(body.right, body.n)} (${body.right}/${body.n})`,
  );
  if (body.misses.size) console.log(`  misses: ${[...body.misses].map(([k, v]) => `${k}×${v}`).join(', ')}`);
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked.endsWith(`${path.sep}catalogue.ts`) && invoked.includes(`${path.sep}bench${path.sep}`)) {
  void benchCatalogue(process.argv.slice(2));
}
