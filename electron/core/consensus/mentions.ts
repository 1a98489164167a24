// Person mentions read on OCR'd pages, checked against the names the rest of the case
// spells. A one-character slip of a known name becomes that name (the OCR reading is kept
// in attrs.ocrOriginal); a name nobody else mentions, whose role was only guessed from
// the damaged words around it, loses the guessed role rather than invent a suspect.
import type { Mention } from '../extract/entities.js';
import { oneCharOff, type CaseLexicon } from './lexicon.js';

export interface PageMentions {
  ocr: boolean;
  mentions: Mention[];
}

// Guesses from the words around a name, a repeat of one, a list's next item or a nickname are not a cue.
const UNCUED = new Set(['context', 'repeat', 'list', 'nickname']);
const CUED = (m: Mention): boolean => typeof m.attrs?.roleCue === 'string' && !UNCUED.has(m.attrs.roleCue);

/** Adds the case's person mentions to a lexicon: clean pages' all, OCR'd pages' only those a role cue introduced. */
export function addMentions(lexicon: CaseLexicon, pages: readonly PageMentions[]): void {
  for (const p of pages) {
    for (const m of p.mentions) {
      if (m.type !== 'PERSON') continue;
      if (!p.ocr || CUED(m))
        lexicon.add(m.value, typeof m.attrs?.function === 'string' ? m.attrs.function : String(m.attrs?.role ?? 'OTHER'), !p.ocr);
    }
  }
}

/** The known name an OCR'd mention most likely stands for: one slip, never in the surname. */
function nearest(lexicon: CaseLexicon, name: string): string | null {
  const hits = lexicon.names().filter((k) => {
    const e = lexicon.get(k);
    if (!e || (e.clean === 0 && e.ocr < 3) || !oneCharOff(name, k)) return false;
    // Same length: the surname must agree (周涛 the witness is not 胡涛 the suspect).
    if (k.length === name.length) return k[0] === name[0];
    // One longer: a glyph of the next word stuck on (罗芳性 → 罗芳).
    return name.length === k.length + 1 && name.startsWith(k);
  });
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

/** Corrects the person mentions of OCR'd pages in place; returns how many it changed. */
export function reconcileMentions(lexicon: CaseLexicon, pages: readonly PageMentions[]): { corrected: number; demoted: number } {
  let corrected = 0;
  let demoted = 0;
  for (const p of pages) {
    if (!p.ocr) continue;
    for (const m of p.mentions) {
      if (m.type !== 'PERSON' || m.value.includes('某')) continue;
      const e = lexicon.get(m.value);
      if (e && (e.clean > 0 || e.ocr >= 2)) continue;
      const to = nearest(lexicon, m.value);
      if (to) {
        m.attrs = { ...m.attrs, ocrOriginal: m.value, readingConfidence: lexicon.get(to)?.clean ? 0.9 : 0.7 };
        m.value = to;
        corrected++;
        continue;
      }
      if (!CUED(m) && m.attrs?.role !== 'OTHER' && Number(m.attrs?.roleStrength ?? 0) <= 1) {
        m.attrs = { ...m.attrs, role: 'OTHER', roleStrength: 0, guessedRole: m.attrs?.role, uncertain: true };
        demoted++;
      }
    }
  }
  return { corrected, demoted };
}
