// Recall floor on the CAIL2021 theft NER sample (public 起诉意见书 sentences). The sample lives
// beside the checkout (../shared/data): without it this test skips and says why.
import { describe, expect, it } from 'vitest';
import { scoreCail } from '../../bench/extract.js';
import { missingData } from '../../support/shared-data.js';

const missing = missingData('theft');

describe.skipIf(missing !== null)(`CAIL2021 theft sample${missing ? ` — ${missing}` : ''}`, () => {
  it('keeps suspect+victim recall ≥ 0.9, amount ≥ 0.9, place ≥ 0.8', () => {
    const s = Object.fromEntries(scoreCail().map((c) => [c.name.split(' ')[0], c]));
    const sus = s.SUSPECT!;
    const vic = s.VICTIM!;
    const personRecall = (sus.recall * sus.gold + vic.recall * vic.gold) / (sus.gold + vic.gold);
    expect(personRecall).toBeGreaterThanOrEqual(0.9);
    expect(s.AMOUNT!.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.ADDRESS!.recall).toBeGreaterThanOrEqual(0.8);
    // Roles must be right, not only names: precision of the suspect role stays high.
    expect(sus.precision).toBeGreaterThanOrEqual(0.9);
  });
});
