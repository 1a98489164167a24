// A person's past (前科) as the file shows it: earlier convictions a narrative tells (曾因犯…罪被判处…),
// and the judgments of earlier cases the file carries. Shown on the person; never this case's custody.
import type { DocumentType } from '../../../shared/vocab.js';
import type { PriorConviction, RecordFields } from '../rules/facts.js';

const COURT_PAPERS: ReadonlySet<DocumentType> = new Set(['JUDGMENT', 'RULING']);
// Papers that tell the case rather than perform an act of it: their dates say nothing of when this case began.
const TELLING: ReadonlySet<DocumentType> = new Set([
  'PROSECUTION_OPINION',
  'ARREST_REQUEST',
  'DETENTION_REQUEST',
  'NARRATIVE',
  'INDICTMENT',
  'JUDGMENT',
  'RULING',
  'NON_PROSECUTION',
  'SENTENCING_RECOMMENDATION',
  'PLEA_AGREEMENT',
  'OTHER',
]);

interface Paper {
  id: string;
  type: DocumentType;
  date: string | null;
  fields?: RecordFields;
}

/**
 * A judgment or ruling of an earlier case in the file: signed before this case's own procedure began
 * (its first filing, summons, detention … by a paper of this file).
 */
export function earlierCasePapers(docs: readonly Paper[]): Set<string> {
  const own = docs
    .filter((d) => !TELLING.has(d.type) && d.date)
    .map((d) => d.date as string)
    .sort();
  const start = own[0];
  if (!start) return new Set();
  return new Set(docs.filter((d) => COURT_PAPERS.has(d.type) && d.date !== null && d.date < start).map((d) => d.id));
}

/** Every earlier conviction the file shows, each with the document that shows it. */
export function priorConvictions(docs: readonly Paper[]): PriorConviction[] {
  const earlier = earlierCasePapers(docs);
  const out: PriorConviction[] = [];
  const seen = new Set<string>();
  const add = (p: PriorConviction): void => {
    const key = `${p.person}|${p.date ?? ''}|${p.charge ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const d of docs) {
    if (earlier.has(d.id)) {
      for (const s of d.fields?.sentences ?? [])
        add({
          person: s.person,
          date: d.date,
          charge: s.charge,
          sentence: s.penalty,
          text: `被告人${s.person}犯${s.charge}，${s.penalty}`,
          document: d.id,
        });
      continue;
    }
    for (const p of d.fields?.priors ?? []) add({ ...p, document: d.id });
  }
  return out;
}
