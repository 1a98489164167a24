// The header of a 笔录 (讯问, 询问, 搜查, 扣押): session time, place, investigators, recorder,
// the person questioned, those present, and the session number.
import type { RecordFields } from '../../rules/facts.js';
import { allDates } from './dates.js';
import { cutAtNextLabel, fieldAtLineStart, labelled, type Found } from './labels.js';
import { firstName, names } from './names.js';
import type { FieldEvidence, Reading } from './reading.js';
import { lineAt } from './text.js';

// Attendees keep the role as the record prints it (法定代理人, 翻译人员 …): that is the
// vocabulary RecordFields.attendees promises the rules (rules/facts.ts).
const ROLE_LABELS: readonly [string, string][] = [
  ['法定代理人', '法定代理人'],
  ['合适成年人', '合适成年人'],
  ['在场人', '在场人'],
  ['翻译人员', '翻译人员'],
  ['翻译人', '翻译人员'],
  ['见证人', '见证人'],
  ['监护人', '监护人'],
  ['女工作人员', '女工作人员'],
  ['辩护律师', '辩护律师'],
  ['值班律师', '值班律师'],
];

export function session(text: string): number | null {
  const head = text.slice(0, 300);
  const m = /第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*次/.exec(head);
  if (!m) return null;
  const v = m[1] ?? '';
  if (/^\d+$/.test(v)) return Number(v);
  const cn = '一二三四五六七八九';
  if (v === '十') return 10;
  if (v.startsWith('十')) return 10 + cn.indexOf(v[1] ?? '') + 1;
  if (v.endsWith('十')) return (cn.indexOf(v[0] ?? '') + 1) * 10;
  if (v.length === 3) return (cn.indexOf(v[0] ?? '') + 1) * 10 + cn.indexOf(v[2] ?? '') + 1;
  return cn.indexOf(v) + 1 || null;
}

export type RecordKind = 'interrogation' | 'inquiry' | 'search' | 'seizure';

// Forms that name the person questioned by what they are rather than as 被讯问人: a line
// "犯罪嫌疑人：郑波江，男，1994年…出生" or "证人姓名：王芳 性别：女" in the header.
const SUBJECT_AS_PERSON: Record<RecordKind, readonly string[]> = {
  interrogation: ['犯罪嫌疑人', '嫌疑人'],
  inquiry: ['被害人', '证人', '报案人', '被询问人员'],
  search: ['被搜查人员'],
  seizure: ['当事人', '被扣押财物持有人'],
};

export function readRecordHeader(r: Reading, text: string, kind: RecordKind, ev: FieldEvidence): RecordFields {
  const ref = r.ref;
  const f: RecordFields = {};
  const head = text.slice(0, 900);
  const timeLabels =
    kind === 'interrogation'
      ? ['讯问时间', '时间']
      : kind === 'inquiry'
        ? ['询问时间', '时间']
        : kind === 'search'
          ? ['搜查时间', '起止时间', '时间']
          : ['扣押时间', '起止时间', '时间'];
  for (const l of timeLabels) {
    const found = labelled(head, [l]) ?? labelled(head, [l], 0, true);
    if (!found) continue;
    const d = allDates(found.value, ref)[0];
    if (!d) continue;
    f.start = d.iso;
    f.end = d.range?.end.iso ?? null;
    ev.start = found.line;
    break;
  }
  if (f.start === undefined) {
    // The time label itself unreadable: the header's first interval is the session.
    const d = allDates(head.slice(0, 400), ref).find((x) => x.range && x.time !== null);
    if (d) {
      f.start = d.iso;
      f.end = d.range?.end.iso ?? null;
      ev.start = lineAt(head, d.start);
    }
  }
  const placeLabels =
    kind === 'search' ? ['搜查地点', '地点'] : kind === 'seizure' ? ['扣押地点', '地点'] : ['讯问地点', '询问地点', '地点'];
  const place = labelled(head, placeLabels) ?? labelled(head, placeLabels, 0, true);
  if (place) {
    f.place =
      cutAtNextLabel(place.value)
        .split(/侦查员|侦查人员|讯问人|询问人|记录员|记录人|被讯问人|被询问人/)[0]
        ?.replace(/[。.，,|_\s]+$/, '')
        // 看守所 with its middle character misread (看字所): the rules tell a jail by its name.
        .replace(/看[\u4e00-\u9fff]所/g, '看守所') || null;
    ev.place = place.line;
  }
  const officerLabels =
    kind === 'interrogation'
      ? ['讯问人', '侦查员', '侦查人员', '民警']
      : kind === 'inquiry'
        ? ['询问人', '侦查员', '侦查人员', '民警']
        : ['搜查人员', '扣押人员', '侦查员', '侦查人员', '执行人'];
  const officers =
    labelled(head, officerLabels) ??
    labelled(
      head,
      officerLabels.filter((l) => l.length >= 3),
      0,
      true,
    );
  if (officers) {
    f.investigators = names(r, officers.value, 'OFFICER');
    ev.investigators = officers.line;
  }
  // The header's list damaged or lost: the signatures at the foot list the investigators again.
  if ((f.investigators?.length ?? 0) < 2) {
    const confirm = text.lastIndexOf('以上笔录');
    const tail = text.slice(confirm >= 0 ? confirm : Math.max(0, text.length - 250));
    const foot =
      labelled(tail, officerLabels) ??
      labelled(
        tail,
        officerLabels.filter((l) => l.length >= 3),
        0,
        true,
      );
    const again = foot ? names(r, foot.value, 'OFFICER') : [];
    const had = f.investigators ?? [];
    if (foot && again.length > had.length && had.every((n) => again.includes(n))) {
      f.investigators = again;
      ev.investigators = foot.line;
    }
  }
  const recorder = labelled(head, ['记录人', '记录员']) ?? labelled(head, ['记录人', '记录员'], 0, true);
  if (recorder) {
    f.recorder = firstName(r, recorder.value, 'OFFICER');
    ev.recorder = recorder.line;
  }
  // The header's field before the signature at the foot of a short first page
  // ("犯罪嫌疑人姓名：马然涛" above "被讯问人：马然（捺指印）", the fingerprint over the last character).
  const subject =
    [
      labelled(
        head,
        kind === 'interrogation'
          ? ['被讯问人']
          : kind === 'inquiry'
            ? ['被询问人']
            : kind === 'search'
              ? ['被搜查人']
              : ['物品持有人', '持有人', '被扣押人'],
      ),
      fieldAtLineStart(head, SUBJECT_AS_PERSON[kind]),
    ]
      .filter((x): x is Found => x !== null)
      .sort((a, b) => a.index - b.index)[0] ??
    // A photo's two columns read as one line: "记录员：王德松犯罪嫌疑人：林娟，女，…" (the colon makes it a field).
    labelled(head, SUBJECT_AS_PERSON[kind], 0, false, true);
  if (subject) {
    f.subject = firstName(r, subject.value);
    ev.subject = subject.line;
  }
  const attendees: { role: string; name: string }[] = [];
  for (const [lab, role] of ROLE_LABELS) {
    // The field "见证人：…" before the words "在见证人…的见证下" of the record's prose.
    const found = labelled(head, [lab], 0, false, true) ?? labelled(head, [lab], 0, true) ?? labelled(head, [lab]);
    if (!found || /^(无|没有)/.test(found.value)) continue;
    for (const name of names(r, found.value)) {
      if (!attendees.some((a) => a.name === name)) attendees.push({ role, name });
    }
    ev[`attendee:${role}`] = found.line;
  }
  if (attendees.length) f.attendees = attendees;
  f.session = session(text);
  return f;
}
