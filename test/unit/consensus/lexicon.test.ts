import { describe, expect, it } from 'vitest';
import { CaseLexicon, buildLexicon, oneCharOff } from '../../../electron/core/consensus/lexicon.js';
import { addMentions, reconcileMentions } from '../../../electron/core/consensus/mentions.js';
import { reconcileFields, type ConsensusDocument } from '../../../electron/core/consensus/documents.js';
import { numberYear, oneSlipAway } from '../../../electron/core/consensus/document-dates.js';
import { extractMentions } from '../../../electron/core/extract/entities.js';

describe('case lexicon', () => {
  it('knows a one-character slip from a different name', () => {
    expect(oneCharOff('王雅竺', '王雅琴')).toBe(true);
    expect(oneCharOff('罗芳性', '罗芳')).toBe(true);
    expect(oneCharOff('王雅琴', '王雅琴')).toBe(false);
    expect(oneCharOff('罗芬麂', '罗芳')).toBe(false);
  });

  it('corrects an officer name only to a trusted reading of the same role, and only when one fits', () => {
    const lex = buildLexicon([{ fields: { investigators: ['王文彬', '王雅琴'], recorder: '王鹏飞' }, clean: true }]);
    expect(lex.correct('王雅竺', 'OFFICER')).toBe('王雅琴');
    expect(lex.correct('王雅竺', 'EXPERT')).toBeNull();
    expect(lex.correct('王雅竺')).toBeNull();
    // Read once on an OCR'd page only: not trusted enough to correct anyone to it.
    const ocrOnly = buildLexicon([{ fields: { investigators: ['钱伟'] }, clean: false }]);
    expect(ocrOnly.correct('钱佳', 'OFFICER')).toBeNull();
    // Two known names one character from the token: ambiguous, left as read.
    const two = buildLexicon([{ fields: { investigators: ['王文彬', '王文斌'] }, clean: true }]);
    expect(two.correct('王文杉', 'OFFICER')).toBeNull();
  });

  it('splits a run of names, leaving the unit that follows', () => {
    const lex = new CaseLexicon();
    for (const n of ['楼文彬', '俞强']) lex.add(n, 'OFFICER', true);
    expect(lex.split('楼文彬俞强')).toEqual(['楼文彬', '俞强']);
    expect(lex.split('楼文彬俞强绍兴市公安局')).toEqual(['楼文彬', '俞强']);
    expect(lex.split('绍兴市公安局')).toBeNull();
  });
});

describe("fields of OCR'd documents against the case's clean ones", () => {
  it("re-reads an OCR'd header with the names a text-layer record spells, keeping the original reading", () => {
    const pages = [
      {
        file: 'a.pdf',
        page: 1,
        source: 'text-layer',
        text: '讯问笔录\n时间：2024年3月5日9时至10时\n侦查员：钱伟 丁鑫\n记录员：王文彬\n被讯问人：杨浩然',
      },
      {
        file: 'b.pdf',
        page: 1,
        source: 'ocr',
        text: '讯问笔录\n时间：2024年3月6日9时至10时\n侦査员：钱伟丁鑫\n记录员：王文杉\n被讯问人：杨浩然',
      },
    ];
    const docs: ConsensusDocument[] = [
      {
        type: 'INTERROGATION_RECORD' as const,
        file: 'a.pdf',
        pageFrom: 1,
        pageTo: 1,
        date: '2024-03-05',
        fields: { investigators: ['钱伟', '丁鑫'], recorder: '王文彬' },
      },
      { type: 'INTERROGATION_RECORD' as const, file: 'b.pdf', pageFrom: 1, pageTo: 1, date: '2024-03-06', fields: { investigators: [] } },
    ];
    const { docs: out } = reconcileFields(docs, pages);
    expect(out[1]?.fields.investigators).toEqual(['钱伟', '丁鑫']);
    expect(out[1]?.fields.recorder).toBe('王文彬');
    expect(out[1]?.fields.readings).toEqual([expect.objectContaining({ original: '王文杉', corrected: '王文彬' })]);
    // The clean document is left as it was read.
    expect(out[0]).toBe(docs[0]);
  });
});

describe("person mentions on OCR'd pages", () => {
  it('corrects a slip of a known name and keeps the OCR reading; leaves a different person alone', () => {
    const clean = { ocr: false, mentions: extractMentions('犯罪嫌疑人罗芳，女。证人周涛称。犯罪嫌疑人胡涛，男。') };
    const ocr = { ocr: true, mentions: extractMentions('被讯问人：罗芬2024年10月12日\n犯罪嫌疑人胡涛性（男）') };
    const lex = buildLexicon([]);
    addMentions(lex, [clean, ocr]);
    reconcileMentions(lex, [clean, ocr]);
    const persons = ocr.mentions.filter((m) => m.type === 'PERSON');
    const fixed = persons.find((m) => m.attrs?.ocrOriginal === '罗芬');
    expect(fixed?.value).toBe('罗芳');
    expect(persons.some((m) => m.value === '罗芬')).toBe(false);
    expect(clean.mentions.filter((m) => m.type === 'PERSON').map((m) => m.value)).toContain('周涛');
  });

  it('drops a role only guessed from damaged words around a name nobody else mentions', () => {
    const clean = { ocr: false, mentions: extractMentions('犯罪嫌疑人罗芳，女。') };
    const ocr = { ocr: true, mentions: extractMentions('通知方式：电话通知、邹寄送达') };
    // 邮寄 misread 邹寄: a surname and a character, guessed a suspect from the list before it.
    expect(ocr.mentions.filter((x) => x.type === 'PERSON').map((m) => [m.value, m.attrs?.role])).toEqual([['邹寄', 'SUSPECT']]);
    const lex = buildLexicon([]);
    addMentions(lex, [clean, ocr]);
    reconcileMentions(lex, [clean, ocr]);
    for (const m of ocr.mentions.filter((x) => x.type === 'PERSON')) expect(m.attrs?.role).toBe('OTHER');
  });
});

describe('what an OCR page adds to the lexicon', () => {
  it('adds the names a role cue introduced, not a list’s next item or a nickname', () => {
    const lex = new CaseLexicon();
    addMentions(lex, [
      { ocr: true, mentions: extractMentions('被告人严小军供述，民警将正在吸毒的牟某某、龚建林抓获，其曾向外号叫“老九”的男子购买冰毒。') },
    ]);
    expect(lex.get('严小军')).toBeDefined();
    expect(lex.get('龚建林')).toBeUndefined();
    expect(lex.get('老九')).toBeUndefined();
  });
});

describe('a request dated as the decision answering it cites it', () => {
  const approval = [
    '批准逮捕决定书',
    '庐检刑批捕[2024]249号',
    '合肥市公安局庐阳分局：',
    '你局于2024年7月25日以庐公（刑）提捕字[2024]136号提请批准逮捕书提请批准逮捕犯罪嫌疑人谭泉，经本院审查认为，决定批准逮捕犯罪嫌疑人谭泉。',
  ].join('\n');
  const request = [
    '提请批准逮捕书',
    '庐公（刑）提捕字[2024]136号',
    '犯罪嫌疑人谭泉因涉嫌故意伤害罪于2024年7月23日被我局刑事拘留。',
    '此致',
    '合肥市庐阳区人民检察院',
    '二〇十四年十月二十五日',
  ].join('\n');
  const run = (requestSource: string, number = '庐公（刑）提捕字【2024】136号') =>
    reconcileFields<ConsensusDocument>(
      [
        { type: 'ARREST_REQUEST' as const, file: 'a.pdf', pageFrom: 1, pageTo: 1, date: '2024-10-25', number, fields: { subject: '谭泉' } },
        {
          type: 'ARREST_APPROVAL' as const,
          file: 'a.pdf',
          pageFrom: 2,
          pageTo: 2,
          date: null,
          number: '庐检刑批捕[2024]249号',
          fields: {},
        },
      ],
      [
        { file: 'a.pdf', page: 1, source: requestSource, text: request },
        { file: 'a.pdf', page: 2, source: 'ocr', text: approval },
      ],
    ).docs;

  it("an OCR'd sign-off under the seal (七月 read as 十月) gives way to the date the approval cites by number", () => {
    const [req, appr] = run('ocr');
    expect(appr?.fields).toMatchObject({ requestedAt: '2024-07-25', requestNumber: '庐公（刑）提捕字[2024]136号' });
    expect(req?.date).toBe('2024-07-25');
    expect(req?.fields.readings).toEqual([expect.objectContaining({ field: 'date', original: '2024-10-25', corrected: '2024-07-25' })]);
  });

  it('a request with a text layer keeps its date; a decision citing another number changes nothing', () => {
    expect(run('text-layer')[0]?.date).toBe('2024-10-25');
    expect(run('ocr', '庐公（刑）提捕字[2024]137号')[0]?.date).toBe('2024-10-25');
  });
});

describe("an OCR'd document's year against its number's", () => {
  const warrant = (source: string, number: string) =>
    reconcileFields<ConsensusDocument>(
      [{ type: 'DETENTION_WARRANT' as const, file: 'a.pdf', pageFrom: 1, pageTo: 1, date: '2026-03-05', number, fields: {} }],
      [
        {
          file: 'a.pdf',
          page: 1,
          source,
          text: '拘留证\n兹决定对犯罪嫌疑人谭浩刚执行拘留。\n二〇二六年三月五日\n本证已于2023年3月5日18时38分向我宣布。',
        },
      ],
    ).docs[0];

  it('the year a seal hid (二〇二六 for 二〇二三) is the year of 拘字〔2023〕750号', () => {
    expect(numberYear('庐公（刑）拘字〔2023]750号')).toBe(2023);
    expect(numberYear('绍越公（刑）拘字2023-750号')).toBe(2023);
    expect(numberYear('第750号')).toBeNull();
    const w = warrant('ocr', '庐公（刑）拘字〔2023〕750号');
    expect(w?.date).toBe('2023-03-05');
    expect(w?.fields.readings).toEqual([expect.objectContaining({ field: 'date', original: '2026-03-05', corrected: '2023-03-05' })]);
  });

  it('a text layer, or a number without a year, keeps the date read', () => {
    expect(warrant('text-layer', '庐公（刑）拘字〔2023〕750号')?.date).toBe('2026-03-05');
    expect(warrant('ocr', '拘字第750号')?.date).toBe('2026-03-05');
  });
});

describe("an OCR'd sign-off one numeral slip from the week of its act", () => {
  const warrant = (source: string, date: string, executedAt = '2023-03-14T13:50:00+08:00') =>
    reconcileFields<ConsensusDocument>(
      [
        {
          type: 'ARREST_WARRANT' as const,
          file: 'a.pdf',
          pageFrom: 1,
          pageTo: 1,
          date,
          number: '吴公（刑）捕字〔2023〕72号',
          fields: { executedAt },
        },
      ],
      [
        {
          file: 'a.pdf',
          page: 1,
          source,
          text: `逮捕证\n兹决定对犯罪嫌疑人唐福海执行逮捕。\n${date}\n本证已于2023年3月14日13时50分向我宣布。`,
        },
      ],
    ).docs[0];

  it('二月十四日 under the seal on a warrant executed on 3月14日 is 三月十四日', () => {
    expect(oneSlipAway('2024-07-25')).toEqual(expect.arrayContaining(['2024-10-25', '2024-07-15']));
    const w = warrant('ocr', '2023-02-14');
    expect(w?.date).toBe('2023-03-14');
    expect(w?.fields.readings).toEqual([expect.objectContaining({ field: 'date', original: '2023-02-14', corrected: '2023-03-14' })]);
  });

  it('characters the seal hid: 六月五日 for 六月二十五日 on a warrant executed 6月25日; a notice signed for on 4月30日 read 四月十日', () => {
    const late = reconcileFields<ConsensusDocument>(
      [
        {
          type: 'ARREST_WARRANT' as const,
          file: 'a.pdf',
          pageFrom: 1,
          pageTo: 1,
          date: '2024-06-05',
          number: '越公（刑）捕字〔2024〕0781号',
          fields: {},
        },
      ],
      [
        {
          file: 'a.pdf',
          page: 1,
          source: 'ocr',
          text: '逮捕证\n兹决定对犯罪嫌疑人邓斌执行逮捕。\n二〇二四年六月五日\n本证已于2024年6月25日15:20向我宣布',
        },
      ],
    ).docs[0];
    expect(late?.date).toBe('2024-06-25');
    const notice = reconcileFields<ConsensusDocument>(
      [
        {
          type: 'APPRAISAL_NOTICE' as const,
          file: 'a.pdf',
          pageFrom: 1,
          pageTo: 1,
          date: '2024-04-10',
          number: null,
          fields: { notifiedAt: '2024-04-30T14:30:00+08:00' },
        },
      ],
      [{ file: 'a.pdf', page: 1, source: 'ocr', text: '鉴定意见通知书\n二〇二四年四月十日\n本通知书已于2024年4月30日14时30分收到' }],
    ).docs[0];
    expect(notice?.date).toBe('2024-04-30');
  });

  it('a warrant signed long before it was executed (a fugitive caught later) keeps its date, and so does a text layer', () => {
    expect(warrant('ocr', '2023-01-05')?.date).toBe('2023-01-05');
    expect(warrant('text-layer', '2023-02-14')?.date).toBe('2023-02-14');
    // Signed the day before: nothing to settle.
    expect(warrant('ocr', '2023-03-13')?.date).toBe('2023-03-13');
  });
});
