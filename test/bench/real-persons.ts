// Persons in text written by others: CAIL2022 drug-case paragraphs (label Nh) and CAIL2021
// 起诉意见书 sentences (NHCS suspects, NHVI victims). Mentions are scored exactly (same start and
// end) and by overlap; names are also scored per paragraph (the set of distinct names).
import { readFileSync } from 'node:fs';
import { extractMentions } from '../../electron/core/extract/entities.js';
import { DATA_SETS } from '../support/shared-data.js';
import { loadCail } from './extract.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}
export interface LabelledText {
  id: string;
  text: string;
  gold: Span[];
  roles?: Map<string, string>;
}

export function loadDrugParagraphs(file = DATA_SETS.drug): LabelledText[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l, i) => {
      const j = JSON.parse(l) as {
        articleId: number;
        sentId: number;
        sentText: string;
        entityMentions: { start: number; end: number; text: string; label: string }[];
      };
      return {
        id: `${j.articleId}/${j.sentId}/${i}`,
        text: j.sentText,
        gold: j.entityMentions.filter((m) => m.label === 'Nh').map((m) => ({ start: m.start, end: m.end, text: m.text })),
      };
    });
}

export function loadTheftSentences(file = DATA_SETS.theft): LabelledText[] {
  return loadCail(file).map((l) => {
    const roles = new Map<string, string>();
    const gold: Span[] = [];
    for (const [label, role] of [
      ['NHCS', 'SUSPECT'],
      ['NHVI', 'VICTIM'],
    ] as const) {
      for (const s of l.gold[label] ?? []) {
        gold.push(s);
        roles.set(`${s.start}:${s.end}`, role);
      }
    }
    return { id: l.id, text: l.context, gold, roles };
  });
}

export interface PersonScore {
  texts: number;
  gold: number;
  predicted: number;
  exact: { recall: number; precision: number };
  overlap: { recall: number; precision: number };
  names: { recall: number; precision: number };
  /** Of gold mentions found exactly and labelled with a role, the share with the right role. */
  roles: { scored: number; right: number } | null;
  misses: string[];
  falses: string[];
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function scorePersons(texts: LabelledText[]): PersonScore {
  let gold = 0,
    predicted = 0,
    exactHit = 0,
    exactRight = 0,
    overlapHit = 0,
    overlapRight = 0;
  let nameGold = 0,
    namePred = 0,
    nameHit = 0,
    roleScored = 0,
    roleRight = 0;
  const misses: string[] = [];
  const falses: string[] = [];
  const around = (t: string, s: Span): string =>
    `${s.text}  ⟨${t.slice(Math.max(0, s.start - 14), s.start)}[${s.text}]${t.slice(s.end, s.end + 14)}⟩`;
  for (const t of texts) {
    const found = extractMentions(t.text).filter((m) => m.type === 'PERSON');
    gold += t.gold.length;
    predicted += found.length;
    for (const g of t.gold) {
      const same = found.find((p) => p.start === g.start && p.end === g.end);
      if (same) exactHit++;
      if (found.some((p) => overlaps(p, g))) overlapHit++;
      if (!same) misses.push(around(t.text, g));
      const role = t.roles?.get(`${g.start}:${g.end}`);
      if (same && role) {
        roleScored++;
        if (same.attrs?.role === role) roleRight++;
      }
    }
    for (const p of found) {
      if (t.gold.some((g) => g.start === p.start && g.end === p.end)) exactRight++;
      else falses.push(around(t.text, p));
      if (t.gold.some((g) => overlaps(p, g))) overlapRight++;
    }
    const gn = new Set(t.gold.map((g) => g.text));
    const pn = new Set(found.map((p) => p.text));
    nameGold += gn.size;
    namePred += pn.size;
    nameHit += [...pn].filter((n) => gn.has(n)).length;
  }
  const r = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    texts: texts.length,
    gold,
    predicted,
    exact: { recall: r(exactHit, gold), precision: r(exactRight, predicted) },
    overlap: { recall: r(overlapHit, gold), precision: r(overlapRight, predicted) },
    names: { recall: r(nameHit, nameGold), precision: r(nameHit, namePred) },
    roles: roleScored ? { scored: roleScored, right: roleRight } : null,
    misses,
    falses,
  };
}
