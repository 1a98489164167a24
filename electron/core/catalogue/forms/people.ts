// Who a form is about or addressed to: the subject of a warrant or notice, the recipient of a
// notice, the witness of a seizure whose label OCR damaged.
import { oneCharOff } from '../../consensus/lexicon.js';
import { fieldAtLineStart, labelled, type Found } from './labels.js';
import { firstName, NOT_A_NAME } from './names.js';
import type { Reading } from './reading.js';
import { lineAt } from './text.js';

/** A name read off the form, with the line it stands on. */
export interface NameRead {
  name: string;
  line: string;
}

// Labels of a seizure list other than the witness's: 持有人, 保管人, 侦查人员 …
const NOT_WITNESS_LABEL =
  /(持有|保管|扣押|通知|告知|讯问|询问|记录|执行|侦查|负责|批准|审批|当事|报案|鉴定|证明|代理|责任|联系|经办|承办|办案)人$/;

/** A 见证人 whose label OCR damaged ("R人：蒋敏"): a "…人：" label on a name the case knows as a witness. */
export function witnessByLexicon(r: Reading, text: string): Found | null {
  const lexicon = r.lexicon;
  if (!lexicon) return null;
  const re = /([^\s：:，,。；]{0,2}人)\s*[：:]\s*([\u4e00-\u9fff·]{2,4})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = m[1] ?? '';
    if (NOT_WITNESS_LABEL.test(label)) continue;
    const name = lexicon.correct(m[2] ?? '') ?? m[2] ?? '';
    const named = [2, 3, 4].map((k) => name.slice(0, k)).find((n) => lexicon.rolesOf(n).includes('见证人'));
    if (named) return { value: named, line: lineAt(text, m.index), index: m.index };
  }
  return null;
}

export function subjectOf(r: Reading, text: string, labels: readonly string[]): NameRead | null {
  const lexicon = r.lexicon;
  // The form's field on a line of its own before a label the prose or the title happens to hold
  // ("犯罪嫌疑人诉讼权利义务告知书" … "犯罪嫌疑人：贺健仁（捺指印）").
  const atLine = fieldAtLineStart(text, labels);
  const found = atLine && firstName(r, atLine.value, 'SUBJECT') ? atLine : labelled(text, labels);
  const labelledName = found ? firstName(r, found.value, 'SUBJECT') : null;
  // 对犯罪嫌疑人张三执行拘留 / 将涉嫌盗窃罪的张三刑事拘留 / 对涉嫌诈骗罪的罗芳（性别女…
  const m =
    /(?:犯罪嫌疑人|被告人|被害人|证人)\s*([\u4e00-\u9fff·]{2,4}?)(?=[，,（(\s]|执行|刑事|取保|监视|涉嫌|于|性别|的)/.exec(text) ??
    /罪的\s*([\u4e00-\u9fff·]{2,4}?)(?=刑事拘留|执行逮捕|拘留|逮捕|[（(]\s*性别)/.exec(text);
  const sentence = m ? { name: m[1] ?? '', line: lineAt(text, m.index) } : null;
  // OCR damaged the signature field ("罗芬麂"): the name the case knows, from the sentence, wins.
  if (
    found &&
    labelledName &&
    lexicon &&
    sentence &&
    lexicon.correct(labelledName) !== labelledName &&
    lexicon.correct(sentence.name) === sentence.name
  )
    return sentence;
  // The same person read two ways on one form (被拘留人：许露 under a fingerprint, the printed
  // 对犯罪嫌疑人许露月（…）above): the name the case knows, else the printed sentence.
  if (found && labelledName && sentence && oneCharOff(labelledName, sentence.name)) {
    const known = (n: string): boolean => lexicon?.correct(n) === n;
    return known(labelledName) && !known(sentence.name) ? { name: labelledName, line: found.line } : sentence;
  }
  if (found && labelledName) return { name: labelledName, line: found.line };
  return sentence;
}

/** A known name hidden in a damaged reading ("罗3芳水" is 罗芳): its characters in order, noise removed. */
function knownIn(r: Reading, raw: string): string | null {
  const lexicon = r.lexicon;
  if (!lexicon) return null;
  const han = raw.replace(/[^\u4e00-\u9fff·]/g, '').slice(0, 6);
  for (let len = 4; len >= 2; len--) {
    for (let i = 0; i + len <= han.length && i <= 1; i++) {
      const c = han.slice(i, i + len);
      if (lexicon.correct(c) === c) return c;
    }
  }
  return null;
}

/** Whom a notice is addressed to: 被通知人 field or the salutation line "李秀英：". */
export function recipientOf(r: Reading, text: string): NameRead | null {
  const lexicon = r.lexicon;
  const found = labelled(text, ['被通知人', '被告知人', '通知对象', '家属姓名', '收件人']);
  const head = text.split('\n').slice(0, 15);
  const salutation = ((): NameRead | null => {
    for (const line of head) {
      const m = /^\s*([\u4e00-\u9fff·]{2,4}?)(?:（[^）]*）)?(?:家属)?\s*[：:]\s*$/.exec(line);
      if (m && !NOT_A_NAME.test(m[1] ?? '')) return { name: m[1] ?? '', line: line.trim() };
    }
    // The colon lost: a line holding only a name the case knows.
    for (const line of head.slice(0, 6)) {
      const t = line.replace(/[\s：:;；,，.。|“"_-]/g, '');
      if (lexicon && /^[\u4e00-\u9fff·]{2,4}$/.test(t) && lexicon.correct(t) === t) return { name: t, line: line.trim() };
    }
    return null;
  })();
  if (found) {
    const n = firstName(r, found.value);
    // A signature OCR damaged: the known name inside it, else the salutation, else the reading.
    if (lexicon && (!n || lexicon.correct(n) !== n)) {
      const k = knownIn(r, found.value);
      if (k) return { name: k, line: found.line };
      if (salutation) return salutation;
    }
    if (n) return { name: n, line: found.line };
  }
  return salutation;
}
