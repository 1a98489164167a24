// Ages that decide the juvenile procedures: full years (周岁) at the session and at
// the offence, from the birth date or the ID number.
import type { CaseFacts, FactPerson } from '../facts.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { ageOn, parseCaseTime } from '../../../../shared/case-time.js';
import { eventConcerns } from '../records/custody.js';
import { birthDateOf } from '../records/persons.js';
import type { Session } from '../records/sessions.js';

export function sessionDate(s: Session): string | null {
  return s.start?.date ?? s.doc.date ?? null;
}

export function ageAtSession(p: FactPerson, s: Session): number | null {
  const birth = birthDateOf(p);
  const date = sessionDate(s);
  return birth && date ? ageOn(birth, date) : null;
}

export interface OffenceTime {
  start: CaseTime;
  end: CaseTime | null;
  document: string;
  page: number;
  text: string;
}

/** The earliest offence the person is linked to (or an unattributed one in a one-suspect case). */
export function offenceOf(facts: CaseFacts, p: FactPerson): OffenceTime | null {
  let best: OffenceTime | null = null;
  for (const e of facts.events) {
    if (e.type !== 'OFFENCE' || !eventConcerns(facts, e, p.id)) continue;
    const start = parseCaseTime(e.start);
    if (!start) continue;
    if (!best || start.ms < best.start.ms) best = { start, end: parseCaseTime(e.end), document: e.document, page: e.page, text: e.text };
  }
  return best;
}

export function ageAtOffence(facts: CaseFacts, p: FactPerson): number | null {
  const birth = birthDateOf(p);
  const offence = offenceOf(facts, p);
  return birth && offence ? ageOn(birth, offence.start.date) : null;
}

export const GUARDIAN = /法定代理人|监护人|父亲|母亲|^父$|^母$|养父|养母/;
export const OTHER_ADULT =
  /合适成年人|成年亲属|亲属|祖父|祖母|外祖|哥哥|姐姐|叔|姑|舅|姨|老师|教师|学校|单位|社区|村委|居委|基层组织|未成年人保护|代表|社工/;
export const GUARDIAN_ABSENCE_REASON = /无法通知|不能到场|无法到场|未能到场|共犯|同案|联系不上|无法联系|不愿到场|拒绝到场|下落不明|在外地/;
