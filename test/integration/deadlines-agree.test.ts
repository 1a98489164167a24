// The timeline's deadline flags and the rules' findings count the same limits the same way: a
// planted late notice is both a finding and a missed flag; a clean case is neither.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGAL_DEADLINES, type LegalDeadline } from '../../shared/deadlines.js';
import { generateCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';

const CHECKED = (Object.values(LEGAL_DEADLINES) as LegalDeadline[]).filter((d) => d.rule !== null && d.to !== null);
const PLANTED = [
  'DETENTION_FAMILY_NOTICE_24H',
  'DETENTION_CUSTODY_24H',
  'DETENTION_INTERROGATION_24H',
  'ARREST_FAMILY_NOTICE_24H',
  'ARREST_REQUEST_DEADLINE',
];

describe('deadline flags and findings', () => {
  it('agree on planted late acts and on a clean case', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-deadlines-'));
    for (const defect of [null, ...PLANTED]) {
      const g = await generateCase({
        seed: 300 + PLANTED.indexOf(defect ?? ''),
        outDir: out,
        name: `d-${defect ?? 'clean'}`,
        forms: 'text-only',
        suspects: 1,
        defects: defect ? [defect] : [],
      });
      const { review, service, caseId } = await reviewFolder(g.folder);
      const timeline = await service.api.getTimeline({ caseId });
      await service.close();
      for (const d of CHECKED) {
        const found = review.findings.some((f) => f.rule === d.rule && f.severity === 'violation');
        const missed = timeline.deadlines.some((x) => x.label.en === d.label.en && x.met === false);
        expect({ defect, deadline: d.id, missed }).toEqual({ defect, deadline: d.id, missed: found });
      }
      if (defect)
        expect(
          review.findings.some((f) => f.rule === defect),
          defect,
        ).toBe(true);
    }
  });
});
