// The fixture generator's cases (its model and documents, without rendering) read
// as ideal facts: a clean case gives the rules of sections F–L no violation, and
// each defect the generator plants for them is found by the rule it names, with no
// other F–L violation.
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../fixtures/generator/prng.js';
import { buildCaseModel, DEFECT_RULES, type DefectRule } from '../../fixtures/generator/model.js';
import { buildDocuments } from '../../fixtures/generator/documents.js';
import { isoDate } from '../../fixtures/generator/clock.js';
import type { CaseFacts, FactDocument, FactEvent, FactPerson } from '../../../electron/core/rules/facts.js';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import { RULE_IDS } from '../../../electron/core/rules/ids.js';

const F_TO_L = RULE_IDS.slice(RULE_IDS.indexOf('INTERROGATION_TWO_INVESTIGATORS')) as readonly string[];
const rules = ALL_RULES.filter((r) => F_TO_L.includes(r.id));
const SEEDS = [11, 29, 47, 83, 101, 257];

function generatedFacts(seed: number, defects: DefectRule[], search = false): CaseFacts {
  const m = buildCaseModel({ seed, defects, search });
  const docs = buildDocuments(m, createRandom(seed).fork('documents'));
  const documents: FactDocument[] = [];
  const events: FactEvent[] = [];
  docs.forEach((d, i) => {
    const id = `d${i + 1}`;
    const text = d.blocks
      .map((b) => {
        const x = b as { text?: string; spans?: { text: string }[]; cells?: string[] };
        return x.text ?? x.spans?.map((s) => s.text).join('') ?? x.cells?.join(' ') ?? '';
      })
      .join('\n');
    documents.push({
      id,
      type: d.type,
      title: d.title,
      date: d.date,
      number: d.number,
      page: i + 1,
      pageTo: i + 1,
      text,
      fields: (d.fields ?? {}) as FactDocument['fields'],
    });
    d.events.forEach((e, k) =>
      events.push({
        id: `${id}e${k}`,
        type: e.type,
        start: e.start,
        end: e.end,
        subjects: e.subjects,
        actors: e.actors,
        place: e.place,
        document: id,
        page: i + 1,
        text: e.anchor ?? d.title,
      }),
    );
  });
  const persons: FactPerson[] = m.people.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role as FactPerson['role'],
    idNumber: p.idNumber,
    idValid: null,
    birthDate: isoDate(p.birth),
    gender: p.gender,
    aliases: [],
    attributes: {},
  }));
  return { caseId: `seed-${seed}`, charge: `${m.chargeName}罪`, reviewDate: '2026-01-01', documents, persons, events };
}

const violations = (facts: CaseFacts) =>
  [
    ...new Set(
      evaluateRules(facts, rules)
        .filter((f) => f.severity === 'violation')
        .map((f) => f.rule),
    ),
  ].sort();
const found = (facts: CaseFacts) => new Set(evaluateRules(facts, rules).map((f) => f.rule));

// The generator plants DOCUMENT_DATE_ORDER as ARREST_EXECUTION (a warrant dated before its approval).
const PLANTED: [DefectRule, string][] = DEFECT_RULES.filter((d) => F_TO_L.includes(d)).map((d) => [d, d]);
PLANTED.push(['ARREST_EXECUTION', 'DOCUMENT_DATE_ORDER']);
const WARNING_RULES = new Set([
  'STATEMENT_DUPLICATION',
  'IDENTITY_CONSISTENCY',
  'DOCUMENT_DATE_ORDER',
  'STATEMENT_RETRACTION',
  'STATEMENT_CONTRADICTION',
]);

describe('generated cases through the F–L rules', () => {
  it('a clean generated case has no F–L violation', () => {
    for (const seed of SEEDS) expect(violations(generatedFacts(seed, [])), `seed ${seed}`).toEqual([]);
  });

  it("a clean generated case with a search of the suspect's home has no F–L violation", () => {
    for (const seed of SEEDS) {
      const facts = generatedFacts(seed, [], true);
      expect(facts.documents.map((d) => d.type)).toEqual(expect.arrayContaining(['SEARCH_WARRANT', 'SEARCH_RECORD']));
      expect(violations(facts), `seed ${seed}`).toEqual([]);
    }
  });

  for (const [defect, rule] of PLANTED) {
    it(`${defect}: ${rule} finds it, and no other F–L rule fires a violation`, () => {
      for (const seed of SEEDS) {
        const facts = generatedFacts(seed, [defect]);
        expect(found(facts).has(rule), `seed ${seed}`).toBe(true);
        expect(violations(facts), `seed ${seed}`).toEqual(WARNING_RULES.has(rule) ? [] : [rule]);
      }
    });
  }
});
