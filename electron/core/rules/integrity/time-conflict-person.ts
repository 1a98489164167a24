// CPL 118; SPC 93, 95: a suspect or witness cannot be in two sessions at once; an
// interpreter, guardian or 见证人 booked into two sessions at once, or a person
// moved between distant places with no time to travel, is a warning. A 笔录 place
// that contradicts custody is INTERROGATION_LOCATION's finding.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { formatDuration } from '../../../../shared/case-time.js';
import type { Session } from '../records/sessions.js';
import { describe, hasInterval, normaliseName, overlaps, samePlace, sessionsOf, subjectKey } from '../records/sessions.js';

/** Minutes between acts at different places below which the move needs explaining. */
const MIN_TRAVEL = 15;

function sameAct(a: Session, b: Session): boolean {
  const together = (k: Session['kind']) => k === 'search' || k === 'seizure' || k === 'scene';
  return together(a.kind) && together(b.kind) && samePlace(a.place, b.place) !== false;
}

export const timeConflictPerson: Rule = {
  id: 'TIME_CONFLICT_PERSON',
  title: { zh: '当事人时间冲突', en: 'Person in two places at once' },
  citation: '《刑事诉讼法》第一百一十八条；最高法解释第九十三条、第九十五条',
  severity: 'violation',
  needs: ['各笔录起止时间、地点、被询/讯问人及到场人员'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const sessions = sessionsOf(facts).filter(hasInterval);
    for (let i = 0; i < sessions.length; i++) {
      for (let j = i + 1; j < sessions.length; j++) {
        const x = sessions[i]!;
        const y = sessions[j]!;
        const [a, b] = x.start!.ms <= y.start!.ms ? [x, y] : [y, x];
        if (a.doc.id === b.doc.id || sameAct(a, b)) continue;
        const ka = subjectKey(a);
        const same = !!ka && ka === subjectKey(b);
        const evidence = [documentEvidence(a.doc), documentEvidence(b.doc)];
        if (same && overlaps(a, b)) {
          const minutes = Math.round((Math.min(a.end!.ms, b.end!.ms) - b.start!.ms) / 60_000);
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${a.subjectName ?? '同一人'}同时出现在两次活动中：${describe(a, 'zh')}与${describe(b, 'zh')}重叠 ${formatDuration(minutes, 'zh')}`,
                en: `${a.subjectName ?? 'The same person'} is in two acts at once: ${describe(a, 'en')} and ${describe(b, 'en')} overlap by ${formatDuration(minutes, 'en')}`,
              },
              evidence,
              [a.doc.id, b.doc.id],
            ),
          );
          continue;
        }
        if (same && samePlace(a.place, b.place) === false) {
          const gap = Math.round((b.start!.ms - a.end!.ms) / 60_000);
          if (gap >= 0 && gap < MIN_TRAVEL) {
            out.push(
              finding(
                this,
                'warning',
                {
                  zh: `${a.subjectName ?? '同一人'}在“${a.place}”的活动结束 ${gap} 分钟后即在“${b.place}”开始下一次活动（${describe(a, 'zh')} → ${describe(b, 'zh')}），请核实路程时间`,
                  en: `${a.subjectName ?? 'The same person'} starts at "${b.place}" ${gap} min after ending at "${a.place}" — check the travel time`,
                },
                evidence,
                [a.doc.id, b.doc.id, 'travel'],
              ),
            );
          }
          continue;
        }
        if (!overlaps(a, b)) continue;
        // Interpreters, guardians and 见证人 double-booked.
        const names = (s: Session) => s.attendees.map((t) => ({ role: t.role, name: normaliseName(t.name) }));
        for (const t of names(a)) {
          if (!t.name || !names(b).some((u) => u.name === t.name)) continue;
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${t.role}${t.name}同时在两次活动中到场：${describe(a, 'zh')}与${describe(b, 'zh')}时间重叠`,
                en: `${t.role} ${t.name} attends two acts at once: ${describe(a, 'en')} and ${describe(b, 'en')} overlap`,
              },
              evidence,
              [a.doc.id, b.doc.id, t.name],
            ),
          );
        }
      }
    }
    return out;
  },
};
