// CPL 123; PSR 208: interrogations in cases whose applicable penalty reaches life
// imprisonment or death, and other major intentional crimes (serious violence
// causing serious injury or death, organised crime, serious drug crimes), are
// recorded on audio and video, in full and without a break.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { lifeOrDeath } from '../records/charges.js';
import { sessionsOf } from '../records/sessions.js';
import { RECORDING_MENTIONED } from '../records/wording.js';

const GRAVE_HARM = /重伤|死亡|致死/;
const HUGE = /数额特别巨大|特别严重情节/;
const NOT_RECORDED = /未(?:进行)?(?:同步)?录音录像|没有录音录像|未录像/;

export const audioVideoRecording: Rule = {
  id: 'AUDIO_VIDEO_RECORDING',
  title: { zh: '讯问全程录音录像', en: 'Audio-video recording of interrogations' },
  citation: '《刑事诉讼法》第一百二十三条；《公安机关办理刑事案件程序规定》第二百零八条',
  severity: 'violation',
  needs: ['罪名', '讯问笔录（录音录像记载）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const sessions = sessionsOf(facts, 'interrogation');
    if (sessions.length === 0) return out;
    if (!facts.charge) {
      out.push(
        finding(
          this,
          'warning',
          { zh: '未见罪名，无法判断讯问是否应当全程录音录像', en: 'No charge found; cannot tell whether interrogations must be recorded' },
          [documentEvidence(sessions[0]!.doc)],
          ['missing', 'charge'],
        ),
      );
      return out;
    }
    let gravity = lifeOrDeath(facts.charge);
    // A property crime reaches life imprisonment only at 数额特别巨大: ask only when the file says so.
    if (gravity === 'amount') gravity = facts.documents.some((d) => HUGE.test(d.text)) ? 'possible' : 'no';
    // Intentional injury is a 重大犯罪 (PSR 208(2)) only with serious injury or death.
    if (gravity === 'possible' && /故意伤害/.test(facts.charge) && !facts.documents.some((d) => GRAVE_HARM.test(d.text))) gravity = 'no';
    if (gravity === 'no') return out;
    // A separate recording log or disc listing in the file covers the records it names.
    const logs = facts.documents.filter((d) => d.type === 'OTHER' && RECORDING_MENTIONED.test(d.title));
    const unrecorded = sessions.filter((s) => {
      const text = s.doc.text;
      return !(
        (RECORDING_MENTIONED.test(text) && !NOT_RECORDED.test(text)) ||
        logs.some((l) => l.text.includes(s.doc.title) || (s.start && l.text.includes(s.start.date)))
      );
    });
    if (gravity === 'certain') {
      for (const s of unrecorded) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${facts.charge}可能判处无期徒刑、死刑，${s.doc.title}（第${s.doc.page}页${s.subjectName ? `，${s.subjectName}` : ''}）未见全程同步录音录像的记载`,
              en: `${facts.charge} may carry life imprisonment or death, but ${s.doc.title} (p. ${s.doc.page}) shows no full audio-video recording`,
            },
            [documentEvidence(s.doc)],
            [s.doc.id],
          ),
        );
      }
    } else if (unrecorded.length > 0) {
      // Whether the case is one that must be recorded turns on injuries, quantities or amounts: one question for the case.
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${facts.charge}的量刑档次可能包含无期徒刑、死刑或属重大犯罪（视伤亡、数量、数额），${unrecorded.length} 份讯问笔录（第${unrecorded.map((s) => s.doc.page).join('、')}页）未见录音录像的记载，请核实是否应当全程录音录像`,
            en: `${facts.charge} may reach life imprisonment or death or be a major crime depending on the facts; ${unrecorded.length} interrogation record(s) show no recording — check whether one was required`,
          },
          unrecorded.slice(0, 3).map((s) => documentEvidence(s.doc)),
          ['unclear'],
        ),
      );
    }
    return out;
  },
};
