// A violation resting on an OCR'd sign-off date that the paper's own body contradicts, where one
// numeral slip would make the act lawful, is a warning naming both readings; the same violation on a
// date nobody had to OCR, or on a date nothing on the paper contradicts, stays a violation.
import { describe, expect, it } from 'vitest';
import approval from '../../../electron/core/rules/detention/approval.js';
import execution from '../../../electron/core/rules/arrest/execution.js';
import filing from '../../../electron/core/rules/intake/filing-before-measures.js';
import { weighDoubtfulDates } from '../../../electron/core/consensus/doubtful-findings.js';
import { newCase } from '../rules/facts-builder.js';

/** A detention warrant whose sign-off reads 8月23日 while its body records the execution on 8月22日 22:35. */
function signedAfterExecution(byOcr: boolean) {
  const b = newCase();
  const p = b.person('郑淑珍');
  b.act('DETENTION_WARRANT', 'DETENTION', '2023-08-22T22:35:00+08:00', {
    date: '2023-08-23',
    fields: { executedAt: '2023-08-22T22:35:00+08:00', ...(byOcr ? { dateByOcr: true } : {}) },
    event: { subjects: [p] },
  });
  return b.build();
}

describe('a violation resting on a doubtful OCR date', () => {
  it('a warrant dated the day after the execution it records, 二十三 one slip from 二十二, is a warning that names both', () => {
    const facts = signedAfterExecution(true);
    const found = approval.evaluate(facts).filter((f) => f.severity === 'violation');
    expect(found).toHaveLength(1);
    const [f] = weighDoubtfulDates(facts, found, [approval]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('若原件为“2023-08-22”则无此问题');
    expect(f?.key).toBe(found[0]?.key);
  });

  it('stays a violation on a text layer', () => {
    const facts = signedAfterExecution(false);
    const found = approval.evaluate(facts).filter((f) => f.severity === 'violation');
    expect(weighDoubtfulDates(facts, found, [approval]).map((f) => f.severity)).toEqual(['violation']);
  });

  it('stays a violation where the paper itself bears the date out, or nothing on it can check it', () => {
    // Signed and executed the day before the approval: 二月 is one slip from 三月, but the body agrees.
    const b = newCase();
    const p = b.person('马明辉');
    b.act('ARREST_APPROVAL', 'ARREST_APPROVED', '2024-02-25', { event: { subjects: [p] }, fields: { dateByOcr: true } });
    b.act('ARREST_WARRANT', 'ARREST', '2024-02-24T16:00:00+08:00', {
      date: '2024-02-24',
      fields: { executedAt: '2024-02-24T16:00:00+08:00', dateByOcr: true },
      event: { subjects: [p] },
    });
    const facts = b.build();
    const found = execution.evaluate(facts).filter((f) => f.severity === 'violation');
    expect(found.length).toBeGreaterThan(0);
    expect(weighDoubtfulDates(facts, found, [execution]).every((f) => f.severity === 'violation')).toBe(true);
    // A seizure decision with no list to check it against: its date stands as read.
    const c = newCase();
    const q = c.person('郭海燕');
    c.act('CASE_FILING', 'CASE_FILED', '2024-07-11', { text: '立案决定书 决定对郭海燕诈骗案立案侦查' });
    c.act('SEIZURE_DECISION', 'SEIZURE', '2024-07-10', { event: { subjects: [q] }, fields: { dateByOcr: true } });
    const seized = c.build();
    expect(weighDoubtfulDates(seized, filing.evaluate(seized), [filing]).map((f) => f.severity)).toEqual(['violation']);
  });
});
