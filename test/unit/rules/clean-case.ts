// A procedurally correct theft case, from intake to the transfer for prosecution:
// the rules of sections A–E must find nothing in it.
import type { CaseFacts } from '../../../electron/core/rules/facts.js';
import { at, newCase } from './facts-builder.js';

export function cleanTheftCase(): CaseFacts {
  const b = newCase({ reviewDate: '2024-06-01', charge: '盗窃罪' });
  const p = b.person('张三', { birthDate: '1990-05-03', gender: '男', idNumber: '330602199005030012' });
  const w1 = b.person('王强', { role: 'OFFICER' });
  const w2 = b.person('赵明', { role: 'OFFICER' });
  const officers = { investigators: ['王强', '赵明'] };
  b.act('REPORT_REGISTRATION', 'REPORT', '2024-03-03', { text: '受案登记表 报案人李某称其电动车被盗' });
  b.act('CASE_FILING', 'CASE_FILED', '2024-03-04', {
    text: '立案决定书 根据《中华人民共和国刑事诉讼法》第一百零九条之规定，决定对李某电动车被盗案立案侦查',
  });
  b.act('SUMMONS', 'SUMMONS', at('2024-03-05 09:00'), {
    text: '传唤证 兹传唤涉嫌盗窃的张三到某派出所接受讯问。被传唤人到达时间：2024年3月5日9时00分 传唤结束时间：2024年3月5日12时20分 被传唤人签名：张三',
    fields: { subjectId: p, start: at('2024-03-05 09:00'), end: at('2024-03-05 12:20') },
    event: { subjects: [p], end: at('2024-03-05 12:20'), actors: [w1, w2] },
  });
  const record = (start: string, end: string, place: string, session: number) =>
    b.act('INTERROGATION_RECORD', 'INTERROGATION', start, {
      text: `讯问笔录（第${session}次） 地点：${place} 问：……答：…… 以上笔录我看过，和我说的相符。`,
      fields: { start, end, place, ...officers, recorder: '赵明', subjectId: p, session },
      event: { subjects: [p], actors: [w1, w2], end, place },
    });
  record(at('2024-03-05 09:10'), at('2024-03-05 11:20'), '某派出所讯问室', 1);
  b.doc('OTHER', { title: '呈请拘留报告书', date: '2024-03-05', fields: { approvedAt: at('2024-03-05 11:40'), subjectId: p } });
  b.act('DETENTION_WARRANT', 'DETENTION', at('2024-03-05 12:20'), {
    date: '2024-03-05',
    fields: { executedAt: at('2024-03-05 12:20'), custodyAt: at('2024-03-05 16:00'), subjectId: p, ...officers },
    event: { subjects: [p], actors: [w1, w2] },
  });
  b.event('CUSTODY_TRANSFER', at('2024-03-05 16:00'), { subjects: [p], text: '已于2024年3月5日16时送某市看守所羁押' });
  b.act('DETENTION_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-05 18:00'), {
    text: '张三家属：根据《中华人民共和国刑事诉讼法》第八十二条之规定，我局已于2024年3月5日12时将涉嫌盗窃罪的张三刑事拘留，现羁押在某市看守所。',
    fields: { notifiedAt: at('2024-03-05 18:00'), recipient: '张某某', subjectId: p },
    event: { subjects: [p] },
  });
  record(at('2024-03-06 09:00'), at('2024-03-06 10:30'), '某市看守所讯问室', 2);
  b.act('ARREST_REQUEST', 'ARREST_REQUESTED', '2024-03-08', {
    fields: { receivedAt: '2024-03-08', subjectId: p },
    event: { subjects: [p] },
  });
  b.act('ARREST_APPROVAL', 'ARREST_APPROVED', '2024-03-14', { event: { subjects: [p] } });
  b.act('ARREST_WARRANT', 'ARREST', at('2024-03-14 16:00'), {
    date: '2024-03-14',
    fields: { executedAt: at('2024-03-14 16:00'), subjectId: p, ...officers },
    event: { subjects: [p], actors: [w1, w2] },
  });
  b.act('ARREST_NOTICE', 'FAMILY_NOTIFIED', at('2024-03-14 20:00'), {
    text: '张三家属：经某市人民检察院批准，我局已于2024年3月14日16时将涉嫌盗窃罪的张三逮捕，现羁押在某市看守所。',
    fields: { subjectId: p },
    event: { subjects: [p] },
  });
  record(at('2024-03-15 09:00'), at('2024-03-15 10:00'), '某市看守所讯问室', 3);
  b.act('SEARCH_WARRANT', 'SEARCH', at('2024-03-05 14:00'), { fields: { subjectId: p }, event: { subjects: [p] } });
  b.act('PROSECUTION_OPINION', 'TRANSFERRED_FOR_PROSECUTION', '2024-05-10', { fields: { subjectId: p }, event: { subjects: [p] } });
  return b.build();
}
