// CPL 150–152; PSR 237–247, 263–269: technical investigation only after filing,
// valid 3 months per approval (each extension ≤ 3 months); freezes last at most
// 6 months for deposits (1 year in major cases, with city-level approval), 2 years
// for securities, 6 months for equity, insurance and investment rights; a renewal
// is made before the freeze expires.
import type { FactDocument } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import { monthDeadline, parseCaseTime } from '../../../../shared/case-time.js';
import { LEGAL_LIMITS, monthsOf } from '../../../../shared/deadlines.js';

interface Period {
  start: string;
  end: string | null;
}

/** The period the catalogue read (冻结期限自…起至…止), else from the paper's date. */
function periodOf(d: FactDocument): Period | null {
  const start = parseCaseTime(d.fields.start)?.date ?? null;
  const end = parseCaseTime(d.fields.end)?.date ?? null;
  if (start) return { start, end };
  return d.date ? { start: d.date, end: null } : null;
}

const FROZEN = {
  securities: { months: monthsOf(LEGAL_LIMITS.freezeSecurities), zh: '证券', en: 'securities' },
  equity: { months: monthsOf(LEGAL_LIMITS.freezeEquity), zh: '股权、保单权益或投资权益', en: 'equity, insurance or investment rights' },
  deposits: {
    months: monthsOf(LEGAL_LIMITS.freezeDeposits),
    majorMonths: monthsOf(LEGAL_LIMITS.freezeDepositsMajor),
    zh: '存款、汇款等',
    en: 'deposits and remittances',
  },
} as const;

function freezeKind(d: FactDocument): { months: number; majorMonths?: number; zh: string; en: string } {
  return FROZEN[d.fields.frozen ?? 'deposits'];
}

export const techAndFreezePeriods: Rule = {
  id: 'TECH_AND_FREEZE_PERIODS',
  title: { zh: '技术侦查与冻结期限', en: 'Periods of technical investigation and freezes' },
  citation:
    '《刑事诉讼法》第一百五十条至第一百五十二条；《公安机关办理刑事案件程序规定》第二百四十条、第二百四十三条至第二百四十五条、第二百六十三条、第二百六十六条',
  severity: 'violation',
  needs: ['技术侦查决定书', '冻结通知书（期限）', '立案决定书'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const filing = facts.documents.filter((d) => d.type === 'CASE_FILING' && d.date).sort((a, b) => a.date!.localeCompare(b.date!))[0];
    const tech = facts.documents.filter((d) => d.type === 'OTHER' && /技术侦查/.test(d.title) && !/解除/.test(d.title));
    for (const d of tech) {
      const p = periodOf(d);
      if (!p) continue;
      if (filing && p.start < filing.date!) {
        out.push(
          finding(
            this,
            'violation',
            {
              zh: `${d.title}（${p.start}）早于立案（${filing.date}）`,
              en: `${d.title} (${p.start}) predates the filing (${filing.date})`,
            },
            [documentEvidence(d), documentEvidence(filing)],
            [d.id, 'before-filing'],
          ),
        );
      }
      if (p.end) {
        const limit = monthDeadline(p.start, monthsOf(LEGAL_LIMITS.technicalInvestigation));
        if (p.end > limit)
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${d.title}有效期 ${p.start} 至 ${p.end}，超过三个月（至 ${limit}）`,
                en: `${d.title} runs ${p.start}–${p.end}, beyond 3 months (${limit})`,
              },
              [documentEvidence(d)],
              [d.id, 'period'],
            ),
          );
      }
    }
    const freezes = facts.documents
      .filter((d) => d.type === 'OTHER' && /冻结/.test(d.title) && !/解除/.test(d.title))
      .map((d) => ({ d, p: periodOf(d), k: freezeKind(d), renewal: d.fields.renewal === true || /续冻|续行冻结|继续冻结/.test(d.title) }))
      .filter((x) => x.p !== null)
      .sort((a, b) => a.p!.start.localeCompare(b.p!.start));
    for (const [i, f] of freezes.entries()) {
      const p = f.p!;
      if (p.end) {
        const limit = monthDeadline(p.start, f.k.months);
        const major = f.k.majorMonths ? monthDeadline(p.start, f.k.majorMonths) : null;
        if (p.end > limit) {
          const allowed = major && p.end <= major;
          out.push(
            finding(
              this,
              allowed ? 'warning' : 'violation',
              {
                zh: allowed
                  ? `${f.d.title}冻结${f.k.zh} ${p.start} 至 ${p.end}，超过六个月，仅重大、复杂案件经设区的市一级以上公安机关负责人批准可至一年，请核实批准`
                  : `${f.d.title}冻结${f.k.zh} ${p.start} 至 ${p.end}，超过法定期限（至 ${major ?? limit}）`,
                en: allowed
                  ? `${f.d.title} freezes ${f.k.en} ${p.start}–${p.end}, over 6 months: allowed up to a year only in major cases with city-level approval — check`
                  : `${f.d.title} freezes ${f.k.en} ${p.start}–${p.end}, beyond the limit (${major ?? limit})`,
              },
              [documentEvidence(f.d)],
              [f.d.id, 'period'],
            ),
          );
        }
      }
      // A renewal must come before the previous freeze ended.
      if (f.renewal) {
        const prev = freezes
          .slice(0, i)
          .reverse()
          .find((x) => x.p!.end);
        if (prev && prev.p!.end && p.start > prev.p!.end && f.d.date && f.d.date > prev.p!.end) {
          out.push(
            finding(
              this,
              'violation',
              {
                zh: `${f.d.title}（${f.d.date}）在原冻结期满（${prev.p!.end}）之后才办理续冻`,
                en: `${f.d.title} (${f.d.date}) renews the freeze after it expired (${prev.p!.end})`,
              },
              [documentEvidence(prev.d), documentEvidence(f.d)],
              [f.d.id, 'renewal'],
            ),
          );
        }
      }
    }
    return out;
  },
};
