import { describe, expect, it } from 'vitest';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import { RULE_IDS, isRuleId } from '../../../electron/core/rules/ids.js';
import type { Rule } from '../../../electron/core/rules/rule.js';
import { exceptionClaimed, finding, missingFact } from '../../../electron/core/rules/rule.js';
import { cleanTheftCase } from './clean-case.js';
import { newCase } from './facts-builder.js';

// Sections A–E of RULES.md: this engineer's rules.
const A_TO_E = [
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
];

describe('the rule catalogue', () => {
  it('holds the 52 ids of RULES.md A–L and the ids of §N, each once', () => {
    const aToL = RULE_IDS.slice(0, RULE_IDS.indexOf('IDENTITY_CONSISTENCY') + 1);
    expect(aToL).toHaveLength(52);
    expect(RULE_IDS.slice(aToL.length)).toEqual(['STATEMENT_RETRACTION', 'STATEMENT_CONTRADICTION', 'CUSTODY_NARRATIVE_CONSISTENCY']);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(isRuleId('DETENTION_FAMILY_NOTICE_24H')).toBe(true);
    expect(isRuleId('IDENTITY_CONSISTENCY')).toBe(true);
    expect(isRuleId('NOT_A_RULE')).toBe(false);
  });
  it('registers every A–E rule once, with a title, a citation and the facts it needs', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of A_TO_E) expect(ids).toContain(id);
    for (const r of ALL_RULES) {
      expect(isRuleId(r.id)).toBe(true);
      expect(r.title.zh).not.toBe('');
      expect(r.title.en).not.toBe('');
      expect(r.citation).toMatch(/《[^》]+》第/);
      expect(r.needs.length).toBeGreaterThan(0);
    }
  });
  it('finds nothing in a procedurally correct case', () => {
    const mine = ALL_RULES.filter((r) => A_TO_E.includes(r.id));
    expect(mine).toHaveLength(A_TO_E.length);
    const found = evaluateRules(cleanTheftCase(), mine);
    expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
  it('finds nothing in an empty case', () => {
    const mine = ALL_RULES.filter((r) => A_TO_E.includes(r.id));
    expect(evaluateRules(newCase().build(), mine)).toEqual([]);
  });
});

describe('evaluateRules', () => {
  const broken: Rule = {
    id: 'CASE_INTAKE_RECORDS',
    title: { zh: '受案登记', en: 'Case intake' },
    citation: '《公安机关办理刑事案件程序规定》第一百六十九条',
    severity: 'warning',
    needs: ['受案登记表'],
    evaluate: () => {
      throw new Error('boom');
    },
  };
  const twice: Rule = {
    id: 'DETENTION_APPROVAL',
    title: { zh: '拘留批准', en: 'Detention approval' },
    citation: '《刑事诉讼法》第八十二条',
    severity: 'violation',
    needs: ['拘留证'],
    evaluate: () => [
      finding(twice, 'violation', { zh: '甲', en: 'a' }, [], ['p1']),
      finding(twice, 'violation', { zh: '甲', en: 'a' }, [], ['p1']),
    ],
  };
  it('turns a rule that throws into one warning and keeps going', () => {
    const found = evaluateRules(newCase().build(), [broken, twice]);
    expect(found).toHaveLength(2);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toContain('运行失败：boom');
    expect(found[0]?.rule).toBe('CASE_INTAKE_RECORDS');
    expect(found[1]?.rule).toBe('DETENTION_APPROVAL');
  });
  it('drops duplicate findings by key', () => {
    expect(evaluateRules(newCase().build(), [twice])).toHaveLength(1);
  });
});

describe('finding helpers', () => {
  const rule = { id: 'DETENTION_FAMILY_NOTICE_24H', citation: '《刑事诉讼法》第八十五条第二款' } as const;
  it('a missing fact is a warning that names what is missing', () => {
    const f = missingFact(
      rule,
      { zh: '拘留通知书', en: 'detention notice' },
      { zh: '张三：拘留 2024-03-05 12:20', en: 'Zhang San: detained' },
      [],
      ['p1'],
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('张三：拘留 2024-03-05 12:20，未见拘留通知书，无法核对');
    expect(f.messageEn).toContain('no detention notice found');
    expect(f.key).toBe('DETENTION_FAMILY_NOTICE_24H:missing:p1');
    expect(f.citation).toBe(rule.citation);
  });
  it('a claimed exception is a warning that names the exception', () => {
    const f = exceptionClaimed(
      rule,
      '无法通知',
      { zh: '未在 24 小时内通知', en: 'not told within 24 h' },
      [{ document: 'd2', page: 3, text: '无法通知' }, null],
      ['p1'],
    );
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('“无法通知”');
    expect(f.evidence).toEqual([{ document: 'd2', page: 3, text: '无法通知' }]);
  });
});
