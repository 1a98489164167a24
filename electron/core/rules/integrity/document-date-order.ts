// PSR 125, 137, 142, 228, 248: each step of a procedure follows the one that
// authorises it. A warrant dated before its approval, a second record dated
// before the first, or a date after the review day (倒签) mean a date is wrong or
// a paper was made up afterwards. Filing before measures is FILING_BEFORE_MEASURES,
// opinion before its notice is APPRAISAL_NOTICE: not repeated here.
import type { FactDocument, FactPerson } from '../facts.js';
import type { Evidence, Message, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, eventEvidence, finding } from '../rule.js';
import type { CaseTime } from '../../../../shared/case-time.js';
import { formatCaseTime, parseCaseTime } from '../../../../shared/case-time.js';
import { documentConcerns, eventConcerns } from '../records/custody.js';
import { suspects } from '../records/persons.js';
import { describe as describeSession, sessionsOf, subjectKey } from '../records/sessions.js';

interface Stamp {
  time: CaseTime;
  label: Message;
  evidence: Evidence;
  ref: string;
}

function before(a: CaseTime, b: CaseTime): boolean {
  return a.hasTime && b.hasTime ? a.ms < b.ms : a.date < b.date;
}

function docStamp(d: FactDocument, label: Message, value?: string | null): Stamp | null {
  const t = parseCaseTime(value === undefined ? d.date : value);
  return t ? { time: t, label, evidence: documentEvidence(d), ref: d.id } : null;
}

function earliestStamp(stamps: (Stamp | null)[]): Stamp | null {
  let best: Stamp | null = null;
  for (const s of stamps) if (s && (!best || before(s.time, best.time))) best = s;
  return best;
}

function fmt(t: CaseTime): string {
  return formatCaseTime(t);
}

const L = (zh: string, en: string): Message => ({ zh, en });

export const documentDateOrder: Rule = {
  id: 'DOCUMENT_DATE_ORDER',
  title: { zh: '文书日期顺序', en: 'Order of document dates' },
  citation: '《公安机关办理刑事案件程序规定》第一百二十五条、第一百三十七条、第一百四十二条、第二百二十八条、第二百四十八条',
  severity: 'warning',
  needs: ['各文书日期', '各笔录起止时间'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const chain = (stages: (Stamp | null)[], name: string, key: string) => {
      const who = name ? `${name}：` : '';
      const whoEn = name ? `${name}: ` : '';
      const present = stages.filter((s): s is Stamp => !!s);
      for (let i = 0; i + 1 < present.length; i++) {
        const a = present[i]!;
        const b = present[i + 1]!;
        if (!before(b.time, a.time)) continue;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${who}${b.label.zh}（${fmt(b.time)}）早于${a.label.zh}（${fmt(a.time)}），顺序颠倒，请核实日期或是否倒签`,
              en: `${whoEn}${b.label.en} (${fmt(b.time)}) is dated before ${a.label.en} (${fmt(a.time)}): out of order — check the dates or back-dating`,
            },
            [a.evidence, b.evidence],
            [key, a.ref, b.ref],
          ),
        );
      }
    };
    const ofType = (p: FactPerson | null, test: (d: FactDocument) => boolean) =>
      facts.documents.filter((d) => test(d) && (!p || documentConcerns(facts, d, p.id)));
    const evStamp = (p: FactPerson, type: string, label: Message) =>
      earliestStamp(
        facts.events
          .filter((e) => e.type === type && eventConcerns(facts, e, p.id))
          .map((e) => {
            const t = parseCaseTime(e.start);
            return t ? { time: t, label, evidence: eventEvidence(e), ref: e.id } : null;
          }),
      );
    const firstDoc = (docs: FactDocument[], label: Message, field?: keyof FactDocument['fields']) =>
      earliestStamp(docs.map((d) => docStamp(d, label, field ? ((d.fields[field] as string | null | undefined) ?? null) : undefined)));

    // Intake before filing.
    chain(
      [
        firstDoc(
          ofType(null, (d) => d.type === 'REPORT_REGISTRATION'),
          L('受案登记', 'intake registration'),
        ),
        firstDoc(
          ofType(null, (d) => d.type === 'CASE_FILING'),
          L('立案决定', 'filing decision'),
        ),
      ],
      '',
      'filing',
    );

    for (const p of suspects(facts)) {
      const who = p.name;
      const detentionWarrants = ofType(p, (d) => d.type === 'DETENTION_WARRANT');
      const executed = earliestStamp([
        firstDoc(detentionWarrants, L('拘留执行', 'detention executed'), 'executedAt'),
        evStamp(p, 'DETENTION', L('拘留执行', 'detention executed')),
      ]);
      // A warrant may be signed long before a fugitive is caught: approval and apprehension are separate chains.
      chain(
        [
          firstDoc(
            ofType(p, (d) => d.type === 'DETENTION_REQUEST' || (d.type === 'OTHER' && /呈请拘留/.test(d.title))),
            L('呈请拘留报告书', 'detention request report'),
          ),
          firstDoc(detentionWarrants, L('拘留证签发', 'detention warrant')),
          executed,
        ],
        who,
        `detention:${p.id}`,
      );
      chain(
        [
          evStamp(p, 'APPREHENDED', L('到案', 'apprehension')),
          executed,
          earliestStamp([
            firstDoc(detentionWarrants, L('送看守所', 'custody transfer'), 'custodyAt'),
            evStamp(p, 'CUSTODY_TRANSFER', L('送看守所', 'custody transfer')),
          ]),
        ],
        who,
        `custody:${p.id}`,
      );
      chain(
        [
          executed,
          firstDoc(
            ofType(p, (d) => d.type === 'DETENTION_NOTICE'),
            L('拘留通知书', 'detention notice'),
          ),
        ],
        who,
        `detention-notice:${p.id}`,
      );
      const arrestWarrants = ofType(p, (d) => d.type === 'ARREST_WARRANT');
      chain(
        [
          firstDoc(
            ofType(p, (d) => d.type === 'ARREST_REQUEST'),
            L('提请批准逮捕书', 'arrest request'),
          ),
          firstDoc(
            ofType(p, (d) => d.type === 'ARREST_APPROVAL'),
            L('批准逮捕决定书', 'arrest approval'),
          ),
          firstDoc(arrestWarrants, L('逮捕证签发', 'arrest warrant')),
          earliestStamp([
            firstDoc(arrestWarrants, L('逮捕执行', 'arrest executed'), 'executedAt'),
            evStamp(p, 'ARREST', L('逮捕执行', 'arrest executed')),
          ]),
          firstDoc(
            ofType(p, (d) => d.type === 'ARREST_NOTICE'),
            L('逮捕通知书', 'arrest notice'),
          ),
        ],
        who,
        `arrest:${p.id}`,
      );
    }

    // Appraisal: sample, commission, opinion, then the prosecution opinion that relies on it.
    chain(
      [
        firstDoc(
          ofType(null, (d) => d.type === 'OTHER' && /提取笔录|检材/.test(d.title)),
          L('提取检材', 'sample taken'),
        ),
        firstDoc(
          ofType(null, (d) => d.type === 'OTHER' && /鉴定聘请|聘请书|委托鉴定|鉴定委托/.test(d.title)),
          L('鉴定聘请/委托', 'commission'),
        ),
        firstDoc(
          ofType(null, (d) => d.type === 'APPRAISAL'),
          L('鉴定意见', 'expert opinion'),
        ),
      ],
      '',
      'appraisal',
    );
    const opinion = firstDoc(
      ofType(null, (d) => d.type === 'PROSECUTION_OPINION'),
      L('起诉意见书', 'prosecution opinion'),
    );
    for (const d of ofType(null, (x) => x.type === 'APPRAISAL')) {
      chain([docStamp(d, L(`鉴定意见（第${d.page}页）`, `expert opinion (p. ${d.page})`)), opinion], '', 'appraisal-opinion');
    }

    // 第N次 records in time order, and each record starting before it ends.
    const sessions = sessionsOf(facts);
    const groups = new Map<string, typeof sessions>();
    for (const s of sessions) {
      const k = subjectKey(s);
      if (!k || s.session === null || !s.start) continue;
      const key = `${s.kind}:${k}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const list of groups.values()) {
      const sorted = [...list].sort((a, b) => (a.session ?? 0) - (b.session ?? 0));
      for (let i = 0; i + 1 < sorted.length; i++) {
        const a = sorted[i]!;
        const b = sorted[i + 1]!;
        if (a.session === b.session || !before(b.start!, a.start!)) continue;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `第${b.session}次笔录（${describeSession(b, 'zh')}）早于第${a.session}次笔录（${describeSession(a, 'zh')}）`,
              en: `record no. ${b.session} (${describeSession(b, 'en')}) is dated before record no. ${a.session} (${describeSession(a, 'en')})`,
            },
            [documentEvidence(a.doc), documentEvidence(b.doc)],
            ['session', a.doc.id, b.doc.id],
          ),
        );
      }
    }
    for (const s of sessions) {
      if (!s.start || !s.end || !s.start.hasTime || !s.end.hasTime || s.end.ms > s.start.ms) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${s.doc.title}（第${s.doc.page}页）结束时间 ${fmt(s.end)} 不晚于开始时间 ${fmt(s.start)}`,
            en: `${s.doc.title} (p. ${s.doc.page}) ends at ${fmt(s.end)}, not after its start at ${fmt(s.start)}`,
          },
          [documentEvidence(s.doc)],
          ['interval', s.doc.id],
        ),
      );
    }

    // Nothing can be dated after the day of the review.
    const future = (value: string | null | undefined) => {
      const t = parseCaseTime(value);
      return t && t.date > facts.reviewDate ? t : null;
    };
    for (const d of facts.documents) {
      const values = [
        d.date,
        d.fields.start,
        d.fields.end,
        d.fields.approvedAt,
        d.fields.executedAt,
        d.fields.custodyAt,
        d.fields.notifiedAt,
      ];
      const t = values.map(future).find((x): x is CaseTime => !!x);
      if (!t) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${d.title}（第${d.page}页）载明日期 ${fmt(t)}，晚于审查日 ${facts.reviewDate}，疑似日期错误或倒签`,
            en: `${d.title} (p. ${d.page}) bears the date ${fmt(t)}, after the review date ${facts.reviewDate}: a wrong or back-dated date`,
          },
          [documentEvidence(d)],
          ['future', d.id],
        ),
      );
    }
    return out;
  },
};
