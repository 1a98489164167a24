// Persons in free text (issue #12, item 5): masked names in every printed form, nicknames,
// lists, and the edges of a name next to verbs, places and form labels. Sentences written
// for these tests.
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';

const persons = (t: string): string[] =>
  extractMentions(t)
    .filter((m) => m.type === 'PERSON')
    .map((m) => m.text);

describe('masked names', () => {
  it('keeps the last given character after 某 (孔某辉) but not the next word (邹某三次)', () => {
    expect(persons('被告人多次将冰毒贩卖给孔某辉、钱某涛等人。')).toEqual(['孔某辉', '钱某涛']);
    expect(persons('其在家中先后容留邹某三次、严某二次吸食毒品。')).toEqual(['邹某', '严某']);
    expect(persons('被告人与吸毒人员许某某一起吸食。')).toEqual(['许某某']);
    expect(persons('以300元的价格卖给蔡某甲基苯丙胺一小包。')).toEqual(['蔡某']);
    expect(persons('被告人向某某将毒品交给吴某乙后离开。')).toEqual(['向某某', '吴某乙']);
    expect(persons('被告人周一某将海洛因卖给何二某。')).toEqual(['周一某', '何二某']);
    expect(persons('民警从被告人冯某甲房间缴获毒品。')).toEqual(['冯某甲']);
    // A verb or a negation after 某 is the next word.
    expect(persons('公诉机关指控被告人甘某犯贩卖毒品罪。')).toEqual(['甘某']);
    expect(persons('建议对被告人甘某不适用缓刑。')).toEqual(['甘某']);
  });

  it('reads masks printed as X, ×, x or asterisks, with a serial number or a given character', () => {
    expect(persons('被告人蒋XX在其租住处容留冯×、韩X勇吸食毒品。')).toEqual(['蒋XX', '冯×', '韩X勇']);
    expect(persons('被告人姚某1在家中，将1包冰毒卖给姚某2。')).toEqual(['姚某1', '姚某2']);
    expect(persons('被告人甘某将冰毒卖给姚某1包。')).toEqual(['甘某', '姚某']);
    expect(persons('盗走被害人魏**的黑色手提包。')).toEqual(['魏**']);
    expect(persons('被告人XXX驾驶小轿车行驶至本市。')).toEqual(['XXX']);
    // The same marks in an address or a plate are no one.
    expect(persons('被告人戚某在本市长宁路xxx弄xx号附近被抓获。')).toEqual(['戚某']);
    expect(persons('被告人戚XX窜至**市**区**路**号**楼**室。')).toEqual(['戚XX']);
    expect(persons('盗走停放在**小区**栋楼下的电动车。')).toEqual([]);
  });

  it('reads longer surnames and a given character kept before the mask after a cue', () => {
    expect(persons('被告人吉克某某在其出租房内贩卖毒品。')).toEqual(['吉克某某']);
    expect(persons('被告人钟永某在其家中容留他人吸毒。')).toEqual(['钟永某']);
    // Not a kinship word before the name: 其女友|莫某某.
    expect(persons('被告人严某将冰毒放于其女友莫某某的包内。')).toEqual(['严某', '莫某某']);
  });
});

describe('nicknames', () => {
  const ms = (t: string) => extractMentions(t).filter((m) => m.type === 'PERSON');
  it('reads a nickname the text gives a person, without its quotes', () => {
    expect(persons('被告人严某向一名外号叫“老九”的男子购买冰毒。')).toEqual(['严某', '老九']);
    expect(persons('被告人严某从“瘦猴”（另案处理）处购得海洛因。')).toEqual(['严某', '瘦猴']);
    expect(persons('被告人严某绰号“阿强”，与同案人“大头”一起贩卖毒品。')).toEqual(['严某', '阿强', '大头']);
    expect(persons('被告人容留潘某某、安某某、“大全”等人吸食冰毒。')).toEqual(['潘某某', '安某某', '大全']);
    expect(persons('被告人严某向老邱（另案处理）购买冰毒。')).toEqual(['严某', '老邱']);
    // A drug, a brand or a shop in quotes is no one.
    expect(persons('被告人严某以300元的价格向“老九”贩卖“冰毒”一包、“麻古”两粒。')).toEqual(['严某', '老九']);
    expect(persons('被告人严某在“好运来”宾馆房间内吸食毒品。')).toEqual(['严某']);
  });

  it('takes a nickname in brackets after a name for that person’s other name', () => {
    const found = ms('被告人召集郑某乙（“阿飞”）、何某（“胖子”）等人吸食毒品。');
    expect(found.map((m) => m.text)).toEqual(['郑某乙', '阿飞', '何某', '胖子']);
    expect(found[1]?.attrs).toMatchObject({ nickname: true, aliasOf: '郑某乙' });
  });
});

describe('names after the words of a drug case', () => {
  it('reads names after 吸毒人员, 同案人, 容留 and 卖给, and in lists of plain names', () => {
    expect(persons('被告人容留吸毒人员蒲成林、计红梅吸食毒品。')).toEqual(['蒲成林', '计红梅']);
    expect(persons('被告人在家中容留江海波、杜晓明吸食冰毒。')).toEqual(['江海波', '杜晓明']);
    expect(persons('被告人以200元的价格卖给宁少华冰毒一包。')).toEqual(['宁少华']);
  });
});

describe('the edges of a name', () => {
  it('stops a name before a form label, a verb or a place word', () => {
    expect(persons('被告人陈红性别女，汉族。')).toEqual(['陈红']);
    expect(persons('被告人邵丹接到电话后赶到现场。')).toEqual(['邵丹']);
    expect(persons('民警当场从被告人韦刚身上搜出毒品。')).toEqual(['韦刚']);
    expect(persons('对被告人蒙强应以贩卖毒品罪追究刑事责任。')).toEqual(['蒙强']);
    expect(persons('被告人房志强于2016年3月2日被抓获。')).toEqual(['房志强']);
  });

  it('does not take the verb after 民警 for an officer', () => {
    expect(persons('被告人严某在宾馆内吸食毒品时被公安民警查获。')).toEqual(['严某']);
    expect(persons('值勤民警依法对其进行盘查。')).toEqual([]);
  });

  it('reads a name whose surname is also an everyday word right after a cue', () => {
    expect(persons('被告人方卫东伙同他人盗窃。')).toEqual(['方卫东']);
    expect(persons('被害人向民警报称其手机被盗。')).toEqual([]);
  });
});

describe('names with no cue', () => {
  it('reads a name jieba cut after its surname, and a plain name before a body word or a place word', () => {
    expect(persons('随后，邝春华趁四周无人，将该电动车盗走。')).toEqual(['邝春华']);
    expect(persons('经尿液检测，在宁志刚尿液中检出甲基苯丙胺成分。')).toEqual(['宁志刚']);
    expect(persons('民警从被告人严某处查获毒品，从邹某丽处查获现金。')).toEqual(['严某', '邹某丽']);
    expect(persons('以200元的价格向代某销售冰毒一包。')).toEqual(['代某']);
  });

  it('does not read goods, a shop or a date masked with 某 as a person', () => {
    expect(persons('窃得金项链1条、金锁1个、玉镯2个。')).toEqual([]);
    expect(persons('被告人严某将项链卖给金银加工店。')).toEqual(['严某']);
    expect(persons('2014年4月某日，被告人严某在其租住处吸毒。')).toEqual(['严某']);
    expect(persons('被告人严某在本市栖霞区某某城小区门口被抓获。')).toEqual(['严某']);
    expect(persons('查获被告人严某所有的冰毒一袋。')).toEqual(['严某']);
  });
});

describe('lists of persons', () => {
  it('reads every name of a list that starts with a person, in the head’s role', () => {
    const ms = extractMentions('民警将正在吸毒的被告人蒲某某、龚建林、岑威力抓获。').filter((m) => m.type === 'PERSON');
    expect(ms.map((m) => m.text)).toEqual(['蒲某某', '龚建林', '岑威力']);
    expect(ms.map((m) => m.attrs?.role)).toEqual(['SUSPECT', 'SUSPECT', 'SUSPECT']);
    expect(persons('被告人伙同严某与汤晓峰一起吸食毒品。')).toEqual(['严某', '汤晓峰']);
  });

  it('prefers the name a cue introduced over jieba’s shorter reading elsewhere', () => {
    expect(persons('被告人张开刚再次来到其家中。公安机关当场从张开刚身上缴获毒品。')).toEqual(['张开刚', '张开刚']);
  });
});

describe('more edges', () => {
  it('keeps 和 inside a name when a particle follows it, and ends a name before 后', () => {
    expect(persons('被告人秦永和以营利为目的贩卖毒品。')).toEqual(['秦永和']);
    expect(persons('被告人柏海和孔丽一起吸毒。')).toEqual(['柏海', '孔丽']);
    expect(persons('被告人严某将冰毒交给付军后与其一起吸食。')).toEqual(['严某', '付军']);
  });

  it('does not take a car model or a masked room for a person', () => {
    expect(persons('被告人严某驾驶宝马X5越野车离开。')).toEqual(['严某']);
    expect(persons('被告人严某在和谐住宿某房内被抓获。')).toEqual(['严某']);
  });
});

describe('things that read like persons', () => {
  it('does not take a locative, a list of goods, a masked drug or a place fragment for a person', () => {
    expect(persons('民警在快递包内查出冰毒。')).toEqual([]);
    expect(persons('窃得打印机1台、夏普复印机1台。')).toEqual([]);
    expect(persons('被告人严某容留他人吸食毒品麻某后被抓获。')).toEqual(['严某']);
    expect(persons('被告人严某在大连市西岗区万某华府门口贩卖毒品。')).toEqual(['严某']);
    expect(persons('被告人严某窜至本村田某某家中盗窃。')).toEqual(['严某', '田某某']);
    expect(persons('长宁县公安局长宁镇派出所民警接到举报。')).toEqual([]);
  });
});

describe('everyday-word surnames', () => {
  it('reads 向/于 as a surname after a cue or in a list, not when a word or a date follows', () => {
    expect(persons('被告人向成英在兴义市贩卖毒品。')).toEqual(['向成英']);
    expect(persons('被害人向公安机关报案。')).toEqual([]);
    expect(persons('被告人于2015年3月被抓获。')).toEqual([]);
    expect(persons('被告人与同案人于章丽（另案处理）租住在一起。')).toEqual(['于章丽']);
    expect(persons('被告人容留王某、穆某某、于洋三人吸食毒品。')).toEqual(['王某', '穆某某', '于洋']);
  });

  it('reads an X-masked name after a verb jieba glued to its surname', () => {
    expect(persons('以300元的价格贩卖给黎XX，刚交易完毕即被抓获。')).toEqual(['黎XX']);
  });
});

describe('a surname that is also a word, with no cue', () => {
  it('keeps 方 with the given name jieba cut from it (方卫东), not in 对方 or 双方', () => {
    expect(persons('随后方卫东将手机卖掉。')).toEqual(['方卫东']);
    expect(persons('经查，方卫东于2022年3月被抓获。')).toEqual(['方卫东']);
    expect(persons('对方卫东说不认识。')).toEqual([]);
  });
});
