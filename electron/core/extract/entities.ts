// Mentions of the entities of DESIGN.md §5 in one page of text. Validators decide
// what a digit run is (an ID that fails its checksum is still an ID, recorded as
// invalid; a 16–19-digit run that fails Luhn is a card only when labelled one).
import type { EntityType, PersonRole } from '../../../shared/vocab.js';
import { findAmounts } from './amount.js';
import { findDateTimes } from './datetime.js';
import { findLawArticles } from './law.js';
import { tag } from 'jieba-wasm';
import { findCompoundSurnameNames, findUnmarkedNames, readName } from './names.js';
import { findMaskedNames } from './masked-names.js';
import { findNicknames } from './nicknames.js';
import { NOT_NAME_AFTER_CUE, ROLE_CUES } from './role-cues.js';
import type { RoleCue } from './role-cues.js';
import { Words } from './jieba-words.js';
import type { WordToken } from './jieba-words.js';
import { PLATE_PROVINCES, checkBankCard, checkIdNumber, checkLandline, checkMobile, checkPlate, foldDigits } from './validate.js';

export interface Mention {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** Normalised: ID upper-case, phone digits, plate without separator, card digits, amount in yuan. */
  value: string;
  valid?: boolean;
  attrs?: Record<string, unknown>;
}

export interface ExtractContext {
  /** The document's date: resolves year-less birth dates and relative dates. */
  refDate?: string;
}

function before(s: string, i: number, n: number): string {
  return s.slice(Math.max(0, i - n), i);
}

const ID_LABEL = /(身份证|公民身份号码|身份号码|证件号码|证件号|身份证号|身份证号码)[^，。；\n]{0,6}$/;
const CARD_LABEL = /(银行卡|卡号|借记卡|信用卡|储蓄卡|银行账号|银行帐号|银行账户|账号|帐号)[^，。；\n]{0,8}$/;
const PHONE_LABEL = /(电话|手机|联系方式|号码|致电|拨打|手机号)[^，。；\n]{0,6}$/;

const ACCOUNT_BEFORE = /(支付宝|微信|QQ|qq|抖音|快手|淘宝|陌陌)(?:账号|帐号|号码?)?\s?(?:[：:]|为|是)?\s?[“"]?$/;

/** Digit runs with at most one space or hyphen between groups (OCR and printed grouping). */
const DIGIT_RUN = /(?<![0-9A-Za-z])(?:\+?86[\s-]?)?[0-9](?:[\s-]?[0-9])*(?:[\s-]?[Xx])?(?![0-9A-Za-z])/g;

// An ID number a printed line wrapped: "…330602197202235⏎⏎240，汉族" is one number.
const WRAPPED_ID = /(?<![0-9A-Za-z])(\d{6,17})[ \t]*\n{1,2}[ \t]*(\d{1,12}[Xx]?)(?![0-9A-Za-z])/g;

function digitMentions(s: string, text: string, out: Mention[]): void {
  const joined: { start: number; end: number }[] = [];
  for (const m of s.matchAll(WRAPPED_ID)) {
    const a = m[1] ?? '';
    const b = m[2] ?? '';
    if (a.length + b.length !== 18) continue;
    const id = checkIdNumber(a + b);
    if (!id.valid || checkIdNumber(a).valid) continue;
    const attrs: Record<string, unknown> = { wrapped: true };
    if (id.birthDate) attrs.birthDate = id.birthDate;
    if (id.gender) attrs.gender = id.gender;
    push(out, text, 'ID_NUMBER', m.index, m.index + m[0].length, id.normalised, true, attrs);
    joined.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of s.matchAll(DIGIT_RUN)) {
    const start = m.index;
    const raw = m[0];
    if (joined.some((j) => start >= j.start && start < j.end)) continue;
    if (!classifyRun(s, text, start, raw, out)) {
      // Two numbers side by side ("13800138000 13900139000"): classify each group alone.
      for (const g of raw.matchAll(/[0-9]+[Xx]?/g)) {
        if (g[0].length >= 7) classifyRun(s, text, start + g.index, g[0], out);
      }
    }
  }
}

function push(
  out: Mention[],
  text: string,
  type: EntityType,
  start: number,
  end: number,
  value: string,
  valid?: boolean,
  attrs?: Record<string, unknown>,
): void {
  const m: Mention = { type, start, end, text: text.slice(start, end), value };
  if (valid !== undefined) m.valid = valid;
  if (attrs && Object.keys(attrs).length > 0) m.attrs = attrs;
  out.push(m);
}

function classifyRun(s: string, text: string, start: number, raw: string, out: Mention[]): boolean {
  const end = start + raw.length;
  const digits = raw.replace(/[\s-]/g, '').toUpperCase();
  const ctx = before(s, start, 16);
  const idLabel = ID_LABEL.test(ctx);
  const cardLabel = CARD_LABEL.test(ctx) && !idLabel;
  const bare = digits.replace(/^\+?86(?=1\d{10}$)/, '');
  // "用支付宝13587830578往…": a mobile number used as an account name is the account (accountMentions).
  if (/^1[3-9]\d{9}$/.test(bare) && ACCOUNT_BEFORE.test(ctx)) return true;
  if (/^1[3-9]\d{9}$/.test(bare) && !idLabel && !cardLabel) {
    const c = checkMobile(bare);
    push(out, text, 'PHONE', start, end, c.normalised, c.valid, { kind: 'mobile' });
    return true;
  }
  if (/^0\d{9,11}$/.test(digits) && (/^0\d{2,3}[\s-]/.test(raw) || PHONE_LABEL.test(ctx))) {
    const c = checkLandline(raw);
    if (c.valid) {
      push(out, text, 'PHONE', start, end, c.normalised, true, { kind: 'landline' });
      return true;
    }
  }
  if (/^\d{17}[\dX]$/.test(digits) || (/^\d{15}$/.test(digits) && !cardLabel)) {
    const id = checkIdNumber(digits);
    const card = checkBankCard(digits);
    if (!idLabel && (cardLabel || (!id.valid && card.valid && digits.length === 18))) {
      push(out, text, 'BANK_CARD', start, end, card.normalised, card.valid);
      return true;
    }
    // An unlabelled run that is neither a real ID nor a near miss (right birth date and
    // province, wrong check character) is some other number: an order or a serial.
    if (id.valid || idLabel || id.reason === 'checksum') {
      const attrs: Record<string, unknown> = {};
      if (id.reason) attrs.reason = id.reason;
      if (id.birthDate) attrs.birthDate = id.birthDate;
      if (id.gender) attrs.gender = id.gender;
      if (id.legacy15) attrs.legacy15 = true;
      if (id.upgraded) attrs.upgraded = id.upgraded;
      push(out, text, 'ID_NUMBER', start, end, id.normalised, id.valid, attrs);
      return true;
    }
  }
  if (/^\d{16,19}$/.test(digits)) {
    const card = checkBankCard(digits);
    if (card.valid || cardLabel) {
      push(out, text, 'BANK_CARD', start, end, card.normalised, card.valid, card.unionPay ? { unionPay: true } : {});
      return true;
    }
  }
  return false;
}

const PLATE_RE = new RegExp(`[${PLATE_PROVINCES}][A-ZＡ-Ｚ][\\s·•・.\\-]?[A-Z0-9Ａ-Ｚ０-９]{4,6}[挂学警港澳]?(?![A-Za-z0-9])`, 'g');

function plateMentions(s: string, text: string, out: Mention[]): void {
  for (const m of s.matchAll(PLATE_RE)) {
    const c = checkPlate(m[0]);
    if (c.valid) push(out, text, 'PLATE', m.index, m.index + m[0].length, c.normalised, true, c.newEnergy ? { newEnergy: true } : {});
  }
}

const ACCOUNT_RE =
  /(微信号|微信账号|微信帐号|微信|QQ号码|QQ号|QQ|qq号|qq|支付宝账号|支付宝帐号|支付宝|抖音号|快手号|淘宝账号|陌陌号)\s?(?:[：:]|为|是|号码为|号码是|账号为|账号是|昵称为)?\s?[“"]?([A-Za-z0-9][A-Za-z0-9_\-@.]{4,39})/g;
const PLATFORM: Record<string, string> = {
  微信: 'wechat',
  QQ: 'qq',
  qq: 'qq',
  支付宝: 'alipay',
  抖音: 'douyin',
  快手: 'kuaishou',
  淘宝: 'taobao',
  陌陌: 'momo',
};

function accountMentions(s: string, text: string, out: Mention[]): void {
  for (const m of s.matchAll(ACCOUNT_RE)) {
    const label = m[1] ?? '';
    const platform = Object.entries(PLATFORM).find(([k]) => label.startsWith(k))?.[1] ?? 'other';
    const id = (m[2] ?? '').replace(/[.-]+$/, '');
    if (platform === 'qq' && !/^\d{5,11}$/.test(id)) continue;
    const start = m.index + m[0].length - (m[2] ?? '').length;
    push(out, text, 'ACCOUNT', start, start + id.length, platform === 'wechat' ? id.toLowerCase() : id, undefined, { platform });
  }
}

// Prose words that may precede an agency's abbreviation in a document number.
const CASE_PREFIX_STOP = /[的据照依经按以书证单表号为是将于在及和、，,。；;：:\s（(“"所局院队心]/;
const CASE_NO_RE =
  /([一-龥]{1,8}(?:[（(][一-龥]{1,3}[)）])?[一-龥]{0,6}?)\s?[〔[［【(（]\s?(\d{4})\s?[〕\]］】)）]\s?(第)?\s?(\d{1,7})\s?号|[（(〔](\d{4})[)）〕]([一-龥]{1,4}\d{0,6}[一-龥]{1,6}\d{1,7})号/g;

function caseNumberMentions(s: string, text: string, out: Mention[]): void {
  for (const m of s.matchAll(CASE_NO_RE)) {
    let start = m.index;
    let body = m[0];
    if (m[1] !== undefined) {
      const head = m[1];
      // Cut the prose in front of the agency abbreviation, keeping a 〔（刑）〕 part intact.
      let cut = 0;
      const bracket = head.search(/[（(]/);
      const scanTo = bracket >= 0 ? bracket : head.length - 2;
      for (let k = 0; k < scanTo; k++) if (CASE_PREFIX_STOP.test(head[k] ?? '')) cut = k + 1;
      start += cut;
      body = body.slice(cut);
      if (head.length - cut < 2) continue;
    }
    const value = foldDigits(body)
      .replace(/\s/g, '')
      .replace(/[[［【]/g, '〔')
      .replace(/[\]］】]/g, '〕')
      .replace(/\(/g, '（')
      .replace(/\)/g, '）');
    const year = Number(m[2] ?? m[5]);
    push(out, text, 'CASE_NUMBER', start, start + body.length, value, undefined, { year });
  }
}

// Address: a labelled field (住址：…) or a place phrase after a locative word.
const ADDRESS_LABEL_RE =
  /(户籍所在地|户籍地址|户籍地|现住址|现住|住址|家庭住址|居住地|暂住地|暂住|住所地|住所|家住|住在|地址|案发地点|案发地|发案地点|地点|现居住|居住|住(?![院宿手口了过处]))\s?[：:为是]?\s?/g;
const LOCATIVE_RE =
  /(窜至|窜到|来到|到达|进入|潜入|爬进|钻进|位于|途经|经过|路过|前往|回到|去到|走到|跑到|开到|卖到|卖至|搬至|送至|沿|在|于|到|至|从)/g;
const PLACE_WORD =
  /(省|市|区|县|镇|乡|村|街道|路|街|巷|弄|道|号|小区|楼|室|家中|家里|家|店|超市|商场|宾馆|酒店|公司|工地|院|厂|场|站|学校|小学|中学|大学|医院|门口|门前|附近|房间|宿舍|处|旁|车库|仓库|市场|广场|大厦|花园|公寓|网吧|餐厅|饭店|银行|办公室|内|厅|馆|寺|庙|园|湾|桥|府|苑|城|庄|屯|组|队|社区|服务区|楼道|车棚|宿舍楼|商铺|摊位|大楼|基地|码头|楼下|楼上|车上|路上|路边|路旁|地下|[家店院室车屋房库柜箱][中里])$/;
const PLACE_STOP =
  /[，,。；;！!？?\n]|盗窃|盗走|窃取|窃得|偷走|偷得|偷窃|扒窃|盗取|行窃|作案|趁|将|把|撬|拿走|拿取|用|使用|采取|采用|持|发现|看见|见|被|停放|放置|摆放|存放|晾晒|寄存|上班|工作|打工|休息|睡觉|玩耍|购物|等候|实施|抢|骗|时|期间|之机|的机会|门外|伺机|乘|并|后|经|过程中|抓获|相遇|吃|以|搬|卖|变卖|准备|游逛|寻找|看人|望风|放风|等地|等处|因|跟|发生|吵|一饭店|一商店|一超市|提取|缴获|找到|查获|，/;

const NOT_A_PLACE_END = /(微信号|账号|帐号|型号|信号|编号|号码|QQ号|手机号|卡号|车牌号|好处|坏处|用处|长处|益处|难处|出处|之处|网站|网址)$/;

const WRAP = '\u2063';

/**
 * Line breaks where a printed line merely wrapped (the line is long, does not end a
 * clause, and the next line is not a new field) become an invisible joiner of the
 * same length, so a wrapped address reads as one phrase and offsets still hold.
 */
export function joinWrappedLines(s: string): string {
  // A wrapped line fills the measure: compare with the longest line of the page.
  const measure = Math.max(0, ...s.split('\n').map((l) => l.trimEnd().length));
  let out = '';
  let lineStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\n') {
      out += c;
      continue;
    }
    const prev = s.slice(lineStart, i).trimEnd();
    const next = s.slice(i + 1, i + 12);
    const wrapped =
      prev.length >= 15 &&
      prev.length >= 0.8 * measure &&
      !/[。；;：:！!？?]$/.test(prev) &&
      /^[一-龥0-9A-Za-z*]/.test(next) &&
      !/^[^\n]{0,11}[：:]/.test(next) &&
      !/^(问|答|[一二三四五六七八九十]+、|\d+[.、．])/.test(next);
    out += wrapped ? WRAP : c;
    lineStart = i + 1;
  }
  return out;
}

function addressMentions(raw: string, text: string, out: Mention[], taken: Set<number>): void {
  const s = joinWrappedLines(raw);
  const placed = new Set<number>();
  const add = (start: number, end: number, cue: string): void => {
    let st = start;
    let en = end;
    while (en > st && /[\s的，,。]/.test(s[en - 1] ?? '')) en--;
    while (st < en && /[\s：:]/.test(s[st] ?? '')) st++;
    let body = s.slice(st, en);
    if (/^的/.test(body)) return;
    // A phrase that runs past the place ("…347号附近的饭⏎店") is cut back to its last place word.
    if (!PLACE_WORD.test(body)) {
      for (let k = body.length - 1; k >= 2; k--) {
        if (PLACE_WORD.test(body.slice(0, k))) {
          en = st + k;
          body = body.slice(0, k);
          break;
        }
      }
    }
    if (body.length < 2 || body.length > 60) return;
    // 此处, 该店铺…, 其身上 point back at a place named earlier; 店内, 车内 alone name none.
    if (/^(此|该|其|这|那|本人|他人)/.test(body)) return;
    if (cue !== '' && !/(户籍|住|地址|地点|居住|案发)/.test(cue) && body.length <= 2) return;
    if (
      /^\d{4}\s?年|^\d{1,2}\s?月|^\d{1,2}\s?[时点]|^(同日|当日|次日|凌晨|上午|下午|晚上|中午|傍晚|其|此|该|这|那|此后|之后|期间|案发后|本案|上述|以上|我|你|他|她|当时|现场|公安|我局|我所)$/.test(
        body,
      )
    )
      return;
    if (/^(同日|当日|次日|凌晨|上午|下午|晚上|中午|傍晚|本人|我|他|她|你|其他|当时)/.test(body)) return;
    if (!PLACE_WORD.test(body) && !/\*\*/.test(body)) return;
    // Place words that also end ordinary words: 微信号 and 账号 are accounts, 好处 a benefit, 网站 a website.
    if (NOT_A_PLACE_END.test(body)) return;
    // A place may hold a person's name (李某某家中) but must not start with a name alone.
    for (let k = st; k < en; k++) if (placed.has(k)) return;
    if (taken.has(st) && !/(家|家中|家里|住处|门口|门前|家门口|房间|店|收购点|养殖场|楼梯间)[内中里]?$/.test(body)) return;
    // The value is the address proper: "…347号附近", "…347号门口" name the same place.
    const value = body.replace(/[\s\u2063]+/g, '').replace(/(附近|一带|周边|周围|门口|门前|旁边|旁|对面)$/, '') || body;
    push(out, text, 'ADDRESS', st, en, value, undefined, { cue });
    for (let k = st; k < en; k++) placed.add(k);
  };
  for (const m of s.matchAll(ADDRESS_LABEL_RE)) {
    const st = m.index + m[0].length;
    const rest = s.slice(st, st + 60);
    const stop = rest.search(/[，,。；;\n)）】]|联系电话|电话|手机|身份证/);
    add(st, st + (stop < 0 ? rest.length : stop), m[1] ?? '');
  }
  for (const m of s.matchAll(LOCATIVE_RE)) {
    const st = m.index + m[0].length;
    // 于 and 在 followed by a date or a time are not places.
    const rest = s.slice(st, st + 50);
    const stop = rest.search(PLACE_STOP);
    const body = stop < 0 ? rest : rest.slice(0, stop);
    add(st, st + body.length, m[1] ?? '');
  }
}

const ORG_SUFFIX =
  '(公安局[一-龥]{0,8}?(?:分局|派出所|刑事侦查大队|刑侦大队|大队|中队|支队)|公安分局|公安局|派出所|看守所|拘留所|检察院|人民检察院|人民法院|法院|价格认证中心|价格认定中心|价格认证局|物价局|司法鉴定所|司法鉴定中心|鉴定所|鉴定中心|物证鉴定所|有限责任公司|股份有限公司|有限公司|公司|分行|支行|银行|信用社|医院|卫生院|学校|大学|中学|小学|幼儿园|人民政府|政府|委员会|村委会|居委会|管委会|研究所|事务所|合作社|商店|超市|酒店|宾馆|饭店|餐厅|网吧|工厂|加工厂|厂|店)';
// Sub-units chain onto a parent: 绍兴市公安局越城区分局刑事侦查大队, 绍兴市公安局物证鉴定所.
const ORG_SUBUNIT =
  '(?:[^\\s在到于的民警将对向和与、，。；：:（）()]{0,8}?(?:分局|派出所|刑事侦查大队|刑侦大队|治安大队|交警大队|大队|中队|支队|物证鉴定所|鉴定所|鉴定中心|看守所|分公司|支公司|分行|支行|营业部))*';
const ORG_RE = new RegExp(
  `([一-龥A-Za-z0-9“”"*]{2,24}?)${ORG_SUFFIX}${ORG_SUBUNIT}(?!长|卡|账|帐|柜|主|家属)|公安机关|侦查机关|人民检察院|公诉机关`,
  'g',
);
const ORG_PREFIX_STOP =
  /[经由被向到在于至将的系为是和与及把从对据。，、：；:;,\s（(）)“”"]|位于|窜至|来到|进入|等|盗窃|窃取|委托|送|交|给|支付了?|驾驶|使用|破坏|通过|趁|撬|过|单位|下车|一张|一家|多处|多家|你|我|他|她|来|去|后|回/g;

function orgMentions(s: string, text: string, out: Mention[]): void {
  for (const m of s.matchAll(ORG_RE)) {
    let start = m.index;
    let body = m[0];
    if (m[1] !== undefined) {
      const head = m[1];
      let cut = 0;
      for (const p of head.matchAll(ORG_PREFIX_STOP)) {
        // Keep quotes around a shop name ("永光花艺"店).
        if (/[“"]/.test(p[0]) && p.index === 0) continue;
        cut = p.index + p[0].length;
      }
      start += cut;
      body = body.slice(cut);
      const name = head.slice(cut);
      if (name.length < 2 && !/[局院所]$/.test(body)) continue;
      // A bare 商店/饭店 after 该/此 is a reference, not a name.
      if (/^(该|此|这|那|其|本|一家|一个|家|多)/.test(name) || name === '') continue;
      // "…347号附近饭店", "一饭店": a place described, not an organisation named.
      if (/\d+号|附近|[一家]$/.test(name)) continue;
    }
    push(out, text, 'ORG', start, start + body.length, body.replace(/\s+/g, ''));
  }
}

const ETHNIC_RE = /^([一-龥]{1,4}族)$/;
const EDUCATION_RE = /^(文盲|半文盲|小学|初中|高中|中专|职高|技校|大专|专科|大学|本科|研究生|硕士|博士)(文化|学历|毕业|肄业|在读)?(程度)?$/;

interface PersonHit {
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

function personHits(s: string, words: Words): PersonHit[] {
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
function listHits(s: string, persons: PersonHit[], words: Words): void {
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
function nicknameHits(s: string, persons: PersonHit[], known: Map<string, PersonHit>): void {
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
function personAttributes(s: string, nameEnd: number, mentions: Mention[], refDate?: string, name?: string): Record<string, unknown> {
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

// Whose an identifier is, as the sentence says: 被害人李四的银行卡, 用我自己的银行卡, 户名张三.
const IDENTIFIER_TYPES = new Set<EntityType>(['ID_NUMBER', 'PHONE', 'BANK_CARD', 'ACCOUNT']);
const IDENTIFIER_WORD = /(身份证|证件|手机|电话|号码|银行卡|卡|账户|帐户|账号|帐号|微信|支付宝|QQ|qq|抖音|快手|钱包)/;
const FIRST_PERSON_OWNER = /(?<![其他她])(?:我自己|我本人|我)(?:自己)?(?:的|名下的?|所持的?|用的)|(?<![一-龥])本人(?:的|名下的?)/g;
const THIRD_PERSON_OWNER = /(他|她|其|对方|他人|别人|朋友|老婆|老公|妻子|丈夫|父亲|母亲|儿子|女儿)(?:本人|自己)?(?:的|名下的?)/g;

/**
 * Marks an identifier with its owner where the sentence gives one: a person named just before
 * "的…卡/手机", the account holder after 户名, or the speaker ("我的身份证号码是…" in an
 * answer: attrs.ownerSpeaker, resolved to the record's subject by the entities stage).
 */
function identifierOwners(s: string, out: Mention[], persons: Mention[]): void {
  for (const m of out) {
    if (!IDENTIFIER_TYPES.has(m.type) || m.attrs?.owner !== undefined) continue;
    const from = Math.max(0, m.start - 40, ...[...'。！？；\n'].map((c) => s.lastIndexOf(c, m.start - 1) + 1));
    const window = s.slice(from, m.start);
    type Claim = { at: number; owner?: string; speaker?: boolean };
    const claims: Claim[] = [];
    for (const x of window.matchAll(FIRST_PERSON_OWNER)) claims.push({ at: from + x.index + x[0].length, speaker: true });
    // 其/他/她: the sentence's subject, its first person not named as someone's possessor.
    const sentence = Math.max(0, m.start - 120, ...[...'。！？；\n'].map((c) => s.lastIndexOf(c, m.start - 1) + 1));
    const subject = persons.find((p) => p.start >= sentence && p.end <= m.start && !/^(?:的|之)/.test(s.slice(p.end, p.end + 1)));
    for (const x of window.matchAll(THIRD_PERSON_OWNER)) {
      const pronoun = /^(他|她|其)/.test(x[0]) && subject && subject.end <= from + x.index;
      claims.push({ at: from + x.index + x[0].length, ...(pronoun ? { owner: subject.value } : {}) });
    }
    for (const p of persons) {
      if (p.start < from || p.end > m.start) continue;
      const after = s.slice(p.end, m.start);
      const own = /^(?:[（(][^）)]{0,30}[)）])?(?:的|名下的?|本人的?|所持的?|使用的)/.exec(after);
      if (own) claims.push({ at: p.end + own[0].length, owner: p.value });
      // 户名李国超，卡号…: the holder of the account.
      if (/户名[：:]?\s?$/.test(s.slice(Math.max(from, p.start - 4), p.start))) claims.push({ at: p.end, owner: p.value });
    }
    // The nearest claim before the identifier, with the identifier's own word between them.
    const near = claims
      .filter((c) => IDENTIFIER_WORD.test(s.slice(Math.max(0, c.at - 6), m.start)) || /户名/.test(s.slice(from, c.at)))
      .sort((a, b) => b.at - a.at)[0];
    if (!near) continue;
    if (near.owner) m.attrs = { ...m.attrs, owner: near.owner, ownerBy: 'sentence' };
    else if (near.speaker && inAnswer(s, m.start)) m.attrs = { ...m.attrs, ownerSpeaker: true };
  }
}

/** Whether position i lies in an answer of a 笔录 (after 答：, before the next 问：). */
export function inAnswer(s: string, i: number): boolean {
  const head = s.slice(0, i);
  const q = Math.max(head.lastIndexOf('问：'), head.lastIndexOf('问:'));
  const a = Math.max(head.lastIndexOf('答：'), head.lastIndexOf('答:'));
  return a > q;
}

/** jieba tokens with offsets; the dictionary loads once per process on first import. */
function segment(s: string): WordToken[] {
  const out: WordToken[] = [];
  let pos = 0;
  for (const t of tag(s, true)) {
    const at = s.indexOf(t.word, pos);
    if (at < 0) continue;
    out.push({ word: t.word, tag: t.tag, start: at, end: at + t.word.length });
    pos = at + t.word.length;
  }
  return out;
}

/**
 * An organ's abbreviation heading a document number that OCR damaged too much to read as
 * one (柯公（刑}鉴聘字, 柯公、（刑）, 越公（利）捕季C2023): 柯公 is 柯桥公安, not a person.
 */
function inDocumentNumber(s: string, p: { start: number; end: number; name: string }): boolean {
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

const KIN_BRACKET =
  /^\s?[（(]\s?系[^（()）。\n]{0,16}?(?:之|的)?(?:父亲?|母亲?|妻子?|丈夫|儿子|女儿|[子女兄弟姐妹]|哥哥|姐姐|弟弟|妹妹|祖父|祖母|外祖父|外祖母|爷爷|奶奶|外公|外婆|孙子|孙女|配偶|近亲属|亲属|家属)\s?[)）]/;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractMentions(text: string, ctx?: ExtractContext): Mention[] {
  // Fold full-width digits and letters once; the mapping is one code unit to one, so offsets hold.
  const s = foldDigits(text).replace(/：/g, ':').replace(/：/g, ':');
  const out: Mention[] = [];
  digitMentions(s, text, out);
  plateMentions(s, text, out);
  accountMentions(s, text, out);
  caseNumberMentions(s, text, out);
  for (const a of findAmounts(text)) {
    if (out.some((m) => overlaps(m, a) && (m.type === 'PHONE' || m.type === 'ID_NUMBER' || m.type === 'BANK_CARD'))) continue;
    push(out, text, 'AMOUNT', a.start, a.end, String(a.value), undefined, a.approx ? { approx: true } : {});
  }
  for (const l of findLawArticles(text)) {
    push(out, text, 'LAW_ARTICLE', l.start, l.end, l.normalised, undefined, {
      law: l.law,
      article: l.article,
      ...(l.sub ? { sub: l.sub } : {}),
      ...(l.clause ? { clause: l.clause } : {}),
      ...(l.item ? { item: l.item } : {}),
    });
  }
  orgMentions(s, text, out);

  const tokens = segment(s);
  const words = new Words(tokens, s.length);
  const hits = personHits(s, words);
  const known = new Map<string, PersonHit>();
  for (const h of hits) {
    const prev = known.get(h.name);
    if (!prev || prev.strength < h.strength) known.set(h.name, h);
  }
  const persons: PersonHit[] = [...hits];
  const covered = (st: number, en: number): boolean => persons.some((p) => overlaps(p, { start: st, end: en }));
  for (const m of findMaskedNames(s, words)) {
    if (covered(m.start, m.end)) continue;
    const k = known.get(m.name);
    if (k) persons.push({ ...m, role: k.role, strength: 1, cue: 'repeat' });
    else persons.push({ ...m, ...guessRole(s, m.start, m.end), cue: 'context' });
  }
  // A name followed by its particulars ("的周家乐（性别男", "王五，男，") is a person whatever precedes it.
  for (const m of s.matchAll(/(?=[（(]\s?性别|[（(][男女][，,）)]|[，,]\s?[男女][，,。；;）)])/g)) {
    const e = m.index;
    for (const len of [4, 3, 2]) {
      const st = e - len;
      if (st < 0 || covered(st, e)) continue;
      const nm = readName(s, st, { strict: true, words });
      if (!nm || nm.end !== e) continue;
      const k = known.get(nm.name);
      persons.push({
        start: st,
        end: e,
        name: nm.name,
        ...(k ? { role: k.role, strength: 1, cue: 'repeat' } : { ...guessRole(s, st, e), cue: 'context' }),
      });
      break;
    }
  }
  for (const m of [...findUnmarkedNames(s, tokens), ...findCompoundSurnameNames(s, words)]) {
    if (covered(m.start, m.end)) continue;
    const k = known.get(m.name);
    if (k) persons.push({ ...m, role: k.role, strength: 1, cue: 'repeat' });
    else persons.push({ ...m, ...guessRole(s, m.start, m.end), cue: 'context' });
  }
  nicknameHits(s, persons, known);
  listHits(s, persons, words);
  // Every other occurrence of a name found once: 张三 … 张三说. It inherits a role
  // introduced by a cue; otherwise the words around it are the only evidence.
  const names = new Set(persons.filter((p) => !/[某Xx×*＊]/.test(p.name) && p.cue !== 'nickname').map((p) => p.name));
  for (const name of names) {
    const h = known.get(name);
    let k = s.indexOf(name);
    while (k >= 0) {
      // A name a cue introduced outweighs a reading jieba guessed over the same characters (张开|刚 where 被告人张开刚 was said).
      if (h && name.length >= 3) {
        for (let j = persons.length - 1; j >= 0; j--) {
          const o = persons[j];
          if (o && o.cue === 'context' && overlaps(o, { start: k, end: k + name.length }) && !(o.start === k && o.end === k + name.length))
            persons.splice(j, 1);
        }
      }
      if (!covered(k, k + name.length)) {
        if (h)
          persons.push({
            start: k,
            end: k + name.length,
            name,
            role: h.role,
            strength: 1,
            cue: 'repeat',
            ...(h.label ? { label: h.label } : {}),
          });
        else persons.push({ start: k, end: k + name.length, name, ...guessRole(s, k, k + name.length), cue: 'context' });
      }
      k = s.indexOf(name, k + name.length);
    }
  }
  // Addresses after persons so that a name is never read as a place.
  const taken = new Set<number>();
  for (const p of persons) for (let k = p.start; k < p.end; k++) taken.add(k);
  addressMentions(s, text, out, taken);

  const soft = joinWrappedLines(s);
  // 柯公（刑）扣字…: an agency abbreviation inside a document number is no one's name.
  const numbers = out.filter((m) => m.type === 'CASE_NUMBER');
  for (let k = persons.length - 1; k >= 0; k--) {
    const p = persons[k];
    if (p && (numbers.some((n) => overlaps(n, p)) || inDocumentNumber(s, p))) persons.splice(k, 1);
  }
  persons.sort((a, b) => a.start - b.start);
  // 杜菲欣（系被拘留人何山之母）: the text says whose relative the person is.
  for (const p of persons) {
    if (p.strength < 3 && KIN_BRACKET.test(s.slice(p.end, p.end + 30))) Object.assign(p, { role: 'FAMILY', strength: 3, cue: 'kinship' });
  }
  // A list shares its head's role: "郑某甲、李某某、周某甲退赔" / "被害人邓某某、洪某某".
  for (let k = 1; k < persons.length; k++) {
    const a = persons[k - 1];
    const b = persons[k];
    if (!a || !b || b.strength >= a.strength || a.role === 'OTHER') continue;
    if (/^(、|和|与|及|同)$/.test(s.slice(a.end, b.start))) {
      b.role = a.role;
      b.strength = Math.max(b.strength, a.strength - 1);
    }
  }
  const personMentions: Mention[] = [];
  for (const p of persons) {
    const attrs: Record<string, unknown> = { role: p.role, roleStrength: p.strength, roleCue: p.cue };
    if (p.label) attrs.function = p.label;
    if (/[某Xx×*＊]/.test(p.name)) attrs.masked = true;
    if (p.cue === 'nickname') attrs.nickname = true;
    if (p.aliasOf) attrs.aliasOf = p.aliasOf;
    // The characters around the name: the case's other pages may show that a line's wrap or a
    // guessed boundary cut the name short or ran it on (resolve.ts, settleNameEdges).
    attrs.textBefore = text.slice(Math.max(0, p.start - 3), p.start);
    attrs.textAfter = text.slice(p.end, p.end + 10);
    Object.assign(attrs, personAttributes(soft, p.end, out, ctx?.refDate, p.name));
    push(out, text, 'PERSON', p.start, p.end, p.name, undefined, attrs);
    personMentions.push(out[out.length - 1] as Mention);
  }
  identifierOwners(s, out, personMentions);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

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

function guessRole(s: string, start: number, end: number): { role: PersonRole; strength: number } {
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
