// CPL 124–126; PSR 210–212: a witness or victim is told to testify truthfully and
// warned of the liability for perjury or hiding evidence, and the record says so.
// Questioning at home, at work or at a place the witness chose needs a 询问通知书
// (PSR 210(3)). The header and the confirmation line are RECORD_CONFIRMATION's.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { atPolicePremises, sessionsOf } from '../records/sessions.js';
import { perjuryWarned, RIGHTS_FORM_READ, unreadable } from '../records/wording.js';

const AWAY = /家|住处|住所|住宅|单位|公司|学校|医院|宾馆|酒店|村委|居委|店/;
const ON_SCENE = /现场/;

export const witnessNoticeRecord: Rule = {
  id: 'WITNESS_NOTICE_RECORD',
  title: { zh: '询问证人的告知与通知', en: 'Warning and notice when questioning witnesses' },
  citation: '《刑事诉讼法》第一百二十四条至第一百二十六条；《公安机关办理刑事案件程序规定》第二百一十条至第二百一十二条',
  severity: 'violation',
  needs: ['询问笔录全文', '询问地点', '询问通知书'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const notices = facts.documents.filter((d) => /询问通知书/.test(d.title));
    for (const s of sessionsOf(facts, 'inquiry')) {
      const where = {
        zh: `${s.doc.title}（第${s.doc.page}页${s.subjectName ? `，询问${s.subjectName}` : ''}）`,
        en: `${s.doc.title} (p. ${s.doc.page}${s.subjectName ? `, ${s.subjectName}` : ''})`,
      };
      // The witness's 权利义务告知书 carries the perjury warning: reading it counts.
      if (!unreadable(s.doc.text) && !perjuryWarned(s.doc.text) && !RIGHTS_FORM_READ.test(s.doc.text)) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${where.zh}未记载告知如实作证及有意作伪证或者隐匿罪证应负的法律责任`,
              en: `${where.en} does not record the warning to testify truthfully and the liability for perjury or hiding evidence`,
            },
            [documentEvidence(s.doc, s.doc.text.slice(0, 120))],
            [s.doc.id, 'warning'],
          ),
        );
      }
      const place = s.place;
      if (!place || atPolicePremises(place) || ON_SCENE.test(place) || !AWAY.test(place)) continue;
      const noticed =
        /询问通知书|出示[^。\n]{0,10}(?:证明文件|通知书)/.test(s.doc.text) ||
        notices.some((n) => (s.subjectName && n.text.includes(s.subjectName)) || n.fields.subjectId === s.subjectId);
      if (noticed) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${where.zh}在“${place}”进行，未见询问通知书或出示证明文件的记载`,
            en: `${where.en} took place at "${place}" without a 询问通知书 or a record of showing one`,
          },
          [documentEvidence(s.doc)],
          [s.doc.id, 'notice'],
        ),
      );
    }
    return out;
  },
};
