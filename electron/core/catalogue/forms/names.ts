// Names in a form's fields: one name, a list (郑凯、冯磊), names run together by OCR, a name
// followed by its unit or the next field's label. The case's lexicon corrects damaged readings.
import { isSurnameAt } from '../../extract/names.js';
import { cutAtNextLabel } from './labels.js';
import type { Reading } from './reading.js';

export const NOT_A_NAME =
  /^(性别|年龄|出生|民族|身份|住址|工作|单位|职务|签名|男|女|犯罪|嫌疑人|公安|派出所|分局|侦查|记录|时间|地点|无|本人|家属|执行|通知|联系)|(时间|日期|地点|单位|方式|电话|大队|中队|派出所|分局|公安局|看守所|人|员)$/;

// Labels that may follow a name on its line with the space between them lost in OCR.
const INLINE_LABEL =
  /(?:性别|出生|民族|年龄|身份|住址|现住|户籍|联系|电话|职务|保管人|持有人|见证人|记录员|记录人|侦查员|侦查人员|询问人|讯问人|被讯问人|被询问人|执行人|执行时间|通知时间|[\u4e00-\u9fff]{0,2}人\s*[：:]|[\u4e00-\u9fff]{0,2}时间)/;
// An organ's name that follows the names ("王雅琴绍兴市公安局…" when OCR lost the space).
const ORGAN_HEAD =
  /^(?:[\u4e00-\u9fff]{2}(?:省|市|县|盟|州)|[\u4e00-\u9fff]{2}区(?:分局|公安|人民)|公安|派出所|刑事侦|刑侦|看守所|检察院|人民检察|价格认|司法鉴)/;

function surnameAt(s: string, i: number): boolean {
  return isSurnameAt(s, i, true) > 0;
}

/** One run of Han characters from a names field: a name, several names, or names and an organ. */
function namesInRun(r: Reading, run: string, role: string | undefined): string[] {
  const cut = INLINE_LABEL.exec(run.slice(1));
  // "李家乐的见证下": a name, then the sentence it stands in.
  // "贺健仁之父": the person a kinship is told of ends at 之.
  let t = (cut ? run.slice(0, cut.index + 1) : run).split(/的|之(?=[父母妻夫子女兄弟姐妹祖孙岳儿])/)[0] ?? '';
  if (ORGAN_HEAD.test(t)) return [];
  const known = r.lexicon?.correct(t, role);
  if (known) return [known];
  const split = r.lexicon?.split(t);
  if (split?.length) return split;
  if (t.length >= 4) {
    for (let k = 2; k <= Math.min(4, t.length - 2); k++) {
      if (ORGAN_HEAD.test(t.slice(k)) && surnameAt(t, 0)) {
        t = t.slice(0, k);
        break;
      }
    }
  }
  if (
    t.length >= 4 &&
    t.length <= 7 &&
    !/^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|西门|南宫|独孤|呼延)[\u4e00-\u9fff]{2}$/.test(t)
  ) {
    // Two names run together: each part starts with a surname.
    for (const k of [2, 3, 4]) {
      const a = t.slice(0, k);
      const b = t.slice(k);
      if (b.length >= 2 && b.length <= 3 && surnameAt(a, 0) && surnameAt(b, 0)) return [a, b].map((n) => r.lexicon?.correct(n, role) ?? n);
    }
  }
  return [r.lexicon?.correct(t, role) ?? t];
}

export function names(r: Reading, value: string, role?: string): string[] {
  // A value holds no colon: one means the next field's label, its space lost in OCR
  // ("郭宇航绍兴市…大队.见证人：赵娜" — 赵娜 is the witness, not an investigator).
  const v =
    cutAtNextLabel(value)
      .replace(/[（(][^）)]*[)）]/g, ' ')
      .split(/[：:]/)[0] ?? '';
  const out: string[] = [];
  // Anything but a Han character separates: 、 and spaces as printed, pipes and stray
  // Latin letters as OCR prints a form's rules and specks.
  for (const run of v.split(/[^\u4e00-\u9fff·]+/)) {
    if (run.length < 2) continue;
    let any = false;
    for (const n of namesInRun(r, run.trim(), role)) {
      // A name starts with a surname (any, however rare, or a known name): "听清楚了吗" is prose.
      const plausible = n.includes('·') || isSurnameAt(n, 0, false) > 0 || r.lexicon?.correct(n) === n;
      if (!plausible || !/^[\u4e00-\u9fff·]{2,5}$/.test(n) || NOT_A_NAME.test(n)) continue;
      any = true;
      if (!out.includes(n)) out.push(n);
    }
    // The list ends at the first run that holds no name, or at the unit after the names:
    // what follows is prose ("上官杰的见证下，对…银行卡2张") or another field.
    if (!any || run.length > 5) break;
  }
  return out;
}

export function firstName(r: Reading, value: string, role?: string): string | null {
  return names(r, value, role)[0] ?? null;
}
