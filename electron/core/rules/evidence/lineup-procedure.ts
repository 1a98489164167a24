// PSR 258–262; SPC 105: a line-up is led by at least two investigators, each
// identifier alone, the target mixed with at least 7 people or 10 photos (objects:
// 5, or 10 photos; places, bodies and uniquely described objects excepted), and
// the record signed by the investigators, the identifier and a 见证人.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { sessionsOf } from '../records/sessions.js';
import { around, readCount } from '../records/wording.js';
import { attendeesLike, where, witnessPresent } from './acts.js';

const COUNT = /([0-9]+|[一二两三四五六七八九十]+)\s*(名|人|张|件|个|辆|部|把)/g;

export const lineupProcedure: Rule = {
  id: 'LINEUP_PROCEDURE',
  title: { zh: '辨认程序', en: 'Identification line-up' },
  citation: '《公安机关办理刑事案件程序规定》第二百五十八条至第二百六十二条；最高法解释第一百零五条',
  severity: 'violation',
  needs: ['辨认笔录'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'lineup')) {
      const w = where(s.doc);
      const text = s.doc.text;
      const ev = documentEvidence(s.doc);
      if (s.investigators.length > 0 && s.investigators.length < 2) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}主持辨认的侦查人员仅 ${s.investigators.length} 人`,
              en: `${w.en}: only ${s.investigators.length} investigator led the line-up`,
            },
            [ev],
            [s.doc.id, 'officers'],
          ),
        );
      }
      const identifiers =
        (s.subjectName ?? '').split(/[、,，]/).filter(Boolean).length +
        attendeesLike(s, /辨认人/).filter((a) => a.name !== s.subjectName).length;
      if (identifiers > 1) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}有 ${identifiers} 名辨认人同场辨认，应当个别进行`,
              en: `${w.en}: ${identifiers} identifiers together; each must identify alone`,
            },
            [ev],
            [s.doc.id, 'together'],
          ),
        );
      }
      const photos = /照片/.test(text);
      const person = /犯罪嫌疑人|人员|男子|女子|嫌疑人/.test(text) && !/物品|物证|车辆|场所|尸体/.test(s.doc.title);
      const special = /场所|尸体|独有特征|特定/.test(s.doc.title + text);
      const counts = [...text.matchAll(COUNT)]
        .filter((m) => /混杂|陪衬|辨认对象|共|组/.test(text.slice(Math.max(0, m.index - 12), m.index)))
        .map((m) => readCount(m[1]!))
        .filter((n): n is number => n !== null);
      const n = counts.length > 0 ? Math.max(...counts) : null;
      const minimum = photos ? 10 : person ? 7 : 5;
      if (!special && n !== null && n < minimum) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}辨认对象共 ${n}${photos ? ' 张照片' : person ? ' 人' : ' 件'}，少于法定的 ${minimum}`,
              en: `${w.en}: ${n} ${photos ? 'photos' : person ? 'people' : 'objects'} in the line-up, fewer than ${minimum}`,
            },
            [documentEvidence(s.doc, around(text, /混杂|陪衬/))],
            [s.doc.id, 'count'],
          ),
        );
      } else if (!special && n === null) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${w.zh}未能读取混杂辨认对象的数量，请核对是否达到 ${minimum}`,
              en: `${w.en}: could not read how many were in the line-up — check it reached ${minimum}`,
            },
            [ev],
            [s.doc.id, 'count-unread'],
          ),
        );
      }
      if (witnessPresent(s) === 'none') {
        out.push(finding(this, 'violation', { zh: `${w.zh}未见见证人签名`, en: `${w.en}: no 见证人 signed` }, [ev], [s.doc.id, 'witness']));
      }
    }
    return out;
  },
};
