// CPL 141–142; PSR 228–230: a seizure is carried out by at least two officers and
// listed there and then — each item's name, quantity and features — signed by the
// officers, the holder and a 见证人, one copy to the holder. Whether the decision,
// record and list exist at all is REQUIRED_DOCUMENTS' check.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { sessionOf, sessionsOf, splitNames } from '../records/sessions.js';
import { where, witnessPresent } from './acts.js';

const QUANTITY = /\d+\s*(?:个|部|台|张|件|只|把|枚|辆|块|包|袋|瓶|克|千克|公斤|元|支|本|条|套|双|份)|数量/;

export const seizureList: Rule = {
  id: 'SEIZURE_LIST',
  title: { zh: '扣押与扣押清单', en: 'Seizure and seizure list' },
  citation: '《刑事诉讼法》第一百四十一条、第一百四十二条；《公安机关办理刑事案件程序规定》第二百二十八条至第二百三十条',
  severity: 'violation',
  needs: ['扣押决定书', '扣押笔录', '扣押清单'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const lists = facts.documents.filter((d) => d.type === 'SEIZURE_LIST');
    const records = sessionsOf(facts, 'seizure');
    if (lists.length === 0 && records.length === 0) return out;
    for (const d of lists) {
      const w = where(d);
      const s = sessionOf(facts, d);
      const officers = s?.investigators ?? splitNames(d.fields.investigators);
      if (officers.length === 1) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${w.zh}执行扣押的侦查人员仅 1 人（${officers[0]}）`,
              en: `${w.en}: only one officer carried out the seizure (${officers[0]})`,
            },
            [documentEvidence(d)],
            [d.id, 'officers'],
          ),
        );
      }
      if (!QUANTITY.test(d.text)) {
        out.push(
          finding(
            this,
            'violation',
            { zh: `${w.zh}未写明扣押物品的数量`, en: `${w.en} does not state the quantities of the items` },
            [documentEvidence(d, d.text.slice(0, 120))],
            [d.id, 'items'],
          ),
        );
      }
      // A 见证人 named in the list's field (or in the seizure record). The word alone is not a witness:
      // "由持有人、见证人签名" is the form's print, and "见证人：" left blank is no signature.
      const field = /见证人\s*[（(]?(?:签名|签字|盖章)?[)）]?\s*[：:][ \t\u3000]*([^\n]*)/.exec(d.text)?.[1]?.trim() ?? '';
      const named =
        (s ? witnessPresent(s) === 'named' : false) ||
        (d.fields.attendees ?? []).some((a) => /见证人/.test(a.role)) ||
        /^(?!无|签名|签字|盖章)[\u4e00-\u9fa5·]{2,5}/.test(field);
      const signedUnread = field !== '' && !/^(无|\/|—|-)/.test(field);
      if (!named && signedUnread) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${w.zh}见证人一栏有签写，但未能读出姓名，请核对见证人签名`,
              en: `${w.en}: the 见证人 field holds writing whose name could not be read — check the witness's signature`,
            },
            [documentEvidence(d, d.text.slice(d.text.search(/见证人\s*[（(：:]/), d.text.search(/见证人\s*[（(：:]/) + 30))],
            [d.id, 'witness-unread'],
          ),
        );
      } else if (!named) {
        out.push(
          finding(
            this,
            'violation',
            { zh: `${w.zh}未见见证人签名`, en: `${w.en}: no 见证人 signed` },
            [documentEvidence(d)],
            [d.id, 'witness'],
          ),
        );
      }
      if (!/持有人|被扣押人|物品持有|拒绝签名|无法确定持有人/.test(d.text)) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${w.zh}未见持有人签名或持有人无法确定、拒绝签名的注明`,
              en: `${w.en}: no holder's signature, nor a note that the holder is unknown or refused`,
            },
            [documentEvidence(d)],
            [d.id, 'holder'],
          ),
        );
      }
    }
    for (const s of records) {
      if (s.investigators.length === 1) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${where(s.doc).zh}执行扣押的侦查人员仅 1 人（${s.investigators[0]}）`,
              en: `${where(s.doc).en}: only one officer carried out the seizure`,
            },
            [documentEvidence(s.doc)],
            [s.doc.id, 'officers'],
          ),
        );
      }
    }
    return out;
  },
};
