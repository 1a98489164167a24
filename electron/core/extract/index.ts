// Entity extraction for one case: mentions from page text, validators, entities per case.
export {
  checkBankCard,
  checkIdNumber,
  checkLandline,
  checkMobile,
  checkPlate,
  ageOn,
  luhnValid,
  idCheckChar,
  isRealDate,
} from './validate.js';
export type { IdCheck, IdInvalidReason, BankCardCheck, PhoneCheck, PlateCheck } from './validate.js';
export { findDateTimes, parseChineseNumeralDate, parseSmallChineseNumber, addDays } from './datetime.js';
export type { DateTimeMention, DateTimeEnd, DateTimeRef } from './datetime.js';
export { findAmounts, parseChineseNumber } from './amount.js';
export type { AmountMention } from './amount.js';
export { findLawArticles, fullLawName, toChineseNumeral } from './law.js';
export type { LawArticleMention } from './law.js';
export { extractMentions } from './entities.js';
export { joinWrappedLines } from './addresses.js';
export type { Mention, ExtractContext } from './entities.js';
export { resolveEntities, linkKey } from './resolve.js';
export type { LocatedMention, ResolvedEntity } from './resolve.js';
