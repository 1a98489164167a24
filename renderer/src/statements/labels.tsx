// How a record, a person's role and a difference are named on screen: always in the
// reviewer's words, never the backend's keys.
import { PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { PersonRole } from '../../../shared/vocab';
import type { StatementComparison, StatementRecord } from '../../../shared/api';
import type { Text } from '../findings/i18n';
import { formatIso } from '../timeline/time';
import { DIFFERENCE_LABELS } from './i18n';
import type { CompareKey } from './i18n';

type Column = StatementComparison['columns'][number];
type Difference = StatementComparison['differences'][number];

/** "第1次讯问"; a record without a session number goes by its title. */
export function recordSession(r: StatementRecord, text: Text<CompareKey>): string {
  return r.session !== null ? text(`compare.session.${r.kind}`, { n: r.session }) : r.title;
}

/** Beijing time as the record gives it ("2023-05-23 09:30"), or nothing when it gives none. */
export function startTime(start: string | null): string {
  return start ? formatIso(start) : '';
}

export function pageRange(r: StatementRecord, text: Text<CompareKey>): string {
  return r.pageTo > r.page ? text('compare.pages', { from: r.page, to: r.pageTo }) : text('compare.page', { page: r.page });
}

export function roleLabel(role: PersonRole | null, text: Text<CompareKey>, lang: 'zh' | 'en'): string {
  return role ? (PERSON_ROLE_LABELS[role]?.[lang] ?? text('compare.noRole')) : text('compare.noRole');
}

export function RoleChip({ role, text, lang }: { role: PersonRole | null; text: Text<CompareKey>; lang: 'zh' | 'en' }) {
  return <span className={`cmp-role${role === 'SUSPECT' ? ' cmp-role--suspect' : ''}`}>{roleLabel(role, text, lang)}</span>;
}

/** "金额不一致". */
export function differenceLabel(d: Difference, text: Text<CompareKey>, lang: 'zh' | 'en'): string {
  const label = DIFFERENCE_LABELS[d.about]?.[lang] ?? d.label[lang];
  return text('compare.differs', { label });
}

/**
 * What a column is called in the list of differences: "第2次" when every column is one
 * person's; the name when people differ; both when one of several people has two columns.
 */
export function columnName(columns: readonly Column[], c: number, text: Text<CompareKey>): string {
  const col = columns[c];
  if (!col) return '';
  const who = col.personName ?? col.title;
  const session = col.session !== null ? text('compare.sessionShort', { n: col.session }) : col.title;
  const samePerson = columns.every((x) => (x.personName ?? x.title) === who);
  if (samePerson) return session;
  const twice = columns.filter((x) => (x.personName ?? x.title) === who).length > 1;
  return twice ? `${who} ${session}` : who;
}
