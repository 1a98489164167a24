// CPL 128–133; PSR 213–218: a scene is examined by at least two investigators with
// their 勘查证, photographed and drawn, and recorded with a 见证人's signature; a
// woman's body is examined by a woman or a doctor; an autopsy is approved and the
// family told. The file often holds only a summary: all findings are warnings.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { genderOf, personByName } from '../records/persons.js';
import { sessionsOf } from '../records/sessions.js';
import { where, witnessPresent } from './acts.js';

export const sceneExamination: Rule = {
  id: 'SCENE_EXAMINATION',
  title: { zh: '勘验、检查', en: 'Scene examination' },
  citation: '《刑事诉讼法》第一百二十八条至第一百三十三条；《公安机关办理刑事案件程序规定》第二百一十三条至第二百一十八条',
  severity: 'warning',
  needs: ['勘验/检查笔录'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'scene')) {
      const w = where(s.doc);
      const text = s.doc.text;
      const missing: { zh: string; en: string }[] = [];
      if (s.investigators.length < 2)
        missing.push({
          zh: `二名以上侦查人员（仅见 ${s.investigators.length} 人）`,
          en: `two investigators (${s.investigators.length} found)`,
        });
      if (/现场勘验|现场勘查/.test(s.doc.title + text) && !/勘查证|勘验证|工作证件/.test(text))
        missing.push({ zh: '出示勘查证的记载', en: 'a record of showing the examination permit' });
      if (/现场/.test(s.doc.title) && !/照片|拍照|照相|录像/.test(text)) missing.push({ zh: '现场照片', en: 'photographs' });
      if (/现场/.test(s.doc.title) && !/现场图|方位图|平面图|示意图/.test(text)) missing.push({ zh: '现场图', en: 'a scene diagram' });
      if (witnessPresent(s) === 'none') missing.push({ zh: '见证人签名', en: "a 见证人's signature" });
      const body = /人身检查|身体检查|检查笔录/.test(s.doc.title);
      const subject = s.subjectName ? personByName(facts, s.subjectName) : undefined;
      if (body && subject && genderOf(subject) === '女' && !/女(?:工作人员|民警|侦查员|法医)|医师|医生/.test(text))
        missing.push({ zh: '女工作人员或医师检查女性身体的记载', en: 'a woman or doctor examining a woman' });
      if (/解剖/.test(s.doc.title + text) && !/通知[^。\n]{0,10}家属|家属[^。\n]{0,10}(?:到场|签名|同意)/.test(text))
        missing.push({ zh: '解剖尸体通知死者家属的记载', en: 'notice of the autopsy to the family' });
      if (missing.length === 0) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${w.zh}未见${missing.map((m) => m.zh).join('、')}`,
            en: `${w.en} lacks ${missing.map((m) => m.en).join(', ')}`,
          },
          [documentEvidence(s.doc)],
          [s.doc.id],
        ),
      );
    }
    return out;
  },
};
