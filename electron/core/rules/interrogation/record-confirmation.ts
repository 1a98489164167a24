// CPL 122; PSR 206–207 (and 212 for witnesses and victims): the record is shown or
// read to the person, who writes "以上笔录我看过（或向我宣读过），和我说的相符"
// and signs — or the refusal is noted — and its header items are all filled in.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import type { Session } from '../records/sessions.js';
import { sessionsOf, SESSION_LABELS } from '../records/sessions.js';
import { confirmationPresent, REFUSAL_NOTED, unreadable } from '../records/wording.js';

interface HeaderItem {
  zh: string;
  en: string;
  present: (s: Session) => boolean;
  label: RegExp;
}

const HEADER: HeaderItem[] = [
  { zh: '开始时间', en: 'start time', present: (s) => !!s.start, label: /时间|\d{1,2}\s*[时:：]\s*\d{0,2}/ },
  { zh: '结束时间', en: 'end time', present: (s) => !!s.end, label: /至\s*(?:同日|次日|当日|翌日|[\d０-９])/ },
  { zh: '地点', en: 'place', present: (s) => !!s.place, label: /地点/ },
  { zh: '侦查人员', en: 'investigators', present: (s) => s.investigators.length > 0, label: /侦查员|侦查人员|讯问人|询问人/ },
  { zh: '记录人', en: 'recorder', present: (s) => !!s.recorder, label: /记录人|记录员/ },
];

export const recordConfirmation: Rule = {
  id: 'RECORD_CONFIRMATION',
  title: { zh: '笔录核对确认与首部项目', en: 'Record confirmation and header' },
  citation:
    '《刑事诉讼法》第一百二十二条；《公安机关办理刑事案件程序规定》第二百零五条、第二百零六条、第二百零七条、第二百一十二条；最高法解释第九十四条、第九十五条',
  severity: 'violation',
  needs: ['讯问/询问笔录全文'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'interrogation', 'inquiry')) {
      const doc = s.doc;
      const where = {
        zh: `${doc.title}（第${doc.page}–${doc.pageTo}页${s.subjectName ? `，${SESSION_LABELS[s.kind].zh}${s.subjectName}` : ''}）`,
        en: `${doc.title} (pp. ${doc.page}–${doc.pageTo}${s.subjectName ? `, ${s.subjectName}` : ''})`,
      };
      if (unreadable(doc.text)) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${where.zh}文字过少，未能读取笔录内容，无法核对确认与签名`,
              en: `${where.en}: too little text was read to check the confirmation and signatures`,
            },
            [documentEvidence(doc)],
            [doc.id, 'unreadable'],
          ),
        );
        continue;
      }
      if (!confirmationPresent(doc.text) && !REFUSAL_NOTED.test(doc.text)) {
        const tail = doc.text.trim().slice(-60);
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${where.zh}未见被${SESSION_LABELS[s.kind].zh}人“以上笔录我看过（或向我宣读过），和我说的相符”的确认，也未注明拒绝签名`,
              en: `${where.en} lacks the person's confirmation "以上笔录我看过（或向我宣读过），和我说的相符" and notes no refusal`,
            },
            [{ document: doc.id, page: doc.pageTo, text: tail || doc.title }],
            [doc.id, 'confirmation'],
          ),
        );
      }
      const absent = HEADER.filter((h) => !h.present(s));
      // Absent from the facts and from the text: the record itself leaves it blank. Labels may be
      // typed with spaces between their characters (记 录 员).
      const flat = doc.text.replace(/[ \u3000]/g, '');
      const blank = absent.filter((h) => !h.label.test(flat));
      const unread = absent.filter((h) => h.label.test(flat));
      if (blank.length > 0) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${where.zh}首部未填写${blank.map((h) => h.zh).join('、')}`,
              en: `${where.en}: header item(s) not filled in: ${blank.map((h) => h.en).join(', ')}`,
            },
            [documentEvidence(doc, doc.text.slice(0, 120))],
            [doc.id, 'header'],
          ),
        );
      }
      if (unread.length > 0) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${where.zh}首部的${unread.map((h) => h.zh).join('、')}未能读取，请核对是否填写完整`,
              en: `${where.en}: could not read the header's ${unread.map((h) => h.en).join(', ')} — check that it is complete`,
            },
            [documentEvidence(doc, doc.text.slice(0, 120))],
            [doc.id, 'header-unread'],
          ),
        );
      }
    }
    return out;
  },
};
