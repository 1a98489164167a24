// CPL 161–162; PSR 43(2), 58, 289: before closing, the defence lawyer's opinion is
// heard if asked for and goes to the procuratorate with the file; the suspect and
// lawyer are told of the transfer for prosecution; one lawyer may not defend two
// co-suspects.
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { namesOf, suspects } from '../records/persons.js';

const ENGAGEMENT = /委托书|委托辩护|辩护律师|律师事务所函|法律援助/;

export const counselOpinionNotice: Rule = {
  id: 'COUNSEL_OPINION_NOTICE',
  title: { zh: '辩护律师意见与移送告知', en: "Defence lawyer's opinion and notice of transfer" },
  citation: '《刑事诉讼法》第一百六十一条、第一百六十二条；《公安机关办理刑事案件程序规定》第四十三条第二款、第五十八条、第二百八十九条',
  severity: 'warning',
  needs: ['委托书', '辩护意见', '起诉意见书', '移送审查起诉告知'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const engagements = facts.documents.filter((d) => d.type === 'OTHER' && ENGAGEMENT.test(d.title) && !/鉴定/.test(d.title));
    if (engagements.length === 0) return out;
    const opinion = facts.documents.find((d) => d.type === 'PROSECUTION_OPINION');
    const defence = facts.documents.filter((d) => d.type === 'OTHER' && /辩护意见|律师意见/.test(d.title));
    if (opinion) {
      for (const d of defence) {
        if (d.date && opinion.date && d.date > opinion.date) {
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${d.title}（${d.date}）晚于起诉意见书（${opinion.date}），请核实律师意见是否已随案移送并附卷`,
                en: `${d.title} (${d.date}) postdates the prosecution opinion (${opinion.date}) — check it went to the procuratorate with the file`,
              },
              [documentEvidence(d), documentEvidence(opinion)],
              [d.id, 'late'],
            ),
          );
        }
      }
      const told =
        facts.documents.some((d) => /移送审查起诉告知|移送起诉告知|告知书/.test(d.title) && /移送/.test(d.text)) ||
        /已告知[^。\n]{0,20}(?:辩护律师|律师)|告知[^。\n]{0,10}(?:辩护律师|律师)[^。\n]{0,10}移送/.test(opinion.text) ||
        facts.events.some((e) => e.type === 'TRANSFERRED_FOR_PROSECUTION' && /告知/.test(e.text));
      if (!told) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `案件已移送审查起诉（${opinion.title}${opinion.date ? `，${opinion.date}` : ''}），未见告知犯罪嫌疑人及其辩护律师的记载`,
              en: `The case went for prosecution (${opinion.title}) with no record of telling the suspect and the lawyer`,
            },
            [documentEvidence(opinion)],
            ['transfer-notice'],
          ),
        );
      }
    }
    // One lawyer for two co-suspects (PSR 43(2)): read the lawyer and client from the engagement papers.
    const clients = new Map<string, { client: string; doc: (typeof engagements)[number] }[]>();
    const names = suspects(facts).flatMap((p) => namesOf(p).map((n) => ({ n, p })));
    for (const d of engagements) {
      const lawyer = d.fields.lawyer ?? null;
      if (!lawyer) continue;
      const client = names.find((x) => d.fields.subjectId === x.p.id || d.fields.subject === x.n || d.text.includes(x.n));
      if (!client) continue;
      clients.set(lawyer, [...(clients.get(lawyer) ?? []), { client: client.p.name, doc: d }]);
    }
    for (const [lawyer, list] of clients) {
      const distinct = [...new Set(list.map((x) => x.client))];
      if (distinct.length < 2) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `律师${lawyer}同时接受同案犯罪嫌疑人${distinct.join('、')}的委托，应当要求更换`,
            en: `Lawyer ${lawyer} acts for co-suspects ${distinct.join(', ')}; one must change counsel`,
          },
          list.map((x) => documentEvidence(x.doc)),
          ['same-lawyer', lawyer],
        ),
      );
    }
    return out;
  },
};
