// FILING_BEFORE_MEASURES — coercive and investigative measures come at or after
// 立案; before filing only non-restrictive checks are allowed (CPL 109, 115, 150;
// PSR 125(2), 174, 178, 263). Exceptions (W): an on-scene emergency summons or
// detention with the papers done at once; a case converted from an administrative one.
import type { CaseFacts } from '../facts.js';
import type { Occurrence, OccurrenceSpec } from '../occurrences.js';
import { ARREST, BAIL, DETENTION, RESIDENTIAL_SURVEILLANCE, SUMMONS, occurrences, principal } from '../occurrences.js';
import type { Message, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, missingFact } from '../rule.js';
import { formatCaseTime } from '../../../../shared/case-time.js';

const rule: Rule = {
  id: 'FILING_BEFORE_MEASURES',
  title: { zh: '先立案后采取强制措施和侦查措施', en: 'Measures only after the case is filed' },
  citation:
    '《刑事诉讼法》第一百零九条、第一百一十五条、第一百五十条；《公安机关办理刑事案件程序规定》第一百二十五条第二款、第一百七十四条、第一百七十八条、第二百六十三条',
  severity: 'violation',
  needs: ['立案决定书（日期/时间）', '各项强制措施、侦查措施的最早时间'],
  evaluate,
};
export default rule;

const FILING: OccurrenceSpec = { events: ['CASE_FILED'], documents: ['CASE_FILING'], fields: ['approvedAt'], useDocumentDate: true };

const MEASURES: { label: Message; spec: OccurrenceSpec; onScene: boolean }[] = [
  { label: { zh: '传唤/拘传', en: 'summons' }, spec: SUMMONS, onScene: true },
  { label: { zh: '拘留', en: 'detention' }, spec: DETENTION, onScene: true },
  { label: { zh: '逮捕', en: 'arrest' }, spec: ARREST, onScene: false },
  { label: { zh: '取保候审', en: 'bail' }, spec: BAIL, onScene: false },
  { label: { zh: '监视居住', en: 'residential surveillance' }, spec: RESIDENTIAL_SURVEILLANCE, onScene: false },
  {
    label: { zh: '搜查', en: 'search' },
    spec: { events: ['SEARCH'], documents: ['SEARCH_WARRANT', 'SEARCH_RECORD'], fields: ['start', 'executedAt'], useDocumentDate: true },
    onScene: true,
  },
  {
    label: { zh: '查封、扣押', en: 'seizure' },
    spec: { events: ['SEIZURE'], documents: ['SEIZURE_DECISION', 'SEIZURE_LIST'], fields: ['start', 'executedAt'], useDocumentDate: true },
    onScene: true,
  },
  {
    label: { zh: '冻结', en: 'freeze' },
    spec: { events: [], documents: [], titles: /冻结/, fields: ['start'], useDocumentDate: true },
    onScene: false,
  },
  {
    label: { zh: '技术侦查', en: 'technical investigation' },
    spec: { events: [], documents: [], titles: /技术侦查/, fields: ['start'], useDocumentDate: true },
    onScene: false,
  },
];

const ON_SCENE = /现场|口头传唤|当场|紧急/;
const CONVERTED = /行政案件|治安案件|转为刑事|转刑事/;
const ADMINISTRATIVE_SUMMONS = /治安管理处罚法/;

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const filings = occurrences(facts, FILING);
  const filing = principal(filings, ['CASE_FILING']);
  const taken = MEASURES.map((m) => ({
    measure: m,
    occs: occurrences(facts, m.spec).filter((o) => o.time && !(o.doc?.type === 'SUMMONS' && ADMINISTRATIVE_SUMMONS.test(o.doc.text))),
  })).filter((t) => t.occs.length > 0);
  if (taken.length === 0) return out;
  if (!filing?.time) {
    const first = taken[0]?.occs[0];
    out.push(
      missingFact(
        rule,
        { zh: filing ? '立案日期' : '立案决定书', en: filing ? 'date of the filing' : 'case filing decision' },
        { zh: '卷内有强制措施或侦查措施', en: 'the file shows coercive or investigative measures' },
        [filing?.evidence, first?.evidence],
        [],
      ),
    );
    return out;
  }
  const filed = filing.time;
  const converted = filings.some((f) => CONVERTED.test(`${f.doc?.text ?? ''} ${f.event?.text ?? ''}`));
  for (const { measure, occs } of taken) {
    const earliest = occs.reduce<Occurrence | null>((a, o) => (!a || (o.time?.ms ?? 0) < (a.time?.ms ?? 0) ? o : a), null);
    const at = earliest?.time;
    if (!earliest || !at) continue;
    const dayBefore = at.date < filed.date;
    const sameDayBefore = at.date === filed.date && at.hasTime && filed.hasTime && at.ms < filed.ms;
    if (!dayBefore && !sameDayBefore) continue;
    const figures = {
      zh: `${measure.label.zh} ${formatCaseTime(at)} 早于立案 ${formatCaseTime(filed)}`,
      en: `${measure.label.en} ${formatCaseTime(at)} precedes the filing ${formatCaseTime(filed)}`,
    };
    const evidence = [earliest.evidence, filing.doc ? documentEvidence(filing.doc) : filing.evidence];
    const key = [measure.label.en];
    const onScene = measure.onScene && ON_SCENE.test(`${earliest.doc?.text ?? ''} ${earliest.event?.text ?? ''}`);
    if (sameDayBefore) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${figures.zh}（同日），请核实是否属于现场紧急情况并即时补办立案手续`,
            en: `${figures.en} (same day); check it was an on-scene emergency with the filing done at once`,
          },
          evidence,
          key,
        ),
      );
    } else if (onScene || converted) {
      const why = converted
        ? { zh: '行政案件转为刑事案件', en: 'an administrative case converted to a criminal one' }
        : { zh: '现场紧急情况', en: 'an on-scene emergency' };
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${figures.zh}；文书显示为${why.zh}，请核实`,
            en: `${figures.en}; the file points to ${why.en}; check`,
          },
          evidence,
          key,
        ),
      );
    } else {
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${figures.zh}：立案前不得采取${measure.label.zh}`,
            en: `${figures.en}: no ${measure.label.en} may be taken before the case is filed`,
          },
          evidence,
          key,
        ),
      );
    }
  }
  return out;
}
