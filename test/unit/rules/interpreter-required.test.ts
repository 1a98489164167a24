import { describe, expect, it } from 'vitest';
import { interpreterRequired as rule } from '../../../electron/core/rules/interrogation/interpreter-required.js';
import { newCase } from './facts-builder.js';
import { inquiry, interrogation } from './facts-builder-more.js';

describe('INTERPRETER_REQUIRED', () => {
  it('fires for a deaf suspect questioned without a sign-language interpreter', () => {
    const b = newCase();
    const p = b.person('张三', { attributes: { deaf: true } });
    interrogation(b, { subject: '张三', subjectId: p, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    const f = rule.evaluate(b.build());
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('violation');
    expect(f[0]?.message).toContain('聋哑');
  });

  it('passes with a named interpreter and employer', () => {
    const b = newCase();
    const p = b.person('张三', { attributes: { deaf: true } });
    interrogation(b, {
      subject: '张三',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      attendees: [{ role: '手语翻译人员', name: '陈静' }],
      body: '手语翻译人员陈静，工作单位：绍兴市特殊教育学校。问：……答：……',
    });
    expect(rule.evaluate(b.build())).toEqual([]);
  });

  it('warns when the interpreter is present but the employer is not written', () => {
    const b = newCase();
    const w = b.person('阿里木', { role: 'WITNESS', attributes: { language: '维吾尔语' } });
    inquiry(b, {
      subject: '阿里木',
      subjectId: w,
      start: '2024-03-05 10:00',
      end: '2024-03-05 11:00',
      attendees: [{ role: '翻译人员', name: '买买提' }],
      body: '翻译人员买买提在场。',
    });
    const f = rule.evaluate(b.build());
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('工作单位');
  });

  it('fires for a witness who speaks another language without an interpreter', () => {
    const b = newCase();
    const w = b.person('阿里木', { role: 'WITNESS', attributes: { language: '维吾尔语' } });
    inquiry(b, { subject: '阿里木', subjectId: w, start: '2024-03-05 10:00', end: '2024-03-05 11:00' });
    expect(rule.evaluate(b.build()).map((x) => x.severity)).toEqual(['violation']);
  });

  it('does not ask for an interpreter for a foreigner recorded as fluent in Chinese, nor for anyone else', () => {
    const b = newCase();
    const p = b.person('John', { attributes: { foreign: true, nationality: '美国' } });
    interrogation(b, {
      subject: 'John',
      subjectId: p,
      start: '2024-03-05 14:30',
      end: '2024-03-05 16:00',
      body: '问：你能听懂普通话吗？答：我通晓汉语。',
    });
    const q = b.person('张三');
    interrogation(b, { subject: '张三', subjectId: q, start: '2024-03-06 14:30', end: '2024-03-06 16:00' });
    expect(rule.evaluate(b.build())).toEqual([]);
    const c = newCase();
    const r = c.person('John', { attributes: { foreign: true, nationality: '美国' } });
    interrogation(c, { subject: 'John', subjectId: r, start: '2024-03-05 14:30', end: '2024-03-05 16:00' });
    expect(rule.evaluate(c.build()).map((x) => x.severity)).toEqual(['warning']);
  });
});
