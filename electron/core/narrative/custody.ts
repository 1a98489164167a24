// A person's custody history as a narrative tells it: the party paragraphs of a 判决书, 裁定书 or
// 起诉书 ("被告人张三……因涉嫌盗窃罪于2018年6月11日被某市公安局刑事拘留，同年7月12日被逮捕"),
// the suspects' paragraphs of a 起诉意见书 or 提请批准逮捕书, an 抓获经过. Each measure is read
// with its date (同年/同月/次日 resolved from the dates before it), attributed to the person whose
// paragraph or sentence it is in, and keeps the words that say so. What the person went through
// before this case (前科: 曾因…被判处…, 刑满释放, 行政拘留) is not this case's custody.
import type { EventType } from '../../../shared/vocab.js';
import { findDateTimes, type DateTimeMention } from '../extract/datetime.js';
import { readName } from '../extract/names.js';

export interface NarrativeMeasure {
  type: EventType;
  /** YYYY-MM-DD, or ISO with +08:00 when the narrative gives the hour. */
  date: string;
  /** The person's name as the narrative writes it; null when no person can be told. */
  person: string | null;
  /** Offsets of the date … measure words in the text. */
  start: number;
  end: number;
  /** The clause that says so. */
  text: string;
  /** 指定居所监视居住. */
  designated?: true;
  /** Who decided or did it, as written (某市公安局, 某区人民检察院, 本院). */
  by?: string;
}

export interface NarrativeParty {
  name: string;
  /** 被告人, 犯罪嫌疑人, 被不起诉人, 罪犯 … */
  cue: string;
  /** Offsets of the party's paragraph. */
  start: number;
  end: number;
}

export interface PriorRecord {
  person: string;
  /** YYYY-MM-DD or null when the narrative gives none. */
  date: string | null;
  /** 盗窃罪 … */
  charge: string | null;
  /** 判处有期徒刑一年 … */
  sentence: string | null;
  text: string;
  start: number;
  end: number;
}

export interface CustodyHistory {
  parties: NarrativeParty[];
  measures: NarrativeMeasure[];
  priors: PriorRecord[];
}

// Who a party paragraph is about. 原审被告人 and 上诉人（原审被告人） in appeals.
const PARTY_CUES = ['上诉人（原审被告人）', '上诉人(原审被告人)', '原审被告人', '被告人', '犯罪嫌疑人', '被不起诉人', '罪犯', '被申诉人'];
// Paragraphs of other participants end a party's paragraph.
const OTHER_CUES =
  /(?:^|[。\s])(?:指定辩护人|辩护人|诉讼代理人|法定代理人|附带民事诉讼原告人|被害人|公诉机关|抗诉机关|原公诉机关|申诉人|委托代理人|翻译人员)/g;
// Where the parties' paragraphs end and the case itself begins.
const SECTION_END =
  /(?:判决如下|裁定如下|决定如下|人民检察院以|检察院以|公诉机关指控|经审理查明|经依法侦查查明|经侦查查明|侦查查明|现已审理终结|审理了本案|本院认为|犯罪事实如下|涉嫌[^。]{0,30}一案)/;

const SEP = /[，,（(。；;：:\s]/;

interface NamedCue {
  name: string;
  cue: string;
  at: number;
  nameEnd: number;
  opensSentence: boolean;
}

/**
 * Every "cue + name" of the text: 被告人张三， 犯罪嫌疑人：李四（ 将犯罪嫌疑人王某某抓获. A party's
 * paragraph opens a sentence with one; elsewhere they say whom a sentence is about.
 */
function namedCues(text: string): NamedCue[] {
  const out: NamedCue[] = [];
  for (let i = 0; i < text.length; i++) {
    const cue = PARTY_CUES.find((c) => text.startsWith(c, i));
    if (!cue) continue;
    let p = i + cue.length;
    const colon = /^\s?(?:姓名)?[：:]\s?/.exec(text.slice(p, p + 5));
    if (colon) p += colon[0].length;
    let q = p;
    while (q < text.length && q - p < 16 && !SEP.test(text[q] ?? '')) q++;
    let name = text.slice(p, q);
    // "被告人的", "被告人杨某在判决宣告以后" are prose: a name is 2–5 characters (longer only with a
    // middle dot) before its particulars, or a name the name reader bounds ("童某于当日…").
    let plausible =
      (/[·•]/.test(name) ? name.length <= 16 : name.length >= 2 && name.length <= 5) &&
      /^[\u4e00-\u9fff·•A-Za-z0-9]+$/.test(name) &&
      /[，,（(。；;]/.test(text[q] ?? '');
    // "将犯罪嫌疑人钱某某抓获，": the name ends where a verb begins.
    const read0 = readName(text, p, true) ?? readName(text, p, false);
    if (
      plausible &&
      read0 &&
      read0.end < q &&
      /^(?:抓获|到案|归案|投案|于|在|因|被|将|等|涉嫌|犯|伙同|的)/.test(text.slice(read0.end, q))
    ) {
      name = read0.name;
      q = read0.end;
    }
    if (!plausible) {
      const read = read0;
      if (read && read.end - p >= 2) {
        name = read.name;
        q = read.end;
        plausible = true;
      }
    }
    if (!plausible) {
      i += cue.length - 1;
      continue;
    }
    out.push({ name, cue, at: i, nameEnd: q, opensSentence: i === 0 || /[。；;\s\n]/.test(text[i - 1] ?? '') });
    i = q - 1;
  }
  return out;
}

interface MeasureWord {
  at: number;
  end: number;
  type: EventType;
  designated?: true;
  /** A bare 执行 ("同月24日由某局执行"): the arrest, when an approval was told just before. */
  bare?: true;
}

// The measures, longest first at each position. Nouns of papers (拘留证, 逮捕通知书) and
// administrative or judicial detentions are not this case's custody.
const MEASURES: { re: RegExp; type: EventType }[] = [
  { re: /延长拘留(?:期限)?(?!证|通知书|决定书|报告书)/y, type: 'DETENTION_EXTENDED' },
  { re: /(?:不予?)?批准逮捕(?!书|决定书|证|通知书)/y, type: 'ARREST_APPROVED' },
  { re: /决定逮捕(?!书|证|通知书)/y, type: 'ARREST_APPROVED' },
  { re: /(?:执行|依法|予以|被|宣布|实施|的)?逮捕(?!证|通知书|决定书|书|后|前|期间|时|以来|羁押)/y, type: 'ARREST' },
  {
    re: /刑事拘留(?!证|通知书|决定书|报告书|期间|期限|后|时)|刑拘(?!证|期间)|(?<![行政司法])拘留(?!证|通知书|决定书|报告书|所|期间|期限|期满|[一二三四五六七八九十\d]+日|后|时)/y,
    type: 'DETENTION',
  },
  { re: /(?:指定居所)?监视居住(?!决定书|通知书|期间|期限|执行)/y, type: 'RESIDENTIAL_SURVEILLANCE' },
  { re: /取保候审(?!决定书|通知书|保证书|期间|期限|期满)/y, type: 'BAIL' },
  { re: /(?<!刑满|假释|提前|保外就医|刑满予以)释放(?!证明|通知书|证)/y, type: 'RELEASED' },
  { re: /变更强制措施|变更为/y, type: 'MEASURE_CHANGED' },
  { re: /抓获|归案|到案(?!经过|说明)|投案(?!经过)|捉获|挡获/y, type: 'APPREHENDED' },
  { re: /执行(?=[，,。；;]|$)/y, type: 'ARREST' },
];

// The case's own start as the police tell it (由被害人…于…报案, 于同日立案侦查): read from the police's
// narratives only, where it stands beside the custody history; a judgment's account of the crime is not.
const CASE_ACTS: { re: RegExp; type: EventType }[] = [
  { re: /立案侦查|立案(?!决定书|登记|审查|侦查终结|后|前|时)/y, type: 'CASE_FILED' },
  // 工作中发现 is how a case the police found themselves (drugs, gambling) enters: its intake.
  { re: /报案(?!人|材料|登记)|报警(?!人)|扭送|工作中发现/y, type: 'REPORT' },
];

function measureWords(s: string, caseActs = false): MeasureWord[] {
  const out: MeasureWord[] = [];
  const table = caseActs ? [...CASE_ACTS, ...MEASURES] : MEASURES;
  for (let i = 0; i < s.length; i++) {
    for (const { re, type } of table) {
      re.lastIndex = i;
      const m = re.exec(s);
      if (!m || m[0] === '') continue;
      // 提请批准逮捕 is a request, not an approval; 不批准逮捕 no approval at all.
      if (
        type === 'ARREST_APPROVED' &&
        (/(?:提请|报请|呈请)[^，,。；]{0,16}$/.test(s.slice(Math.max(0, i - 18), i)) || m[0].startsWith('不'))
      ) {
        i += m[0].length - 1;
        break;
      }
      // Administrative detentions are 行政拘留; a court's 司法拘留 is not custody either.
      if (type === 'DETENTION' && /(?:行政|司法)$/.test(s.slice(Math.max(0, i - 2), i))) {
        i += m[0].length - 1;
        break;
      }
      const w: MeasureWord = { at: i, end: i + m[0].length, type };
      if (m[0] === '执行') w.bare = true;
      if (type === 'RESIDENTIAL_SURVEILLANCE' && m[0].startsWith('指定居所')) w.designated = true;
      out.push(w);
      i += m[0].length - 1;
      break;
    }
  }
  return out;
}

// Unless the sentence speaks of this case: 因本案, 因涉嫌…罪.
const THIS_CASE = /因本案|本案|因涉嫌|涉嫌犯|现又因|现因/;

function sentences(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    if (/[。；;\n]/.test(text[i] ?? '')) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (to > s) out.push({ start: s, end: to });
  return out;
}

const ORGAN =
  /(?:被|由|经|向)((?:[\u4e00-\u9fff（）()]{0,30}?)(?:公安局|分局|派出所|检察院|法院|本院|该院|该局|我局|公安机关|国家安全局|监察委员会))/g;

/** Who did it: the organ named last before the measure ("被乐清市公安局刑事拘留", "由某区人民检察院批准逮捕"). */
function actorBefore(s: string): string | undefined {
  let last: string | undefined;
  for (const m of s.matchAll(ORGAN)) last = m[1];
  return last;
}

const byCourt = (by: string | undefined): boolean => by !== undefined && /法院|本院|该院/.test(by);

// A sentence that begins with the earlier life (曾因…, 因犯…罪 — a conviction, not 因涉嫌) is all of it.
const PRIOR_OPENING =
  /^[\s\d、.）)]*(?:被告人[^，。]{0,6})?(?:曾|其曾|此前|前科|又?因犯|因[^，。]{0,8}(?:吸毒|赌博|殴打|卖淫|嫖娼|违法))|^[\s\d、.]*(?:19|20)\d{2}年[^，。]{0,12}(?<!涉嫌)因犯/;
// A clause about the earlier life: a penalty, a sentence served, an administrative detention.
const PRIOR_CLAUSE =
  /判处|判决|刑满释放|假释|缓刑|服刑|劳动教养|劳教|强制隔离戒毒|行政拘留|治安拘留|罚款|行政处罚|司法拘留|免予刑事处罚|社区戒毒|收监执行/;

// A charge's name may hold the words of a penalty (拒不执行判决、裁定罪): they are read without it.
const CHARGE_NAME = /(?:涉嫌)?犯?[\u4e00-\u9fff、]{1,20}?罪/g;
const withoutCharges = (s: string): string => s.replace(CHARGE_NAME, '罪');

function isPriorSentence(sentence: string): boolean {
  return PRIOR_OPENING.test(sentence) && !THIS_CASE.test(sentence.slice(0, 12));
}

/** The sentence's own dates, the context carried from the text before it. */
function datesOf(text: string, start: number, end: number, ctx: string | null): DateTimeMention[] {
  return findDateTimes(text.slice(start, end), ctx ? { date: ctx } : undefined)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date))
    .map((d) => ({ ...d, start: d.start + start, end: d.end + start }));
}

// "上述三被告人", "上列被告人", "以上两名犯罪嫌疑人": every party named before.
const ALL_PARTIES =
  /(?:上述|上列|以上|前述)(?:[一二三四五六七八九十两\d]+名?)?(?:被告人|犯罪嫌疑人|被不起诉人|罪犯)|(?:二|两|三|四|五|六|七|八|九|十|\d+)名?(?:被告人|犯罪嫌疑人)均/;

/** Clause boundaries (，) inside a sentence: a penalty told in one clause does not make the others prior. */
function clauseAt(text: string, from: number, to: number, at: number): { start: number; end: number } {
  let s = from;
  for (let i = at - 1; i >= from; i--)
    if (/[，,]/.test(text[i] ?? '')) {
      s = i + 1;
      break;
    }
  let e = to;
  for (let i = at; i < to; i++)
    if (/[，,]/.test(text[i] ?? '')) {
      e = i;
      break;
    }
  return { start: s, end: e };
}

/**
 * The custody history a narrative tells, person by person. `ref` is the document's own date: it
 * resolves 同日/次日 before any full date is written.
 */
export function readCustodyHistory(text: string, ref?: string | null, opts: { caseActs?: boolean } = {}): CustodyHistory {
  const cues = namedCues(text);
  const intros = cues.filter((c) => c.opensSentence);
  // The parties' section ends where the case itself begins (the first 一案/查明/指控 after the first party).
  const firstParty = intros[0]?.at ?? -1;
  const sectionEndRel = firstParty >= 0 ? text.slice(firstParty).search(SECTION_END) : -1;
  const sectionEnd = firstParty >= 0 && sectionEndRel >= 0 ? firstParty + sectionEndRel : text.length;
  const headerIntros = intros.filter((p) => p.at < sectionEnd);
  const parties: NarrativeParty[] = headerIntros.map((p, k) => {
    const next = headerIntros[k + 1]?.at ?? sectionEnd;
    OTHER_CUES.lastIndex = p.nameEnd;
    const other = OTHER_CUES.exec(text);
    return { name: p.name, cue: p.cue, start: p.at, end: other && other.index < next ? other.index : next };
  });
  const names = [...new Set([...parties.map((p) => p.name), ...cues.map((p) => p.name)])].sort((a, b) => b.length - a.length);

  const measures: NarrativeMeasure[] = [];
  const priors: PriorRecord[] = [];
  let ctx: string | null = ref && /^\d{4}-\d{2}-\d{2}$/.test(ref) ? ref : null;
  for (const sent of sentences(text, 0, text.length)) {
    const body = text.slice(sent.start, sent.end);
    const dates = datesOf(text, sent.start, sent.end, ctx);
    const last = dates[dates.length - 1];
    if (last) ctx = last.date;
    const party = parties.find((p) => sent.start >= p.start && sent.start < p.end);
    const priorSentence = isPriorSentence(body);
    const plain = withoutCharges(body);
    if (party && (priorSentence || PRIOR_CLAUSE.test(plain)) && /判处|判决|刑满释放/.test(plain) && /犯[^，。；]{1,20}?罪/.test(body)) {
      priors.push({
        person: party.name,
        date: dates[0]?.date ?? null,
        charge: /犯([\u4e00-\u9fff、]{1,20}?罪)/.exec(body)?.[1] ?? null,
        sentence: /(判处[^，。；]{1,40})/.exec(body)?.[1] ?? null,
        text: body.trim(),
        start: sent.start,
        end: sent.end,
      });
    }
    if (priorSentence) continue;
    const words = measureWords(body, opts.caseActs).map((w) => ({ ...w, at: w.at + sent.start, end: w.end + sent.start }));
    if (words.length === 0) continue;
    const named = names.filter((n) => body.includes(n));
    // Inside a party's paragraph every measure is that party's; "上述三被告人" is all of them; elsewhere
    // the names the sentence gives before the measure.
    const whoFor = (at: number, type: EventType): (string | null)[] => {
      // The report and the filing are the whole case's: every suspect the narrative names, unless their sentence names some.
      if (type === 'REPORT' || type === 'CASE_FILED') {
        const before = names.filter((n) => body.includes(n));
        const all = parties.length ? parties.map((p) => p.name) : [...new Set(cues.map((c) => c.name))];
        return before.length ? before : all.length ? all : [null];
      }
      if (party) return [party.name];
      if (ALL_PARTIES.test(text.slice(sent.start, at)) && parties.length) return parties.map((p) => p.name);
      const before = names.filter((n) => text.slice(sent.start, at).includes(n));
      const who = before.length ? before : named.length === 1 ? named : [];
      return who.length ? who : [null];
    };
    for (const [k, w] of words.entries()) {
      // "于8月9日被批准逮捕，同月24日由某局执行": the bare 执行 carries out the approval told before it.
      if (w.bare && words[k - 1]?.type !== 'ARREST_APPROVED') continue;
      // A penalty or an administrative detention in the measure's own clause is the earlier life.
      const clause = clauseAt(text, sent.start, sent.end, w.at);
      if (PRIOR_CLAUSE.test(withoutCharges(text.slice(clause.start, clause.end)))) continue;
      // The measure's date: the nearest date before it in the sentence, not across another sentence,
      // and not a birth date ("1990年5月3日出生，…，被刑事拘留").
      const d = [...dates].filter((x) => x.end <= w.at).pop();
      if (!d) continue;
      const between = text.slice(d.end, w.at);
      if (between.length > 60 || /^[^，,]{0,3}(出生|生于|生)/.test(between)) continue;
      const words_ = text.slice(w.at, w.end);
      const by = actorBefore(text.slice(Math.max(sent.start, d.start - 30), w.at));
      let type = w.type;
      if (type === 'MEASURE_CHANGED' && !/强制措施|取保|监视|逮捕|拘留/.test(text.slice(w.end, w.end + 8))) continue;
      // A court's decision to arrest is the arrest order at that stage (the police only carry it out);
      // a procuratorate's 决定逮捕 in a case it investigates is its approval.
      if (type === 'ARREST_APPROVED' && words_.startsWith('决定'))
        type = byCourt(by ?? actorBefore(text.slice(sent.start, w.at))) ? 'ARREST' : 'ARREST_APPROVED';
      for (const person of whoFor(w.at, type)) {
        const m: NarrativeMeasure = {
          type,
          date: d.iso,
          person,
          start: d.start,
          end: w.end,
          text: text.slice(Math.max(sent.start, d.start), w.end),
        };
        if (w.designated) m.designated = true;
        if (by) m.by = by;
        measures.push(m);
      }
    }
  }
  return { parties, measures: dedupe(measures), priors };
}

function dedupe(ms: NarrativeMeasure[]): NarrativeMeasure[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = `${m.person ?? ''}|${m.type}|${m.date.slice(0, 10)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
