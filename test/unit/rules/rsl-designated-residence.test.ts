import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/measures/rsl-designated-residence.js';
import { at, newCase } from './facts-builder.js';

function designated(text: string, notice: string | null) {
  const b = newCase();
  const p = b.person('张三');
  b.act('RESIDENTIAL_SURVEILLANCE', 'RESIDENTIAL_SURVEILLANCE', at('2024-03-15 10:00'), {
    text: `监视居住决定书 张三 ${text}`,
    fields: { subjectId: p, executedAt: at('2024-03-15 10:00') },
    event: { subjects: [p] },
  });
  if (notice) b.act('OTHER', 'FAMILY_NOTIFIED', notice, { title: '指定居所监视居住通知书', event: { subjects: [p] } });
  return b.build();
}

describe('RSL_DESIGNATED_RESIDENCE', () => {
  it('is silent for a suspect without a fixed home, at a proper place, family told the same day', () => {
    expect(rule.evaluate(designated('因其在本市无固定住处，指定居所：某市某区某路8号', at('2024-03-15 18:00')))).toEqual([]);
  });
  it('fires a violation for a designated residence in a police station', () => {
    const found = rule.evaluate(designated('因其在本市无固定住处，指定居所：某市公安局某派出所办案区', at('2024-03-15 18:00')));
    expect(found.map((f) => f.severity)).toEqual(['violation']);
  });
  it('fires a violation when the family is told 2 days later', () => {
    const [f] = rule.evaluate(designated('因其在本市无固定住处，指定居所：某路8号', at('2024-03-17 10:30')));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('= 48 小时 30 分 > 24 小时');
  });
  it('warns when no ground is stated and when the notice is missing', () => {
    const found = rule.evaluate(designated('指定居所：某路8号', null));
    expect(found.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(found[1]?.message).toContain('未见指定居所监视居住通知书');
  });
  it('says nothing about surveillance at home', () => {
    expect(rule.evaluate(designated('在其住处执行监视居住', null))).toEqual([]);
  });
});
