// CPL 9, 121; PSR 204; SPC 89, 94: a deaf or mute person is questioned with a
// sign-language interpreter, a person not fluent in the local language with an
// interpreter — named in the record with their employer, and signing it. The same
// holds for witnesses and victims.
import type { FactPerson } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { attributeText, hasAttribute } from '../records/persons.js';
import { sessionsOf, SESSION_LABELS } from '../records/sessions.js';
import { around, escapeRe } from '../records/wording.js';

const LOCAL = /汉语|普通话|中文|汉族/;
const INTERPRETER = /翻译|手语/;
const FLUENT = /(?:通晓|会讲|会说|能听懂|懂)(?:汉语|普通话|中文)/;
const DEAF_IN_TEXT = /聋哑|聋人|哑人|不能说话|听不见/;

type Need = { zh: string; en: string; certain: boolean };

function need(p: FactPerson, text: string): Need | null {
  if (hasAttribute(p, 'deaf', 'mute', 'deafMute') || DEAF_IN_TEXT.test(text))
    return { zh: '聋哑人，须通晓聋哑手势的人参加', en: 'deaf or mute: a sign-language interpreter is required', certain: true };
  if (hasAttribute(p, 'needsInterpreter'))
    return { zh: '不通晓当地语言文字，须配备翻译人员', en: 'not fluent in the local language: an interpreter is required', certain: true };
  const language = attributeText(p, 'language');
  if (language && !LOCAL.test(language))
    return { zh: `使用${language}，须配备翻译人员`, en: `speaks ${language}: an interpreter is required`, certain: true };
  if (hasAttribute(p, 'foreign', 'nationality') && attributeText(p, 'nationality') !== '中国' && !FLUENT.test(text)) {
    return { zh: '外国籍，未载明其通晓汉语', en: 'a foreign national whose command of Chinese is not recorded', certain: false };
  }
  return null;
}

export const interpreterRequired: Rule = {
  id: 'INTERPRETER_REQUIRED',
  title: { zh: '翻译人员参与', en: 'Interpreter present' },
  citation: '《刑事诉讼法》第九条、第一百二十一条；《公安机关办理刑事案件程序规定》第二百零四条；最高法解释第八十九条、第九十四条',
  severity: 'violation',
  needs: ['人员语言/聋哑情况', '笔录到场人员'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const s of sessionsOf(facts, 'interrogation', 'inquiry')) {
      const p = s.subjectId ? facts.persons.find((x) => x.id === s.subjectId) : undefined;
      if (!p) continue;
      const n = need(p, s.doc.text);
      if (!n) continue;
      const label = SESSION_LABELS[s.kind];
      const where = {
        zh: `${s.doc.title}（第${s.doc.page}页）${label.zh}${p.name}`,
        en: `${s.doc.title} (p. ${s.doc.page}), ${label.en} of ${p.name}`,
      };
      const interpreter = s.attendees.find((a) => INTERPRETER.test(a.role));
      if (interpreter) {
        // PSR 204: the record names the interpreter's employer and the interpreter signs.
        const named = s.doc.text.includes(interpreter.name);
        const employer = around(s.doc.text, new RegExp(`${escapeRe(interpreter.name)}[^。\\n]{0,30}(?:单位|学校|公司|中心|协会|大学|局)`));
        if (!named || !employer) {
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${where.zh}有翻译人员${interpreter.name}，但笔录${named ? '未写明其工作单位' : '未见其姓名及签名'}`,
                en: `${where.en}: interpreter ${interpreter.name} attended, but the record ${named ? 'does not give their employer' : 'does not name them or bear their signature'}`,
              },
              [documentEvidence(s.doc, named ? around(s.doc.text, new RegExp(escapeRe(interpreter.name))) : null)],
              [s.doc.id, 'details'],
            ),
          );
        }
        continue;
      }
      const mentioned = around(s.doc.text, /翻译人员|手语翻译|翻译[：:]/);
      if (mentioned) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${where.zh}（${n.zh}）：到场的翻译人员未能读取，笔录提到“${mentioned.trim()}”，请核对`,
              en: `${where.en} (${n.en}): the interpreter could not be read though the record mentions one — check`,
            },
            [documentEvidence(s.doc, mentioned)],
            [s.doc.id, 'unread'],
          ),
        );
        continue;
      }
      out.push(
        finding(
          this,
          n.certain ? 'violation' : 'warning',
          {
            zh: `${where.zh}：${n.zh}，笔录未见翻译人员`,
            en: `${where.en}: ${n.en}, but no interpreter appears in the record`,
          },
          [documentEvidence(s.doc)],
          [s.doc.id],
        ),
      );
    }
    return out;
  },
};
