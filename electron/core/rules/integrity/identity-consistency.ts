// PSR 203; SPC 95: a person is identified by one ID number and one name (or the
// aliases the file records) throughout. An ID that fails the GB 11643 checksum or
// encodes an impossible birth date, or an ID written differently beside the same
// name elsewhere, is an OCR slip or a copying error that the reviewer must settle.
import type { FactPerson } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { documentEvidence, finding } from '../rule.js';
import type { IdCheck } from '../../extract/validate.js';
import { checkIdNumber } from '../../extract/validate.js';
import { namesOf } from '../records/persons.js';
import { pageAt } from '../../statements/passages.js';
import { sessionsOf } from '../records/sessions.js';

const REASON: Record<string, { zh: string; en: string }> = {
  length: { zh: '位数不对', en: 'wrong length' },
  checksum: { zh: '校验码不符（GB 11643）', en: 'check character wrong (GB 11643)' },
  birthdate: { zh: '出生日期不存在', en: 'impossible birth date' },
  province: { zh: '地址码（省份）不存在', en: 'unknown province code' },
};

const ID_IN_TEXT = /(?<![\dXx０-９])(?:\d{17}[\dXx]|\d{15})(?![\dXx０-９])/g;
const ID_LABEL = /身份证|身份号码|证件号|公民身份/;
/** How far before an ID number its holder's name may stand ("姓名：张三 … 身份证号：…"). */
const NAME_WINDOW = 60;

/** The 18-digit form that identifies the holder, so a legacy 15-digit number matches its upgrade. */
function canonical(c: IdCheck): string {
  return c.upgraded ?? c.normalised;
}

export const identityConsistency: Rule = {
  id: 'IDENTITY_CONSISTENCY',
  title: { zh: '身份信息一致性', en: 'Identity consistency' },
  citation: '《公安机关办理刑事案件程序规定》第二百零三条；最高法解释第九十五条；GB 11643-1999',
  severity: 'warning',
  needs: ['人员身份证号', '笔录中的身份信息'],
  evaluate(facts) {
    const out: RuleFinding[] = [];
    const holders = new Map<string, FactPerson[]>();
    const checks = new Map<string, IdCheck>();
    const mention = (p: FactPerson) => {
      for (const d of facts.documents) {
        const at = d.text.indexOf(p.name);
        if (at >= 0) return { document: d.id, page: pageAt(d, at), text: d.text.slice(at, at + 40) };
      }
      return null;
    };

    for (const p of facts.persons) {
      if (!p.idNumber) continue;
      const c = checkIdNumber(p.idNumber);
      checks.set(p.id, c);
      const ev = mention(p);
      if (!c.valid) {
        const r = REASON[c.reason ?? 'length'] ?? REASON.length!;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${p.name}的身份证号 ${c.normalised} 无效：${r.zh}`,
              en: `${p.name}'s ID number ${c.normalised} is invalid: ${r.en}`,
            },
            [ev],
            [p.id, 'invalid'],
          ),
        );
        continue;
      }
      const key = canonical(c);
      holders.set(key, [...(holders.get(key) ?? []), p]);
      if (p.birthDate && c.birthDate && p.birthDate.slice(0, 10) !== c.birthDate) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${p.name}的出生日期写作 ${p.birthDate.slice(0, 10)}，而身份证号 ${c.normalised} 载明 ${c.birthDate}`,
              en: `${p.name}'s birth date is given as ${p.birthDate.slice(0, 10)}, but ID ${c.normalised} encodes ${c.birthDate}`,
            },
            [ev],
            [p.id, 'birth'],
          ),
        );
      }
      if (p.gender && c.gender && p.gender !== c.gender) {
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${p.name}的性别写作“${p.gender}”，而身份证号 ${c.normalised} 的顺序码为${c.gender}性`,
              en: `${p.name}'s sex is given as ${p.gender === '男' ? 'male' : 'female'}, but ID ${c.normalised} encodes ${c.gender === '男' ? 'male' : 'female'}`,
            },
            [ev],
            [p.id, 'sex'],
          ),
        );
      }
    }

    // One number, two people.
    for (const [id, people] of holders) {
      const distinct = people.filter((p, i) => !people.slice(0, i).some((q) => namesOf(q).some((n) => namesOf(p).includes(n))));
      if (distinct.length < 2) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `身份证号 ${id} 同时登记在${distinct.map((p) => p.name).join('、')}名下`,
            en: `ID number ${id} is recorded for ${distinct.map((p) => p.name).join(', ')}`,
          },
          distinct.map(mention),
          ['shared', id],
        ),
      );
    }

    // The number written beside a person's name in the documents.
    const named = facts.persons.filter((p) => checks.get(p.id)?.valid);
    for (const d of facts.documents) {
      for (const m of d.text.matchAll(ID_IN_TEXT)) {
        const before = d.text.slice(Math.max(0, m.index - NAME_WINDOW), m.index);
        let holder: FactPerson | null = null;
        let nearest = -1;
        for (const p of named) {
          for (const n of namesOf(p)) {
            const at = before.lastIndexOf(n);
            if (at > nearest) {
              nearest = at;
              holder = p;
            }
          }
        }
        if (!holder) continue;
        const own = checks.get(holder.id)!;
        const written = checkIdNumber(m[0]);
        // An 18-digit bank card or account number is not an ID: unlabelled invalid numbers are left alone.
        if (!written.valid && !ID_LABEL.test(d.text.slice(Math.max(0, m.index - 20), m.index))) continue;
        if (canonical(written) === canonical(own)) continue;
        const why = written.valid ? '' : `（${(REASON[written.reason ?? 'length'] ?? REASON.length!).zh}）`;
        const whyEn = written.valid ? '' : ` (${(REASON[written.reason ?? 'length'] ?? REASON.length!).en})`;
        out.push(
          finding(
            this,
            'warning',
            {
              zh: `${d.title}（第${pageAt(d, m.index)}页）在${holder.name}名下写有身份证号 ${written.normalised}${why}，与其登记的 ${own.normalised} 不一致`,
              en: `${d.title} (p. ${pageAt(d, m.index)}) gives ${holder.name}'s ID number as ${written.normalised}${whyEn}, not ${own.normalised} as recorded elsewhere`,
            },
            [{ document: d.id, page: pageAt(d, m.index), text: d.text.slice(Math.max(0, m.index - 20), m.index + m[0].length) }],
            [holder.id, 'text', d.id, written.normalised],
          ),
        );
      }
    }

    // Birth date stated in a record against the subject's ID.
    for (const s of sessionsOf(facts, 'interrogation', 'inquiry')) {
      if (!s.subjectId) continue;
      const c = checks.get(s.subjectId);
      if (!c?.valid || !c.birthDate) continue;
      const m = /出生(?:日期|年月日|年月)?[：:\s]*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s.doc.text);
      if (!m) continue;
      const written = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      if (written === c.birthDate) continue;
      out.push(
        finding(
          this,
          'warning',
          {
            zh: `${s.doc.title}（第${pageAt(s.doc, m.index)}页）写明${s.subjectName ?? ''}出生于 ${written}，而其身份证号 ${c.normalised} 载明 ${c.birthDate}`,
            en: `${s.doc.title} (p. ${pageAt(s.doc, m.index)}) gives ${s.subjectName ?? 'the person'}'s birth date as ${written}, but ID ${c.normalised} encodes ${c.birthDate}`,
          },
          [documentEvidence(s.doc, m[0])],
          [s.subjectId, 'record-birth', s.doc.id],
        ),
      );
    }
    return out;
  },
};
