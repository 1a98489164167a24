// What the file says about a person or an identifier, in words: the attributes the
// backend keeps under its own keys (function, kind, platform…) are named here, their
// coded values translated; an attribute without a name here is not shown at all.
import { ENTITY_TYPE_LABELS, PERSON_ROLE_LABELS } from '../../../shared/vocab';
import type { PersonRole } from '../../../shared/vocab';

type Lang = 'zh' | 'en';
type Label = Record<Lang, string>;

const NAMES: Record<string, Label> = {
  // Who a person is.
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话', en: 'Phone' },
  address: { zh: '住址', en: 'Address' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  gender: { zh: '性别', en: 'Sex' },
  sex: { zh: '性别', en: 'Sex' },
  age: { zh: '年龄', en: 'Age' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  education: { zh: '文化程度', en: 'Education' },
  hukou: { zh: '户籍地', en: 'Registered residence' },
  function: { zh: '职责', en: 'Duty' },
  // What an identifier is and whose.
  kind: { zh: '类型', en: 'Kind' },
  platform: { zh: '平台', en: 'Platform' },
  owner: { zh: '持有人', en: 'Holder' },
  owners: { zh: '卷内所载持有人', en: 'Holders named' },
  bankCard: { zh: ENTITY_TYPE_LABELS.BANK_CARD.zh, en: ENTITY_TYPE_LABELS.BANK_CARD.en },
  plate: { zh: ENTITY_TYPE_LABELS.PLATE.zh, en: ENTITY_TYPE_LABELS.PLATE.en },
  account: { zh: ENTITY_TYPE_LABELS.ACCOUNT.zh, en: ENTITY_TYPE_LABELS.ACCOUNT.en },
  // What else the file says, then the checks.
  roles: { zh: '卷内身份', en: 'Parts in the file' },
  aliases: { zh: '别名', en: 'Also written' },
  phones: { zh: '所载电话', en: 'Phones given' },
  idNumbers: { zh: '所载身份证号', en: 'ID numbers given' },
  conflicts: { zh: '卷内记载不一', en: 'The file disagrees' },
  idValid: { zh: '身份证号校验', en: 'ID number check' },
  valid: { zh: '号码校验', en: 'Number check' },
  masked: { zh: '号码部分隐去', en: 'Partly masked' },
  legacy15: { zh: '15 位旧号', en: 'Old 15-digit number' },
  upgraded: { zh: '对应 18 位号码', en: '18-digit form' },
  unionPay: { zh: '银联卡', en: 'UnionPay card' },
  newEnergy: { zh: '新能源车牌', en: 'New-energy plate' },
  approx: { zh: '约数', en: 'Approximate' },
  plates: { zh: '所载车牌', en: 'Plates given' },
  cards: { zh: '所载银行卡', en: 'Cards given' },
  corrected: { zh: '审查人更正', en: 'Reviewer corrected' },
};

const VALUES: Record<string, Record<string, Label>> = {
  kind: { mobile: { zh: '手机', en: 'Mobile' }, landline: { zh: '固定电话', en: 'Landline' } },
  platform: {
    wechat: { zh: '微信', en: 'WeChat' },
    qq: { zh: 'QQ', en: 'QQ' },
    alipay: { zh: '支付宝', en: 'Alipay' },
    douyin: { zh: '抖音', en: 'Douyin' },
    kuaishou: { zh: '快手', en: 'Kuaishou' },
    taobao: { zh: '淘宝', en: 'Taobao' },
    momo: { zh: '陌陌', en: 'Momo' },
    other: { zh: '其他', en: 'Other' },
  },
  gender: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } },
  sex: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } },
  corrected: {
    merge: { zh: '合并', en: 'merged' },
    split: { zh: '拆分', en: 'split' },
    relabel: { zh: '更正名称/类型/身份', en: 'relabelled' },
    identifier: { zh: '登记号码', en: 'identifier added' },
  },
};

const YES_NO: Record<string, { yes: Label; no: Label }> = {
  idValid: { yes: { zh: '通过', en: 'Valid' }, no: { zh: '未通过，请核对', en: 'Fails: check it' } },
  valid: { yes: { zh: '通过', en: 'Valid' }, no: { zh: '未通过，请核对', en: 'Fails: check it' } },
  masked: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
  legacy15: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
  unionPay: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
  newEnergy: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
  approx: { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } },
};

/** Shown only when there is more than one: the single one is already on screen (the role badge, the phone). */
const ONLY_SEVERAL = new Set(['roles', 'phones', 'idNumbers', 'plates', 'cards']);

/** A value that is a code of the backend's (mobile, wechat): never shown as is. */
const CODE = /^[a-z][a-zA-Z0-9_]*$/;

/** The order a reader looks for them: who, how reached, what else, how sure. */
const ORDER = Object.keys(NAMES);

function valueText(key: string, v: unknown, lang: Lang): string | null {
  if (typeof v === 'boolean') return YES_NO[key]?.[v ? 'yes' : 'no'][lang] ?? null;
  if (typeof v === 'number') return key === 'age' ? (lang === 'zh' ? `${v} 岁` : String(v)) : String(v);
  if (typeof v === 'string') {
    if (key === 'roles') return v in PERSON_ROLE_LABELS ? PERSON_ROLE_LABELS[v as PersonRole][lang] : null;
    // A coded value is named or hidden; words the file itself gave (男, 汉族) are shown as written.
    return VALUES[key]?.[v]?.[lang] ?? (CODE.test(v) ? null : v);
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueText(key, x, lang)).filter((x): x is string => x !== null && x !== '');
    return parts.length > 0 ? parts.join(lang === 'zh' ? '、' : ', ') : null;
  }
  // Where the file's papers disagree about a person: each field named, its readings side by side.
  if (key === 'conflicts' && v && typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>).flatMap(([field, readings]) => {
      const label = NAMES[field]?.[lang];
      const values = Array.isArray(readings) ? readings.map((x) => valueText(field, x, lang)).filter((x): x is string => !!x) : [];
      return label && values.length > 1 ? [`${label}${lang === 'zh' ? '：' : ': '}${values.join(' / ')}`] : [];
    });
    return parts.length > 0 ? parts.join(lang === 'zh' ? '；' : '; ') : null;
  }
  return null;
}

/** The attributes worth showing, named and in words, in a fixed order. */
export function describeAttributes(attributes: Record<string, unknown>, lang: Lang): { key: string; label: string; value: string }[] {
  const out: { key: string; label: string; value: string }[] = [];
  for (const key of ORDER) {
    if (!(key in attributes)) continue;
    if (ONLY_SEVERAL.has(key) && (!Array.isArray(attributes[key]) || (attributes[key] as unknown[]).length < 2)) continue;
    const value = valueText(key, attributes[key], lang);
    const label = NAMES[key]?.[lang];
    if (value && label) out.push({ key, label, value });
  }
  return out;
}
