// Fields read off pages OCR damaged: the shapes below are what chi_sim printed for the
// generated scans (spaces lost, labels misread, 日 read as 目 or "11", names run together).
import { describe, expect, it } from 'vitest';
import { documentDate, readFields, readSignOffDate, repairOcrDates } from '../../../electron/core/catalogue/fields.js';
import { CaseLexicon } from '../../../electron/core/consensus/lexicon.js';

function lexiconOf(entries: [string, string][]): CaseLexicon {
  const lex = new CaseLexicon();
  for (const [name, role] of entries) lex.add(name, role, true);
  return lex;
}

describe('record header read through OCR damage', () => {
  it('reads names whose separating space before the unit was lost', () => {
    const text = [
      '讯问笔录',
      '（第3次）',
      '时间：2023年10月19日9时20分至2023年10月19日10时22分',
      '地点：绍兴市看守所第5讯问室',
      '侦查员姓名、单位：王文彬、王雅琴绍兴市公安局越城区分局刑事侦查大队',
      '记录员姓名、单位：王鹏飞绍兴市公安局越城区分局刑事侦查大队',
      '被讯问人姓名：黄俊杰性别：男出生日期：1971年3月12日',
      '问：你以前讲的是否属实？',
    ].join('\n');
    const { fields } = readFields('INTERROGATION_RECORD', text, null);
    expect(fields).toMatchObject({ investigators: ['王文彬', '王雅琴'], recorder: '王鹏飞', subject: '黄俊杰' });
  });

  it('reads damaged labels, a damaged 至 and 日 read as digits', () => {
    const text = [
      '询问笔录',
      '（第1次）',
      '时间：2023年10月101114时10分致2023年10月101115时11分',
      '地炎：绍兴市公安局越城区分局越城派出所询问室。',
      '询问人姓名、单位：楼文彬、俞强o““7',
      '记灵员：杨涛',
      '被询问人姓名：周静 性别：女',
    ].join('\n');
    const { fields } = readFields('INQUIRY_RECORD', text, null);
    expect(fields.start).toBe('2023-10-10T14:10:00+08:00');
    expect(fields.end).toBe('2023-10-10T15:11:00+08:00');
    expect(fields.place).toMatch(/^绍兴市公安局越城区分局越城派出所询问室/);
    expect(fields.investigators).toEqual(['楼文彬', '俞强']);
    expect(fields.recorder).toBe('杨涛');
  });

  it('takes the investigators from the signatures when the header line is lost, and never a sentence of the record', () => {
    const text = [
      '讯问笔录',
      '（第3次）',
      '时间：2024年10月12日9时20分至同日11时9分',
      '地点：绍兴市看守所第4讯问室',
      '记录员姓名、单位：林桂芳绍兴市公安局柯桥区分局刑事侦查大队',
      '问：我们是绍兴市公安局柯桥区分局的侦查人员（出示工作证件），现依法对你进行讯问，你应当如实回答，听清楚了吗？',
      '答：听清楚了。',
      '以上笔录我看过，和我说的相符。',
      '被讯问人：罗芳2024年10月12日',
      '使查员：钱俊杰邓春梅',
      '记录员：林桂芳',
    ].join('\n');
    const { fields } = readFields('INTERROGATION_RECORD', text, null);
    expect(fields.investigators).toEqual(['钱俊杰', '邓春梅']);
  });

  it('splits names printed without a separator by the names the case knows, and corrects a one-character slip', () => {
    const lexicon = lexiconOf([
      ['钱伟', 'OFFICER'],
      ['丁鑫', 'OFFICER'],
      ['王雅琴', 'OFFICER'],
      ['王文彬', 'OFFICER'],
    ]);
    const a = readFields('INTERROGATION_RECORD', '讯问笔录\n时间：2024年3月5日9时至10时\n侦查员：钱伟丁鑫\n记录员：王文彬', null, {
      lexicon,
    });
    expect(a.fields.investigators).toEqual(['钱伟', '丁鑫']);
    const b = readFields('INTERROGATION_RECORD', '讯问笔录\n时间：2024年3月5日9时至10时\n侦查员：王文彬 王雅竺\n记录员：钱伟', null, {
      lexicon,
    });
    expect(b.fields.investigators).toEqual(['王文彬', '王雅琴']);
    expect(lexicon.readings).toContainEqual(expect.objectContaining({ original: '王雅竺', corrected: '王雅琴' }));
    // Without the lexicon the slip stays as read: nothing invents a name.
    expect(readFields('INTERROGATION_RECORD', '侦查员：王文彬 王雅竺', null).fields.investigators).toEqual(['王文彬', '王雅竺']);
  });

  it('does not correct a person outside the role: a witness one character off a suspect is another person', () => {
    const lexicon = lexiconOf([['胡涛', 'SUBJECT']]);
    const { fields } = readFields('INQUIRY_RECORD', '询问笔录\n被询问人姓名：周涛 性别：男', null, { lexicon });
    expect(fields.subject).toBe('周涛');
  });
});

describe('procedural times on OCR-damaged warrants', () => {
  it('never takes a birth date for the execution time, even when the seal date is unreadable', () => {
    const text = [
      '逮捕证',
      '柯公（刑）捕字[2024 0515号',
      '兹由我局侦查员钱俊杰、邓春梅对涉嫌诈骗罪的罗芳（性别女，出生日期1972年2月08日住地浙江省绍兴市）执行逸捕，送绍兴市看守所羁押。',
      '二（「二四年十月十一日|',
      '被途捕人：罗芳怡通李一',
      '执行火|钱俊杰邓春梅|执行时间“| 2024年10月11月16时20分',
    ].join('\n');
    const { fields } = readFields('ARREST_WARRANT', text, null);
    expect(fields.executedAt).toBe('2024-10-11T16:20:00+08:00');
  });

  it('reads an execution minute whose 分 became a digit, and a time after a dotted date and a colon', () => {
    expect(repairOcrDates('执行时间 2023年10月11日13时194')).toBe('执行时间 2023年10月11日13时19分');
    expect(readFields('ARREST_NOTICE', '冯娜：\n通知时间：2024.10.11 19;55\n被通知人：冯娜', null).fields.notifiedAt).toBe(
      '2024-10-11T19:55:00+08:00',
    );
  });

  it('reads a seal date whose year digit is damaged, and does not take a commission date for the sign-off', () => {
    expect(readSignOffDate('委托日期：2023年10月12日\n鉴定人：司马强 罗敏\n绍兴市越城区价格认证中心\n二C二三年十月十八日')).toBe(
      '2023-10-18',
    );
    expect(
      documentDate('APPRAISAL', '鉴定意见书\n委托日期：2024年10月7日\n鉴定人：钱子豪 彭淑珍\n绍关市公安局电孔数据鏖宕中心'),
    ).toBeNull();
  });
});

describe('seizure list witness and notice recipient', () => {
  it('reads a 见证人 whose label OCR damaged, when the case knows the name as a witness', () => {
    const lexicon = lexiconOf([['蒋敏', '见证人']]);
    const text = '扣押清单\n扣押时间 2023.10.11 11:38\n持有人：黄俊杰R人：蒋敏\n侦查人员：楼文彬俞强保管人：杨涛';
    expect(readFields('SEIZURE_LIST', text, null, { lexicon }).fields.attendees).toEqual([{ role: '见证人', name: '蒋敏' }]);
    expect(readFields('SEIZURE_LIST', text.replace('R人', 'R证人'), null).fields.attendees).toEqual([{ role: '见证人', name: '蒋敏' }]);
    // An unknown name under a damaged label is not made a witness.
    expect(readFields('SEIZURE_LIST', text, null, { lexicon: lexiconOf([]) }).fields.attendees).toBeUndefined();
  });

  it('finds the known name inside a damaged signature of the person told', () => {
    const lexicon = lexiconOf([
      ['罗芳', 'SUBJECT'],
      ['钱涛', 'VICTIM'],
    ]);
    const a = readFields('APPRAISAL_NOTICE', '鉴定意见通知书\n根据…\n本通知书已于2024年10月16日10时0分收到\n被告知人：罗3芳水', null, {
      lexicon,
    });
    expect(a.fields.recipient).toBe('罗芳');
    const b = readFields('APPRAISAL_NOTICE', '鉴定意见通知书\n钱涛\n根据…\n被告知人：钱清李|', null, { lexicon });
    expect(b.fields.recipient).toBe('钱涛');
  });
});

describe('seal date with 〇 read as 一', () => {
  it('takes the year the document mentions, one digit away', () => {
    expect(readSignOffDate('委托日期：2023年10月12日\n鉴定人：司马强罗敏\n1兴市越城区价格认证中心\n二一二三年十月十八日')).toBe(
      '2023-10-18',
    );
    // With no year in the text to agree with, 2123 is no date at all.
    expect(readSignOffDate('鉴定人：司马强罗敏\n二一二三年十月十八日')).toBeNull();
  });
});

describe("seal date with the year cut at the seal's edge", () => {
  it('restores the year from the one the document mentions, and 日 read as 11', () => {
    const text = '逮捕证\n越公（刑）捕字[2024】0118号\n公宅局越城区分局\n四年二月二十四11\n5024年2月25日16时20分冉我布';
    expect(readSignOffDate(text)).toBe('2024-02-24');
    // No year in the document to restore it from: no date rather than a guess.
    expect(readSignOffDate('逮捕证\n四年二月二十四日')).toBeNull();
  });
});

describe('summons and record places read through OCR damage', () => {
  it('puts a summons arrival whose month OCR damaged on the day it ended', () => {
    const text = '传唤证\n到案时间：2023年1咤15日9:15\n传唤结束时间：2023年10月15日13时28分\n执行人：楼建华 周斌';
    const { fields } = readFields('SUMMONS', text, '2023-10-15');
    expect(fields.start).toBe('2023-10-15T09:15:00+08:00');
    expect(fields.end).toBe('2023-10-15T13:28:00+08:00');
    // Across midnight the arrival is the day before.
    const night = readFields('SUMMONS', '到案时间：2023年1月15日22:15\n传唤结束时间：2023年10月16日3时28分', null).fields;
    expect(night.start).toBe('2023-10-15T22:15:00+08:00');
  });

  it('reads 看守所 with its middle character misread', () => {
    const { fields } = readFields(
      'INTERROGATION_RECORD',
      '讯问笔录\n时间：2023年8月29日9时至10时\n地点：绍兴市看字所第1讯问室\n侦查员：楼建华 周斌',
      null,
    );
    expect(fields.place).toBe('绍兴市看守所第1讯问室');
  });
});

describe('seal dates too damaged to read', () => {
  it('gives no date for a seal cut short or written 一十一', () => {
    expect(readSignOffDate('扣押决定书\n柯公（刑）扣字（2024）0457号\n公安局柯桥区分尾\n二四年三月二|')).toBeNull();
    expect(readSignOffDate('扣押决定书\n柯公（刑）扣字[2024] 0640号\n公安局柯桥区分局\n四年五月一十一日')).toBeNull();
  });

  it('gives no date where a numeral under the seal left its 日 behind (二十日日), and reads the whole one', () => {
    expect(readSignOffDate('扣押决定书\n合肥市公安局庐阳分局\n二〇二三年九月二十日日')).toBeNull();
    expect(readSignOffDate('扣押决定书\n合肥市公安局庐阳分局\n二〇二三年九月二十三日')).toBe('2023-09-23');
    // The day cut short with its 日 (七月十 for 七月十X日): unknown, not the tenth.
    expect(readSignOffDate('扣押决定书\n绍兴市公安局越城区分局\n二〇二四年七月十')).toBeNull();
  });
});
