// Where a rule still reads a document's printed words (issue 17.1). Facts — times, people, places, amounts,
// periods — come from the catalogue's table of the forms' fields. What is left here is a rule about the
// wording itself (does the record say the guardian was present, the notice give the jail, the witness sign),
// a check that a paper is readable at all, or the words quoted as evidence. Each file says which; a new
// reader of raw text fails this test until it is either moved into the catalogue or given its reason here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const RULES = path.resolve(__dirname, '../../../electron/core/rules');

type Reason = 'wording' | 'evidence' | 'readable';

const READS_TEXT: Record<string, Reason[]> = {
  'rule.ts': ['evidence'],
  'occurrences.ts': ['wording'], // an act told in a paper's own sentence (除…以外 struck first)
  'records/custody.ts': ['wording'],
  'arrest/family-notice-24h.ts': ['wording'],
  'detention/family-notice-24h.ts': ['wording', 'readable'],
  'defence/counsel-opinion-notice.ts': ['wording'],
  'evidence/acts.ts': ['wording'],
  'evidence/appraisal-notice.ts': ['wording'], // the opinion a notice cites by its number
  'evidence/lineup-procedure.ts': ['wording'],
  'evidence/scene-examination.ts': ['wording'],
  'evidence/search-procedure.ts': ['wording', 'evidence'],
  'evidence/seizure-list.ts': ['wording', 'evidence'],
  'evidence/witness-eligibility.ts': ['wording', 'evidence'],
  'intake/filing-before-measures.ts': ['wording'],
  'integrity/identity-consistency.ts': ['wording'], // a birth date written in a record against the ID
  'integrity/required-documents.ts': ['wording'],
  'integrity/statement-duplication.ts': ['wording'], // about the text itself
  'interrogation/audio-video-recording.ts': ['wording'],
  'interrogation/interpreter-required.ts': ['wording', 'evidence'],
  'interrogation/interrogation-location.ts': ['wording', 'evidence'],
  'interrogation/interrogation-two-investigators.ts': ['wording', 'evidence'],
  'interrogation/mandatory-legal-aid.ts': ['wording'],
  'interrogation/record-confirmation.ts': ['wording', 'readable', 'evidence'], // about the text itself
  'interrogation/rights-notice.ts': ['wording'],
  'measures/bail-formalities.ts': ['readable'],
  'measures/rsl-designated-residence.ts': ['wording'],
  'minor/minor-female-staff.ts': ['wording', 'evidence'],
  'minor/minor-guardian-present.ts': ['wording', 'evidence'],
  'other/special-status-persons.ts': ['wording'],
  'summons/formalities.ts': ['wording', 'readable'],
  'witness/witness-notice-record.ts': ['wording', 'readable', 'evidence'],
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('rules read facts; raw text only for its wording', () => {
  const readers = files(RULES)
    .filter((f) => /\b(?:doc|d|s\.doc|n\.doc|o\.doc|first\.doc)\.text\b/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => path.relative(RULES, f).split(path.sep).join('/'))
    .sort();

  it('every rule that reads a paper’s text has its reason listed, and the list names no one who stopped', () => {
    expect(readers).toEqual(Object.keys(READS_TEXT).sort());
  });

  it('the fields the catalogue now reads are not read again from the text', () => {
    for (const f of ['other/tech-and-freeze-periods.ts', 'measures/bail-formalities.ts', 'measures/rsl-designated-residence.ts']) {
      const src = fs.readFileSync(path.join(RULES, f), 'utf8');
      expect(src, f).not.toMatch(/保证人\[|保证金\[|指定居所\[|自\\s\*\(\\d\{4\}/);
    }
  });
});
