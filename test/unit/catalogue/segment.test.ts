import { describe, expect, it } from 'vitest';
import type { CataloguePage } from '../../../electron/core/catalogue/segment.js';
import { segmentDocuments } from '../../../electron/core/catalogue/segment.js';
import { classifyDocument } from '../../../electron/core/catalogue/classify.js';
import { matchTitle } from '../../../electron/core/catalogue/titles.js';
import { createRandom } from '../../fixtures/generator/prng.js';
import { VOLUME_PAGES, VOLUME_TRUTH, volumePages } from './volume.js';

const TITLES = ['受案登记表', '立案决定书', '拘 留 证', '拘留通知书', '讯问笔录', '询问笔录', '提请批准逮捕书'];

function shape(pages: CataloguePage[]): { type: string; pageFrom: number; pageTo: number }[] {
  return segmentDocuments(pages).map((d) => ({ type: d.type, pageFrom: d.pageFrom, pageTo: d.pageTo }));
}

/** What OCR does to a large-print title: a character lost, one misread, spaces in between. */
function damageTitle(title: string, how: 'drop' | 'replace' | 'space', seed: number): string {
  const rng = createRandom(seed);
  const chars = [...title.replace(/\s/g, '')];
  const i = rng.int(0, chars.length - 1);
  if (how === 'drop') chars.splice(i, 1);
  if (how === 'replace') chars[i] = rng.pick(['口', '日', '十', '人', '木']);
  if (how === 'space') chars.splice(rng.int(1, chars.length - 1), 0, rng.pick([' ', '  ', '\u3000']));
  return chars.join('');
}

describe('segmentDocuments on a scanned volume', () => {
  it('finds each form and its page range', () => {
    expect(shape(volumePages())).toEqual(VOLUME_TRUTH);
  });

  it('keeps a record together across pages and reads its number and date', () => {
    const docs = segmentDocuments(volumePages());
    const record = docs.find((d) => d.type === 'INTERROGATION_RECORD');
    expect(record).toMatchObject({ pageFrom: 5, pageTo: 6, date: '2024-03-05', number: null });
    const warrant = docs.find((d) => d.type === 'DETENTION_WARRANT');
    expect(warrant).toMatchObject({ number: '越公（刑）拘字〔2024〕0211号', date: '2024-03-05', title: '拘留证' });
  });

  for (const how of ['drop', 'replace', 'space'] as const) {
    it(`survives titles damaged by OCR (${how})`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const damaged = VOLUME_PAGES.map((text) => {
          const title = TITLES.find((t) => text.includes(t));
          if (!title) return text;
          // 询问/讯问 differ in one character: a one-character slip there is settled by the body.
          return text.replace(title, damageTitle(title, how, seed * 31 + title.length));
        });
        expect(damaged.filter((t, i) => t !== VOLUME_PAGES[i])).toHaveLength(7);
        expect(shape(volumePages(damaged))).toEqual(VOLUME_TRUTH);
      }
    });
  }

  it('starts a new form whose title is unreadable, from its organ and number, and types it by the body', () => {
    const pages = [...VOLUME_PAGES];
    pages[2] = (pages[2] ?? '').replace('拘 留 证', '■ ▲ ■');
    const docs = segmentDocuments(volumePages(pages));
    expect(docs.map((d) => d.type)).toEqual(VOLUME_TRUTH.map((t) => t.type));
    const warrant = docs[2];
    expect(warrant?.confidence).toBeLessThan(docs[0]?.confidence ?? 0);
    expect(warrant?.fields.executedAt).toBe('2024-03-05T12:20:00+08:00');
  });

  it('treats "第2页 共2页" as a continuation even when a title word opens the page', () => {
    const pages = [...VOLUME_PAGES];
    pages[5] = `讯问笔录（续页）\n${pages[5] ?? ''}`;
    expect(shape(volumePages(pages))).toEqual(VOLUME_TRUTH);
  });

  it("keeps a 回执 with its notice, and starts after a record's last page even without a title", () => {
    const pages = [
      ...VOLUME_PAGES.slice(3, 6),
      '拘留通知书（回执）\n绍兴市公安局越城区分局：\n你局2024年3月6日的拘留通知书已收到。\n收件人：王秀兰',
    ];
    pages.splice(1, 0, pages.pop() ?? '');
    pages.push('■■■■\n被传唤人：张伟\n执行人 郑凯 冯磊');
    const docs = segmentDocuments(volumePages(pages));
    expect(docs.map((d) => [d.type, d.pageFrom, d.pageTo])).toEqual([
      ['DETENTION_NOTICE', 1, 2],
      ['INTERROGATION_RECORD', 3, 4],
      ['SUMMONS', 5, 5],
    ]);
  });

  it('merges loose photos of one record and starts again at the next titled photo', () => {
    const photo = (fileId: number, file: string, text: string): CataloguePage => ({
      fileId,
      file,
      kind: 'image',
      page: 1,
      text,
      source: 'ocr',
      confidence: 0.8,
    });
    const pages = [
      photo(10, '照片/询问笔录-1.jpg', VOLUME_PAGES[4] ?? ''),
      photo(11, '照片/询问笔录-2.jpg', VOLUME_PAGES[5] ?? ''),
      photo(12, '照片/拘留证.jpg', VOLUME_PAGES[2] ?? ''),
    ];
    const docs = segmentDocuments(pages);
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      type: 'INTERROGATION_RECORD',
      file: '照片/询问笔录-1.jpg',
      pageFrom: 1,
      pageTo: 1,
      files: ['照片/询问笔录-1.jpg', '照片/询问笔录-2.jpg'],
    });
    expect(docs[1]).toMatchObject({ type: 'DETENTION_WARRANT', file: '照片/拘留证.jpg' });
    expect(docs[1]?.files).toBeUndefined();
  });

  it('merges a camera roll of one record (IMG_…_0001.jpg, _0002.png)', () => {
    const pages: CataloguePage[] = [VOLUME_PAGES[4] ?? '', VOLUME_PAGES[5] ?? ''].map((text, i) => ({
      fileId: 20 + i,
      file: `照片/IMG_20240305_000${i + 1}.${i ? 'png' : 'jpg'}`,
      kind: 'image',
      page: 1,
      text,
      source: 'ocr',
      confidence: 0.7,
    }));
    const docs = segmentDocuments(pages);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.files).toEqual(['照片/IMG_20240305_0001.jpg', '照片/IMG_20240305_0002.png']);
    expect(docs[0]?.fields.end).toBe('2024-03-05T16:05:00+08:00');
  });

  it('types an arrest account as a narrative, and names a form it has no type for by its printed title', () => {
    const pages = [
      ...VOLUME_PAGES.slice(0, 2),
      '到案经过\n2024年3月5日12时10分，民警在城南街道将犯罪嫌疑人张伟抓获。\n特此说明。\n绍兴市公安局越城区分局刑事侦查大队\n二〇二四年三月五日',
      '绍兴市公安局越城区分局\n户籍信息核查表\n越公（刑）核字〔2024〕0077号\n经公安人口信息系统查询，张伟户号、曾用名、籍贯如下。\n二〇二四年三月五日',
    ];
    const docs = segmentDocuments(volumePages(pages));
    expect(docs).toHaveLength(4);
    expect(docs[2]).toMatchObject({ type: 'NARRATIVE', title: '到案经过', pageFrom: 3, date: '2024-03-05' });
    expect(docs[3]).toMatchObject({ type: 'OTHER', title: '户籍信息核查表', pageFrom: 4 });
  });

  it('starts a form whose title is unknown from a document number on its own line', () => {
    const pages = [
      ...VOLUME_PAGES.slice(0, 2),
      '绍兴市公安局上虞区局\n提供法律援助通知书\n虞公（刑）援通字[2023]0249号\n绍兴市法律援助中心：\n我局办理的谢军等盗窃案，犯罪嫌疑人系未成年人。',
    ];
    pages[2] = (pages[2] ?? '').replace('提供法律援助通知书', '提供法律援口通知');
    expect(segmentDocuments(volumePages(pages)).map((d) => d.pageFrom)).toEqual([1, 2, 3]);
  });

  it('keeps a DOCX as one document whatever its pages say', () => {
    const pages: CataloguePage[] = [VOLUME_PAGES[2] ?? '', VOLUME_PAGES[3] ?? ''].map((text, i) => ({
      fileId: 3,
      file: '材料/拘留.docx',
      kind: 'docx',
      page: i + 1,
      text,
      source: 'docx',
      confidence: null,
    }));
    expect(shape(pages)).toEqual([{ type: 'DETENTION_WARRANT', pageFrom: 1, pageTo: 2 }]);
  });
});

describe('title matching and body classification', () => {
  it('reads letter-spaced, damaged and organ-prefixed titles', () => {
    expect(matchTitle('拘 留 证')).toMatchObject({ type: 'DETENTION_WARRANT', exact: true });
    expect(matchTitle('拘留正')).toMatchObject({ type: 'DETENTION_WARRANT', exact: false });
    expect(matchTitle('拘留通知')).toMatchObject({ type: 'DETENTION_NOTICE' });
    expect(matchTitle('绍兴市公安局越城区分局拘留证')).toMatchObject({ type: 'DETENTION_WARRANT', exact: true });
    expect(matchTitle('法医学人体损伤程度鉴定意见书')).toMatchObject({ type: 'APPRAISAL' });
    expect(matchTitle('鉴定意見通知书')).toMatchObject({ type: 'APPRAISAL_NOTICE' });
    expect(matchTitle('执行人 郑凯 冯磊')).toBeNull();
    expect(matchTitle('犯罪嫌疑人张伟')).toBeNull();
  });

  it('settles a title that could be 讯问 or 询问笔录 by the body', () => {
    const damaged = matchTitle('诅问笔录');
    expect(damaged?.alternatives.length).toBeGreaterThan(0);
    const interrogation = `${VOLUME_PAGES[4] ?? ''}\n${VOLUME_PAGES[5] ?? ''}`.replace('讯问笔录', '诅问笔录');
    const inquiry = (VOLUME_PAGES[6] ?? '').replace('询问笔录', '诅问笔录');
    expect(classifyDocument(interrogation, damaged).type).toBe('INTERROGATION_RECORD');
    expect(classifyDocument(inquiry, damaged).type).toBe('INQUIRY_RECORD');
  });

  it('types every form of the volume by its body alone when no title is readable', () => {
    const bodies = [0, 1, 2, 3, 4, 6, 7].map((i) => (VOLUME_PAGES[i] ?? '') + (i === 4 ? `\n${VOLUME_PAGES[5] ?? ''}` : ''));
    const types = bodies.map((b) => {
      const title = TITLES.find((t) => b.includes(t)) ?? '';
      return classifyDocument(b.replace(title, '■■'), null).type;
    });
    expect(types).toEqual(VOLUME_TRUTH.map((t) => t.type));
  });

  it('leaves a page with nothing of a known form as OTHER', () => {
    expect(classifyDocument('常住人口登记表\n户主 张伟 与户主关系 本人 曾用名 无 籍贯 浙江绍兴', null).type).toBe('OTHER');
  });
});
