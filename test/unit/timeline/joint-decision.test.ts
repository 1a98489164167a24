// One approval naming two suspects approves both arrests: the second suspect's warrant is
// checked against it like the first's.
import { describe, expect, it } from 'vitest';
import { segmentDocuments } from '../../../electron/core/catalogue/segment.js';
import { ALL_RULES, evaluateRules } from '../../../electron/core/rules/index.js';
import type { CaseFacts } from '../../../electron/core/rules/facts.js';
import { extractEvents } from '../../../electron/core/timeline/events.js';
import { volumePages } from '../catalogue/volume.js';

const PERSONS = [
  { id: 'e1', name: '钱小龙', role: 'SUSPECT' },
  { id: 'e2', name: '孙大伟', role: 'SUSPECT' },
];
const APPROVAL =
  '某区人民检察院\n批准逮捕决定书\n某检批捕〔2024〕12号\n某市公安局某分局：\n你局提请批准逮捕犯罪嫌疑人钱小龙、孙大伟一案，经本院审查，决定批准逮捕犯罪嫌疑人钱小龙、孙大伟。请依法立即执行。\n二〇二四年三月十二日';
const warrant = (name: string, signed: string, executed: string) =>
  `某市公安局某分局\n逮捕证\n某公（刑）捕字〔2024〕${name === '钱小龙' ? '31' : '32'}号\n根据《中华人民共和国刑事诉讼法》第八十条之规定，经某区人民检察院批准，兹由我局侦查员郑凯、冯磊对犯罪嫌疑人${name}执行逮捕，送某市看守所羁押。\n被逮捕人：${name}\n执行逮捕时间：${executed}\n执行人：郑凯、冯磊\n送看守所时间：${executed}\n${signed}`;

function facts(pages: string[]): CaseFacts {
  const drafts = segmentDocuments(volumePages(pages));
  const docs = drafts.map((d, i) => ({
    id: `d${i + 1}`,
    type: d.type,
    page: d.pageFrom,
    pageTo: d.pageTo,
    date: d.date,
    text: pages.slice(d.pageFrom - 1, d.pageTo).join('\n'),
    pageTexts: pages.slice(d.pageFrom - 1, d.pageTo).map((text, j) => ({ page: d.pageFrom + j, text })),
    fields: d.fields,
  }));
  const events = extractEvents(docs, PERSONS);
  return {
    caseId: 'c',
    charge: '盗窃罪',
    reviewDate: '2025-01-01',
    documents: docs.map((d) => ({
      id: d.id,
      type: d.type,
      title: d.type,
      date: d.date,
      number: null,
      page: d.page,
      pageTo: d.pageTo,
      text: d.text,
      fields: d.fields,
    })),
    persons: PERSONS.map((p) => ({
      id: p.id,
      name: p.name,
      role: 'SUSPECT' as const,
      idNumber: null,
      idValid: null,
      birthDate: null,
      gender: null,
      aliases: [],
      attributes: {},
    })),
    events: events.filter((e) => e.basis !== 'narrative'),
    narrative: events.filter((e) => e.basis === 'narrative'),
  };
}

describe('a decision naming two suspects', () => {
  it('approves both arrests', () => {
    const f = facts([
      APPROVAL,
      warrant('钱小龙', '二〇二四年三月十二日', '2024年3月12日16时00分'),
      warrant('孙大伟', '二〇二四年三月十二日', '2024年3月12日17时00分'),
    ]);
    expect(f.events.filter((e) => e.type === 'ARREST_APPROVED').flatMap((e) => e.subjects)).toEqual(['e1', 'e2']);
    expect(
      evaluateRules(
        f,
        ALL_RULES.filter((r) => r.id === 'ARREST_EXECUTION'),
      ),
    ).toEqual([]);
  });

  it("finds the second suspect's warrant signed before the approval", () => {
    const f = facts([
      APPROVAL,
      warrant('钱小龙', '二〇二四年三月十二日', '2024年3月12日16时00分'),
      warrant('孙大伟', '二〇二四年三月十一日', '2024年3月11日17时00分'),
    ]);
    const found = evaluateRules(
      f,
      ALL_RULES.filter((r) => r.id === 'ARREST_EXECUTION'),
    );
    expect(found.map((x) => x.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/孙大伟：逮捕证签发日期 2024-03-11 早于批准逮捕决定 2024-03-12/)]),
    );
    expect(found.every((x) => !x.message.includes('钱小龙'))).toBe(true);
  });
});
