// SUMMONS_FORMALITIES — a 传唤证/拘传证 carries the arrival and end times written by
// the suspect (or a noted refusal); an oral on-scene summons is noted in the 讯问笔录
// with how the suspect came and when (CPL 119(1); PSR 78–79, 198–199).
import type { CaseFacts, FactDocument, FieldKey } from '../facts.js';
import { recordSubjectId } from '../facts.js';
import { INTERROGATION, attribute, occurrences, ofPerson, who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';
import { summonsSpells } from './duration.js';

const rule: Rule = {
  id: 'SUMMONS_FORMALITIES',
  title: { zh: '传唤、拘传的手续', en: 'Summons formalities' },
  citation: '《刑事诉讼法》第一百一十九条第一款；《公安机关办理刑事案件程序规定》第七十八条、第七十九条、第一百九十八条、第一百九十九条',
  severity: 'violation',
  needs: ['传唤证/拘传证（到案时间、结束时间、签名）', '讯问笔录（口头传唤的记载）'],
  evaluate,
};
export default rule;

const TIME_AFTER = (labels: string) => new RegExp(`(${labels})[^。\\n]{0,24}\\d{1,2}\\s*(时|点|:|：)`);
const ARRIVAL_WRITTEN = TIME_AFTER('到达|到案');
const END_WRITTEN = TIME_AFTER('离开|结束|传唤结束|拘传结束');
const REFUSED = /拒绝(签名|填写|捺)|拒不签/;
const ORAL = /口头传唤/;

function has(doc: FactDocument, ...fields: FieldKey[]): boolean {
  return fields.some((f) => {
    const v = doc.fields[f];
    return typeof v === 'string' && v.trim() !== '';
  });
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const doc of facts.documents.filter((d) => d.type === 'SUMMONS')) {
    if (/治安管理处罚法|行政案件/.test(doc.text) || REFUSED.test(doc.text)) continue;
    const person = recordSubjectId(facts, doc);
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const events = facts.events.filter((e) => e.document === doc.id && e.type === 'SUMMONS');
    const arrival = has(doc, 'start') || events.some((e) => e.start) || ARRIVAL_WRITTEN.test(doc.text);
    const end = has(doc, 'end') || events.some((e) => e.end) || END_WRITTEN.test(doc.text);
    if (arrival && end) continue;
    const lacking = [!arrival ? { zh: '到案时间', en: 'arrival time' } : null, !end ? { zh: '传唤结束时间', en: 'end time' } : null].filter(
      (x): x is { zh: string; en: string } => x !== null,
    );
    // A document whose text was barely read cannot show a gap: only then a warning.
    const read = doc.text.length >= 40;
    out.push(
      finding(
        rule,
        read ? 'violation' : 'warning',
        {
          zh: `${name.zh}：${doc.title}未载明${lacking.map((l) => l.zh).join('、')}${read ? '，也未注明拒绝填写' : '（文书文字不全，请核实）'}`,
          en: `${name.en}: the ${doc.title} lacks the ${lacking.map((l) => l.en).join(' and ')}${read ? ', with no refusal noted' : ' (the text is incomplete; check)'}`,
        },
        [documentEvidence(doc)],
        [doc.id],
      ),
    );
  }
  // A summons with no 传唤证 is an oral on-scene summons: the record must say so.
  const records = attribute(facts, occurrences(facts, INTERROGATION));
  for (const spell of summonsSpells(facts)) {
    if (spell.told.some((o) => o.doc?.type === 'SUMMONS')) continue;
    const sameDay = ofPerson(records, spell.person).filter((r) => r.time?.date === spell.arrival.date && r.doc);
    const noted =
      sameDay.some((r) => ORAL.test(r.doc?.text ?? '')) || spell.told.some((o) => ORAL.test(`${o.doc?.text ?? ''} ${o.event?.text ?? ''}`));
    if (noted) continue;
    const name = { zh: who(facts, spell.person, 'zh'), en: who(facts, spell.person, 'en') };
    out.push(
      finding(
        rule,
        'warning',
        {
          zh: `${name.zh}：${formatCaseTime(spell.arrival)} 传唤到案，卷内未见传唤证，讯问笔录也未注明口头传唤及到案方式`,
          en: `${name.en}: summoned ${formatCaseTime(spell.arrival)} with no summons paper in the file, and the record does not note an oral summons or how the suspect came`,
        },
        [spell.occurrence.evidence, sameDay[0]?.evidence],
        ['oral', spell.person ?? '', spell.arrival.date],
      ),
    );
  }
  return out;
}
