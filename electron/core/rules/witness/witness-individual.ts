// CPL 124(2), 127; PSR 210; SPC 89–90: witnesses and victims are questioned one at
// a time — one person per record, and no questioner taking two witnesses at once.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { describe, overlaps, sessionsOf, subjectKey } from '../records/sessions.js';

const CO_WITNESS = /证人|被害人|被询问人|报案人/;

export const witnessIndividual: Rule = {
  id: 'WITNESS_INDIVIDUAL',
  title: { zh: '询问证人应当个别进行', en: 'Witnesses questioned individually' },
  citation:
    '《刑事诉讼法》第一百二十四条第二款、第一百二十七条；《公安机关办理刑事案件程序规定》第二百一十条；最高法解释第八十九条、第九十条',
  severity: 'violation',
  needs: ['询问笔录首部（被询问人、询问人、起止时间）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const sessions = sessionsOf(facts, 'inquiry');
    for (const s of sessions) {
      const several = (s.subjectName ?? '').split(/[、,，]/).filter((n) => n.length > 0);
      const others = s.attendees.filter((a) => CO_WITNESS.test(a.role) && a.name !== s.subjectName);
      if (several.length > 1 || others.length > 0) {
        const names = others.length > 0 ? [s.subjectName ?? '', ...others.map((a) => a.name)].filter(Boolean) : several;
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${s.doc.title}（第${s.doc.page}页）同时询问 ${names.length} 人（${names.join('、')}），证人应当个别询问`,
              en: `${s.doc.title} (p. ${s.doc.page}) questions ${names.length} people together (${names.join(', ')}); witnesses are questioned one at a time`,
            },
            [documentEvidence(s.doc)],
            [s.doc.id, 'together'],
          ),
        );
      }
    }
    for (let i = 0; i < sessions.length; i++) {
      for (let j = i + 1; j < sessions.length; j++) {
        const a = sessions[i]!;
        const b = sessions[j]!;
        if (!overlaps(a, b)) continue;
        const ka = subjectKey(a);
        const kb = subjectKey(b);
        if (!ka || !kb || ka === kb) continue;
        const shared = a.officers.filter((n) => b.officers.includes(n));
        if (shared.length === 0) continue;
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${shared.join('、')}在同一时段询问两名证人：${describe(a, 'zh')}与${describe(b, 'zh')}时间重叠`,
              en: `${shared.join(', ')} questioned two witnesses at once: ${describe(a, 'en')} overlaps ${describe(b, 'en')}`,
            },
            [documentEvidence(a.doc), documentEvidence(b.doc)],
            [a.doc.id, b.doc.id],
          ),
        );
      }
    }
    return out;
  },
};
