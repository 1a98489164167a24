// CPL 118, 124(2); PSR 202, 206; SPC 90(4): an officer or recorder cannot be in two
// acts at once. Two records that put the same officer in overlapping sessions with
// different people or at different places mean one of them was not really there.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import type { Session } from '../records/sessions.js';
import { describe, overlaps, samePlace, sessionsOf, subjectKey } from '../records/sessions.js';
import { formatDuration } from '../../../../shared/case-time.js';

/** Whether two overlapping sessions are one act written up twice (a search and its seizure at one place). */
function sameAct(a: Session, b: Session): boolean {
  const together = (k: Session['kind']) => k === 'search' || k === 'seizure' || k === 'scene';
  return together(a.kind) && together(b.kind) && samePlace(a.place, b.place) !== false;
}

function differ(a: Session, b: Session): { zh: string; en: string } | null {
  const sa = subjectKey(a);
  const sb = subjectKey(b);
  if (sa && sb && sa !== sb) return { zh: '对象不同', en: 'different persons' };
  if (samePlace(a.place, b.place) === false) return { zh: '地点不同', en: 'different places' };
  // Same person, same place, two records of the same kind at once: still two acts.
  if (a.kind === b.kind && (a.kind === 'interrogation' || a.kind === 'inquiry')) return { zh: '两份笔录', en: 'two records' };
  return null;
}

export const timeConflictOfficer: Rule = {
  id: 'TIME_CONFLICT_OFFICER',
  title: { zh: '办案人员时间冲突', en: 'Officer in two places at once' },
  citation:
    '《刑事诉讼法》第一百一十八条、第一百二十四条第二款；《公安机关办理刑事案件程序规定》第二百零二条、第二百零六条；最高法解释第九十条第四项',
  severity: 'violation',
  needs: ['各笔录起止时间、地点、侦查人员和记录人'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const sessions = sessionsOf(facts);
    for (let i = 0; i < sessions.length; i++) {
      for (let j = i + 1; j < sessions.length; j++) {
        const a = sessions[i]!;
        const b = sessions[j]!;
        if (a.doc.id === b.doc.id || !overlaps(a, b) || sameAct(a, b)) continue;
        const shared = a.officers.filter((n) => b.officers.includes(n));
        if (shared.length === 0) continue;
        const why = differ(a, b);
        if (!why) continue;
        const overlapMin = Math.round((Math.min(a.end!.ms, b.end!.ms) - Math.max(a.start!.ms, b.start!.ms)) / 60_000);
        const [first, second] = a.start!.ms <= b.start!.ms ? [a, b] : [b, a];
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${shared.join('、')}同时出现在两次活动中（${why.zh}）：${describe(first, 'zh')}与${describe(second, 'zh')}重叠 ${formatDuration(overlapMin, 'zh')}`,
              en: `${shared.join(', ')} appear in two acts at once (${why.en}): ${describe(first, 'en')} and ${describe(second, 'en')} overlap by ${formatDuration(overlapMin, 'en')}`,
            },
            [
              documentEvidence(first.doc, shared[0] ? `${first.doc.title} ${shared.join('、')}` : null),
              documentEvidence(second.doc, `${second.doc.title} ${shared.join('、')}`),
            ],
            [first.doc.id, second.doc.id],
          ),
        );
      }
    }
    return out;
  },
};
