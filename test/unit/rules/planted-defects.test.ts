// Each defect a case generator plants, put into the clean case one at a time: the
// rule for it fires a violation and no other A–E rule does.
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../electron/core/rules/facts.js';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import { cleanTheftCase } from './clean-case.js';

const A_TO_E = new Set([
  'CASE_INTAKE_RECORDS',
  'FILING_BEFORE_MEASURES',
  'SUMMONS_FORMALITIES',
  'SUMMONS_DURATION',
  'SUMMONS_SERIAL',
  'SUMMONS_PLACE_REST',
  'DETENTION_APPROVAL',
  'DETENTION_CUSTODY_24H',
  'DETENTION_FAMILY_NOTICE_24H',
  'DETENTION_INTERROGATION_24H',
  'ARREST_REQUEST_DEADLINE',
  'ARREST_REVIEW_7D',
  'NON_APPROVAL_RELEASE',
  'ARREST_EXECUTION',
  'ARREST_FAMILY_NOTICE_24H',
  'ARREST_INTERROGATION_24H',
  'CUSTODY_PERIOD',
  'BAIL_MAX_12M',
  'BAIL_FORMALITIES',
  'RSL_MAX_6M',
  'RSL_DESIGNATED_RESIDENCE',
  'MEASURE_EXPIRY',
]);
const RULES = ALL_RULES.filter((r) => A_TO_E.has(r.id));

function docOf(facts: CaseFacts, type: string, n = 0) {
  const doc = facts.documents.filter((d) => d.type === type)[n];
  if (!doc) throw new Error(`no ${type}`);
  return doc;
}
function eventsOf(facts: CaseFacts, docId: string) {
  return facts.events.filter((e) => e.document === docId);
}
function violations(facts: CaseFacts): string[] {
  return [
    ...new Set(
      evaluateRules(facts, RULES)
        .filter((f) => f.severity === 'violation')
        .map((f) => f.rule),
    ),
  ];
}

const DEFECTS: [string, (f: CaseFacts) => void][] = [
  [
    'DETENTION_FAMILY_NOTICE_24H',
    (f) => {
      const n = docOf(f, 'DETENTION_NOTICE');
      n.fields.notifiedAt = '2024-03-06T15:00:00+08:00';
      for (const e of eventsOf(f, n.id)) e.start = '2024-03-06T15:00:00+08:00';
    },
  ],
  [
    'DETENTION_INTERROGATION_24H',
    (f) => {
      const r = docOf(f, 'INTERROGATION_RECORD', 1);
      r.fields.start = '2024-03-07T09:00:00+08:00';
      r.fields.end = '2024-03-07T10:30:00+08:00';
      for (const e of eventsOf(f, r.id)) {
        e.start = r.fields.start;
        e.end = r.fields.end;
      }
    },
  ],
  [
    'DETENTION_CUSTODY_24H',
    (f) => {
      docOf(f, 'DETENTION_WARRANT').fields.custodyAt = '2024-03-06T14:00:00+08:00';
      for (const e of f.events.filter((x) => x.type === 'CUSTODY_TRANSFER')) e.start = '2024-03-06T14:00:00+08:00';
    },
  ],
  [
    'ARREST_REQUEST_DEADLINE',
    (f) => {
      const r = docOf(f, 'ARREST_REQUEST');
      r.date = '2024-03-12';
      r.fields.receivedAt = '2024-03-12';
      for (const e of eventsOf(f, r.id)) e.start = '2024-03-12';
    },
  ],
  [
    'ARREST_FAMILY_NOTICE_24H',
    (f) => {
      const n = docOf(f, 'ARREST_NOTICE');
      for (const e of eventsOf(f, n.id)) e.start = '2024-03-16T10:00:00+08:00';
    },
  ],
  [
    'ARREST_EXECUTION',
    (f) => {
      docOf(f, 'ARREST_WARRANT').date = '2024-03-13';
    },
  ],
  [
    'SUMMONS_DURATION',
    (f) => {
      const s = docOf(f, 'SUMMONS');
      s.fields.start = '2024-03-04T22:30:00+08:00';
      for (const e of eventsOf(f, s.id)) e.start = '2024-03-04T22:30:00+08:00';
    },
  ],
  [
    'FILING_BEFORE_MEASURES',
    (f) => {
      const c = docOf(f, 'CASE_FILING');
      c.date = '2024-03-06';
      for (const e of eventsOf(f, c.id)) e.start = '2024-03-06';
    },
  ],
];

describe('planted defects in a clean case', () => {
  it('the clean case has no violation', () => {
    expect(violations(cleanTheftCase())).toEqual([]);
  });
  for (const [rule, plant] of DEFECTS) {
    it(`${rule}: fires, and nothing else does`, () => {
      const facts = cleanTheftCase();
      plant(facts);
      expect(violations(facts)).toEqual([rule]);
    });
  }
});
