// Persons in free text (issue #12, item 5): masked names in every printed form, nicknames,
// lists, and the edges of a name next to verbs, places and form labels. Sentences written
// for these tests.
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';

const persons = (t: string): string[] => extractMentions(t).filter((m) => m.type === 'PERSON').map((m) => m.text);

describe('masked names', () => {
  it('keeps the last given character after 某 (孔某辉) but not the next word (邹某三次)', () => {
    expect(persons('被告人多次将冰毒贩卖给孔某辉、钱某涛等人。')).toEqual(['孔某辉', '钱某涛']);
    expect(persons('其在家中先后容留邹某三次、严某二次吸食毒品。')).toEqual(['邹某', '严某']);
    expect(persons('被告人与吸毒人员许某某一起吸食。')).toEqual(['许某某']);
    expect(persons('以300元的价格卖给蔡某甲基苯丙胺一小包。')).toEqual(['蔡某']);
    expect(persons('被告人向某某将毒品交给吴某乙后离开。')).toEqual(['向某某', '吴某乙']);
  });

  it('reads masks printed as X, ×, x or asterisks, with a serial number or a given character', () => {
    expect(persons('被告人蒋XX在其租住处容留冯×、韩X勇吸食毒品。')).toEqual(['蒋XX', '冯×', '韩X勇']);
    expect(persons('被告人姚某1在家中，将1包冰毒卖给姚某2。')).toEqual(['姚某1', '姚某2']);
    expect(persons('被告人甘某将冰毒卖给姚某1包。')).toEqual(['甘某', '姚某']);
    expect(persons('盗走被害人魏**的黑色手提包。')).toEqual(['魏**']);
    expect(persons('被告人XXX驾驶小轿车行驶至本市。')).toEqual(['XXX']);
  });

  it('does not read a masked address or plate as a person', () => {
    expect(persons('被告人戚某在本市长宁路xxx弄xx号附近被抓获。')).toEqual(['戚某']);
    expect(persons('被告人戚某窜至**市**区**路**号**楼**室。')).toEqual(['戚某']);
    expect(persons('盗走停放在**小区**栋楼下的电动车。')).toEqual([]);
  });

  it('reads longer surnames and a given character kept before the mask after a cue', () => {
    expect(persons('被告人吉克某某在其出租房内贩卖毒品。')).toEqual(['吉克某某']);
    expect(persons('被告人钟永某在其家中容留他人吸毒。')).toEqual(['钟永某']);
  });
});
