// PSR 205; SPC 87, 93: a record writes down what this person said. Answer passages
// shared near-verbatim between different people's statements (or repeated word for
// word across one suspect's records), another person's name or sex left in a
// record, or more text than the session could have produced, point to copying.
import type { CaseFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { finding } from '../rule.js';
import { ageOn } from '../../../../shared/case-time.js';
import { genderOf, namesOf } from '../records/persons.js';
import type { Passage } from '../../statements/passages.js';
import { answerPassages, containment, jaccard, normalise, pageAt, shingles } from '../../statements/passages.js';
import type { Session } from '../records/sessions.js';
import { hasInterval, sessionsOf, subjectKey } from '../records/sessions.js';
import { escapeRe } from '../records/wording.js';

const N = 5;
/** A passage shorter than this (normalised characters) is too common to prove copying. */
const MIN_PASSAGE = 20;
const COPIED = 0.8;
/** Copied characters, in total, before two records are reported. */
const MIN_COPIED = 40;
// One suspect retelling the same story is expected; word-for-word repetition of long passages is not.
const SAME_PERSON_COPIED = 0.92;
const SAME_PERSON_MIN = 100;
/** Characters a recorder can take down per minute of questioning, generously. */
const MAX_CHARS_PER_MINUTE = 120;
const MIN_TEXT_FOR_RATE = 800;

interface Prepared {
  s: Session;
  passages: (Passage & { sh: Set<string> })[];
  all: Set<string>;
}

function prepare(s: Session): Prepared {
  const passages = answerPassages(s.doc).map((p) => ({ ...p, sh: shingles(p.norm, N) }));
  const all = new Set<string>();
  for (const p of passages) for (const x of p.sh) all.add(x);
  return { s, passages, all };
}

function who(s: Session): string {
  return s.subjectName ?? s.doc.title;
}

function clip(text: string, n = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

function leftovers(facts: CaseFacts, s: Session): RuleFinding[] {
  const out: RuleFinding[] = [];
  const text = s.doc.text;
  const subject = s.subjectId ? facts.persons.find((p) => p.id === s.subjectId) : undefined;
  const own = subject ? namesOf(subject) : s.subjectName ? [s.subjectName] : [];
  if (own.length === 0) return out;
  for (const other of facts.persons) {
    if (other.id === s.subjectId || other.role === 'OFFICER') continue;
    for (const name of namesOf(other)) {
      if (name.length < 2 || own.includes(name) || own.some((o) => o.includes(name))) continue;
      const m = new RegExp(`(?:我叫|我的名字叫|本人姓名|姓名[：:]\\s*|被(?:讯|询)问人[：:]\\s*)${escapeRe(name)}`).exec(text);
      if (!m) continue;
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${s.doc.title}（第${pageAt(s.doc, m.index)}页）是对${own[0]}的笔录，却写有“${m[0]}”——他人姓名留在笔录中，疑似套用他人笔录`,
            en: `${s.doc.title} (p. ${pageAt(s.doc, m.index)}) records ${own[0]} but reads "${m[0]}": another person's name left in the text, a sign of a copied record`,
          },
          [{ document: s.doc.id, page: pageAt(s.doc, m.index), text: text.slice(Math.max(0, m.index - 10), m.index + m[0].length + 10) }],
          [s.doc.id, 'name', other.id],
        ),
      );
    }
  }
  const sexRe = /性别[：:]?\s*(男|女)/.exec(text);
  const sex = subject ? genderOf(subject) : null;
  if (sexRe && sex && sexRe[1] !== sex) {
    out.push(
      finding(
        rule,
        'warning',
        {
          zh: `${s.doc.title}（第${pageAt(s.doc, sexRe.index)}页）写明性别“${sexRe[1]}”，而${own[0]}为${sex}性`,
          en: `${s.doc.title} (p. ${pageAt(s.doc, sexRe.index)}) gives the sex as ${sexRe[1]}, but ${own[0]} is ${sex === '男' ? 'male' : 'female'}`,
        },
        [{ document: s.doc.id, page: pageAt(s.doc, sexRe.index), text: text.slice(Math.max(0, sexRe.index - 10), sexRe.index + 14) }],
        [s.doc.id, 'sex'],
      ),
    );
  }
  const ageRe = /年龄[：:]?\s*(\d{1,3})\s*岁?/.exec(text);
  const birth = subject?.birthDate ?? null;
  const date = s.start?.date ?? s.doc.date;
  if (ageRe && birth && date) {
    const age = ageOn(birth, date);
    const written = Number(ageRe[1]);
    // A nominal age (虚岁) is one more than the full years: only a larger gap is a slip.
    if (age !== null && Math.abs(written - age) > 1) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${s.doc.title}（第${pageAt(s.doc, ageRe.index)}页）写明年龄 ${written} 岁，而${own[0]}（出生 ${birth}）于 ${date} 为 ${age} 周岁`,
            en: `${s.doc.title} (p. ${pageAt(s.doc, ageRe.index)}) gives the age as ${written}, but ${own[0]} (born ${birth}) was ${age} on ${date}`,
          },
          [{ document: s.doc.id, page: pageAt(s.doc, ageRe.index), text: text.slice(Math.max(0, ageRe.index - 10), ageRe.index + 14) }],
          [s.doc.id, 'age'],
        ),
      );
    }
  }
  return out;
}

function tooLong(s: Session): RuleFinding | null {
  if (!hasInterval(s)) return null;
  const minutes = Math.round((s.end.ms - s.start.ms) / 60_000);
  const chars = normalise(s.doc.text).length;
  if (minutes <= 0 || chars < MIN_TEXT_FOR_RATE || chars / minutes <= MAX_CHARS_PER_MINUTE) return null;
  return finding(
    rule,
    'warning',
    {
      zh: `${s.doc.title}（第${s.doc.page}–${s.doc.pageTo}页，${who(s)}）共约 ${chars} 字，而${s.kind === 'interrogation' ? '讯问' : '询问'}仅 ${minutes} 分钟（每分钟约 ${Math.round(chars / minutes)} 字 > ${MAX_CHARS_PER_MINUTE}），篇幅与时长不相称`,
      en: `${s.doc.title} (pp. ${s.doc.page}–${s.doc.pageTo}, ${who(s)}) holds about ${chars} characters for a ${minutes}-minute session (${Math.round(chars / minutes)}/min > ${MAX_CHARS_PER_MINUTE}): implausibly long`,
    },
    [{ document: s.doc.id, page: s.doc.page, text: s.doc.title }],
    [s.doc.id, 'length'],
  );
}

export const statementDuplication: Rule = {
  id: 'STATEMENT_DUPLICATION',
  title: { zh: '笔录内容雷同', en: 'Duplicated statements' },
  citation: '《公安机关办理刑事案件程序规定》第二百零五条；最高法解释第八十七条、第九十三条',
  severity: 'warning',
  needs: ['讯问/询问笔录全文'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const prepared = sessionsOf(facts, 'interrogation', 'inquiry').map(prepare);
    // Shingle → records holding it: each passage is compared with every other record in one pass.
    const holders = new Map<string, number[]>();
    prepared.forEach((r, i) => {
      for (const x of r.all) {
        const list = holders.get(x);
        if (list) list.push(i);
        else holders.set(x, [i]);
      }
    });
    // copied[i][j]: passages of record i found in record j, with their containment.
    const copied = prepared.map(() => new Map<number, (Passage & { c: number })[]>());
    prepared.forEach((r, i) => {
      for (const p of r.passages) {
        if (p.norm.length < MIN_PASSAGE) continue;
        const hits = new Map<number, number>();
        for (const x of p.sh) for (const j of holders.get(x) ?? []) if (j !== i) hits.set(j, (hits.get(j) ?? 0) + 1);
        for (const [j, n] of hits) {
          const c = n / p.sh.size;
          if (c >= COPIED) copied[i]!.set(j, [...(copied[i]!.get(j) ?? []), { ...p, c }]);
        }
      }
    });
    for (let i = 0; i < prepared.length; i++) {
      for (let j = i + 1; j < prepared.length; j++) {
        const ka = subjectKey(prepared[i]!.s);
        const samePerson = !!ka && ka === subjectKey(prepared[j]!.s);
        if (samePerson && (prepared[i]!.s.kind !== 'interrogation' || prepared[j]!.s.kind !== 'interrogation')) continue;
        const threshold = samePerson ? SAME_PERSON_COPIED : COPIED;
        const minTotal = samePerson ? SAME_PERSON_MIN : MIN_COPIED;
        // Either record may be the copy: report the direction that shares more.
        const ways = [
          [i, j],
          [j, i],
        ]
          .map(([x, y]) => {
            const list = (copied[x!]!.get(y!) ?? []).filter((p) => p.c >= threshold);
            return { from: prepared[x!]!, into: prepared[y!]!, list, total: list.reduce((n, p) => n + p.norm.length, 0) };
          })
          .sort((u, v) => v.total - u.total);
        const best = ways[0]!;
        if (best.total < minTotal) continue;
        const a = best.from;
        const b = best.into;
        const fromA = best.list;
        const total = best.total;
        const longest = [...fromA].sort((x, y) => y.norm.length - x.norm.length)[0]!;
        const probe = longest.norm.slice(0, Math.min(12, longest.norm.length));
        const inB =
          b.passages.find((p) => p.norm.includes(probe)) ?? b.passages.find((p) => containment(shingles(longest.norm, N), p.sh) > 0.5);
        const sim = jaccard(a.all, b.all);
        const pct = (x: number) => `${Math.round(x * 100)}%`;
        const relation = samePerson
          ? { zh: `${who(a.s)}的两次讯问笔录`, en: `two interrogation records of ${who(a.s)}` }
          : { zh: `${who(a.s)}与${who(b.s)}的笔录`, en: `the statements of ${who(a.s)} and ${who(b.s)}` };
        const [first, second] = a.s.doc.id < b.s.doc.id ? [a.s.doc.id, b.s.doc.id] : [b.s.doc.id, a.s.doc.id];
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${relation.zh}存在雷同：${a.s.doc.title}（第${pageAt(a.s.doc, longest.offset)}页）有 ${fromA.length} 段回答（共 ${total} 字）与${b.s.doc.title}（第${b.s.doc.page}页起）重合 ≥ ${pct(threshold)}，整体相似度 ${pct(sim)}；如“${clip(longest.raw)}”`,
              en: `${relation.en} overlap: ${fromA.length} answer passage(s) (${total} characters) of ${a.s.doc.title} (p. ${pageAt(a.s.doc, longest.offset)}) reappear in ${b.s.doc.title} (from p. ${b.s.doc.page}) at ≥ ${pct(threshold)}; overall similarity ${pct(sim)}`,
            },
            [
              { document: a.s.doc.id, page: pageAt(a.s.doc, longest.offset), text: clip(longest.raw, 120) },
              inB
                ? { document: b.s.doc.id, page: pageAt(b.s.doc, inB.offset), text: clip(inB.raw, 120) }
                : { document: b.s.doc.id, page: b.s.doc.page, text: b.s.doc.title },
            ],
            [first, second],
          ),
        );
      }
    }
    for (const p of prepared) {
      out.push(...leftovers(facts, p.s));
      const long = tooLong(p.s);
      if (long) out.push(long);
    }
    return out;
  },
};

const rule = statementDuplication;
