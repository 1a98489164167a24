// The handbook's real data sets (../shared/data beside the checkout). A fresh clone elsewhere has
// none: tests that read them skip with this reason, benches say so and stop.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');

export const DATA_SETS = {
  /** CAIL2021 theft: 300 labelled 起诉意见书 sentences. */
  theft: path.join(SHARED_DATA, 'cail2021-theft-ner/xxcq_small.sample300.jsonl'),
  /** CAIL2022 drug cases: 1,400 labelled fact paragraphs of judgments. */
  drug: path.join(SHARED_DATA, 'cail2022-drug-dev/train.jsonl'),
  /** JuDGE: 200 criminal judgments, full text. */
  judgments: path.join(SHARED_DATA, 'judge-judgments-dev/dev.judgments200.jsonl'),
  /** Silver custody events of the 200 judgments. */
  custodySilver: path.join(SHARED_DATA, 'judge-judgments-dev/dev.custody-silver.json'),
} as const;

export type DataSet = keyof typeof DATA_SETS;

/** null when the data set is here, else why a test that needs it is skipped. */
export function missingData(...sets: DataSet[]): string | null {
  const absent = sets.filter((s) => !existsSync(DATA_SETS[s]));
  return absent.length
    ? `skipped: ../shared/data is not beside this checkout (${absent.map((s) => path.relative(repoRoot, DATA_SETS[s])).join(', ')})`
    : null;
}
