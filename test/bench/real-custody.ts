// Custody history from real judgments (JuDGE dev set) against the silver events: each judgment's
// multiset of (type, date) for the types the silver knows, read by the narrative reader directly
// or through the whole review of the judgment as a .txt case folder (--pipeline).
import { readFileSync } from 'node:fs';
import { readCustodyHistory } from '../../electron/core/narrative/custody.js';
import { DATA_SETS } from '../support/shared-data.js';

export interface Judgment {
  id: string;
  text: string;
}
export type SilverEvent = [type: string, date: string];

export const SILVER_TYPES = new Set(['DETENTION', 'ARREST', 'ARREST_APPROVED', 'BAIL', 'RESIDENTIAL_SURVEILLANCE']);

export function loadJudgments(file = DATA_SETS.judgments): Judgment[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const j = JSON.parse(l) as { text_id: string; fd: string };
      return { id: j.text_id, text: j.fd };
    });
}

export function loadSilver(file = DATA_SETS.custodySilver): Map<string, SilverEvent[]> {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { text_id: string; events: SilverEvent[] }[];
  return new Map(rows.map((r) => [r.text_id, r.events]));
}

export interface CustodyScore {
  judgments: number;
  silver: number;
  predicted: number;
  matched: number;
  recall: number;
  precision: number;
  /** Judgments whose events all match, none extra. */
  exactJudgments: number;
  diffs: { id: string; missed: string[]; extra: string[] }[];
}

/**
 * The silver lists each judgment's distinct (type, date) pairs — two defendants detained the same
 * day count once — so each judgment's reading is compared as a set.
 */
export function scoreCustody(items: { id: string; silver: SilverEvent[]; predicted: SilverEvent[] }[]): CustodyScore {
  let silver = 0,
    predicted = 0,
    matched = 0,
    exact = 0;
  const diffs: CustodyScore['diffs'] = [];
  for (const it of items) {
    const want = [...new Set(it.silver.map(([t, d]) => `${t} ${d}`))];
    const got = [...new Set(it.predicted.filter(([t]) => SILVER_TYPES.has(t)).map(([t, d]) => `${t} ${d.slice(0, 10)}`))];
    silver += want.length;
    predicted += got.length;
    const pool = [...got];
    const missed: string[] = [];
    for (const w of want) {
      const k = pool.indexOf(w);
      if (k >= 0) {
        pool.splice(k, 1);
        matched++;
      } else missed.push(w);
    }
    if (missed.length === 0 && pool.length === 0) exact++;
    else diffs.push({ id: it.id, missed, extra: pool });
  }
  return {
    judgments: items.length,
    silver,
    predicted,
    matched,
    recall: silver ? matched / silver : 1,
    precision: predicted ? matched / predicted : 1,
    exactJudgments: exact,
    diffs,
  };
}

/** The narrative reader alone, on each judgment's full text. */
export function custodyDirect(judgments: Judgment[], silver: Map<string, SilverEvent[]>): CustodyScore {
  return scoreCustody(
    judgments.map((j) => ({
      id: j.id,
      silver: silver.get(j.id) ?? [],
      predicted: readCustodyHistory(j.text).measures.map((m) => [m.type, m.date] as SilverEvent),
    })),
  );
}

/**
 * The whole review on each judgment saved as a .txt case folder (as the measure of issue 12 does):
 * the narrative events of review.json, and whether the judgment was catalogued as one.
 */
export async function custodyPipeline(
  judgments: Judgment[],
  silver: Map<string, SilverEvent[]>,
): Promise<CustodyScore & { catalogued: number; msPerCase: number; attributed: number; narrated: number }> {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createService } = await import('../../electron/core/service.js');
  const { reviewFolder } = await import('../support/review-case.js');
  const root = mkdtempSync(path.join(os.tmpdir(), 'cr-judgments-'));
  const service = createService({ dbPath: path.join(root, 'cases.db') });
  const items: { id: string; silver: SilverEvent[]; predicted: SilverEvent[] }[] = [];
  let catalogued = 0;
  let narrated = 0;
  let attributed = 0;
  const t0 = performance.now();
  try {
    for (const j of judgments) {
      const folder = path.join(root, j.id);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, '判决书.txt'), j.text);
      const { review } = await reviewFolder(folder, { service });
      if (review.documents.some((d) => d.type === 'JUDGMENT')) catalogued++;
      // Each measure is some defendant's: attributed to a person entity of the case.
      const told = review.events.filter((e) => e.basis === 'narrative' && SILVER_TYPES.has(e.type));
      narrated += told.length;
      attributed += told.filter((e) => e.subjects.some((s) => review.entities.some((x) => x.id === s && x.type === 'PERSON'))).length;
      items.push({
        id: j.id,
        silver: silver.get(j.id) ?? [],
        predicted: review.events.filter((e) => e.basis === 'narrative' && e.start).map((e) => [e.type, e.start as string] as SilverEvent),
      });
    }
  } finally {
    await service.close();
  }
  return { ...scoreCustody(items), catalogued, narrated, attributed, msPerCase: (performance.now() - t0) / Math.max(1, judgments.length) };
}
