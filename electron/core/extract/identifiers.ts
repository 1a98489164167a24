// Identifiers in a page's text: ID numbers, phones and bank cards, plates, platform accounts,
// document numbers — and whose each one is. Validators decide what a digit run is (an ID that
// fails its checksum is still an ID, recorded as invalid; a 16–19-digit run that fails Luhn is
// a card only when labelled one).
import type { EntityType } from '../../../shared/vocab.js';
import { PLATE_PROVINCES, checkBankCard, checkIdNumber, checkLandline, checkMobile, checkPlate, foldDigits } from './validate.js';
import { before, push } from './mention.js';
import type { Mention } from './mention.js';

const ID_LABEL = /(身份证|公民身份号码|身份号码|证件号码|证件号|身份证号|身份证号码)[^，。；\n]{0,6}$/;
const CARD_LABEL = /(银行卡|卡号|借记卡|信用卡|储蓄卡|银行账号|银行帐号|银行账户|账号|帐号)[^，。；\n]{0,8}$/;
const PHONE_LABEL = /(电话|手机|联系方式|号码|致电|拨打|手机号)[^，。；\n]{0,6}$/;

const ACCOUNT_BEFORE = /(支付宝|微信|QQ|qq|抖音|快手|淘宝|陌陌)(?:账号|帐号|号码?)?\s?(?:[：:]|为|是)?\s?[“"]?$/;

/** Digit runs with at most one space or hyphen between groups (OCR and printed grouping). */
const DIGIT_RUN = /(?<![0-9A-Za-z])(?:\+?86[\s-]?)?[0-9](?:[\s-]?[0-9])*(?:[\s-]?[Xx])?(?![0-9A-Za-z])/g;

// An ID number a printed line wrapped: "…330602197202235⏎⏎240，汉族" is one number.
const WRAPPED_ID = /(?<![0-9A-Za-z])(\d{6,17})[ \t]*\n{1,2}[ \t]*(\d{1,12}[Xx]?)(?![0-9A-Za-z])/g;

export function digitMentions(s: string, text: string, out: Mention[]): void {
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

export function plateMentions(s: string, text: string, out: Mention[]): void {
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

export function accountMentions(s: string, text: string, out: Mention[]): void {
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

export function caseNumberMentions(s: string, text: string, out: Mention[]): void {
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
export function identifierOwners(s: string, out: Mention[], persons: Mention[]): void {
  for (const m of out) {
    if (m.type === 'PLATE' && m.attrs?.owner === undefined) {
      const driver = plateDriver(s, m, persons);
      if (driver) m.attrs = { ...m.attrs, owner: driver, ownerBy: 'sentence' };
      continue;
    }
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
      if (/(?:户名|持卡人|开户人)(?:为|是)?[：:]?\s?$/.test(s.slice(Math.max(from, p.start - 5), p.start)))
        claims.push({ at: p.end, owner: p.value });
    }
    // The nearest claim before the identifier, with the identifier's own word between them.
    const near = claims
      .filter((c) => IDENTIFIER_WORD.test(s.slice(Math.max(0, c.at - 6), m.start)) || /户名|持卡人|开户人/.test(s.slice(from, c.at)))
      .sort((a, b) => b.at - a.at)[0];
    if (!near) continue;
    if (near.owner) m.attrs = { ...m.attrs, owner: near.owner, ownerBy: 'sentence' };
    else if (near.speaker && inAnswer(s, m.start)) m.attrs = { ...m.attrs, ownerSpeaker: true };
  }
}

// Who drives a car is who the sentence ties its plate to: 刘某某驾驶粤B563FP, 其/他驾驶的车牌为湘F5M715,
// 张某驾驶自己的辽A0107W, 由梁某某驾驶的一辆车牌号为粤QPP713, and after it: 将驾驶陕AP9695面包车的被告人冯某某.
const DRIVE_BEFORE = /(驾驶|驾|开着|开|骑)(?:着|的|自己的|其)?[^，。；！？\n驾开骑]{0,12}$/;
const DRIVE_AFTER = /^[^，。；！？\n]{0,8}的(?:被告人|犯罪嫌疑人|嫌疑人|司机|驾驶员|男子|女子)?$/;

function plateDriver(s: string, m: Mention, persons: Mention[]): string | null {
  const from = Math.max(0, m.start - 60, ...[...'。！？；\n'].map((c) => s.lastIndexOf(c, m.start - 1) + 1));
  const cue = DRIVE_BEFORE.exec(s.slice(from, m.start));
  if (cue) {
    const at = from + cue.index;
    const person = persons.filter((p) => p.end <= at && p.start >= from).sort((a, b) => b.end - a.end)[0];
    // Close before the verb (由X驾驶, X（另案处理）驾驶), or 其: the sentence's subject.
    if (person && /^(?:[（(][^）)]{0,12}[)）])?(?:又|再|则|便|就|在|独自|亲自|一人)?$/.test(s.slice(person.end, at))) return person.value;
    if (/(?:其|他|她)$/.test(s.slice(from, at))) {
      const subject = persons.find((p) => p.start >= from && p.end <= at && !/^(?:的|之)/.test(s.slice(p.end, p.end + 1)));
      if (subject) return subject.value;
    }
  }
  // 姚某某的牌号为沪F26572轿车: the car is the person's.
  const own = persons.filter((p) => p.start >= from && p.end <= m.start).sort((a, b) => b.end - a.end)[0];
  if (own && /^的[^，。；！？\n的]{0,10}$/.test(s.slice(own.end, m.start)) && /[牌车]/.test(s.slice(own.end, m.start))) return own.value;
  // 驾驶PLATE面包车的被告人冯某某: the driver named after the car.
  if (/(驾驶|驾|开)$/.test(s.slice(Math.max(0, m.start - 2), m.start))) {
    const after = persons.filter((p) => p.start >= m.end && p.start - m.end <= 20).sort((a, b) => a.start - b.start)[0];
    if (after && DRIVE_AFTER.test(s.slice(m.end, after.start))) return after.value;
  }
  return null;
}

/** Whether position i lies in an answer of a 笔录 (after 答：, before the next 问：). */
export function inAnswer(s: string, i: number): boolean {
  const head = s.slice(0, i);
  const q = Math.max(head.lastIndexOf('问：'), head.lastIndexOf('问:'));
  const a = Math.max(head.lastIndexOf('答：'), head.lastIndexOf('答:'));
  return a > q;
}
