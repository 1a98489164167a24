// BAIL_FORMALITIES — one person gives either a guarantor or a deposit, never both;
// a deposit is at least ¥1,000 (¥500 for a minor). A guarantor signs a 保证书
// (CPL 67–71; PSR 81–90).
import type { CaseFacts, FactDocument } from '../facts.js';
import { recordSubjectId } from '../facts.js';
import { who } from '../occurrences.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding, quote } from '../rule.js';
import { ageOn } from '../../../../shared/case-time.js';

const rule: Rule = {
  id: 'BAIL_FORMALITIES',
  title: { zh: '取保候审的保证方式', en: 'Bail guarantee' },
  citation: '《刑事诉讼法》第六十七条至第七十一条；《公安机关办理刑事案件程序规定》第八十一条至第九十条',
  severity: 'violation',
  needs: ['取保候审决定书（保证人、保证金）', '保证书', '出生日期'],
  evaluate,
};
export default rule;

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** 壹仟伍佰 → 1500; 2万 → 20000; 3,000 → 3000. */
export function readAmount(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  const arabic = /^(\d+(?:\.\d+)?)(万)?$/.exec(t);
  if (arabic) return Number(arabic[1]) * (arabic[2] ? 10_000 : 1);
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in DIGITS) digit = DIGITS[ch] ?? 0;
    else if (ch in UNITS) {
      section += (digit || 1) * (UNITS[ch] ?? 1);
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      digit = 0;
    } else return null;
  }
  const value = total + section + digit;
  return value > 0 ? value : null;
}

function guarantorOf(doc: FactDocument): string | null {
  return doc.fields.guarantor?.trim() || null;
}

function depositOf(doc: FactDocument): number | null {
  const field = doc.fields.deposit;
  return field ? readAmount(field.replace(/元|人民币/g, '')) : null;
}

function evaluate(facts: CaseFacts): RuleFinding[] {
  const out: RuleFinding[] = [];
  const pledges = facts.documents.filter((d) => /保证书/.test(d.title));
  for (const doc of facts.documents.filter((d) => d.type === 'BAIL')) {
    const person = recordSubjectId(facts, doc);
    const name = { zh: who(facts, person, 'zh'), en: who(facts, person, 'en') };
    const key = [doc.id];
    const guarantor = guarantorOf(doc);
    const deposit = depositOf(doc);
    const evidence = [documentEvidence(doc, quote(doc, '保证') ?? undefined)];
    if (guarantor && deposit !== null) {
      out.push(
        finding(
          rule,
          'violation',
          {
            zh: `${name.zh}：取保候审同时采用保证人（${guarantor}）和保证金（${deposit} 元）`,
            en: `${name.en}: bail with both a guarantor (${guarantor}) and a deposit (¥${deposit})`,
          },
          evidence,
          ['both', ...key],
        ),
      );
    }
    if (deposit !== null) {
      const birth = person ? (facts.persons.find((p) => p.id === person)?.birthDate ?? null) : null;
      const age = birth && doc.date ? ageOn(birth, doc.date) : null;
      const minimum = age !== null && age < 18 ? 500 : 1000;
      if (deposit < minimum) {
        out.push(
          finding(
            rule,
            'violation',
            {
              zh: `${name.zh}：保证金 ${deposit} 元低于 ${minimum} 元${minimum === 500 ? '（未成年人）' : ''}`,
              en: `${name.en}: deposit ¥${deposit} is below ¥${minimum}${minimum === 500 ? ' (minor)' : ''}`,
            },
            evidence,
            ['deposit', ...key],
          ),
        );
      }
    }
    if (guarantor && !pledges.some((p) => p.text.includes(guarantor) || p.fields.subjectId === person || pledges.length === 1)) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：保证人 ${guarantor}，未见保证人出具的保证书`,
            en: `${name.en}: guarantor ${guarantor}, but no guarantor's pledge (保证书) is in the file`,
          },
          evidence,
          ['pledge', ...key],
        ),
      );
    }
    if (!guarantor && deposit === null && doc.text.length >= 40) {
      out.push(
        finding(
          rule,
          'warning',
          {
            zh: `${name.zh}：取保候审决定书未见保证人或保证金的记载，无法核对`,
            en: `${name.en}: the bail decision shows neither a guarantor nor a deposit; cannot check`,
          },
          evidence,
          ['missing', ...key],
        ),
      );
    }
  }
  return out;
}
