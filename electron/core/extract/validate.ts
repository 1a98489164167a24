// Validators for the identifiers of RULES.md "Identifiers and formats". Extraction
// trusts these, not the look of a digit string: an OCR slip in one digit should
// surface as an invalid identifier, never as a different valid one.
import { daysInMonth } from '../../../shared/case-time.js';

/** Full-width digits/letters, OCR separators (single spaces, hyphens) and lowercase x folded away. */
export function foldDigits(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function compact(s: string): string {
  return foldDigits(s).replace(/[\s\u3000\-－—]/g, '');
}

// GB/T 2260 first two digits; 71/81/82 cover Taiwan, Hong Kong and Macau residents,
// 83 the residence permits issued to Taiwan residents.
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export { daysInMonth };

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export type IdInvalidReason = 'length' | 'checksum' | 'birthdate' | 'province';

export interface IdCheck {
  valid: boolean;
  /** Digits only, uppercase X; separators and full-width forms removed. */
  normalised: string;
  reason?: IdInvalidReason;
  birthDate?: string;
  gender?: '男' | '女';
  legacy15?: boolean;
  /** The 18-digit form of a valid 15-digit legacy number. */
  upgraded?: string;
}

function birthOk(y: number, m: number, d: number): boolean {
  if (!isRealDate(y, m, d) || y < 1800) return false;
  // A birth date in the future is as impossible as 02-30.
  const now = new Date();
  const today = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
  return y * 10000 + m * 100 + d <= today;
}

export function checkIdNumber(s: string): IdCheck {
  const normalised = compact(s).toUpperCase();
  if (/^\d{17}[\dX]$/.test(normalised)) {
    const out: IdCheck = { valid: false, normalised };
    const y = Number(normalised.slice(6, 10));
    const m = Number(normalised.slice(10, 12));
    const d = Number(normalised.slice(12, 14));
    out.gender = Number(normalised[16]) % 2 === 1 ? '男' : '女';
    if (!PROVINCE_CODES.has(normalised.slice(0, 2))) return { ...out, reason: 'province' };
    if (!birthOk(y, m, d)) return { ...out, reason: 'birthdate' };
    out.birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
    if (idCheckChar(normalised) !== normalised[17]) return { ...out, reason: 'checksum' };
    out.valid = true;
    return out;
  }
  if (/^\d{15}$/.test(normalised)) {
    // Legacy numbers (before 1999) carry a two-digit year, always 19YY, and no check character.
    const out: IdCheck = { valid: false, normalised, legacy15: true };
    const y = 1900 + Number(normalised.slice(6, 8));
    const m = Number(normalised.slice(8, 10));
    const d = Number(normalised.slice(10, 12));
    out.gender = Number(normalised[14]) % 2 === 1 ? '男' : '女';
    if (!PROVINCE_CODES.has(normalised.slice(0, 2))) return { ...out, reason: 'province' };
    if (!birthOk(y, m, d)) return { ...out, reason: 'birthdate' };
    out.birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
    const first17 = `${normalised.slice(0, 6)}19${normalised.slice(6)}`;
    out.upgraded = first17 + idCheckChar(first17);
    out.valid = true;
    return out;
  }
  return { valid: false, normalised, reason: 'length' };
}

export function luhnValid(digits: string): boolean {
  const d = compact(digits);
  if (!/^\d{2,}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

export interface BankCardCheck {
  valid: boolean;
  normalised: string;
  reason?: 'length' | 'luhn';
  unionPay?: boolean;
}

export function checkBankCard(s: string): BankCardCheck {
  const normalised = compact(s);
  if (!/^\d{16,19}$/.test(normalised)) return { valid: false, normalised, reason: 'length' };
  const unionPay = normalised.startsWith('62');
  if (!luhnValid(normalised)) return { valid: false, normalised, reason: 'luhn', unionPay };
  return { valid: true, normalised, unionPay };
}

export interface PhoneCheck {
  valid: boolean;
  normalised: string;
  kind?: 'mobile' | 'landline';
}

export function checkMobile(s: string): PhoneCheck {
  let normalised = compact(s).replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  normalised = normalised.replace(/^\+/, '');
  return /^1[3-9]\d{9}$/.test(normalised) ? { valid: true, normalised, kind: 'mobile' } : { valid: false, normalised };
}

// Beijing (010) and the 02x cities have three-digit area codes; every other area code has four.
function areaCodeLength(digits: string): number {
  return /^(010|02\d)/.test(digits) ? 3 : 4;
}

/** Landline with area code, normalised as 0575-88886666 (an extension kept after a second hyphen). */
export function checkLandline(s: string): PhoneCheck {
  const folded = foldDigits(s).trim().replace(/[（(]/g, '').replace(/[)）]/g, '-');
  const m =
    /^(0\d{2,3})[\s\-－—]*(\d{7,8})(?:[\s\-－—转]+(\d{1,5}))?$/.exec(folded) ?? /^(0\d{9,11})$/.exec(folded.replace(/[\s\-－—]/g, ''));
  if (!m) return { valid: false, normalised: compact(s) };
  let area: string;
  let local: string;
  if (m[2] !== undefined) {
    area = m[1] ?? '';
    local = m[2];
  } else {
    const all = m[1] ?? '';
    const n = areaCodeLength(all);
    area = all.slice(0, n);
    local = all.slice(n);
  }
  const valid = area.length === areaCodeLength(area) && /^[2-9]\d{6,7}$/.test(local);
  const ext = m[3] ? `-${m[3]}` : '';
  return { valid, normalised: `${area}-${local}${ext}`, ...(valid ? { kind: 'landline' as const } : {}) };
}

export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

export interface PlateCheck {
  valid: boolean;
  normalised: string;
  newEnergy?: boolean;
}

export function checkPlate(s: string): PlateCheck {
  const normalised = foldDigits(s)
    .replace(/[\s\u3000·•・.．-]/g, '')
    .toUpperCase();
  const head = new RegExp(`^[${PLATE_PROVINCES}][A-Z]`);
  if (!head.test(normalised)) return { valid: false, normalised };
  const tail = normalised.slice(2);
  // Letters I and O are never issued: they read as 1 and 0.
  if (/^[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳领试超]$/.test(tail)) return { valid: true, normalised, newEnergy: false };
  // New-energy plates: six characters, D/F (and A–K letters for small cars) first, or D/F last for large vehicles.
  if (/^([A-HJK][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(tail)) return { valid: true, normalised, newEnergy: true };
  return { valid: false, normalised };
}

/**
 * Age in full years (周岁) on `date`. The age counts from the day after the
 * birthday (RULES.md): on the birthday itself the person is still the younger age.
 */
export function ageOn(birthDate: string, date: string): number {
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!b || !d) throw new Error(`ageOn: expected YYYY-MM-DD, got ${birthDate} / ${date}`);
  const years = Number(d[1]) - Number(b[1]);
  const later = Number(d[2]) * 100 + Number(d[3]) > Number(b[2]) * 100 + Number(b[3]);
  return later ? years : years - 1;
}
