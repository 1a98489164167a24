// What a 笔录 says of the person it questions. An inquiry record (询问笔录) questions a victim
// or a witness under the one heading 被询问人; the record itself tells which: 被害人 in its
// header, or the first answers ("我的电动车被偷了", "我来报案"). The identifiers the subject
// gives as their own in the answers ("我的身份证号码是…") belong to the subject.
import type { PersonRole } from '../../../shared/vocab.js';
import { oneCharOff } from '../consensus/lexicon.js';
import type { Mention } from './entities.js';

const VICTIM_HEADER =
  /(?:被询问人|询问对象)[^\n]{0,16}?[（(]\s*被害人\s*[)）]|[（(]\s*被害人\s*[)）]|身份\s*[：:]\s*被害人|被询问人类别\s*[：:]\s*被害人|^\s*被害人\s*[：:]/m;
// 我被…骗, 我的手机被盗, 我家被盗, 我来报案, 我是被害人.
const VICTIM_ANSWER =
  /我(?:家|们家|的[^，。？；\n]{0,14}?|[^，。？；\n]{0,6}?的[^，。？；\n]{0,10}?)?被(?:人|他|她|他们|对方|小偷)?(?:偷|盗|骗|抢|扒|撬|砸|打|伤|砍|诈骗|盗窃|抢劫|敲诈|勒索|拿走)|我(?:是来|来|要|过来)?报(?:案|警)|我是(?:本案的?)?被害人|我的[^，。？；\n]{0,14}?(?:不见了|丢了|丢失)|损失(?:了|共|约|价值|人民币)/;
const WITNESS_ANSWER = /我(?:当时)?(?:看到|看见|听到|目睹)|我是(?:本案的?)?证人|我来作证/;

/** The role an inquiry record shows its subject in: VICTIM, WITNESS, or null when it does not say. */
export function inquirySubjectRole(text: string): PersonRole | null {
  const firstQuestion = text.search(/(?:^|\n)\s*问\s*[：:]/);
  const header = firstQuestion < 0 ? text.slice(0, 800) : text.slice(0, firstQuestion);
  if (VICTIM_HEADER.test(header)) return 'VICTIM';
  const answers = [...text.matchAll(/(?:^|\n)\s*答\s*[：:]([^\n]*)/g)].slice(0, 5).map((m) => m[1] ?? '');
  if (answers.some((a) => VICTIM_ANSWER.test(a))) return 'VICTIM';
  if (answers.some((a) => WITNESS_ANSWER.test(a))) return 'WITNESS';
  return null;
}

export interface RecordSubject {
  /** The person questioned, as the record's fields name them. */
  name: string | null;
  type: string;
}

/**
 * Applies what a 讯问/询问笔录 says of its subject to the mentions of its pages, in place:
 * identifiers the speaker calls their own get the subject as owner; in an inquiry record
 * that shows its subject to be the victim, the subject's mentions become VICTIM.
 * Returns how many mentions changed.
 */
export function applyRecordSubject(subject: RecordSubject, text: string, pages: readonly { mentions: Mention[] }[]): number {
  if (subject.type !== 'INQUIRY_RECORD' && subject.type !== 'INTERROGATION_RECORD') return 0;
  const all = pages.flatMap((p) => p.mentions);
  const persons = all.filter((m) => m.type === 'PERSON');
  // The subject: the name the fields give, else the person introduced under 被询问人/被讯问人.
  const name = subject.name ?? persons.find((m) => m.attrs?.roleCue === '被询问人' || m.attrs?.roleCue === '被讯问人')?.value ?? null;
  if (!name) return 0;
  const isSubject = (m: Mention): boolean => m.value === name || m.attrs?.ocrOriginal === name;
  let changed = 0;
  for (const m of all) {
    if (m.attrs?.ownerSpeaker === true && m.attrs.owner === undefined) {
      m.attrs = { ...m.attrs, owner: name, ownerBy: 'speaker' };
      changed++;
    }
  }
  if (subject.type === 'INQUIRY_RECORD' && inquirySubjectRole(text) === 'VICTIM') {
    for (const m of persons) {
      if (!isSubject(m) || (m.attrs?.role !== 'WITNESS' && m.attrs?.role !== 'OTHER' && Number(m.attrs?.roleStrength ?? 0) > 1)) continue;
      m.attrs = { ...m.attrs, role: 'VICTIM', roleStrength: 4, roleCue: 'record', ...(m.attrs?.role ? { cueRole: m.attrs.role } : {}) };
      changed++;
    }
  }
  return changed;
}

// Labels under which a form names the person it is about (its signature or its header field).
const SUBJECT_CUES = new Set([
  '被讯问人',
  '被询问人',
  '被拘留人',
  '被逮捕人',
  '被传唤人',
  '被告知人',
  '被取保候审人',
  '被监视居住人',
  '犯罪嫌疑人',
]);

/**
 * A form's subject read two ways on its own pages: the printed body names 许露月 and the
 * signature under a fingerprint reads 许露. The reading one character off the subject, under a
 * label that names the subject, is the subject (the page's reading kept in attrs.ocrOriginal),
 * so one person does not become two. Returns how many mentions changed.
 */
export function settleSubjectReadings(subject: string | null, pages: readonly { ocr?: boolean; mentions: Mention[] }[]): number {
  if (!subject) return 0;
  let changed = 0;
  for (const p of pages) {
    if (p.ocr === false) continue;
    for (const m of p.mentions) {
      if (m.type !== 'PERSON' || !SUBJECT_CUES.has(String(m.attrs?.roleCue ?? '')) || !oneCharOff(m.value, subject)) continue;
      m.attrs = { ...m.attrs, ocrOriginal: m.value, readingConfidence: 0.7 };
      m.value = subject;
      changed++;
    }
  }
  return changed;
}
