// Mentions of the entities of DESIGN.md §5 in one page of text. Validators decide
// what a digit run is (an ID that fails its checksum is still an ID, recorded as
// invalid; a 16–19-digit run that fails Luhn is a card only when labelled one).
// This file is the driver: it runs the extractors of identifiers.ts, addresses.ts,
// organisations.ts and persons.ts over a page in the order they depend on each other.
import { findAmounts } from './amount.js';
import { findLawArticles } from './law.js';
import { findCompoundSurnameNames, findUnmarkedNames, readName } from './names.js';
import { findMaskedNames } from './masked-names.js';
import { Words, segment } from './jieba-words.js';
import { foldDigits } from './validate.js';
import { overlaps, push } from './mention.js';
import type { Mention } from './mention.js';
import { accountMentions, caseNumberMentions, digitMentions, identifierOwners, plateMentions } from './identifiers.js';
import { addressMentions, joinWrappedLines } from './addresses.js';
import { orgMentions } from './organisations.js';
import { KIN_BRACKET, guessRole, inDocumentNumber, listHits, nicknameHits, personAttributes, personHits } from './persons.js';
import type { PersonHit } from './persons.js';

export type { Mention };

export interface ExtractContext {
  /** The document's date: resolves year-less birth dates and relative dates. */
  refDate?: string;
}

export function extractMentions(text: string, ctx?: ExtractContext): Mention[] {
  // Fold full-width digits and letters once; the mapping is one code unit to one, so offsets hold.
  const s = foldDigits(text).replace(/：/g, ':').replace(/：/g, ':');
  const out: Mention[] = [];
  digitMentions(s, text, out);
  plateMentions(s, text, out);
  accountMentions(s, text, out);
  caseNumberMentions(s, text, out);
  for (const a of findAmounts(text)) {
    if (out.some((m) => overlaps(m, a) && (m.type === 'PHONE' || m.type === 'ID_NUMBER' || m.type === 'BANK_CARD'))) continue;
    push(out, text, 'AMOUNT', a.start, a.end, String(a.value), undefined, a.approx ? { approx: true } : {});
  }
  for (const l of findLawArticles(text)) {
    push(out, text, 'LAW_ARTICLE', l.start, l.end, l.normalised, undefined, {
      law: l.law,
      article: l.article,
      ...(l.sub ? { sub: l.sub } : {}),
      ...(l.clause ? { clause: l.clause } : {}),
      ...(l.item ? { item: l.item } : {}),
    });
  }
  orgMentions(s, text, out);

  const tokens = segment(s);
  const words = new Words(tokens, s.length);
  const hits = personHits(s, words);
  const known = new Map<string, PersonHit>();
  for (const h of hits) {
    const prev = known.get(h.name);
    if (!prev || prev.strength < h.strength) known.set(h.name, h);
  }
  const persons: PersonHit[] = [...hits];
  const covered = (st: number, en: number): boolean => persons.some((p) => overlaps(p, { start: st, end: en }));
  for (const m of findMaskedNames(s, words)) {
    if (covered(m.start, m.end)) continue;
    const k = known.get(m.name);
    if (k) persons.push({ ...m, role: k.role, strength: 1, cue: 'repeat' });
    else persons.push({ ...m, ...guessRole(s, m.start, m.end), cue: 'context' });
  }
  // A name followed by its particulars ("的周家乐（性别男", "王五，男，") is a person whatever precedes it.
  for (const m of s.matchAll(/(?=[（(]\s?性别|[（(][男女][，,）)]|[，,]\s?[男女][，,。；;）)])/g)) {
    const e = m.index;
    for (const len of [4, 3, 2]) {
      const st = e - len;
      if (st < 0 || covered(st, e)) continue;
      const nm = readName(s, st, { strict: true, words });
      if (!nm || nm.end !== e) continue;
      const k = known.get(nm.name);
      persons.push({
        start: st,
        end: e,
        name: nm.name,
        ...(k ? { role: k.role, strength: 1, cue: 'repeat' } : { ...guessRole(s, st, e), cue: 'context' }),
      });
      break;
    }
  }
  for (const m of [...findUnmarkedNames(s, tokens), ...findCompoundSurnameNames(s, words)]) {
    if (covered(m.start, m.end)) continue;
    const k = known.get(m.name);
    if (k) persons.push({ ...m, role: k.role, strength: 1, cue: 'repeat' });
    else persons.push({ ...m, ...guessRole(s, m.start, m.end), cue: 'context' });
  }
  nicknameHits(s, persons, known);
  listHits(s, persons, words);
  // Every other occurrence of a name found once: 张三 … 张三说. It inherits a role
  // introduced by a cue; otherwise the words around it are the only evidence.
  const names = new Set(persons.filter((p) => !/[某Xx×*＊]/.test(p.name) && p.cue !== 'nickname').map((p) => p.name));
  for (const name of names) {
    const h = known.get(name);
    let k = s.indexOf(name);
    while (k >= 0) {
      // A name a cue introduced outweighs a reading jieba guessed over the same characters (张开|刚 where 被告人张开刚 was said).
      if (h && name.length >= 3) {
        for (let j = persons.length - 1; j >= 0; j--) {
          const o = persons[j];
          if (o && o.cue === 'context' && overlaps(o, { start: k, end: k + name.length }) && !(o.start === k && o.end === k + name.length))
            persons.splice(j, 1);
        }
      }
      if (!covered(k, k + name.length)) {
        if (h)
          persons.push({
            start: k,
            end: k + name.length,
            name,
            role: h.role,
            strength: 1,
            cue: 'repeat',
            ...(h.label ? { label: h.label } : {}),
          });
        else persons.push({ start: k, end: k + name.length, name, ...guessRole(s, k, k + name.length), cue: 'context' });
      }
      k = s.indexOf(name, k + name.length);
    }
  }
  // Addresses after persons so that a name is never read as a place.
  const taken = new Set<number>();
  for (const p of persons) for (let k = p.start; k < p.end; k++) taken.add(k);
  addressMentions(s, text, out, taken);

  const soft = joinWrappedLines(s);
  // 柯公（刑）扣字…: an agency abbreviation inside a document number is no one's name.
  const numbers = out.filter((m) => m.type === 'CASE_NUMBER');
  for (let k = persons.length - 1; k >= 0; k--) {
    const p = persons[k];
    if (p && (numbers.some((n) => overlaps(n, p)) || inDocumentNumber(s, p))) persons.splice(k, 1);
  }
  persons.sort((a, b) => a.start - b.start);
  // 杜菲欣（系被拘留人何山之母）: the text says whose relative the person is.
  for (const p of persons) {
    if (p.strength < 3 && KIN_BRACKET.test(s.slice(p.end, p.end + 30))) Object.assign(p, { role: 'FAMILY', strength: 3, cue: 'kinship' });
  }
  // A list shares its head's role: "郑某甲、李某某、周某甲退赔" / "被害人邓某某、洪某某".
  for (let k = 1; k < persons.length; k++) {
    const a = persons[k - 1];
    const b = persons[k];
    if (!a || !b || b.strength >= a.strength || a.role === 'OTHER') continue;
    if (/^(、|和|与|及|同)$/.test(s.slice(a.end, b.start))) {
      b.role = a.role;
      b.strength = Math.max(b.strength, a.strength - 1);
    }
  }
  const personMentions: Mention[] = [];
  for (const p of persons) {
    const attrs: Record<string, unknown> = { role: p.role, roleStrength: p.strength, roleCue: p.cue };
    if (p.label) attrs.function = p.label;
    if (/[某Xx×*＊]/.test(p.name)) attrs.masked = true;
    if (p.cue === 'nickname') attrs.nickname = true;
    if (p.aliasOf) attrs.aliasOf = p.aliasOf;
    // The characters around the name: the case's other pages may show that a line's wrap or a
    // guessed boundary cut the name short or ran it on (resolve.ts, settleNameEdges).
    attrs.textBefore = text.slice(Math.max(0, p.start - 3), p.start);
    attrs.textAfter = text.slice(p.end, p.end + 10);
    Object.assign(attrs, personAttributes(soft, p.end, out, ctx?.refDate, p.name));
    push(out, text, 'PERSON', p.start, p.end, p.name, undefined, attrs);
    personMentions.push(out[out.length - 1] as Mention);
  }
  identifierOwners(s, out, personMentions);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}
