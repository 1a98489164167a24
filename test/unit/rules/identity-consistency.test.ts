import { describe, expect, it } from 'vitest';
import { identityConsistency as rule } from '../../../electron/core/rules/integrity/identity-consistency.js';
import { idCheckChar } from '../../../electron/core/extract/validate.js';
import { newCase } from './facts-builder.js';
import { interrogation } from './facts-builder-more.js';

const id = (first17: string) => first17 + idCheckChar(first17);
const ZHANG = id('33060219900503001'); // male, 1990-05-03
const LI = id('33060219920817002'); // female, 1992-08-17

describe('IDENTITY_CONSISTENCY', () => {
  it('passes consistent IDs, including the known-good examples and a 15-digit legacy number', () => {
    const b = newCase();
    const p = b.person('张三', { idNumber: ZHANG, birthDate: '1990-05-03', gender: '男' });
    b.person('王女', { idNumber: '11010519491231002X', gender: '女', role: 'WITNESS' });
    b.person('老李', { idNumber: '330602800101001', role: 'WITNESS' });
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      body: `问：你的身份情况？答：我叫张三，出生于1990年5月3日，身份证号${ZHANG}。老李的身份证号码是${id('33060219800101001')}。`,
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires for a checksum failure and names the reason', () => {
    const b = newCase();
    const bad = ZHANG.slice(0, 17) + (ZHANG.endsWith('1') ? '2' : '1');
    b.person('张三', { idNumber: bad });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toContain('校验码');
  });

  it('fires for a birth date or sex that the ID contradicts', () => {
    const b = newCase();
    b.person('张三', { idNumber: ZHANG, birthDate: '1990-05-04', gender: '女' });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.key)).toEqual(['IDENTITY_CONSISTENCY:p1:birth', 'IDENTITY_CONSISTENCY:p1:sex']);
    expect(f[0]?.message).toContain('1990-05-03');
  });

  it('fires for one number held by two people', () => {
    const b = newCase();
    b.person('张三', { idNumber: ZHANG });
    b.person('张山', { idNumber: ZHANG, role: 'WITNESS' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('张三、张山');
  });

  it('does not fire for an alias recorded as a second person entry', () => {
    const b = newCase();
    b.person('张三', { idNumber: ZHANG, aliases: ['张小三'] });
    b.person('张小三', { idNumber: ZHANG });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('fires when a document writes another number beside the name', () => {
    const b = newCase();
    const p = b.person('张三', { idNumber: ZHANG });
    b.person('李四', { idNumber: LI, role: 'WITNESS' });
    const wrong = id('33060219900503003');
    const d = interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      body: `被讯问人张三，身份证号码${wrong}。证人李四，身份证号码${LI}。`,
    });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain(wrong);
    expect(f[0]?.evidence[0]?.document).toBe(d);
  });

  it('leaves an unlabelled 18-digit card number beside a name alone', () => {
    const b = newCase();
    const p = b.person('张三', { idNumber: ZHANG });
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      body: '张三的银行卡号622848001234567890。',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it("fires when a record's stated birth date differs from the ID", () => {
    const b = newCase();
    const p = b.person('张三', { idNumber: ZHANG });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00', body: '出生日期：1991年5月3日' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('1991-05-03');
  });

  it('emits nothing for persons without ID numbers', () => {
    const b = newCase();
    b.person('张三');
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
