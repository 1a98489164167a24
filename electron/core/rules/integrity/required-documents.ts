// The papers each measure leaves (PSR document names). A measure is known to have
// happened from any of its papers or events; then its decision or warrant missing
// is a violation, a supporting paper missing a warning — the volume at hand may
// simply not hold it.
import type { FactDocument, FactPerson } from '../facts.js';
import type { Evidence, Rule, RuleFinding } from '../rule.js';
import { documentEvidence, eventEvidence, finding } from '../rule.js';
import type { EventType, DocumentType, Severity } from '../../../../shared/vocab.js';
import { DOCUMENT_TYPE_LABELS } from '../../../../shared/vocab.js';
import { custodyStart, documentConcerns, eventConcerns } from '../records/custody.js';
import { suspects } from '../records/persons.js';
import { sessionsOf } from '../records/sessions.js';

interface Occurrence {
  evidence: Evidence;
  date: string | null;
}

interface Need {
  zh: string;
  en: string;
  severity: Severity;
  present: boolean;
}

function typeName(t: DocumentType): { zh: string; en: string } {
  return DOCUMENT_TYPE_LABELS[t];
}

export const requiredDocuments: Rule = {
  id: 'REQUIRED_DOCUMENTS',
  title: { zh: '应有文书', en: 'Required documents' },
  citation:
    '《公安机关办理刑事案件程序规定》第一百二十五条、第一百二十七条、第一百三十七条、第一百四十二条、第一百四十五条、第一百一十条、第一百七十一条、第一百七十八条、第二百二十二条、第二百二十八条至第二百三十条、第二百四十八条、第二百八十九条',
  severity: 'violation',
  needs: ['卷宗目录（各文书类型）'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const report = (measure: { zh: string; en: string }, occ: Occurrence, needs: Need[], key: string, who?: FactPerson) => {
      for (const n of needs) {
        if (n.present) continue;
        const person = who ? `对${who.name}` : '';
        const personEn = who ? ` on ${who.name}` : '';
        out.push(
          finding(
            this,
            n.severity,
            {
              zh: `卷内有${person}${measure.zh}的材料（${occ.evidence.text}，第${occ.evidence.page}页），未见${n.zh}`,
              en: `The file shows ${measure.en}${personEn} (${occ.evidence.text}, p. ${occ.evidence.page}) but no ${n.en}`,
            },
            [occ.evidence],
            [key, who?.id, n.en],
          ),
        );
      }
    };
    const docs = (p: FactPerson | null, test: (d: FactDocument) => boolean) =>
      facts.documents.filter((d) => test(d) && (!p || documentConcerns(facts, d, p.id)));
    const ofTypes = (p: FactPerson | null, ...types: DocumentType[]) => docs(p, (d) => types.includes(d.type));
    const titled = (p: FactPerson | null, re: RegExp) =>
      docs(p, (d) => (d.type === 'OTHER' || d.type === 'DETENTION_REQUEST') && re.test(d.title));
    const events = (p: FactPerson | null, ...types: EventType[]) =>
      facts.events.filter((e) => types.includes(e.type) && (!p || eventConcerns(facts, e, p.id)));
    const occurrence = (ds: FactDocument[], es: ReturnType<typeof events>): Occurrence | null => {
      const d = ds[0];
      if (d) return { evidence: documentEvidence(d), date: d.date };
      const e = es[0];
      return e ? { evidence: eventEvidence(e), date: e.start?.slice(0, 10) ?? null } : null;
    };
    // A family notice event counts for the measure whose notice it is read from, never for the other one.
    const familyNotified = (p: FactPerson, kind: 'detention' | 'arrest') =>
      events(p, 'FAMILY_NOTIFIED').some((e) => {
        const from = facts.documents.find((d) => d.id === e.document)?.type;
        if (kind === 'detention') return from !== 'ARREST_NOTICE' && !/逮捕/.test(e.text);
        return from !== 'DETENTION_NOTICE' && /逮捕/.test(e.text);
      });
    const need = (t: DocumentType, present: boolean, severity: Severity = 'violation'): Need => ({ ...typeName(t), severity, present });
    const questionedAfter = (p: FactPerson, date: string | null) =>
      sessionsOf(facts, 'interrogation').some((s) => s.subjectId === p.id && (!date || !s.start || s.start.date >= date));

    for (const p of suspects(facts)) {
      // 拘留
      const detDocs = ofTypes(p, 'DETENTION_WARRANT', 'DETENTION_NOTICE', 'DETENTION_EXTENSION');
      const detEvents = events(p, 'DETENTION', 'CUSTODY_TRANSFER', 'DETENTION_EXTENDED');
      const det = occurrence(detDocs, detEvents);
      if (det) {
        const exception = facts.documents.some((d) => documentConcerns(facts, d, p.id) && !!d.fields.exception);
        const executed = events(p, 'DETENTION')[0]?.start?.slice(0, 10) ?? ofTypes(p, 'DETENTION_WARRANT')[0]?.date ?? null;
        const followUp =
          ofTypes(p, 'ARREST_REQUEST', 'ARREST_APPROVAL', 'ARREST_WARRANT', 'BAIL', 'RESIDENTIAL_SURVEILLANCE').length > 0 ||
          events(p, 'ARREST_REQUESTED', 'ARREST', 'BAIL', 'RESIDENTIAL_SURVEILLANCE').length > 0 ||
          titled(p, /释放|不批准逮捕/).length > 0;
        report(
          { zh: '拘留', en: 'detention' },
          det,
          [
            { zh: '呈请拘留报告书', en: 'detention request report', severity: 'warning', present: titled(p, /呈请拘留/).length > 0 },
            need('DETENTION_WARRANT', ofTypes(p, 'DETENTION_WARRANT').length > 0),
            {
              zh: '送看守所羁押时间',
              en: 'time of arrival at the detention centre',
              severity: 'warning',
              present: !!custodyStart(facts, p.id),
            },
            need(
              'DETENTION_NOTICE',
              ofTypes(p, 'DETENTION_NOTICE').length > 0 || familyNotified(p, 'detention'),
              exception ? 'warning' : 'violation',
            ),
            {
              zh: '拘留后的讯问笔录',
              en: 'interrogation record after detention',
              severity: 'warning',
              present: questionedAfter(p, executed),
            },
            {
              zh: '提请批准逮捕、变更强制措施或释放的文书',
              en: 'arrest request, change of measure or release papers',
              severity: 'warning',
              present: followUp,
            },
          ],
          'detention',
          p,
        );
      }

      // 逮捕
      const arrestDocs = ofTypes(p, 'ARREST_APPROVAL', 'ARREST_WARRANT', 'ARREST_NOTICE');
      const arrestEvents = events(p, 'ARREST', 'ARREST_APPROVED');
      const arrest = occurrence(arrestDocs, arrestEvents);
      const requests = ofTypes(p, 'ARREST_REQUEST');
      const refused = titled(p, /不批准逮捕/).length > 0;
      if (arrest) {
        const executedArrest = events(p, 'ARREST').length > 0 || ofTypes(p, 'ARREST_WARRANT').length > 0;
        const date = events(p, 'ARREST')[0]?.start?.slice(0, 10) ?? ofTypes(p, 'ARREST_WARRANT')[0]?.date ?? null;
        report(
          { zh: '逮捕', en: 'arrest' },
          arrest,
          [
            need('ARREST_REQUEST', requests.length > 0 || events(p, 'ARREST_REQUESTED').length > 0),
            need('ARREST_APPROVAL', ofTypes(p, 'ARREST_APPROVAL').length > 0 || events(p, 'ARREST_APPROVED').length > 0),
            need('ARREST_WARRANT', ofTypes(p, 'ARREST_WARRANT').length > 0),
            ...(executedArrest
              ? [
                  need(
                    'ARREST_NOTICE',
                    ofTypes(p, 'ARREST_NOTICE').length > 0 ||
                      familyNotified(p, 'arrest') ||
                      facts.documents.some((d) => documentConcerns(facts, d, p.id) && d.type === 'ARREST_WARRANT' && !!d.fields.exception),
                    'violation',
                  ),
                  {
                    zh: '逮捕后的讯问笔录',
                    en: 'interrogation record after arrest',
                    severity: 'warning' as const,
                    present: questionedAfter(p, date),
                  },
                ]
              : []),
          ],
          'arrest',
          p,
        );
      } else if (requests.length > 0 && !refused) {
        report(
          { zh: '提请批准逮捕', en: 'an arrest request' },
          { evidence: documentEvidence(requests[0]!), date: requests[0]!.date },
          [{ zh: '批准或不批准逮捕决定书', en: 'decision approving or refusing the arrest', severity: 'warning', present: false }],
          'arrest-request',
          p,
        );
      }

      // 取保候审 / 监视居住
      const bail = occurrence(ofTypes(p, 'BAIL'), events(p, 'BAIL'));
      if (bail) {
        const guarantee = titled(p, /保证书|保证金/).length > 0 || ofTypes(p, 'BAIL').some((d) => /保证人|保证金/.test(d.text));
        report(
          { zh: '取保候审', en: 'bail' },
          bail,
          [
            need('BAIL', ofTypes(p, 'BAIL').length > 0),
            { zh: '保证书或保证金收取凭证', en: "guarantor's undertaking or deposit receipt", severity: 'warning', present: guarantee },
          ],
          'bail',
          p,
        );
      }
      const rsl = occurrence(ofTypes(p, 'RESIDENTIAL_SURVEILLANCE'), events(p, 'RESIDENTIAL_SURVEILLANCE'));
      if (rsl)
        report(
          { zh: '监视居住', en: 'residential surveillance' },
          rsl,
          [need('RESIDENTIAL_SURVEILLANCE', ofTypes(p, 'RESIDENTIAL_SURVEILLANCE').length > 0)],
          'rsl',
          p,
        );
    }

    // 搜查
    const searchRecords = [...ofTypes(null, 'SEARCH_RECORD'), ...titled(null, /搜查笔录/)];
    const search = occurrence([...ofTypes(null, 'SEARCH_WARRANT'), ...searchRecords], events(null, 'SEARCH'));
    if (search) {
      const emergency = searchRecords.some((d) => /紧急/.test(d.text));
      // With a search record in hand, SEARCH_PROCEDURE judges the warrant (and its emergency exception).
      report(
        { zh: '搜查', en: 'a search' },
        search,
        [
          need(
            'SEARCH_WARRANT',
            ofTypes(null, 'SEARCH_WARRANT').length > 0 || searchRecords.length > 0,
            emergency ? 'warning' : 'violation',
          ),
          need('SEARCH_RECORD', searchRecords.length > 0),
        ],
        'search',
      );
    }

    // 扣押
    const seizureRecords = titled(null, /(扣押|查封)笔录/);
    const seizure = occurrence([...ofTypes(null, 'SEIZURE_DECISION', 'SEIZURE_LIST'), ...seizureRecords], events(null, 'SEIZURE'));
    if (seizure) {
      // Seizing during a search or scene examination is decided on the spot (PSR 228); the search record may hold it.
      const onTheSpot = searchRecords.length > 0 || titled(null, /勘验|勘查/).length > 0;
      report(
        { zh: '扣押', en: 'a seizure' },
        seizure,
        [
          need('SEIZURE_DECISION', ofTypes(null, 'SEIZURE_DECISION').length > 0, onTheSpot ? 'warning' : 'violation'),
          {
            zh: '扣押笔录',
            en: 'seizure record',
            severity: onTheSpot ? 'warning' : 'violation',
            present: seizureRecords.length > 0 || searchRecords.some((d) => /扣押/.test(d.text)),
          },
          need('SEIZURE_LIST', ofTypes(null, 'SEIZURE_LIST').length > 0),
        ],
        'seizure',
      );
    }

    // 鉴定 (the notices are APPRAISAL_NOTICE's)
    const appraisal = occurrence([...ofTypes(null, 'APPRAISAL', 'APPRAISAL_NOTICE')], events(null, 'APPRAISAL', 'APPRAISAL_NOTIFIED'));
    if (appraisal) {
      report(
        { zh: '鉴定', en: 'an expert appraisal' },
        appraisal,
        [
          {
            zh: '鉴定聘请书（或委托书）',
            en: 'letter commissioning the appraisal',
            severity: 'warning',
            present: titled(null, /聘请书|委托书|委托鉴定|鉴定委托|鉴定聘请/).length > 0,
          },
          need('APPRAISAL', ofTypes(null, 'APPRAISAL').length > 0),
        ],
        'appraisal',
      );
    }

    // Filing and closing
    const coercive =
      facts.events.some((e) => ['DETENTION', 'ARREST', 'BAIL', 'RESIDENTIAL_SURVEILLANCE', 'SEARCH', 'SEIZURE'].includes(e.type)) ||
      ofTypes(null, 'DETENTION_WARRANT', 'ARREST_WARRANT', 'BAIL', 'RESIDENTIAL_SURVEILLANCE', 'SEARCH_WARRANT', 'SEIZURE_DECISION')
        .length > 0;
    const first = facts.documents[0];
    if (first) {
      const caseOcc: Occurrence = { evidence: documentEvidence(first), date: first.date };
      const transferred = events(null, 'TRANSFERRED_FOR_PROSECUTION');
      report(
        { zh: '刑事案件', en: 'a criminal case' },
        caseOcc,
        [
          need('REPORT_REGISTRATION', ofTypes(null, 'REPORT_REGISTRATION').length > 0, 'warning'),
          need(
            'CASE_FILING',
            ofTypes(null, 'CASE_FILING').length > 0 || events(null, 'CASE_FILED').length > 0,
            coercive ? 'violation' : 'warning',
          ),
          ...(transferred.length > 0 ? [need('PROSECUTION_OPINION', ofTypes(null, 'PROSECUTION_OPINION').length > 0, 'warning')] : []),
        ],
        'case',
      );
    }
    return out;
  },
};
