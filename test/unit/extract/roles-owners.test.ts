// Roles from what the text says of a person, identifiers attached to their owner, and one
// person read two ways by OCR (issue #12, item 5). Sentences and records written for these tests.
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../../electron/core/extract/entities.js';
import type { Mention } from '../../../electron/core/extract/entities.js';
import { applyRecordSubject, inquirySubjectRole, settleSubjectReadings } from '../../../electron/core/extract/records.js';
import { ocrVariant, resolveEntities } from '../../../electron/core/extract/resolve.js';
import type { LocatedMention } from '../../../electron/core/extract/resolve.js';

const person = (ms: Mention[], name: string) => ms.find((m) => m.type === 'PERSON' && m.value === name);
const locate = (ms: Mention[], document: string, page = 1): LocatedMention[] => ms.map((m) => ({ ...m, document, page }));

describe('the head of an organ who signs', () => {
  it('is an officer and the approver, never a suspect', () => {
    for (const text of [
      '拘留证\n犯罪嫌疑人蒋立新涉嫌盗窃罪。\n局长　韩振东（印）\n二〇二三年五月六日',
      '批准人：副局长 韩振东',
      '所长\n韩振东（印）',
    ]) {
      const m = person(extractMentions(text), '韩振东');
      expect(m?.attrs).toMatchObject({ role: 'OFFICER', function: '审批人' });
    }
  });

  it('takes a sealed signature under 负责人 for the approver', () => {
    expect(person(extractMentions('办案单位负责人　骆建平（印）'), '骆建平')?.attrs).toMatchObject({ role: 'OFFICER', function: '审批人' });
  });

  it('resolves the approver as an officer even where the text elsewhere guesses otherwise', () => {
    const people = resolveEntities([
      ...locate(extractMentions('局长　韩振东（印）'), 'd1'),
      ...locate(extractMentions('随后，韩振东赶到现场。'), 'd2'),
    ]).filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]?.attributes).toMatchObject({ role: 'OFFICER', function: '审批人' });
  });
});

const VICTIM_RECORD = [
  '询问笔录',
  '询问人：郑凯、冯磊',
  '被询问人姓名：丁淑珍 性别：女',
  '问：你因何事来派出所？',
  '答：我来报案，我的电动车昨晚在小区楼下被偷了。',
  '问：你的联系方式？',
  '答：我的手机号是13936560723，我的银行卡6222021234567894也被人刷了。',
].join('\n');

const WITNESS_RECORD = ['询问笔录', '被询问人姓名：邵国华 性别：男', '问：你知道什么情况？', '答：我当时看到一个男子在楼下撬电动车。'].join(
  '\n',
);

describe('the subject of an inquiry record', () => {
  it('is the victim when the record shows it, a witness otherwise', () => {
    expect(inquirySubjectRole(VICTIM_RECORD)).toBe('VICTIM');
    expect(inquirySubjectRole(WITNESS_RECORD)).toBe('WITNESS');
    expect(inquirySubjectRole('询问笔录\n被询问人（被害人）：丁淑珍\n问：你的身份情况？\n答：我叫丁淑珍。')).toBe('VICTIM');
  });

  it('makes the victim’s mentions VICTIM and gives her the identifiers she calls her own', () => {
    const page = { mentions: extractMentions(VICTIM_RECORD) };
    expect(person(page.mentions, '丁淑珍')?.attrs?.role).toBe('WITNESS');
    applyRecordSubject({ name: '丁淑珍', type: 'INQUIRY_RECORD' }, VICTIM_RECORD, [page]);
    expect(person(page.mentions, '丁淑珍')?.attrs?.role).toBe('VICTIM');
    const resolved = resolveEntities(locate(page.mentions, 'd1'));
    const victim = resolved.find((e) => e.type === 'PERSON' && e.value === '丁淑珍');
    expect(victim?.attributes).toMatchObject({
      role: 'VICTIM',
      phone: '13936560723',
      bankCard: '6222021234567894',
      cards: ['6222021234567894'],
    });
    expect(resolved.find((e) => e.type === 'BANK_CARD')?.attributes.owner).toBe('丁淑珍');
    // A witness stays a witness.
    const witness = { mentions: extractMentions(WITNESS_RECORD) };
    applyRecordSubject({ name: '邵国华', type: 'INQUIRY_RECORD' }, WITNESS_RECORD, [witness]);
    expect(person(witness.mentions, '邵国华')?.attrs?.role).toBe('WITNESS');
  });
});

describe('identifiers and their owners', () => {
  it('gives the suspect the ID and phone he states in his own interrogation', () => {
    const text = '讯问笔录\n被讯问人：俞家明\n问：你的身份证号码和手机号？\n答：我的身份证号码是33060219900503123X，手机号是13800138000。';
    const page = { mentions: extractMentions(text) };
    applyRecordSubject({ name: '俞家明', type: 'INTERROGATION_RECORD' }, text, [page]);
    const p = resolveEntities(locate(page.mentions, 'd1')).find((e) => e.type === 'PERSON' && e.value === '俞家明');
    expect(p?.attributes).toMatchObject({ role: 'SUSPECT', idNumber: '33060219900503123X', idValid: true, phone: '13800138000' });
    expect(resolveEntities(locate(page.mentions, 'd1')).find((e) => e.type === 'PHONE')?.attributes.owner).toBe('俞家明');
    // A number the question asks about is not the speaker's word.
    const asked = extractMentions('问：13900139000是你的手机号吗？');
    expect(asked.find((m) => m.type === 'PHONE')?.attrs?.ownerSpeaker).toBeUndefined();
  });

  it('gives a card to the person the sentence names as its holder, not to the suspect beside it', () => {
    const ms = extractMentions('犯罪嫌疑人俞家明将被害人丁淑珍的银行卡6222021234567894内的钱转走。');
    expect(ms.find((m) => m.type === 'BANK_CARD')?.attrs?.owner).toBe('丁淑珍');
    const own = extractMentions('答：我是用我自己的银行卡6222021234567894收的钱。');
    expect(own.find((m) => m.type === 'BANK_CARD')?.attrs?.ownerSpeaker).toBe(true);
    const holder = extractMentions('将钱汇入银行卡（户名：裘国良，卡号6222021234567894）。');
    expect(holder.find((m) => m.type === 'BANK_CARD')?.attrs?.owner).toBe('裘国良');
  });

  it('records the card on the suspect’s entity when the sentence gives it to him', () => {
    const ms = locate(extractMentions('犯罪嫌疑人俞家明用其本人的银行卡6222021234567894收取赃款，被害人丁淑珍报警。'), 'd1');
    const resolved = resolveEntities(ms);
    const holderName = resolved.find((e) => e.type === 'BANK_CARD')?.attributes.owner;
    expect(holderName).toBe('俞家明');
    expect(resolved.find((e) => e.value === '丁淑珍')?.attributes.cards).toBeUndefined();
  });
});

describe('one person read two ways by OCR', () => {
  it('knows the glyph pairs OCR confuses', () => {
    expect(ocrVariant('胡玉珍', '胡王珍')).toBe(true);
    expect(ocrVariant('李己明', '李已明')).toBe(true);
    expect(ocrVariant('周涛', '胡涛')).toBe(false);
    expect(ocrVariant('张丽', '张莉')).toBe(false);
  });

  it('merges the two readings into one entity, the other kept as an alias', () => {
    const ms = [
      ...locate(extractMentions('被害人胡玉珍报称其手机被盗。'), 'd1'),
      ...locate(extractMentions('被害人胡玉珍，女，1968年12月25日出生。'), 'd2'),
      ...locate(extractMentions('被害人胡王珍陈述称'), 'd3'),
    ];
    const people = resolveEntities(ms).filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]?.value).toBe('胡玉珍');
    expect(people[0]?.attributes.aliases).toEqual(['胡王珍']);
  });

  it('merges them, but not when their roles or valid ID numbers differ', () => {
    expect(
      resolveEntities([
        ...locate(extractMentions('证人胡玉珍称其看见了。'), 'd1'),
        ...locate(extractMentions('证人胡王珍陈述'), 'd2'),
      ]).filter((e) => e.type === 'PERSON'),
    ).toHaveLength(1);
    const roles = resolveEntities([
      ...locate(extractMentions('被害人胡玉珍报称其手机被盗。'), 'd1'),
      ...locate(extractMentions('犯罪嫌疑人胡王珍到案。'), 'd2'),
    ]).filter((e) => e.type === 'PERSON');
    expect(roles).toHaveLength(2);
    const ids = resolveEntities([
      ...locate(extractMentions('证人胡玉珍，身份证号码：33060219900503123X。'), 'd1'),
      ...locate(extractMentions('证人胡王珍，身份证号码：330602200802290045。'), 'd2'),
    ]).filter((e) => e.type === 'PERSON');
    expect(ids).toHaveLength(2);
  });
});

describe("a form's subject read two ways on its own page", () => {
  it('the signature one character off the subject is the subject; another person named on the form is not touched', () => {
    const mentions = extractMentions(
      '逮捕证\n兹决定对涉嫌盗窃罪的许露月（性别女）执行逮捕。\n被逮捕人：许露（捺指印）\n执行人：何亮\n被逮捕人家属：许露华',
    );
    expect(person(mentions, '许露')).toBeTruthy();
    expect(settleSubjectReadings('许露月', [{ ocr: true, mentions }])).toBe(1);
    expect(person(mentions, '许露')).toBeUndefined();
    expect(mentions.filter((m) => m.type === 'PERSON' && m.value === '许露月').some((m) => m.attrs?.ocrOriginal === '许露')).toBe(true);
    expect(person(mentions, '何亮')).toBeTruthy();
  });

  it('a page nobody had to OCR keeps what it says', () => {
    const mentions = extractMentions('被逮捕人：许露（捺指印）');
    expect(settleSubjectReadings('许露月', [{ ocr: false, mentions }])).toBe(0);
  });
});
