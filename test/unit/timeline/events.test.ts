import { describe, expect, it } from 'vitest';
import { segmentDocuments } from '../../../electron/core/catalogue/segment.js';
import type { TimelineDocument, TimelineEvent } from '../../../electron/core/timeline/events.js';
import { extractEvents } from '../../../electron/core/timeline/events.js';
import { VOLUME_PAGES, volumePages } from '../catalogue/volume.js';

const PERSONS = [
  { id: 'e1', name: '张伟', role: 'SUSPECT' },
  { id: 'e2', name: '李秀英', role: 'VICTIM' },
  { id: 'e3', name: '郑凯', role: 'OFFICER' },
  { id: 'e4', name: '冯磊', role: 'OFFICER' },
  { id: 'e5', name: '王秀兰', role: 'FAMILY' },
];

function timelineDocs(pages: string[]): TimelineDocument[] {
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

/** The one event of a type that its own paper proves (a narrative's telling of it is another event). */
function only(events: TimelineEvent[], type: string): TimelineEvent {
  const found = events.filter((e) => e.type === type && e.basis !== 'narrative');
  expect(found, type).toHaveLength(1);
  return found[0] as TimelineEvent;
}

describe('extractEvents', () => {
  const events = extractEvents(timelineDocs(VOLUME_PAGES), PERSONS);

  it('takes detention and the jail transfer from the 拘留证, with the words and page', () => {
    const detention = only(events, 'DETENTION');
    expect(detention).toMatchObject({
      start: '2024-03-05T12:20:00+08:00',
      subjects: ['e1'],
      actors: ['e3', 'e4'],
      document: 'd3',
      page: 3,
    });
    expect(detention.text).toContain('执行拘留时间');
    expect(only(events, 'CUSTODY_TRANSFER')).toMatchObject({
      start: '2024-03-05T15:40:00+08:00',
      subjects: ['e1'],
      place: '绍兴市看守所',
      page: 3,
    });
  });

  it('keeps the notice that states another detention time as a conflict', () => {
    const detention = only(events, 'DETENTION');
    expect(detention.conflicts).toEqual([expect.objectContaining({ document: 'd4', page: 4, start: '2024-03-05T12:50:00+08:00' })]);
    expect(detention.conflicts?.[0]?.text).toContain('12时50分');
  });

  it('marks no conflict when the notice agrees with the warrant', () => {
    const agreeing = [...VOLUME_PAGES];
    agreeing[3] = (agreeing[3] ?? '').replace('12时50分', '12时20分');
    const detention = only(extractEvents(timelineDocs(agreeing), PERSONS), 'DETENTION');
    expect(detention.conflicts).toBeUndefined();
    expect(detention.document).toBe('d3');
  });

  it('makes an interrogation of the record header with its interval and participants', () => {
    expect(only(events, 'INTERROGATION')).toMatchObject({
      start: '2024-03-05T14:30:00+08:00',
      end: '2024-03-05T16:05:00+08:00',
      subjects: ['e1'],
      actors: ['e3', 'e4'],
      place: '越城区分局执法办案中心第三讯问室',
      document: 'd5',
      page: 5,
    });
    expect(only(events, 'INQUIRY')).toMatchObject({
      start: '2024-03-05T22:30:00+08:00',
      end: '2024-03-06T01:10:00+08:00',
      subjects: ['e2'],
    });
  });

  it('dates the family notice, the filing, the report and the offence', () => {
    expect(only(events, 'FAMILY_NOTIFIED')).toMatchObject({ start: '2024-03-06T09:30:00+08:00', subjects: ['e1'], document: 'd4' });
    expect(only(events, 'CASE_FILED').start).toBe('2024-03-05');
    expect(only(events, 'REPORT').start).toBe('2024-03-04T21:15:00+08:00');
    expect(only(events, 'OFFENCE').start).toBe('2024-03-04T19:40:00+08:00');
    expect(only(events, 'ARREST_REQUESTED')).toMatchObject({ start: '2024-03-11', subjects: ['e1'] });
    expect(only(events, 'RIGHTS_NOTIFIED')).toMatchObject({ start: '2024-03-05T14:30:00+08:00', subjects: ['e1'], document: 'd5' });
  });

  it('finds the page a fact is printed on inside a multi-page document', () => {
    const pages = [...VOLUME_PAGES];
    // The 被讯问人 line moves to the record's second page: the interval stays on the first.
    pages[5] = `${pages[5] ?? ''}\n到案经过：犯罪嫌疑人张伟于2024年3月5日下午12时10分在家中被民警抓获。`;
    const docs = timelineDocs(pages);
    const apprehended = only(extractEvents(docs, PERSONS), 'APPREHENDED');
    expect(apprehended).toMatchObject({ start: '2024-03-05T12:10:00+08:00', subjects: ['e1'], page: 6 });
  });

  it('takes the seizure from the 扣押笔录 and the appraisal notice from its receipt', () => {
    const pages = [
      '扣押笔录\n时间：2024年3月6日10时20分至10时55分\n地点：越城区分局执法办案中心\n侦查人员姓名、单位：郑凯、冯磊 越城区分局刑事侦查大队\n见证人：赵敏，住城南街道\n物品持有人：张伟',
      '绍兴市公安局越城区分局\n鉴定意见通知书\n越公（刑）鉴通字〔2024〕0301号\n李秀英：\n现将鉴定意见告知如下：涉案电动自行车价格为人民币3200元。如果你对该鉴定意见有异议，可以提出补充鉴定或者重新鉴定的申请。\n绍兴市公安局越城区分局\n二〇二四年三月二十日\n本通知书已于2024年3月20日 14:30收到\n被告知人：李秀英',
    ];
    const got = extractEvents(timelineDocs(pages), PERSONS);
    expect(only(got, 'SEIZURE')).toMatchObject({
      start: '2024-03-06T10:20:00+08:00',
      end: '2024-03-06T10:55:00+08:00',
      place: '越城区分局执法办案中心',
      actors: ['e3', 'e4'],
      subjects: ['e1'],
    });
    expect(only(got, 'APPRAISAL_NOTIFIED')).toMatchObject({ start: '2024-03-20T14:30:00+08:00', subjects: ['e2'], document: 'd2' });
  });

  it('lists events in time order with stable ids', () => {
    const starts = events.map((e) => e.start ?? '9999');
    expect([...starts].sort()).toEqual(starts);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
