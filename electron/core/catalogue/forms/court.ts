// Papers that tell a case rather than perform one act of it: the court's judgments and rulings,
// the procuratorate's indictments and decisions, and the police's own narratives (起诉意见书,
// 提请批准逮捕书, 抓获经过). Their fields are who the parties are, the custody history each went
// through as the paper tells it, earlier convictions, and for court papers the charges and
// sentences.
import { readCustodyHistory } from '../../narrative/custody.js';
import type { NarrativeCustody, PriorConviction } from '../../rules/facts.js';
import { allDates } from './dates.js';
import type { FieldReader } from './table.js';
import { lineAt } from './text.js';

// The police's own accounts tell the report and the filing beside the custody (由被害人…报案，于同日立案侦查).
const POLICE_NARRATIVES: ReadonlySet<string> = new Set(['ARREST_REQUEST', 'PROSECUTION_OPINION', 'DETENTION_REQUEST', 'NARRATIVE']);

/** Parties, their custody history and their earlier convictions, as the narrative tells them. */
export const custodyHistory: FieldReader = (x) => {
  const h = readCustodyHistory(x.text, x.ref, { caseActs: POLICE_NARRATIVES.has(x.type) });
  if (h.parties.length) x.fields.parties = h.parties.map((p) => p.name);
  const custody: NarrativeCustody[] = h.measures.map((m) => {
    const c: NarrativeCustody = { type: m.type, date: m.date, person: m.person, text: m.text, line: lineAt(x.text, m.start) };
    if (m.designated) c.designated = true;
    if (m.by) c.by = m.by;
    return c;
  });
  if (custody.length) x.fields.custody = custody;
  const priors: PriorConviction[] = h.priors.map((p) => ({
    person: p.person,
    date: p.date,
    charge: p.charge,
    sentence: p.sentence,
    text: p.text,
  }));
  if (priors.length) x.fields.priors = priors;
};

/** The court or procuratorate that issued the paper: its name on a line of its own near the top. */
export const issuer: FieldReader = (x) => {
  for (const raw of x.text.split('\n').slice(0, 8)) {
    for (const part of raw.split(/\s+/)) {
      const m = /^([\u4e00-\u9fff]{2,30}?(?:人民法院|人民检察院|中级人民法院|高级人民法院|公安局|分局))$/.exec(part.trim());
      if (m) {
        x.fields.issuer = m[1] ?? '';
        x.evidence.issuer = raw.trim();
        return;
      }
    }
  }
};

/** The charges the paper names: 犯…罪 in the operative part of a judgment, 涉嫌…罪 elsewhere. */
export const charges: FieldReader = (x) => {
  // From the sentence that decides or charges: 判决如下, 应当以…罪追究其刑事责任, 建议判处.
  const operative = x.text.search(/判决如下|裁定如下|决定如下|提起公诉|追究其?刑事责任|建议判处/);
  const from = operative < 0 ? 0 : Math.max(x.text.lastIndexOf('。', operative), x.text.lastIndexOf('\n', operative)) + 1;
  const scope = x.text.slice(from);
  const found: string[] = [];
  for (const m of scope.matchAll(/(?:犯|以|涉嫌)((?:[\u4e00-\u9fff]{1,3}[、，,])*[\u4e00-\u9fff]{2,18}?罪)/g)) {
    for (const c of (m[1] ?? '').split(/[、，,]/)) {
      const charge = c.endsWith('罪') ? c : `${c}罪`;
      if (/^(该|此|本|其|上述|以上|数|何|无|有|认|定|犯)/.test(charge) || charge.length < 3) continue;
      if (!found.includes(charge)) found.push(charge);
    }
    if (found.length >= 6) break;
  }
  if (found.length) x.fields.charges = found;
};

/** 被告人张三犯盗窃罪，判处有期徒刑一年，并处罚金人民币五千元: each defendant's sentence. */
export const sentences: FieldReader = (x) => {
  const at = x.text.search(/判决如下|裁定如下/);
  if (at < 0) return;
  const out: { person: string; charge: string; penalty: string }[] = [];
  const re =
    /被告人\s*([\u4e00-\u9fff·]{2,8}?)\s*犯([\u4e00-\u9fff、]{2,30}?罪)[，,]\s*(判处[^。；;]{2,80}|免予刑事处罚|单处[^。；;]{2,40})/g;
  re.lastIndex = at;
  for (let m = re.exec(x.text); m; m = re.exec(x.text)) {
    out.push({ person: m[1] ?? '', charge: m[2] ?? '', penalty: (m[3] ?? '').replace(/[（(][^）)]*$/, '').trim() });
  }
  if (out.length) x.fields.sentences = out;
};

/** 于2016年10月10日向本院提起公诉: when the case reached the court. */
export const indicted: FieldReader = (x) => {
  const m = /向本院提起公诉/.exec(x.text);
  if (!m) return;
  const before = x.text.slice(Math.max(0, m.index - 40), m.index);
  const d = allDates(before, x.ref).pop();
  if (!d) return;
  x.fields.indictedAt = d.date;
  x.evidence.indictedAt = lineAt(x.text, m.index);
};
