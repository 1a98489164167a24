// Recall floor on the CAIL2021 theft NER sample (public 起诉意见书 sentences).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAIL_SAMPLE, scoreCail } from '../../bench/extract.js';

describe('CAIL2021 theft sample', () => {
  it('is present beside the repository', () => {
    expect(existsSync(CAIL_SAMPLE)).toBe(true);
  });

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
