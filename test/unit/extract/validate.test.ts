import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkBankCard,
  checkIdNumber,
  checkLandline,
  checkMobile,
  checkPlate,
  luhnValid,
} from '../../../electron/core/extract/validate.js';

describe('checkIdNumber (GB 11643)', () => {
  it('accepts the known good numbers and reads birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X')).toMatchObject({ valid: true, birthDate: '1949-12-31', gender: '女' });
    expect(checkIdNumber('440524188001010014')).toMatchObject({ valid: true, birthDate: '1880-01-01', gender: '男' });
  });
  it('normalises lowercase x, full-width digits and OCR spaces', () => {
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ valid: true, normalised: '11010519491231002X' });
    expect(checkIdNumber('３３０６０２１９９００５０３１２３Ｘ')).toMatchObject({ valid: true, normalised: '33060219900503123X' });
    expect(checkIdNumber('3306 0219 9005 0312 3X')).toMatchObject({ valid: true, normalised: '33060219900503123X' });
  });
  it('rejects a flipped digit by checksum', () => {
    expect(checkIdNumber('440524188001010015')).toMatchObject({ valid: false, reason: 'checksum' });
    expect(checkIdNumber('11010519491231003X')).toMatchObject({ valid: false, reason: 'checksum' });
  });
  it('rejects a birth date that does not exist, even with a correct check character', () => {
    expect(checkIdNumber('33060220070230004X')).toMatchObject({ valid: false, reason: 'birthdate' });
    // 2008 is a leap year: 02-29 is real.
    expect(checkIdNumber('330602200802290045')).toMatchObject({ valid: true, birthDate: '2008-02-29', gender: '女' });
  });
  it('rejects an unknown province code and a wrong length', () => {
    expect(checkIdNumber('990602199005031232')).toMatchObject({ valid: false, reason: 'province' });
    expect(checkIdNumber('3306021990050312')).toMatchObject({ valid: false, reason: 'length' });
  });
  it('reads and upgrades a 15-digit legacy number', () => {
    const c = checkIdNumber('110105491231002');
    expect(c).toMatchObject({ valid: true, legacy15: true, birthDate: '1949-12-31', gender: '女', upgraded: '11010519491231002X' });
    expect(checkIdNumber('110105491331002')).toMatchObject({ valid: false, reason: 'birthdate' });
  });
});

describe('bank cards, phones, plates', () => {
  it('checks Luhn', () => {
    expect(luhnValid('6217000000000000004')).toBe(true);
    expect(luhnValid('6217000000000000005')).toBe(false);
    expect(checkBankCard('6222 0212 3456 7894')).toMatchObject({ valid: true, normalised: '6222021234567894', unionPay: true });
    expect(checkBankCard('6222021234567895')).toMatchObject({ valid: false, reason: 'luhn' });
    expect(checkBankCard('622202123456')).toMatchObject({ valid: false, reason: 'length' });
  });
  it('checks mobiles', () => {
    expect(checkMobile('13800138000')).toMatchObject({ valid: true, normalised: '13800138000' });
    expect(checkMobile('+86 138-0013-8000')).toMatchObject({ valid: true, normalised: '13800138000' });
    expect(checkMobile('12800138000').valid).toBe(false);
    expect(checkMobile('1380013800').valid).toBe(false);
  });
  it('checks landlines with area codes', () => {
    expect(checkLandline('0575-88886666')).toMatchObject({ valid: true, normalised: '0575-88886666' });
    expect(checkLandline('(010)62345678')).toMatchObject({ valid: true, normalised: '010-62345678' });
    expect(checkLandline('057588886666')).toMatchObject({ valid: true, normalised: '0575-88886666' });
    expect(checkLandline('0575-0888666').valid).toBe(false);
  });
  it('checks plates with a dot, a space, no separator, and new-energy plates', () => {
    expect(checkPlate('浙D·8K2M7')).toMatchObject({ valid: true, normalised: '浙D8K2M7', newEnergy: false });
    expect(checkPlate('浙D 8K2M7')).toMatchObject({ valid: true, normalised: '浙D8K2M7' });
    expect(checkPlate('浙D8K2M7')).toMatchObject({ valid: true, normalised: '浙D8K2M7' });
    expect(checkPlate('浙AD12345')).toMatchObject({ valid: true, newEnergy: true });
    expect(checkPlate('粤B12345F')).toMatchObject({ valid: true, newEnergy: true });
    expect(checkPlate('浙D8K2M').valid).toBe(false);
    expect(checkPlate('哈D8K2M7').valid).toBe(false);
    expect(checkPlate('浙D8KOM7').valid).toBe(false);
  });
});

describe('ageOn (周岁)', () => {
  it('is still the younger age on the birthday itself', () => {
    expect(ageOn('2006-03-05', '2024-03-05')).toBe(17);
    expect(ageOn('2006-03-05', '2024-03-06')).toBe(18);
    expect(ageOn('2006-03-05', '2024-03-04')).toBe(17);
    expect(ageOn('2010-06-01', '2024-06-01')).toBe(13);
    expect(ageOn('2010-06-01', '2024-06-02')).toBe(14);
  });
  it('handles a 29 February birthday', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
