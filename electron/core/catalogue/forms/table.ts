// The forms' fields, one row per kind of document: what a reviewer reads off each form and where
// it stands on the paper (its labels, the verbs of its sentence). A new form, or another bureau's
// wording of one, is a row or a label here, not a branch in a reader.
// Over 400 lines on purpose: the table is the one place a form's fields are listed; its readers are small and
// shared by many rows, and splitting the table by form would scatter what a newcomer looks for in one place.
import type { DocumentType } from '../../../../shared/vocab.js';
import type { RecordFields } from '../../rules/facts.js';
import { matchTitle } from '../titles.js';
import { addDays, parseCaseTime } from '../../../../shared/case-time.js';
import { charges, custodyHistory, indicted, issuer, sentences } from './court.js';
import { allDates, dateAfter, labelledTime, sentenceTime, type TimeRead } from './dates.js';
import { labelled } from './labels.js';
import { firstName, names as namesIn } from './names.js';
import { recipientOf, subjectOf, witnessByLexicon } from './people.js';
import type { FieldEvidence, Reading } from './reading.js';
import { readRecordHeader, type RecordKind } from './records.js';
import { lineAt } from './text.js';

/** One document being read: its text (flowed, OCR dates repaired), and the fields read so far. */
export interface FormReading extends Reading {
  type: DocumentType;
  text: string;
  fields: RecordFields;
  evidence: FieldEvidence;
}

export type FieldReader = (x: FormReading) => void;

type TimeKey =
  | 'start'
  | 'end'
  | 'executedAt'
  | 'custodyAt'
  | 'notifiedAt'
  | 'approvedAt'
  | 'appraisedAt'
  | 'reportedAt'
  | 'offenceAt'
  | 'receivedAt'
  | 'requestedAt';
type NamesKey = 'executors' | 'notifiers' | 'experts';

function put(x: FormReading, key: TimeKey, got: TimeRead | null): void {
  if (!got) return;
  x.fields[key] = got.iso;
  x.evidence[key] = got.line;
}

// ------------------------------------------------------------ readers ---

/** A time after one of its labels, else the time of the sentence whose verb names the act. */
const time =
  (key: TimeKey, labels: readonly string[], verbs?: RegExp): FieldReader =>
  (x) => {
    put(x, key, labelledTime(x, x.text, labels) ?? (verbs ? sentenceTime(x, x.text, verbs) : null));
  };

/** A time stated only in a sentence ("我局已于…将…刑事拘留"). */
const told =
  (key: TimeKey, verbs: RegExp): FieldReader =>
  (x) =>
    put(x, key, sentenceTime(x, x.text, verbs));

/** The person the form is about: its labelled field, else the sentence that names them. */
const subject =
  (labels: readonly string[]): FieldReader =>
  (x) => {
    const s = subjectOf(x, x.text, labels);
    if (s) {
      x.fields.subject = s.name;
      x.evidence.subject = s.line;
    }
  };

/**
 * Everyone a decision names: "批准逮捕犯罪嫌疑人钱小龙、孙大伟" applies to both. The first is the
 * subject; all of them, in order, are the subjects.
 */
const subjects =
  (labels: readonly string[]): FieldReader =>
  (x) => {
    subject(labels)(x);
    const list = new RegExp(
      `(?:${labels.join('|')})\\s*[：:]?\\s*([\\u4e00-\\u9fff·]{2,5}(?:\\s*[、，,和及与]\\s*[\\u4e00-\\u9fff·]{2,5})+)`,
    ).exec(x.text);
    if (!list) return;
    // Each name ends where the sentence goes on: 孙大伟一案, 孙大伟等, 孙大伟涉嫌….
    const items = (list[1] ?? '')
      .split(/\s*[、，,和及与]\s*/)
      .map((n) => n.replace(/(?:一案|等人?|[二两三四五]人|涉嫌|犯|的|在|于|因|均|已).*$/, ''));
    const all = namesIn(x, items.join('、'));
    if (all.length < 2) return;
    x.fields.subjects = all;
    x.fields.subject = all[0] ?? x.fields.subject ?? null;
    x.evidence.subjects = lineAt(x.text, list.index);
  };

/** Names after a label (执行人：…, 鉴定人：…). */
const people =
  (key: NamesKey, labels: readonly string[]): FieldReader =>
  (x) => {
    const found = labelled(x.text, labels);
    const n = found ? namesIn(x, found.value) : [];
    if (found && n.length) {
      x.fields[key] = n;
      x.evidence[key] = found.line;
    }
  };

/** Whom a notice is addressed to. */
const recipient: FieldReader = (x) => {
  const r = recipientOf(x, x.text);
  if (r) {
    x.fields.recipient = r.name;
    x.evidence.recipient = r.line;
  }
};

/** A 笔录's header: session, place, investigators, recorder, subject, those present. */
const record =
  (kind: RecordKind): FieldReader =>
  (x) => {
    x.fields = { ...x.fields, ...readRecordHeader(x, x.text, kind, x.evidence) };
  };

/** The rights notice read in the record itself. */
const rightsRead: FieldReader = (x) => {
  const i = x.text.slice(0, 4000).search(/权利义务告知书|诉讼权利/);
  if (i < 0) return;
  x.fields.rightsNotified = true;
  x.evidence.rightsNotified = lineAt(x.text, i);
};

const EXECUTORS = ['执行人', '执行民警'];
const EXECUTED_DETENTION = ['执行拘留时间', '拘留时间', '执行时间'];
// The jail's own receipt on a warrant is the time of custody too: 看守所收到被拘留人时间.
const CUSTODY = [
  '送看守所时间',
  '送押时间',
  '送达看守所时间',
  '送看守所羁押时间',
  '入所时间',
  '收押时间',
  '收到被拘留人时间',
  '收到被逮捕人时间',
  '收到犯罪嫌疑人时间',
];
const NOTIFIED = ['通知时间', '通知日期', '送达时间'];
// A notice reached the family by telephone (电话通知), in person (当面), by post (以挂号信方式寄送)
// or by fax: the verbs after the time that say it was given.
const NOTIFIED_VERBS = /^[^，,。]{0,12}(?:(?:电话|当面|书面)?通知|(?:以[^，,。]{0,10}方式)?(?:寄送|邮寄|寄出|送达|送交|传真))/;
// Who signed the receipt on the paper: 家属签名, 被通知人 (捺指印) and the time beside the name.
const RECEIPT_SIGNERS = [
  '家属签名',
  '家属签收',
  '签收人',
  '收件人签名',
  '被通知人签名',
  '被通知人',
  '被告知人',
  '被害人',
  '犯罪嫌疑人',
  '证人',
];

/**
 * The time written beside the addressee's signature under "本通知书已收到" or "以上内容我已看过":
 * the last dated line of the paper's foot that follows such a receipt, or a signer's label.
 */
const receiptTime =
  (key: TimeKey): FieldReader =>
  (x) => {
    if (x.fields[key]) return;
    const receipt = /(?:本通知书|本告知书|以上内容|上述内容)[^。\n]{0,8}(?:已收到|已看过|已知晓|已阅|收到)|已收到本通知书/g;
    let last: RegExpExecArray | null = null;
    for (let m = receipt.exec(x.text); m; m = receipt.exec(x.text)) last = m;
    const from = last ? last.index : -1;
    for (const label of RECEIPT_SIGNERS) {
      // A signer's line at the start of a line, after the receipt when there is one.
      const re = new RegExp(`(?:^|\n)[ \t\u3000]*${label}\\s*[：:]`, 'g');
      for (let m = re.exec(x.text); m; m = re.exec(x.text)) {
        if (m.index < from) continue;
        const d = dateAfter(x, x.text, m.index + m[0].length, 30);
        if (d && d.time !== null) return put(x, key, { iso: d.iso, line: lineAt(x.text, m.index + 1) });
      }
    }
    if (last) {
      const d = allDates(x.text.slice(last.index, last.index + 120), x.ref).find((v) => v.time !== null);
      if (d) put(x, key, { iso: d.iso, line: lineAt(x.text, last.index + d.start) });
    }
  };

/** The jail a notice names, the notifier, and an exception claimed (无法通知 …). */
const noticeDetails: FieldReader = (x) => {
  const custody = /羁押(?:在|于)\s*([\u4e00-\u9fff]{2,24}?看守所)/.exec(x.text);
  if (custody) {
    x.fields.place = custody[1] ?? null;
    x.evidence.place = lineAt(x.text, custody.index);
  }
  people('notifiers', ['通知人'])(x);
  const exc = /(无法通知|有碍侦查|危害国家安全|恐怖活动)[^。\n]{0,40}/.exec(x.text);
  if (exc && !/^无法通知的?原因\s*[：:]?\s*(无|\s*$)/.test(exc[0])) {
    x.fields.exception = exc[0].trim();
    x.evidence.exception = lineAt(x.text, exc.index);
  }
};

/**
 * A summons lasts hours, not months: an arrival dated far from the end is a damaged month or
 * day ("2023年1咤15日"), and the end's day (or the day before) is the arrival's.
 */
const summonsRepair: FieldReader = (x) => {
  const st = typeof x.fields.start === 'string' ? x.fields.start : null;
  const en = typeof x.fields.end === 'string' ? x.fields.end : null;
  const a = parseCaseTime(st);
  const b = parseCaseTime(en);
  if (!st || !en || !a?.hasTime || !b?.hasTime) return;
  const gap = b.ms - a.ms;
  if (gap >= 0 && gap <= 24 * 3600_000) return;
  const sameDay = `${en.slice(0, 10)}${st.slice(10)}`;
  const fixed = (parseCaseTime(sameDay)?.ms ?? 0) <= b.ms ? sameDay : `${addDays(en.slice(0, 10), -1)}${st.slice(10)}`;
  x.fields.readings = [{ field: 'start', original: st, corrected: fixed, confidence: 0.6 }];
  x.fields.start = fixed;
};

/** Where the summoned person is to be questioned: "到…接受讯问". */
const summonsPlace: FieldReader = (x) => {
  const where = /到\s*([\u4e00-\u9fff（）]{4,40}?)\s*接受(?:讯问|询问)/.exec(x.text);
  if (where) {
    x.fields.place = where[1] ?? null;
    x.evidence.place = lineAt(x.text, where.index);
  }
};

/** An approval is approved on the day it is signed. */
const approvedOnSignOff: FieldReader = (x) => {
  if (x.ref) x.fields.approvedAt = x.ref;
};

/** 取保候审/监视居住: from when, for how long, the deposit and the guarantor. */
const measureTerms: FieldReader = (x) => {
  const from = /(?:期限|期间)?\s*(?:自|从)\s*/g;
  for (let m = from.exec(x.text); m; m = from.exec(x.text)) {
    const d = dateAfter(x, x.text, m.index + m[0].length, 4);
    if (d && /^\s*(起|开始)/.test(x.text.slice(d.end, d.end + 3))) {
      x.fields.start = d.iso;
      x.evidence.start = lineAt(x.text, m.index);
      break;
    }
  }
  const term = /(?:期限|为期)\s*([0-9一二三四五六七八九十两]{1,3})\s*(个月|日|天)/.exec(x.text);
  if (term) {
    x.fields.term = `${term[1]}${term[2]}`;
    x.evidence.term = lineAt(x.text, term.index);
  }
  // 保证金人民币3000元, 保证金为人民币1万元, 保证金：叁仟元.
  const deposit = /保证金[：:为]?\s*(?:人民币)?\s*([0-9,，.]+万?|[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)\s*元/.exec(
    x.text,
  );
  if (deposit) x.fields.deposit = (deposit[1] ?? '').replace(/[,，]/g, '');
  const guarantor = labelled(x.text, ['保证人']);
  const n = guarantor ? firstName(x, guarantor.value) : null;
  // A guarantor the lexicon does not know yet is still a name in its field (保证人为吴某某).
  const written = n ?? /保证人[：:为]\s*([\u4e00-\u9fa5]{2,4})/.exec(x.text)?.[1] ?? null;
  if (written) x.fields.guarantor = written;
};

/** 指定居所监视居住: the residence designated (指定居所：…), which may not be a jail or an office. */
const designatedPlace: FieldReader = (x) => {
  if (x.fields.place) return;
  const m = /指定居所[：:为在]\s*([^，。；\n]{2,40})/.exec(x.text);
  if (m) {
    x.fields.place = m[1] ?? null;
    x.evidence.place = lineAt(x.text, m.index);
  }
};

/** 冻结 and 技术侦查 papers: the period they run (自…起至…止), what is frozen, and whether it renews a freeze. */
const periodAndHolding: FieldReader = (x) => {
  const m = /自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^至]{0,4}至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/.exec(x.text);
  const start = m ? allDates(m[1]!)[0]?.date : undefined;
  if (m && start) {
    x.fields.start = start;
    x.fields.end = allDates(m[2]!)[0]?.date ?? null;
    x.evidence.start = lineAt(x.text, m.index);
  }
  if (!/冻结/.test(x.text)) return;
  x.fields.frozen = /股票|债券|基金份额|证券(?!交易结算资金)/.test(x.text)
    ? 'securities'
    : /股权|保单|投资权益/.test(x.text)
      ? 'equity'
      : 'deposits';
  if (/续冻|续行冻结|继续冻结/.test(x.text)) x.fields.renewal = true;
};

/** The person appraised (被鉴定人). */
const appraised: FieldReader = (x) => {
  const subj = labelled(x.text, ['被鉴定人']);
  if (!subj) return;
  const n = firstName(x, subj.value);
  if (n) {
    x.fields.subject = n;
    x.evidence.subject = subj.line;
  }
};

/** 受案登记表: when the reporter came (报案人…于…报案), who, and when the offence happened. */
const intake: FieldReader = (x) => {
  // When the reporter came is the report; 接报时间 is when an officer wrote it down.
  put(
    x,
    'reportedAt',
    sentenceTime(x, x.text, /^[^。；;]{0,20}(报案|报警|控告|举报)(?!人)/) ?? labelledTime(x, x.text, ['报案时间', '接报时间', '受案时间']),
  );
  const reporter = labelled(x.text, ['报案人', '报警人', '控告人', '举报人']);
  if (reporter) {
    const n = firstName(x, reporter.value);
    if (n) {
      x.fields.reporter = n;
      x.evidence.reporter = reporter.line;
    }
  }
  const story = x.text.search(/简要案情|案情简介|报案内容/);
  if (story >= 0) {
    const d = allDates(x.text.slice(story, story + 600), x.ref)[0];
    if (d) {
      x.fields.offenceAt = d.iso;
      x.evidence.offenceAt = lineAt(x.text, story + d.start);
    }
  }
};

/** The 见证人 of a seizure list: labelled, a label OCR damaged, or a name the case knows as a witness. */
const seizureWitness: FieldReader = (x) => {
  const w = labelled(x.text, ['见证人']) ?? labelled(x.text, ['见证人'], 0, true) ?? witnessByLexicon(x, x.text);
  const n = w ? namesIn(x, w.value) : [];
  if (w && n.length) {
    x.fields.attendees = n.map((name) => ({ role: '见证人', name }));
    x.evidence['attendee:见证人'] = w.line;
  }
};

/** Untyped forms that still state a procedural act: a 扣押笔录 has the seizure's own times. */
const untypedForm: FieldReader = (x) => {
  const form = x.text
    .split('\n')
    .slice(0, 4)
    .map((l) => matchTitle(l))
    .find((m) => m !== null);
  if (form) x.fields.form = form.title;
  if (form?.title === '扣押笔录') x.fields = { ...readRecordHeader(x, x.text, 'seizure', x.evidence), form: form.title };
  const head = x.text.split('\n').slice(0, 4).join('');
  // 延长侦查羁押期限决定书: the months it grants, and when the police asked.
  if (/延长(?:侦查)?羁押期限/.test(head)) {
    const m = /(?:延长|期限)[^。]{0,12}(二|两|2|一|1)个月/.exec(x.text);
    if (m) x.fields.months = /[二两2]/.test(m[1] ?? '') ? 2 : 1;
    requested(x);
  }
  if (/冻结|技术侦查/.test(head)) periodAndHolding(x);
  // 委托书, 辩护: the lawyer named.
  if (/委托|辩护|律师/.test(head)) {
    const m = /(?:受托人|辩护人|律师)[：:]?\s*([\u4e00-\u9fa5]{2,3})(?:律师)?/.exec(x.text);
    if (m?.[1] && !/事务所|律师/.test(m[1])) x.fields.lawyer = m[1];
  }
  receipt(x);
};

/** A receipt on the paper: when its addressee received it (收到时间, 签收, 受理). */
const receipt: FieldReader = (x) => {
  put(
    x,
    'receivedAt',
    labelledTime(x, x.text, ['收到时间', '收到日期', '签收时间', '签收日期', '受理时间', '受理日期', '收文日期']) ??
      sentenceTime(x, x.text, /^[^，,。]{0,8}(?:已?收到|签收|受理)/),
  );
};

/** "你局于2024年3月8日以…提请批准逮捕": when the police asked for the decision. */
const requested: FieldReader = (x) => {
  const m = /(?:你局|你单位|你所)于\s*/.exec(x.text);
  if (!m) return;
  const d = dateAfter(x, x.text, m.index + m[0].length, 4);
  if (d && /提请|报请|呈请/.test(x.text.slice(d.end, d.end + 40))) {
    x.fields.requestedAt = d.iso;
    x.evidence.requestedAt = lineAt(x.text, m.index);
    // The request's own number, as the decision cites it: 以庐公（刑）提捕字[2024]136号提请….
    const cited = /^\s*以\s*([^，。；\n]{4,40}?号)/.exec(x.text.slice(d.end));
    if (cited) x.fields.requestNumber = (cited[1] ?? '').replace(/\s+/g, '');
  }
};

/** 延长拘留期限: the days allowed in all from the detention (30 when the paper says so, else 7), and its ground. */
const detentionExtension: FieldReader = (x) => {
  x.fields.days = /三十日|30\s*日|三十天|30\s*天/.test(x.text) ? 30 : 7;
  const ground = /流窜|多次|结伙/.exec(x.text);
  if (ground) {
    x.fields.ground = ground[0];
    x.evidence.ground = lineAt(x.text, ground.index);
  }
};

/** 指定居所监视居住. */
const designated: FieldReader = (x) => {
  const m = /指定居所/.exec(x.text);
  if (m) {
    x.fields.designated = true;
    x.evidence.designated = lineAt(x.text, m.index);
  }
};

/** A summons extended to 24 hours with approval (特别重大、复杂, 延长传唤). */
const summonsExtended: FieldReader = (x) => {
  const m = /特别重大|延长传唤|延长拘传|延长至二十四小时|延长至24小时/.exec(x.text);
  if (m) {
    x.fields.extended = true;
    x.evidence.extended = lineAt(x.text, m.index);
  }
};

// --------------------------------------------------------------- table ---

export const FORM_FIELDS: Partial<Record<DocumentType, readonly FieldReader[]>> = {
  INTERROGATION_RECORD: [record('interrogation'), rightsRead],
  INQUIRY_RECORD: [record('inquiry'), rightsRead],
  SEARCH_RECORD: [record('search')],
  DETENTION_WARRANT: [
    subject(['被拘留人']),
    time('executedAt', EXECUTED_DETENTION, /执行拘留|刑事拘留|宣布/),
    time('custodyAt', CUSTODY, /送.{0,12}看守所|收押|羁押/),
    people('executors', EXECUTORS),
  ],
  DETENTION_NOTICE: [
    recipient,
    subject(['被拘留人', '被逮捕人']),
    told('executedAt', /刑事拘留|执行拘留|拘留/),
    time('notifiedAt', NOTIFIED, NOTIFIED_VERBS),
    receiptTime('notifiedAt'),
    noticeDetails,
  ],
  ARREST_NOTICE: [
    recipient,
    subject(['被拘留人', '被逮捕人']),
    told('executedAt', /执行逮捕|逮捕/),
    time('notifiedAt', NOTIFIED, NOTIFIED_VERBS),
    receiptTime('notifiedAt'),
    noticeDetails,
  ],
  SUMMONS: [
    subject(['被传唤人', '被拘传人']),
    time('start', ['到达时间', '到案时间', '到达讯问地点时间']),
    time('end', ['讯问结束时间', '结束时间', '离开时间']),
    summonsRepair,
    people('executors', EXECUTORS),
    summonsPlace,
    summonsExtended,
  ],
  ARREST_REQUEST: [subjects(['犯罪嫌疑人']), custodyHistory, receipt],
  ARREST_APPROVAL: [subjects(['犯罪嫌疑人']), approvedOnSignOff, requested],
  ARREST_WARRANT: [
    subject(['被逮捕人']),
    time('executedAt', ['执行逮捕时间', '逮捕时间', '执行时间'], /执行逮捕|宣布/),
    time('custodyAt', CUSTODY),
    told('approvedAt', /批准逮捕/),
    people('executors', EXECUTORS),
  ],
  BAIL: [subject(['被取保候审人', '被监视居住人', '犯罪嫌疑人']), measureTerms],
  RESIDENTIAL_SURVEILLANCE: [subject(['被取保候审人', '被监视居住人', '犯罪嫌疑人']), measureTerms, designated, designatedPlace],
  DETENTION_EXTENSION: [subject(['被拘留人', '犯罪嫌疑人']), detentionExtension],
  APPRAISAL_NOTICE: [recipient, time('notifiedAt', NOTIFIED, /^[^，,。]{0,6}(收到|告知|送达)/), receiptTime('notifiedAt')],
  RIGHTS_NOTICE: [
    subject(['犯罪嫌疑人', '被害人', '证人']),
    time('notifiedAt', NOTIFIED, /^[^，,。]{0,6}(宣读|告知|送达|收到)/),
    receiptTime('notifiedAt'),
    people('notifiers', ['告知人', '宣读人']),
  ],
  APPRAISAL: [time('appraisedAt', ['鉴定日期', '鉴定时间', '检验日期']), people('experts', ['鉴定人']), appraised],
  REPORT_REGISTRATION: [intake],
  SEIZURE_DECISION: [time('start', ['扣押时间', '时间'])],
  SEIZURE_LIST: [time('start', ['扣押时间', '时间']), seizureWitness],
  SEARCH_WARRANT: [subject(['被搜查人'])],
  OTHER: [untypedForm],
  // Papers that tell the case: the parties' custody history as told, and for court papers what was decided.
  PROSECUTION_OPINION: [custodyHistory, charges],
  DETENTION_REQUEST: [subject(['犯罪嫌疑人']), custodyHistory],
  NARRATIVE: [custodyHistory],
  INDICTMENT: [issuer, custodyHistory, charges],
  JUDGMENT: [issuer, custodyHistory, charges, sentences, indicted],
  RULING: [issuer, custodyHistory, charges, sentences],
  NON_PROSECUTION: [issuer, custodyHistory, charges],
  SENTENCING_RECOMMENDATION: [issuer, charges],
  PLEA_AGREEMENT: [subject(['犯罪嫌疑人', '被告人'])],
};
