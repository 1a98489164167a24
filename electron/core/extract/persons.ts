// Persons in a page's text: the names a role cue introduces, lists and nicknames after them,
// the role words around a name give when no cue does, and the particulars printed after it.
// The names themselves are read by names.ts; extractMentions (entities.ts) puts these together.
import type { PersonRole } from '../../../shared/vocab.js';
import { findDateTimes } from './datetime.js';
import { readName } from './names.js';
import { findNicknames } from './nicknames.js';
import { NOT_NAME_AFTER_CUE, ROLE_CUES } from './role-cues.js';
import type { RoleCue } from './role-cues.js';
import type { Words } from './jieba-words.js';
import { WRAP } from './addresses.js';
import { before, overlaps } from './mention.js';
import type { Mention } from './mention.js';

const ETHNIC_RE = /^([一-龥]{1,4}族)$/;
const EDUCATION_RE = /^(文盲|半文盲|小学|初中|高中|中专|职高|技校|大专|专科|大学|本科|研究生|硕士|博士)(文化|学历|毕业|肄业|在读)?(程度)?$/;

export interface PersonHit {
  start: number;
  end: number;
  name: string;
  role: PersonRole;
  strength: number;
  cue: string;
  label?: string;
  aliasOf?: string;
}

// Cues by their first character, longest first: personHits looks at every position.
const CUES_BY_FIRST = new Map<string, RoleCue[]>();
for (const c of ROLE_CUES) CUES_BY_FIRST.set(c.cue[0] ?? '', [...(CUES_BY_FIRST.get(c.cue[0] ?? '') ?? []), c]);
// The introductions that end another person's attribute list.
const STRONG_CUE_RE = new RegExp(
  ROLE_CUES.filter((c) => c.strength >= 3)
    .map((c) => c.cue)
    .join('|'),
);

function roleCueBefore(s: string, i: number): RoleCue | null {
  for (const c of CUES_BY_FIRST.get(s[i] ?? '') ?? []) if (s.startsWith(c.cue, i)) return c;
  return null;
}

export function personHits(s: string, words: Words): PersonHit[] {
  const hits: PersonHit[] = [];
  for (let i = 0; i < s.length; i++) {
    const cue = roleCueBefore(s, i);
    if (!cue) continue;
    // 证人 inside 见证人/被证人, 询问人 inside 被询问人: the longer cue wins at its own start.
    if (cue.cue === '证人' && /[见保]$/.test(s[i - 1] ?? '')) continue;
    if ((cue.cue === '询问人' || cue.cue === '讯问人' || cue.cue === '鉴定人' || cue.cue === '告知人') && s[i - 1] === '被') continue;
    if (cue.cue === '嫌疑人' && /犯罪|违法$/.test(before(s, i, 2))) continue;
    let p = i + cue.cue.length;
    const lead =
      /^\s?(?:签名|签字|姓名(?:[、及和与]?(?:工作)?单位)?|\(签名\)|（签名）|（签字）)?\s?[：:]?\s*(?:为(?=[一-龥]某|[一-龥]{2,3}[，、。]))?/.exec(
        s.slice(p, p + 10),
      );
    p += lead?.[0].length ?? 0;
    if (NOT_NAME_AFTER_CUE.test(s.slice(p)) && !/^(某某|某甲|某乙)/.test(s.slice(p + 1))) {
      i = p - 1;
      continue;
    }
    let q = p;
    let first = true;
    for (;;) {
      const nm = readName(s, q, {
        strict: true,
        fallback: first && cue.strength >= 4,
        cued: true,
        lenient: cue.strength >= 2,
        firm: cue.strength >= 4 || /人$/.test(cue.cue),
        officer: cue.role === 'OFFICER',
        words,
      });
      if (!nm) break;
      // 负责人 王伟（印）: a signature under the organ's head is its approver.
      const signed = cue.role === 'OFFICER' && /^\s*[（(]\s*(?:印|章|签名|签章)\s*[)）]/.test(s.slice(nm.end, nm.end + 8));
      const label = signed ? '审批人' : cue.label;
      const strength = signed ? Math.max(cue.strength, 5) : first ? cue.strength : cue.strength - 1;
      hits.push({ start: q, end: nm.end, name: nm.name, role: cue.role, strength, cue: cue.cue, ...(label ? { label } : {}) });
      first = false;
      // Lists: 侦查员：郑凯、冯磊 / 被告人洪某某、姜某某 / 郑凯 冯磊 on a form.
      const sep = /^(?:、|，(?=[一-龥]{2,4}[、，])|,|\s{1,3}|和|及|与)/.exec(s.slice(nm.end, nm.end + 3));
      if (!sep) break;
      q = nm.end + sep[0].length;
      if (roleCueBefore(s, q)) break;
    }
    i = p - 1;
  }
  return hits;
}

/** Lists: 牟某某、黄金林、戚威力 — a name after a person and a separator is a person, in the list head's role. */
export function listHits(s: string, persons: PersonHit[], words: Words): void {
  const covered = (st: number, en: number): boolean => persons.some((p) => overlaps(p, { start: st, end: en }));
  for (let k = 0; k < persons.length; k++) {
    const p = persons[k];
    if (!p || !/^[、和及与]$/.test(s[p.end] ?? '')) continue;
    const q = p.end + 1;
    if (covered(q, q + 1)) continue;
    const nm = readName(s, q, { strict: true, cued: true, lenient: s[p.end] === '、', words });
    if (!nm || covered(q, nm.end)) continue;
    // 和/与 join a name only when the list goes on or ends: 张三与李四、, 张三和李四一起.
    if (s[p.end] !== '、' && !/^[、，,。；等]|^(?:一起|一同|二人|两人|共同|均|都|分别)/.test(s.slice(nm.end))) continue;
    persons.push({ start: q, end: nm.end, name: nm.name, role: p.role, strength: Math.max(0, p.strength - 1), cue: 'list' });
  }
}

/** Nicknames in quotes: the role a cue before them gives, or the person's they follow in brackets, or what the words around say. */
export function nicknameHits(s: string, persons: PersonHit[], known: Map<string, PersonHit>): void {
  const byEnd = new Map(persons.map((p) => [p.end - 1, p]));
  const found = findNicknames(s, new Set(byEnd.keys()));
  // The same nickname quoted again later is the same person, whatever surrounds it.
  const seen = new Set(found.map((n) => n.name));
  for (const name of seen) {
    for (let k = s.indexOf(name); k >= 0; k = s.indexOf(name, k + 1)) {
      if (/[“"]/.test(s[k - 1] ?? '') && /[”"]/.test(s[k + name.length] ?? '') && !found.some((n) => n.start === k))
        found.push({ start: k, end: k + name.length, name });
    }
  }
  for (const n of found) {
    if (persons.some((p) => overlaps(p, n))) continue;
    const owner = n.afterName !== undefined ? byEnd.get(n.afterName) : undefined;
    const head = n.listAfter !== undefined ? byEnd.get(n.listAfter) : undefined;
    const cue = ROLE_CUES.find((c) => s.slice(0, n.start - 1).endsWith(c.cue));
    const k = known.get(n.name);
    const role = owner
      ? { role: owner.role, strength: Math.max(0, owner.strength - 1) }
      : head
        ? { role: head.role, strength: Math.max(0, head.strength - 1) }
        : cue
          ? { role: cue.role, strength: cue.strength, ...(cue.label ? { label: cue.label } : {}) }
          : k
            ? { role: k.role, strength: 1 }
            : // 一名叫“阿强”的男子: described, not yet placed in the case.
              /^[”"]的/.test(s.slice(n.end))
              ? { role: 'OTHER' as PersonRole, strength: 0 }
              : guessRole(s, n.start - 1, n.end + 1);
    persons.push({ start: n.start, end: n.end, name: n.name, ...role, cue: 'nickname', ...(owner ? { aliasOf: owner.name } : {}) });
  }
}

/** Attributes printed after a person's name: 张三，男，1990年5月3日出生，汉族，初中文化，身份证号码…，住…，联系电话…。 */
export function personAttributes(
  s: string,
  nameEnd: number,
  mentions: Mention[],
  refDate?: string,
  name?: string,
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  const rest = s.slice(nameEnd, nameEnd + 300);
  // A form header ("被讯问人姓名：张三 性别：男 出生日期：…" and the lines below it) runs
  // until the questions start; prose runs to the end of the sentence.
  const form = /^[ \t\u3000]+(性别|出生|民族|年龄|身份证|文化)/.test(rest);
  let limit = form ? rest.search(/。|\n\s*(问|答)\s?[：:]/) : rest.search(/[。\n]/);
  if (limit < 0) limit = rest.length;
  // Another person's introduction ends this one's attribute list.
  const next = STRONG_CUE_RE.exec(rest);
  if (next && next.index < limit) limit = next.index;
  const seg = rest.slice(0, limit);
  if (!form && !/^\s?[，,（(：:]/.test(seg)) return attrs;
  const pieces = seg
    .replaceAll(WRAP, '')
    .split(form ? /[，,；;（()）\s]+/ : /[，,；;（()）]/)
    .map((x) => x.trim())
    .filter(Boolean);
  for (const piece of pieces) {
    if (piece === '男' || piece === '女' || /^性别[：:]?\s?[男女]$/.test(piece)) attrs.gender = piece.slice(-1);
    else if (ETHNIC_RE.test(piece) && !/家族|民族$/.test(piece)) attrs.ethnicity = piece;
    else if (/^民族[：:]?[一-龥]{1,4}族?$/.test(piece)) attrs.ethnicity = piece.replace(/^民族[：:]?/, '').replace(/([^族])$/, '$1族');
    else if (EDUCATION_RE.test(piece)) attrs.education = piece;
    else if (/^文化程度[：:]?/.test(piece)) attrs.education = piece.replace(/^文化程度[：:]?/, '');
    else if (/^\d{1,3}岁$/.test(piece)) attrs.age = Number(piece.slice(0, -1));
    else if (/出生|生$|^出生日期/.test(piece)) {
      const d = findDateTimes(piece, refDate ? { date: refDate } : undefined)[0];
      if (d) attrs.birthDate = d.date;
    }
  }
  const from = nameEnd;
  const to = nameEnd + limit;
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue;
    // The particulars printed after a name are that person's own.
    if (name && (m.type === 'ID_NUMBER' || m.type === 'PHONE') && m.attrs?.owner === undefined)
      m.attrs = { ...m.attrs, owner: name, ownerBy: 'particulars' };
    if (m.type === 'ID_NUMBER' && attrs.idNumber === undefined) attrs.idNumber = m.value;
    else if (m.type === 'PHONE' && attrs.phone === undefined) attrs.phone = m.value;
    else if (m.type === 'ADDRESS' && /户籍/.test(String(m.attrs?.cue ?? ''))) attrs.hukou ??= m.value;
    else if (m.type === 'ADDRESS' && attrs.address === undefined && /住|地址|居住/.test(String(m.attrs?.cue ?? '')))
      attrs.address = m.value;
  }
  return attrs;
}

/**
 * An organ's abbreviation heading a document number that OCR damaged too much to read as
 * one (柯公（刑}鉴聘字, 柯公、（刑）, 越公（利）捕季C2023): 柯公 is 柯桥公安, not a person.
 */
export function inDocumentNumber(s: string, p: { start: number; end: number; name: string }): boolean {
  const after = s.slice(p.end, p.end + 16);
  if (/[公检法]$/.test(p.name) && /^[\s、，,.。|]{0,2}[（({〔[]\s*[\u4e00-\u9fff]\s*[)）}\]〕]/.test(after)) return true;
  const lineStart = s.lastIndexOf('\n', p.start) + 1;
  const lineEnd = s.indexOf('\n', p.end);
  const line = s.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  // The number's own line: organ, (刑), kind 字, year, serial 号 — and nothing else.
  return (
    p.start - lineStart <= 3 && line.length <= 30 && /字.{0,4}(?:19|20)\d{2}.{0,4}\d{2,6}\s*[号号]?/.test(line) && !/[，。：:]/.test(line)
  );
}

export const KIN_BRACKET =
  /^\s?[（(]\s?系[^（()）。\n]{0,16}?(?:之|的)?(?:父亲?|母亲?|妻子?|丈夫|儿子|女儿|[子女兄弟姐妹]|哥哥|姐姐|弟弟|妹妹|祖父|祖母|外祖父|外祖母|爷爷|奶奶|外公|外婆|孙子|孙女|配偶|近亲属|亲属|家属)\s?[)）]/;

// Without a cue, the words around a name tell a thief from the person robbed: in a
// narrative the actor stands at the head of a clause ("，陈某某翻墙进入…"), the victim
// is the owner or the object ("窃得周某某的手机", "趁易某某熟睡", "王某乙家中").
const VICTIM_PRE =
  /(趁|乘|骗|骗取|窃得|盗窃|盗得|盗走|盗取|窃取|偷走|偷得|偷窃|扒窃|撬开|敲碎|打开|砸开|被|发还|发还给|退还|退还给|退赔|赔偿了?|户主|驾驶员|店主|车主|失主|房主|业主|室|号|楼|村|组|屋)$/;
const OWNER_PRE = /(将|把)$/;
const VICTIM_POST =
  /^(的|家(?!属)|停放|停在|放在|放置|存放|租住|经营|住处|被盗|现金|睡觉|熟睡|不备|不注意|不在|损失|所有|身上|等人休息|休息|一辆|一部|一台|一只|一个|忙)/;
const SUBJECT_PRE =
  /(^|[，。；：:,;）)（(\s]|后|随后|随即|接着|于是|然后|而后|事后|之后|由|时许|许|凌晨|晚上|当晚|当日|当天|同日|次日|并|又|再|伙同|纠集|联系|联系好|指使|安排|同|和|与|、)$/;

export function guessRole(s: string, start: number, end: number): { role: PersonRole; strength: number } {
  const pre = before(s, start, 8);
  const post = s.slice(end, end + 8);
  // "将涉嫌盗窃罪的朱小军（…）刑事拘留": the object of a coercive measure is the suspect.
  const sentence = s.slice(end, end + 80).split(/[。；\n]/)[0] ?? '';
  if (
    /(将|对|把|涉嫌[^，。]{1,12}的)$/.test(pre) &&
    /^[^，]{0,4}(（[^）]*）)?[^，]{0,4}(刑事拘留|拘留|逮捕|取保候审|监视居住|传唤|拘传|抓获|押解|送押)/.test(sentence)
  )
    return { role: 'SUSPECT', strength: 2 };
  // The object of an arrest, or the one a search found things on, is the suspect: 抓获罗某, 在刘某身上缴获作案工具.
  if (/(抓获|抓捕|挡获|捉获|传唤|拘传|逮捕|羁押)$/.test(pre)) return { role: 'SUSPECT', strength: 1 };
  if (/(从|在)$/.test(pre) && /^(身上|处|随身|家中|住处)[^，。]{0,6}(缴获|查获|搜出|起获|扣押|搜缴|收缴)/.test(post))
    return { role: 'SUSPECT', strength: 1 };
  // "朱小军家属：" heads a detention or arrest notice: the family of the detained suspect.
  if (/^家属\s?[：:]/.test(post)) return { role: 'SUSPECT', strength: 1 };
  // A name sealed (陈东升（印）) is an official's signature, never a suspect's.
  if (/^\s*[（(]\s*印\s*[)）]/.test(post)) return { role: 'OFFICER', strength: 2 };
  // The value of a "…人：" field whose label OCR damaged ("R人：蒋敏"): a role nobody can tell.
  if (/人\s?[：:]\s?$/.test(pre)) return { role: 'OTHER', strength: 0 };
  if (VICTIM_PRE.test(pre)) return { role: 'VICTIM', strength: 1 };
  if (OWNER_PRE.test(pre)) return VICTIM_POST.test(post) ? { role: 'VICTIM', strength: 1 } : { role: 'OTHER', strength: 0 };
  if (VICTIM_POST.test(post)) return { role: 'VICTIM', strength: 1 };
  if (SUBJECT_PRE.test(pre)) return { role: 'SUSPECT', strength: 1 };
  return { role: 'OTHER', strength: 0 };
}
