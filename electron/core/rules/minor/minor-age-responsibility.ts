// 刑法 17; CPL 277–280; PSR 321: criminal responsibility by age in full years at
// the offence — ≥ 16 all crimes; 14–16 only the eight grave crimes; 12–14 only
// homicide or cruel injury causing death or severe disability, with the Supreme
// Procuratorate's approval; under 12 none. Ages at a threshold are checked with care.
import type { Rule, RuleFinding } from '../rule.js';
import { finding } from '../rule.js';
import { addDays, ageOn, formatCaseTime } from '../../../../shared/case-time.js';
import { liableAt12, liableAt14 } from '../records/charges.js';
import { birthDateFromId, birthDateOf, suspects } from '../records/persons.js';
import { sessionsOf } from '../records/sessions.js';
import { offenceOf } from './minors.js';

/** Days after a threshold birthday within which the exact offence time and birth date decide the case. */
const NEAR_DAYS = 30;
const THRESHOLDS = [12, 14, 16, 18];

function thresholdBirthday(birth: string, years: number): string {
  const [y, m, d] = birth.split('-');
  const date = `${Number(y) + years}-${m}-${d}`;
  // 29 February in a common year: the birthday falls on the 28th.
  return /-02-29$/.test(date) && Number(y) % 4 === 0 && (Number(y) + years) % 4 !== 0 ? date.replace(/29$/, '28') : date;
}

export const minorAgeResponsibility: Rule = {
  id: 'MINOR_AGE_RESPONSIBILITY',
  title: { zh: '刑事责任年龄', en: 'Age of criminal responsibility' },
  citation: '《刑法》第十七条；《刑事诉讼法》第二百七十七条至第二百八十条；《公安机关办理刑事案件程序规定》第三百二十一条',
  severity: 'violation',
  needs: ['出生日期或身份证号', '案发时间', '罪名'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    for (const p of suspects(facts)) {
      const birth = birthDateOf(p);
      if (!birth) continue;
      const offence = offenceOf(facts, p);
      if (!offence) {
        // Without the offence date only a young suspect's responsibility is in doubt.
        const first = sessionsOf(facts, 'interrogation')
          .filter((s) => s.subjectId === p.id && s.start)
          .sort((a, b) => a.start!.ms - b.start!.ms)[0];
        const ageThen = first?.start ? ageOn(birth, first.start.date) : null;
        if (ageThen !== null && ageThen < 20) {
          out.push(
            finding(
              this,
              'warning',
              {
                zh: `${p.name}（出生 ${birth}）第一次讯问时 ${ageThen} 周岁，未见案发时间，无法核对作案时是否已满刑事责任年龄`,
                en: `${p.name} (born ${birth}) was ${ageThen} at the first interrogation, but no offence date is found; cannot check the age of responsibility`,
              },
              [first ? { document: first.doc.id, page: first.doc.page, text: first.doc.title } : null],
              ['missing', p.id],
            ),
          );
        }
        continue;
      }
      const age = ageOn(birth, offence.start.date);
      if (age === null) continue;
      const ev = { document: offence.document, page: offence.page, text: offence.text };
      const at = formatCaseTime(offence.start);
      const base = {
        zh: `${p.name}（出生 ${birth}）作案时（${at}）${age} 周岁`,
        en: `${p.name} (born ${birth}) was ${age} at the offence (${at})`,
      };
      const charge = facts.charge;
      const push = (severity: 'violation' | 'warning', zh: string, en: string, key: string) =>
        out.push(finding(this, severity, { zh: `${base.zh}，${zh}`, en: `${base.en}; ${en}` }, [ev], [p.id, key]));

      if (age < 12) push('violation', '不满十二周岁，不负刑事责任', 'under 12: no criminal responsibility', 'under12');
      else if (age < 14) {
        if (!charge || liableAt12(charge) === 'no')
          push(
            'violation',
            `已满十二周岁不满十四周岁，${charge ? `“${charge}”` : '罪名不明，'}不在刑法第十七条第三款范围内`,
            `aged 12–14, ${charge ? `"${charge}"` : 'an unknown charge'} is outside 刑法 17(3)`,
            'under14',
          );
        else
          push(
            'warning',
            '已满十二周岁不满十四周岁，须致人死亡或以特别残忍手段致人重伤造成严重残疾、情节恶劣，并经最高人民检察院核准追诉，请核实',
            'aged 12–14: liable only for death or cruel severe disability, with the Supreme Procuratorate’s approval — check',
            'under14',
          );
      } else if (age < 16) {
        const liable = charge ? liableAt14(charge) : 'depends';
        if (liable === 'no')
          push(
            'violation',
            `已满十四周岁不满十六周岁，“${charge}”不在刑法第十七条第二款所列八种犯罪之内`,
            `aged 14–16, "${charge}" is not among the eight crimes of 刑法 17(2)`,
            'under16',
          );
        else if (liable === 'depends')
          push(
            'warning',
            charge
              ? '已满十四周岁不满十六周岁，故意伤害须致人重伤或者死亡方负刑事责任，请核实伤情'
              : '已满十四周岁不满十六周岁，罪名不明，请核实是否属刑法第十七条第二款所列犯罪',
            charge
              ? 'aged 14–16: intentional injury counts only with serious injury or death — check'
              : 'aged 14–16 and the charge is unknown — check 刑法 17(2)',
            'under16',
          );
      }

      // A threshold birthday shortly before the offence, a self-reported birth date, or an offence spanning a birthday.
      const near = THRESHOLDS.find((t) => {
        const bd = thresholdBirthday(birth, t);
        return offence.start.date > bd && offence.start.date <= addDays(bd, NEAR_DAYS);
      });
      const spanAge = offence.end ? ageOn(birth, offence.end.date) : null;
      if (near !== undefined)
        push(
          'warning',
          `刚满 ${near} 周岁（${NEAR_DAYS} 日内），属临界年龄，请核实出生日期和作案时间`,
          `just past ${near} (within ${NEAR_DAYS} days): a threshold age — check the birth date and offence time`,
          'near',
        );
      else if (spanAge !== null && spanAge !== age && age < 18)
        push(
          'warning',
          `作案持续至 ${offence.end ? formatCaseTime(offence.end) : ''}，其间年满 ${spanAge} 周岁，应分段认定`,
          `the offence ran on to an age of ${spanAge}; the acts before and after must be assessed separately`,
          'span',
        );
      else if (age < 19 && !birthDateFromId(p))
        push(
          'warning',
          '出生日期未经身份证号核实，未成年或临界年龄须查证户籍材料',
          'the birth date is not backed by an ID number; a minor or threshold age must be proved from registration records',
          'self-reported',
        );
    }
    return out;
  },
};
