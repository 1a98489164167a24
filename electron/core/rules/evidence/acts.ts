// What records of evidence-gathering acts (搜查, 扣押, 勘验, 辨认) say about who took
// part: officers from the header, 见证人 and holders from the attendees or the text.
import type { FactDocument, RecordAttendee } from '../facts.js';
import type { Session } from '../records/sessions.js';

export const WITNESS_ROLE = /见证人/;

export function attendeesLike(s: Session, re: RegExp): RecordAttendee[] {
  return s.attendees.filter((a) => re.test(a.role));
}

/** A 见证人 named in the attendees, or named in the text ("见证人：张某"). */
export function witnessPresent(s: Session): 'named' | 'text' | 'none' {
  if (attendeesLike(s, WITNESS_ROLE).length > 0) return 'named';
  return /见证人[（(]?[^）)\n]{0,6}[）)]?[：:\s]*[\u4e00-\u9fa5]{2,4}/.test(s.doc.text) ? 'text' : 'none';
}

export function where(doc: FactDocument): { zh: string; en: string } {
  return { zh: `${doc.title}（第${doc.page}页）`, en: `${doc.title} (p. ${doc.page})` };
}
