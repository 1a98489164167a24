// What the pipeline misreads on family b (another bureau's clerk), case by case: record
// header fields not read or read wrong, people who are not in the case or have the wrong
// role, events missed (grouped by the paper they are printed on), documents typed or cut
// wrong, identifiers, and the rule findings that follow. A worklist, not a score.
//   npm run bench -- misreads [--forms=all] [--clean=4] [--rules=A,B]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReviewJson } from '../../shared/review.js';
import { ALL_RULES } from '../../electron/core/rules/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { reviewFolder } from '../support/review-case.js';
import { scoreCase } from './case.js';
import { familyB } from './rules.js';

const RECORD_FIELDS = ['start', 'end', 'place', 'investigators', 'recorder', 'subject', 'session'] as const;

export interface Misread {
  kind: string;
  text: string;
}

const ext = (file: string) => file.replace(/^.*\./, '');

/** The misreads of a reviewed case, each with the kind it is tallied under. */
export function misreads(truth: CaseTruth, review: ReviewJson): Misread[] {
  const out: Misread[] = [];
  const push = (kind: string, text: string) => out.push({ kind, text });
  const s = scoreCase(truth, review);
  for (const rule of s.defects.planted) {
    const said = review.findings.filter((f) => f.rule === rule);
    // A rule whose worst outcome RULES.md makes a warning is found when it warns.
    const worst = ALL_RULES.find((r) => r.id === rule)?.severity ?? 'violation';
    if (!said.some((f) => f.severity === worst || f.severity === 'violation')) {
      push(
        `defect ${rule} ${said.length ? 'only as a warning' : 'missed'}`,
        `${truth.defects.find((d) => d.rule === rule)!.description}${said[0] ? ` — pipeline: ${said[0].message}` : ''}`,
      );
    }
  }
  for (const v of s.violations) push(`false violation ${v.replace(/:.*$/, '')}`, v);
  for (const w of s.documents.wrong) {
    const [, want, got] = /^(\S+) \S+ → (\S+)/.exec(w) ?? [];
    push(want === got ? `document ${want} cut at the wrong page` : `document ${want} typed ${got}`, w);
  }
  for (const d of truth.documents.filter((x) => x.fields?.start && (x.type === 'INTERROGATION_RECORD' || x.type === 'INQUIRY_RECORD'))) {
    const rd = review.documents.find((x) => x.file === d.file && x.pageFrom === d.pageFrom);
    if (!rd) continue;
    const got = (rd.fields ?? {}) as Record<string, unknown>;
    for (const k of RECORD_FIELDS) {
      const want = d.fields![k];
      if (want === undefined || want === null) continue;
      const norm = (v: unknown) =>
        Array.isArray(v) ? [...v].sort().join('、') : typeof v === 'string' && (k === 'start' || k === 'end') ? v.slice(0, 16) : String(v);
      const have = got[k];
      if (have === undefined || have === null || (Array.isArray(have) && have.length === 0))
        push(`record header ${k} not read (${ext(d.file)})`, `${d.title} ${d.file}:${d.pageFrom} (${norm(want)})`);
      else if (norm(have) !== norm(want))
        push(`record header ${k} wrong (${ext(d.file)})`, `${d.title} ${d.file}:${d.pageFrom} "${norm(have)}" ≠ "${norm(want)}"`);
    }
  }
  const roles = new Map(truth.people.map((p) => [p.name, p.role]));
  const persons = review.entities.filter((e) => e.type === 'PERSON');
  for (const e of persons) {
    const role = String(e.attributes.role ?? '?');
    const m = e.mentions[0];
    if (!roles.has(e.value)) push('person who is not in the case', `"${e.value}" (${role}) at ${m?.file ?? ''}:${m?.page ?? ''}`);
    else if (roles.get(e.value) !== role) push(`role ${roles.get(e.value)} read as ${role}`, e.value);
  }
  for (const p of truth.people) if (!persons.some((e) => e.value === p.name)) push(`person missed (${p.role})`, p.name);
  const minute = (x: string | null) => (x ? x.slice(0, 16) : '');
  for (const e of truth.events) {
    if (review.events.some((x) => x.type === e.type && minute(x.start) === minute(e.start))) continue;
    const d = truth.documents.find((x) => x.id === e.document)!;
    push(`event ${e.type}${e.basis === 'narrative' ? ' (narrative)' : ''} missed in ${d.title}`, `${e.start} ${d.file}:${e.page}`);
  }
  for (const x of s.identifierMisses) push(`identifier ${x.replace(/ \S+$/, '')}`, x);
  return out;
}

export async function benchMisreads(args: string[]): Promise<void> {
  const forms = (args.find((a) => a.startsWith('--forms='))?.slice(8) ?? 'text-only') as 'text-only' | 'all';
  const clean = Number(args.find((a) => a.startsWith('--clean='))?.slice(8) ?? 4);
  const only = args
    .find((a) => a.startsWith('--rules='))
    ?.slice(8)
    .split(',');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-misreads-'));
  const tally = new Map<string, number>();
  for (const c of familyB(forms, clean, only)) {
    const g = await c.make(out);
    const { review, service } = await reviewFolder(g.folder);
    await service.close();
    const lines = misreads(g.truth, review);
    console.log(`\n${c.label} (seed ${g.truth.seed}, ${g.folder})`);
    for (const l of lines) console.log(`  ${l.kind}: ${l.text}`);
    for (const l of lines) tally.set(l.kind, (tally.get(l.kind) ?? 0) + 1);
  }
  console.log(`\nmisreads by kind (forms: ${forms}):`);
  for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
}
