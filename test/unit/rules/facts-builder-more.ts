// Records as case files write them, for the tests of sections F–L: a clean
// interrogation or inquiry record with header, rights notice and confirmation line.
import type { RecordFields } from '../../../electron/core/rules/facts.js';
import type { CaseBuilder } from './facts-builder.js';
import { at } from './facts-builder.js';

export const CONFIRM = '以上笔录我看过，和我说的相符。';
export const RIGHTS_READ = '问：现依法向你宣读《犯罪嫌疑人诉讼权利义务告知书》，你听清楚了吗？答：听清楚了。';
export const PERJURY = '问：你应当如实提供证据、证言，有意作伪证或者隐匿罪证要负法律责任，你听清楚了吗？答：听清楚了。';

export interface RecordInput {
  subject: string;
  subjectId?: string;
  start: string; // '2024-03-05 14:30'
  end: string;
  place?: string;
  investigators?: string[];
  recorder?: string;
  session?: number;
  body?: string;
  attendees?: { role: string; name: string }[];
  /** Replaces the whole text. */
  text?: string;
  fields?: Partial<RecordFields>;
}

function header(kind: '讯问' | '询问', r: RecordInput): string {
  const inv = (r.investigators ?? ['王警官', '李警官']).join('、');
  return `${kind}笔录\n时间：${r.start}至${r.end}\n地点：${r.place ?? '城关派出所讯问室'}\n侦查员：${inv}\n记录人：${r.recorder ?? '赵记录'}\n被${kind}人：${r.subject}\n`;
}

export function interrogation(b: CaseBuilder, r: RecordInput): string {
  const text =
    r.text ??
    `${header('讯问', r)}${RIGHTS_READ}\n${r.body ?? '问：你把事情经过讲一下。答：那天晚上我在超市拿了两瓶酒没有付钱就走了。'}\n${CONFIRM}`;
  return b.act('INTERROGATION_RECORD', 'INTERROGATION', at(r.start), {
    text,
    fields: {
      start: at(r.start),
      end: at(r.end),
      place: r.place ?? '城关派出所讯问室',
      investigators: r.investigators ?? ['王警官', '李警官'],
      recorder: r.recorder ?? '赵记录',
      subject: r.subject,
      subjectId: r.subjectId ?? null,
      session: r.session ?? null,
      attendees: r.attendees ?? [],
      ...r.fields,
    },
    event: { end: at(r.end), subjects: r.subjectId ? [r.subjectId] : [] },
  });
}

export function inquiry(b: CaseBuilder, r: RecordInput): string {
  const text = r.text ?? `${header('询问', r)}${PERJURY}\n${r.body ?? '问：你看到了什么？答：我看到一个男子从超市里跑出来。'}\n${CONFIRM}`;
  return b.act('INQUIRY_RECORD', 'INQUIRY', at(r.start), {
    text,
    fields: {
      start: at(r.start),
      end: at(r.end),
      place: r.place ?? '城关派出所询问室',
      investigators: r.investigators ?? ['王警官', '李警官'],
      recorder: r.recorder ?? '赵记录',
      subject: r.subject,
      subjectId: r.subjectId ?? null,
      session: r.session ?? null,
      attendees: r.attendees ?? [],
      ...r.fields,
    },
    event: { end: at(r.end), subjects: r.subjectId ? [r.subjectId] : [] },
  });
}
