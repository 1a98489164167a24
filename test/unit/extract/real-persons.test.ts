// Persons in text written by others, scored as `npm run bench -- real` scores them: CAIL2022
// drug-case paragraphs (Nh) and CAIL2021 起诉意见书 sentences (NHCS suspects, NHVI victims).
// Floors sit a little under what the extractor reaches, so a change that costs recall or
// precision on real text fails here. The data sets live beside the checkout (../shared/data):
// without them these tests skip and say why.
import { describe, expect, it } from 'vitest';
import { loadDrugParagraphs, loadTheftSentences, scorePersons } from '../../bench/real-persons.js';
import { missingData } from '../../support/shared-data.js';

const drugMissing = missingData('drug');
const theftMissing = missingData('theft');

describe.skipIf(drugMissing !== null)(`persons in CAIL2022 drug paragraphs${drugMissing ? ` — ${drugMissing}` : ''}`, () => {
  it('reads the labelled persons with exact spans: recall ≥ 95 %, precision ≥ 94.5 %', () => {
    const s = scorePersons(loadDrugParagraphs());
    expect(s.exact.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.exact.precision).toBeGreaterThanOrEqual(0.945);
    expect(s.overlap.recall).toBeGreaterThanOrEqual(0.975);
    expect(s.overlap.precision).toBeGreaterThanOrEqual(0.97);
  });
});

describe.skipIf(theftMissing !== null)(
  `suspects and victims in CAIL2021 theft sentences${theftMissing ? ` — ${theftMissing}` : ''}`,
  () => {
    it('reads them with exact spans (recall ≥ 97 %, precision ≥ 95.5 %) and in the right role (≥ 96 %)', () => {
      const s = scorePersons(loadTheftSentences());
      expect(s.exact.recall).toBeGreaterThanOrEqual(0.97);
      expect(s.exact.precision).toBeGreaterThanOrEqual(0.955);
      expect(s.roles).not.toBeNull();
      expect((s.roles?.right ?? 0) / (s.roles?.scored ?? 1)).toBeGreaterThanOrEqual(0.96);
    });
  },
);
