// A violation resting on an OCR'd sign-off date that one numeral slip would make lawful is a warning
// naming both readings; the same violation on a date nobody had to OCR stays a violation.
import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/intake/filing-before-measures.js';
import { weighDoubtfulDates } from '../../../electron/core/consensus/doubtful-findings.js';
import { newCase } from '../rules/facts-builder.js';

function seizedBeforeFiling(byOcr: boolean, seized = '2024-07-10') {
  const b = newCase();
  const p = b.person('郭海燕');
  b.act('CASE_FILING', 'CASE_FILED', '2024-07-11', { text: '立案决定书 决定对郭海燕诈骗案立案侦查' });
  const d = b.act('SEIZURE_DECISION', 'SEIZURE', seized, { event: { subjects: [p] } });
  const facts = b.build();
  const doc = facts.documents.find((x) => x.id === d || x.type === 'SEIZURE_DECISION')!;
  doc.date = seized.slice(0, 10);
  if (byOcr) doc.fields.dateByOcr = true;
  return facts;
}

describe('a violation resting on a doubtful OCR date', () => {
  it('七月十日 read under the seal, where 七月十一日 would be lawful, is a warning that names both', () => {
    const facts = seizedBeforeFiling(true);
    const found = rule.evaluate(facts);
    expect(found.map((f) => f.severity)).toEqual(['violation']);
    const [f] = weighDoubtfulDates(facts, found, [rule]);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('若原件为“2024-07-11”则无此问题');
    expect(f?.key).toBe(found[0]?.key);
  });

  it('stays a violation on a text layer, or where no slip of the date is lawful', () => {
    const clean = seizedBeforeFiling(false);
    expect(weighDoubtfulDates(clean, rule.evaluate(clean), [rule]).map((f) => f.severity)).toEqual(['violation']);
    // The act printed with its hour in the body does not move with the sign-off's date.
    const timed = seizedBeforeFiling(true, '2024-07-10T15:00:00+08:00');
    expect(weighDoubtfulDates(timed, rule.evaluate(timed), [rule]).map((f) => f.severity)).toEqual(['violation']);
    const far = seizedBeforeFiling(true, '2024-05-02');
    expect(weighDoubtfulDates(far, rule.evaluate(far), [rule]).map((f) => f.severity)).toEqual(['violation']);
  });
});

describe('a date its own form bears out is no doubt', () => {
  it('a warrant signed and executed the day before the approval stays a violation, though 二月 one slip away is 三月', async () => {
    const { default: execution } = await import('../../../electron/core/rules/arrest/execution.js');
    const b = newCase();
    const p = b.person('马明辉');
    b.act('ARREST_APPROVAL', 'ARREST_APPROVED', '2024-02-25', { event: { subjects: [p] } });
    b.act('ARREST_WARRANT', 'ARREST', '2024-02-24T16:00:00+08:00', {
      date: '2024-02-24',
      fields: { executedAt: '2024-02-24T16:00:00+08:00', dateByOcr: true },
      event: { subjects: [p] },
    });
    const facts = b.build();
    const found = execution.evaluate(facts);
    const signed = (fs: { message: string; severity: string }[]) => fs.filter((f) => f.message.includes('签发日期')).map((f) => f.severity);
    expect(signed(found)).toEqual(['violation']);
    expect(signed(weighDoubtfulDates(facts, found, [execution]))).toEqual(['violation']);
    // Unborne by its body (no execution printed), the same reading is a doubt.
    const bare = structuredClone(facts);
    for (const d of bare.documents) if (d.type === 'ARREST_WARRANT') delete d.fields.executedAt;
    expect(signed(weighDoubtfulDates(bare, execution.evaluate(bare), [execution]))).toEqual(['warning']);
  });
});
