// Narrative events: the custody history a 提请批准逮捕书, 起诉意见书 or judgment tells is kept beside
// the events the papers prove, never merged into them; the rule compares the two.
import { describe, expect, it } from 'vitest';
import { segmentDocuments } from '../../../electron/core/catalogue/segment.js';
import type { CaseFacts } from '../../../electron/core/rules/facts.js';
import { evaluateRules } from '../../../electron/core/rules/index.js';
import { ALL_RULES } from '../../../electron/core/rules/index.js';
import type { TimelineDocument, TimelineEvent } from '../../../electron/core/timeline/events.js';
import { extractEvents } from '../../../electron/core/timeline/events.js';
import { VOLUME_PAGES, volumePages } from '../catalogue/volume.js';

const PERSONS = [
  { id: 'e1', name: '张伟', role: 'SUSPECT' },
  { id: 'e2', name: '李秀英', role: 'VICTIM' },
  { id: 'e3', name: '郑凯', role: 'OFFICER' },
  { id: 'e4', name: '冯磊', role: 'OFFICER' },
];

function docsOf(pages: string[]): TimelineDocument[] {
  return segmentDocuments(volumePages(pages)).map((d, i) => {
    const pageTexts = pages.slice(d.pageFrom - 1, d.pageTo).map((text, j) => ({ page: d.pageFrom + j, text }));
    return {
      id: `d${i + 1}`,
      type: d.type,
      page: d.pageFrom,
      pageTo: d.pageTo,
      date: d.date,
      text: pageTexts.map((p) => p.text).join('\n'),
      pageTexts,
      fields: d.fields,
    };
  });
}

function factsOf(pages: string[]): CaseFacts {
  const docs = docsOf(pages);
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
      role: p.role as 'SUSPECT',
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

const narrative = (events: TimelineEvent[]) =>
  events.filter((e) => e.basis === 'narrative').map((e) => `${e.type} ${e.start} ${e.subjects.join(',')} ${e.document}`);
const rule = ALL_RULES.filter((r) => r.id === 'CUSTODY_NARRATIVE_CONSISTENCY');

// An 起诉意见书 for the volume's case, telling the custody history once more.
const OPINION = (detained: string) => `绍兴市公安局越城区分局
起诉意见书
越公（刑）诉字〔2024〕0133号
犯罪嫌疑人张伟，男，1990年5月3日出生，汉族。因涉嫌盗窃罪于${detained}被我局刑事拘留。
犯罪嫌疑人张伟盗窃一案，由被害人李秀英报案至我局。
经依法侦查查明：2024年3月4日19时许，犯罪嫌疑人张伟在越城区解放南路某小区车库内盗窃电动自行车一辆。
此致
绍兴市越城区人民检察院
二〇二四年四月二十日`;

describe('narrative events', () => {
  it('keep the detention the 提请批准逮捕书 tells apart from the one the 拘留证 proves', () => {
    const events = extractEvents(docsOf(VOLUME_PAGES), PERSONS);
    expect(narrative(events)).toEqual(['DETENTION 2024-03-05 e1 d7']);
    const proven = events.filter((e) => e.type === 'DETENTION' && e.basis !== 'narrative');
    expect(proven).toHaveLength(1);
    expect(proven[0]).toMatchObject({ document: 'd3', start: '2024-03-05T12:20:00+08:00', basis: 'document' });
  });

  it('are one event when two narratives tell the same measure', () => {
    const events = extractEvents(docsOf([...VOLUME_PAGES, OPINION('2024年3月5日')]), PERSONS);
    expect(narrative(events)).toEqual(['DETENTION 2024-03-05 e1 d7']);
  });
});

describe('CUSTODY_NARRATIVE_CONSISTENCY', () => {
  it('is silent when the narratives agree with the papers', () => {
    expect(evaluateRules(factsOf([...VOLUME_PAGES, OPINION('2024年3月5日')]), rule)).toEqual([]);
  });

  it('warns when a narrative tells another day than the warrant, quoting both', () => {
    const found = evaluateRules(factsOf([...VOLUME_PAGES, OPINION('2024年3月6日')]), rule);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'CUSTODY_NARRATIVE_CONSISTENCY', severity: 'warning' });
    expect(found[0]?.message).toContain('2024-03-06');
    expect(found[0]?.message).toContain('2024-03-05');
    expect(found[0]?.evidence.map((e) => e.document)).toEqual(['d8', 'd3']);
    expect(found[0]?.evidence[0]?.text).toContain('2024年3月6日');
  });

  it('warns when a narrative tells a measure the file has no paper for', () => {
    const pages = [
      ...VOLUME_PAGES,
      OPINION('2024年3月5日').replace('被我局刑事拘留。', '被我局刑事拘留，2024年3月18日经绍兴市越城区人民检察院批准逮捕。'),
    ];
    const found = evaluateRules(factsOf(pages), rule);
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/2024-03-18.*批准逮捕.*未见该措施的文书/)]);
  });

  it('says nothing of a judgment alone, which has no papers to be checked against', () => {
    const judgment =
      '某县人民法院\n刑事判决书\n（2024）某0102刑初9号\n被告人张伟，男。因涉嫌犯盗窃罪于2024年3月6日被刑事拘留，同年4月1日被逮捕。\n二〇二四年八月一日';
    const facts = factsOf([judgment]);
    expect(facts.narrative?.map((e) => `${e.type} ${e.start}`)).toEqual(['DETENTION 2024-03-06', 'ARREST 2024-04-01']);
    expect(evaluateRules(facts, rule)).toEqual([]);
  });

  it('reads a judgment of an earlier case in the file as the past, not as this case', () => {
    const earlier =
      '某县人民法院\n刑事判决书\n（2019）某0102刑初9号\n被告人张伟，男。因涉嫌犯盗窃罪于2019年3月6日被刑事拘留，同年4月1日被逮捕。\n判决如下：\n被告人张伟犯盗窃罪，判处有期徒刑一年。\n二〇一九年八月一日';
    const events = extractEvents(docsOf([...VOLUME_PAGES, earlier]), PERSONS);
    expect(narrative(events)).toEqual(['DETENTION 2024-03-05 e1 d7']);
    expect(events.some((e) => e.type === 'SENTENCED')).toBe(false);
  });
});

describe('apprehensions as the police tell them', () => {
  it("a 到案经过 dates the summoned person's coming in; a request's date-only 归案 is a narrative event", () => {
    const arrival =
      '到案经过\n2024年3月5日，民警郑凯、冯磊持传唤证依法传唤犯罪嫌疑人张伟，2024年3月5日10时40分，犯罪嫌疑人张伟到达越城区公安分局执法办案中心接受讯问。\n特此说明。\n绍兴市公安局越城区分局刑事侦查大队\n二〇二四年三月五日';
    const request =
      '绍兴市公安局越城区分局\n提请批准逮捕书\n越公（刑）提捕字〔2024〕0077号\n犯罪嫌疑人张伟，男，1990年5月3日出生。\n犯罪嫌疑人张伟盗窃一案，由被害人李秀英于2024年3月4日报案至我局。我局经审查，于同日立案侦查。犯罪嫌疑人张伟于次日经传唤到案。\n此致\n绍兴市越城区人民检察院\n二〇二四年三月八日';
    const events = extractEvents(docsOf([VOLUME_PAGES[0] ?? '', arrival, request]), PERSONS);
    const told = events.filter((e) => e.type === 'APPREHENDED').map((e) => `${e.basis} ${e.start} ${e.subjects.join(',')}`);
    expect(told.sort()).toEqual(['document 2024-03-05T10:40:00+08:00 e1', 'narrative 2024-03-05 e1']);
    expect(narrative(events).filter((e) => /REPORT|CASE_FILED/.test(e))).toEqual([
      'REPORT 2024-03-04 e1 d3',
      'CASE_FILED 2024-03-04 e1 d3',
    ]);
  });
});
