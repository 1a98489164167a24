// CPL 136–140; PSR 222–226: a search needs an approved 搜查证 shown to the person
// (without one only in an emergency while detaining or arresting, justified in the
// record), at least two officers, the searched person, family, neighbours or another
// 见证人 present, women searched by women, and a signed 搜查笔录.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { genderOf, personByName } from '../records/persons.js';
import { sessionsOf } from '../records/sessions.js';
import { around } from '../records/wording.js';
import { attendeesLike, where, witnessPresent } from './acts.js';

const EMERGENCY = /紧急情况|凶器|爆炸|剧毒|隐匿、毁弃、转移|隐匿|毁弃|转移犯罪证据|隐藏其他犯罪嫌疑人/;
const PRESENT_ROLE = /见证人|被搜查人|家属|邻居|在场人/;
const BODY_SEARCH = /人身搜查|搜查[^。\n]{0,6}身体|对其身体|身体进行搜查/;

export const searchProcedure: Rule = {
  id: 'SEARCH_PROCEDURE',
  title: { zh: '搜查程序', en: 'Search procedure' },
  citation: '《刑事诉讼法》第一百三十六条至第一百四十条；《公安机关办理刑事案件程序规定》第二百二十二条至第二百二十六条',
  severity: 'violation',
  needs: ['搜查证', '搜查笔录（侦查人员、在场人、见证人）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const warrants = facts.documents.filter((d) => d.type === 'SEARCH_WARRANT');
    for (const s of sessionsOf(facts, 'search')) {
      const w = where(s.doc);
      const ev = documentEvidence(s.doc);
      const date = s.start?.date ?? s.doc.date;
      const warrant = warrants.find((d) => !d.date || !date || d.date <= date);
      if (!warrant) {
        const emergency = around(s.doc.text, EMERGENCY);
        const late = warrants[0];
        out.push(
          emergency
            ? finding(
                this,
                'warning',
                {
                  zh: `${w.zh}未见事先签发的搜查证，笔录载明紧急情况“${emergency.trim()}”，请核实是否系执行拘留、逮捕时的紧急搜查`,
                  en: `${w.en}: no prior search warrant; the record cites an emergency — check it was during a detention or arrest`,
                },
                [ev],
                [s.doc.id, 'warrant'],
              )
            : finding(
                this,
                'violation',
                {
                  zh: late ? `${w.zh}搜查于 ${date}，搜查证日期 ${late.date} 在其后` : `${w.zh}未见搜查证，也未记载紧急情况`,
                  en: late
                    ? `${w.en}: the search on ${date} precedes the warrant dated ${late.date}`
                    : `${w.en}: no search warrant and no emergency recorded`,
                },
                [ev, late ? documentEvidence(late) : null],
                [s.doc.id, 'warrant'],
              ),
        );
      }
      if (s.investigators.length === 0) {
        out.push(missingFact(this, { zh: '搜查的侦查人员', en: 'the searching officers' }, w, [ev], [s.doc.id]));
      } else if (s.investigators.length < 2) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}执行搜查的侦查人员仅 ${s.investigators.length} 人（${s.investigators.join('、')}）< 2`,
              en: `${w.en}: only ${s.investigators.length} officer(s) searched (${s.investigators.join(', ')}) < 2`,
            },
            [ev],
            [s.doc.id, 'officers'],
          ),
        );
      }
      const present =
        attendeesLike(s, PRESENT_ROLE).length > 0 ||
        witnessPresent(s) !== 'none' ||
        /被搜查人[^。\n]{0,10}在场|家属[^。\n]{0,6}在场|邻居[^。\n]{0,6}在场/.test(s.doc.text);
      if (!present) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}未见被搜查人、其家属、邻居或其他见证人在场`,
              en: `${w.en}: neither the searched person, family, neighbours nor another witness was present`,
            },
            [ev],
            [s.doc.id, 'present'],
          ),
        );
      }
      const subject = s.subjectId
        ? facts.persons.find((p) => p.id === s.subjectId)
        : s.subjectName
          ? personByName(facts, s.subjectName)
          : undefined;
      if (subject && genderOf(subject) === '女' && BODY_SEARCH.test(s.doc.text)) {
        const female =
          s.officers.some((n) => personByName(facts, n)?.gender === '女') ||
          s.attendees.some((a) => /女/.test(a.role)) ||
          /女(?:工作人员|民警|侦查员)/.test(s.doc.text);
        if (!female)
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${w.zh}对女性${subject.name}进行人身搜查，未见女工作人员执行`,
                en: `${w.en}: a body search of a woman, ${subject.name}, with no female officer`,
              },
              [documentEvidence(s.doc, around(s.doc.text, BODY_SEARCH))],
              [s.doc.id, 'female'],
            ),
          );
      }
    }
    return out;
  },
};
