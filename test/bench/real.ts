// `npm run bench -- real`: the review on text written by others (../shared/data): custody
// history read from real judgments against the silver events, and persons in real drug-case
// paragraphs and 起诉意见书 sentences. Options: --only=custody|drug|theft, --show (misses and
// false readings), --limit=N.
import { existsSync } from 'node:fs';
import { DATA_SETS, missingData } from '../support/shared-data.js';
import { loadDrugParagraphs, loadTheftSentences, scorePersons, type PersonScore } from './real-persons.js';
import { custodyDirect, custodyPipeline, loadJudgments, loadSilver, type CustodyScore } from './real-custody.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function printPersons(label: string, s: PersonScore, show: boolean): void {
  console.log(`${label}: ${s.texts} texts, ${s.gold} person mentions labelled, ${s.predicted} read`);
  console.log(`  mentions, exact span: recall ${pct(s.exact.recall)}  precision ${pct(s.exact.precision)}`);
  console.log(`  mentions, overlap:    recall ${pct(s.overlap.recall)}  precision ${pct(s.overlap.precision)}`);
  console.log(`  distinct names per text: recall ${pct(s.names.recall)}  precision ${pct(s.names.precision)}`);
  if (s.roles) console.log(`  role of the mentions found (suspect/victim): ${pct(s.roles.right / s.roles.scored)} of ${s.roles.scored}`);
  if (show) {
    console.log(`  misses (${s.misses.length}):`);
    for (const m of s.misses.slice(0, 80)) console.log(`    - ${m}`);
    console.log(`  read, not labelled (${s.falses.length}):`);
    for (const m of s.falses.slice(0, 80)) console.log(`    + ${m}`);
  }
}

function printCustody(label: string, s: CustodyScore, show: boolean, textOf: (id: string) => string): void {
  console.log(`${label}: ${s.judgments} judgments, ${s.silver} silver events, ${s.predicted} read`);
  console.log(
    `  custody events (type + date): recall ${pct(s.recall)}  precision ${pct(s.precision)}; judgments read exactly ${s.exactJudgments}/${s.judgments}`,
  );
  if (show) {
    for (const d of s.diffs.slice(0, 60)) {
      console.log(`  ${d.id}: missed [${d.missed.join(', ')}] extra [${d.extra.join(', ')}]`);
      const t = textOf(d.id);
      const at = Math.max(0, t.search(/被告人|犯罪嫌疑人/));
      console.log(`    ${t.slice(at, at + 360).replace(/\s+/g, ' ')}`);
    }
  }
}

export async function benchReal(args: string[]): Promise<void> {
  const only = args.find((a) => a.startsWith('--only='))?.slice(7);
  const show = args.includes('--show');
  const limit = Number(args.find((a) => a.startsWith('--limit='))?.slice(8) ?? 0) || undefined;
  const missing = missingData('judgments', 'custodySilver', 'drug', 'theft');
  if (missing && !Object.values(DATA_SETS).some((f) => existsSync(f))) {
    console.log(missing);
    return;
  }
  if (!only || only === 'custody') {
    const judgments = loadJudgments().slice(0, limit);
    const byId = new Map(judgments.map((j) => [j.id, j.text]));
    const silver = loadSilver();
    printCustody('JuDGE judgments, narrative reader', custodyDirect(judgments, silver), show, (id) => byId.get(id) ?? '');
    if (!args.includes('--no-pipeline')) {
      const p = await custodyPipeline(judgments, silver);
      printCustody(
        'JuDGE judgments, each a .txt case folder through the whole review (narrative events of review.json)',
        p,
        show,
        (id) => byId.get(id) ?? '',
      );
      console.log(
        `  catalogued as 判决书: ${p.catalogued}/${p.judgments}; measures attributed to a person of the case: ${p.attributed}/${p.narrated}; ${(p.msPerCase / 1000).toFixed(2)} s per case`,
      );
    }
  }
  if (!only || only === 'drug') {
    const texts = loadDrugParagraphs().slice(0, limit);
    printPersons('CAIL2022 drug paragraphs (Nh)', scorePersons(texts), show);
  }
  if (!only || only === 'theft') {
    const texts = loadTheftSentences().slice(0, limit);
    printPersons('CAIL2021 theft 起诉意见书 sentences (NHCS+NHVI)', scorePersons(texts), show);
  }
}
