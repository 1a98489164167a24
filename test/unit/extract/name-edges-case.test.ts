// A name whose edge a page could only guess (a line's wrap inside it, a verb run into it) is
// settled by the rest of the case: the name as the case prints it where its end is certain.
// Two names that are both printed that way are two people, whatever the wrap suggests.
// Sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';
import { resolveEntities, type LocatedMention, type ResolvedEntity } from '../../../electron/core/extract/resolve.js';

const locate = (text: string, document: string, page = 1): LocatedMention[] => extractMentions(text).map((m) => ({ ...m, document, page }));
const persons = (ms: LocatedMention[]): ResolvedEntity[] => resolveEntities(ms).filter((e) => e.type === 'PERSON');
const names = (ms: LocatedMention[]): string[] =>
  persons(ms)
    .map((e) => e.value)
    .sort();

const SUSPECT_WU = '犯罪嫌疑人吴建明，男，1986年8月10日出生，身份证号码：340102198608101516，住合肥市庐阳区。';

describe('a name cut short or run on, settled by the case', () => {
  it('takes a reading that stops one character short of a name the case prints whole for that name', () => {
    const answer = locate('答：后来吴建明说那个包里有钱，分了一些给我。', 'd2');
    // The page alone reads 吴建|明说: 明说 is a word.
    expect(answer.filter((m) => m.type === 'PERSON').map((m) => m.value)).toEqual(['吴建']);
    const people = persons([...locate(SUSPECT_WU, 'd1'), ...answer]);
    expect(people.map((e) => e.value)).toEqual(['吴建明']);
    const m = people[0]!.mentions.find((x) => x.document === 'd2');
    expect([m?.text, m?.value]).toEqual(['吴建明', '吴建明']);
  });

  it('joins a surname left at the end of a wrapped line to the name the case knows', () => {
    const warrant = locate(
      '根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人何\n华鑫（性别男，出生日期1986年8月10日）执行拘留。',
      'd2',
    );
    const people = persons([...locate('犯罪嫌疑人何华鑫，男，汉族，初中文化。', 'd1'), ...warrant]);
    expect(people.map((e) => e.value)).toEqual(['何华鑫']);
    const m = people[0]!.mentions.find((x) => x.document === 'd2');
    expect(m?.text).toBe('何\n华鑫');
  });

  it('cuts a reading that runs one character past a name the case prints whole', () => {
    const story = locate('经查，犯罪嫌疑人孟建翻窗入室，盗走现金二千元。', 'd2');
    expect(story.filter((m) => m.type === 'PERSON').map((m) => m.value)).toEqual(['孟建翻']);
    expect(names([...locate('犯罪嫌疑人孟建，男，1990年1月1日出生。', 'd1'), ...story])).toEqual(['孟建']);
  });

  it("leaves the page's reading alone when the case never prints the other form", () => {
    // 吴建 is all this case says: no 吴建明 anywhere to stand for.
    expect(names(locate('答：后来吴建明说那个包里有钱，分了一些给我。', 'd2'))).toEqual(['吴建']);
    expect(names(locate('经查，犯罪嫌疑人孟建翻窗入室，盗走现金二千元。', 'd2'))).toEqual(['孟建翻']);
  });

  it('keeps two people whose names differ by one character when both are printed whole', () => {
    const ms = [
      ...locate('证人张伟，男，1979年2月3日出生，身份证号码：340102197902031518。', 'd1'),
      ...locate('犯罪嫌疑人张伟强，男，1995年6月7日出生，身份证号码：340102199506071517。', 'd2'),
      // A wrap after 张伟 that 强 continues: the page cannot tell, nor can the case.
      ...locate('答：我看见张伟\n强把包拿走了。', 'd3'),
      ...locate('答：后来吴建明说那个包里有钱，分了一些给我。', 'd3'),
    ];
    const people = persons(ms);
    expect(people.map((e) => e.value).sort()).toEqual(['吴建', '张伟', '张伟强']);
    const zw = people.find((e) => e.value === '张伟');
    expect(zw?.attributes.idNumber).toBe('340102197902031518');
    expect(people.find((e) => e.value === '张伟强')?.attributes.role).toBe('SUSPECT');
  });
});

describe('a party and a part played', () => {
  it('reads the 报案人 who is the 失主 as the victim, both said as firmly', () => {
    const ms = [
      ...locate('报案人：孙蕾 性别：女 出生日期：1968年9月8日', 'd1'),
      ...locate('经查，失主孙蕾的电动车停放在小区车棚内。', 'd2'),
    ];
    expect(ms.filter((m) => m.type === 'PERSON').map((m) => [m.attrs?.role, m.attrs?.roleStrength])).toEqual([
      ['REPORTER', 4],
      ['VICTIM', 4],
    ]);
    expect(persons(ms).map((e) => [e.value, e.attributes.role])).toEqual([['孙蕾', 'VICTIM']]);
    // A reporter who is no party stays the reporter.
    expect(persons(locate('报案人：孙蕾 性别：女 出生日期：1968年9月8日', 'd1')).map((e) => e.attributes.role)).toEqual(['REPORTER']);
  });
});
