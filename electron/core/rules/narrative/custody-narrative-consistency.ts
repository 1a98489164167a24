// CUSTODY_NARRATIVE_CONSISTENCY — the custody history a narrative tells (提请批准逮捕书, 起诉意见书,
// 起诉书, 判决书, 抓获/到案经过) agrees with the warrants and notices in the file: the same measures,
// on the same days, for the same people (PSR 68, 289, 291). A narrative is copied from the papers
// by hand, and a date mistyped there travels on to the prosecutor and the court.
import type { EventType } from '../../../../shared/vocab.js';
import { EVENT_TYPE_LABELS } from '../../../../shared/vocab.js';
import type { CaseFacts, FactEvent } from '../facts.js';
import { personName } from '../facts.js';
import { eventEvidence, finding, type Rule, type RuleFinding } from '../rule.js';

// The measures a police case file holds a paper for.
const MEASURES: readonly EventType[] = ['DETENTION', 'DETENTION_EXTENDED', 'ARREST_APPROVED', 'ARREST', 'BAIL', 'RESIDENTIAL_SURVEILLANCE'];
// Papers of a case file's own procedure: without any, the folder holds only what others wrote
// (a judgment alone), and there is nothing to check the narrative against.
const OWN_PAPERS = new Set([
  'DETENTION_WARRANT',
  'DETENTION_NOTICE',
  'ARREST_APPROVAL',
  'ARREST_WARRANT',
  'ARREST_NOTICE',
  'BAIL',
  'RESIDENTIAL_SURVEILLANCE',
  'SUMMONS',
  'CASE_FILING',
]);
// A measure decided after the police stage (a court's or a procuratorate's 取保候审) has no paper in the police file.
const LATER_STAGE = /(?:本院|法院|人民检察院|检察院)(?!批准)[^，。；]{0,12}(?:决定|取保候审|监视居住|逮捕)|(?:本院|法院)[^，。；]{0,6}$/;

const label = (t: EventType): { zh: string; en: string } => EVENT_TYPE_LABELS[t];
const day = (t: string | null): string => (t ?? '').slice(0, 10);

const rule: Rule = {
  id: 'CUSTODY_NARRATIVE_CONSISTENCY',
  title: { zh: '叙述的羁押经过与文书一致', en: 'Custody history as told agrees with the papers' },
  citation: '《公安机关办理刑事案件程序规定》第六十八条、第二百八十九条、第二百九十一条',
  severity: 'warning',
  needs: ['起诉意见书、提请批准逮捕书、判决书等叙述的强制措施', '拘留证、逮捕证、批准逮捕决定书、取保候审决定书等文书'],
  evaluate(facts: CaseFacts): RuleFinding[] {
    const told = (facts.narrative ?? []).filter((e) => MEASURES.includes(e.type));
    if (told.length === 0 || !facts.documents.some((d) => OWN_PAPERS.has(d.type))) return [];
    const papers = facts.events.filter((e) => MEASURES.includes(e.type));
    const out: RuleFinding[] = [];
    const who = (e: FactEvent): string => e.subjects.map((s) => personName(facts, s)).join('、');
    for (const n of told) {
      const same = papers.filter(
        (e) => e.type === n.type && (n.subjects.length === 0 || e.subjects.length === 0 || e.subjects.some((s) => n.subjects.includes(s))),
      );
      const person = who(n);
      const whom = person ? `${person}` : '';
      if (same.some((e) => day(e.start) === day(n.start))) continue;
      if (same.length > 0) {
        const paper = same[0] as FactEvent;
        out.push(
          finding(
            rule,
            'warning',
            {
              zh: `叙述称${whom}于${day(n.start)}${label(n.type).zh}，而卷内文书载明${label(n.type).zh}时间为${day(paper.start) || '（未载明）'}，两者不一致，请核对`,
              en: `The narrative says ${whom || 'the suspect'} — ${label(n.type).en} on ${day(n.start)}; the paper in the file gives ${day(paper.start) || '(no date)'}: check which is right`,
            },
            [eventEvidence(n), eventEvidence(paper)],
            [n.document, n.type, n.subjects.join(','), day(n.start)],
          ),
        );
        continue;
      }
      if (n.type !== 'ARREST_APPROVED' && LATER_STAGE.test(n.text)) continue;
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `叙述称${whom}于${day(n.start)}${label(n.type).zh}，卷内未见该措施的文书，请核对是否缺少文书或叙述有误`,
            en: `The narrative says ${whom || 'the suspect'} — ${label(n.type).en} on ${day(n.start)}, but the file holds no paper of that measure: a paper missing, or the narrative wrong`,
          },
          [eventEvidence(n)],
          [n.document, n.type, n.subjects.join(','), day(n.start), 'unpapered'],
        ),
      );
    }
    // A person the papers hold in custody whom the closing narrative (起诉意见书, 起诉书), which covers
    // every suspect of the case, does not mention.
    const closing = new Set(facts.documents.filter((d) => d.type === 'PROSECUTION_OPINION' || d.type === 'INDICTMENT').map((d) => d.id));
    const narrated = new Set(told.filter((e) => closing.has(e.document)).flatMap((e) => e.subjects));
    if (narrated.size > 0) {
      for (const e of papers.filter((x) => x.type === 'DETENTION' || x.type === 'ARREST')) {
        for (const s of e.subjects) {
          if (narrated.has(s)) continue;
          narrated.add(s);
          out.push(
            finding(
              rule,
              'warning',
              {
                zh: `${personName(facts, s)}有${label(e.type).zh}文书，但起诉意见书等叙述的羁押经过中未提及此人，请核对`,
                en: `${personName(facts, s)} has a ${label(e.type).en} paper, but the narratives' custody history does not mention this person`,
              },
              [eventEvidence(e)],
              ['untold', s],
            ),
          );
        }
      }
    }
    return out;
  },
};
export default rule;
