import { describe, expect, it } from 'vitest';
import rule from '../../../electron/core/rules/detention/arrest-request-deadline.js';
import { at, newCase } from './facts-builder.js';

// RULES.md worked example: 拘留 executed 2022-11-16 14:30.
function detained(
  opts: { request?: string; extension?: { date: string; text: string }; bail?: string; suspects?: number; reviewDate?: string } = {},
) {
  const b = newCase({ reviewDate: opts.reviewDate ?? '2023-06-01' });
  const p = b.person('张三');
  for (let i = 1; i < (opts.suspects ?? 1); i++) b.person(`同案${i}`);
  b.act('DETENTION_WARRANT', 'DETENTION', at('2022-11-16 14:30'), { event: { subjects: [p] } });
  if (opts.extension)
    b.act('DETENTION_EXTENSION', 'DETENTION_EXTENDED', opts.extension.date, { text: opts.extension.text, event: { subjects: [p] } });
  if (opts.request) b.act('ARREST_REQUEST', 'ARREST_REQUESTED', opts.request, { event: { subjects: [p] } });
  if (opts.bail) b.act('BAIL', 'BAIL', opts.bail, { event: { subjects: [p] } });
  return b.build();
}

describe('ARREST_REQUEST_DEADLINE', () => {
  it('the 3rd day is in time', () => {
    expect(rule.evaluate(detained({ request: '2022-11-19' }))).toEqual([]);
  });
  it('the 4th day without an extension is a violation', () => {
    const [f] = rule.evaluate(detained({ request: '2022-11-20' }));
    expect(f?.severity).toBe('violation');
    expect(f?.message).toContain('拘留 2022-11-16 14:30 → 提请批准逮捕 2022-11-20（拘留后第 4 日），期限至 2022-11-19');
  });
  it('an extension allows up to 11-23, not 11-24', () => {
    const extension = { date: '2022-11-18', text: '呈请延长提请批准逮捕期限报告书 延长至七日' };
    expect(rule.evaluate(detained({ request: '2022-11-23', extension }))).toEqual([]);
    expect(rule.evaluate(detained({ request: '2022-11-24', extension }))[0]?.severity).toBe('violation');
  });
  it('a 30-day extension allows up to 12-16; a gang ground with one suspect is a warning', () => {
    const extension = { date: '2022-11-18', text: '犯罪嫌疑人系结伙作案，提请批准逮捕的时间延长至三十日' };
    expect(rule.evaluate(detained({ request: '2022-12-16', extension, suspects: 2 }))).toEqual([]);
    expect(rule.evaluate(detained({ request: '2022-12-17', extension, suspects: 2 }))[0]?.severity).toBe('violation');
    const [f] = rule.evaluate(detained({ request: '2022-12-10', extension, suspects: 1 }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('结伙');
  });
  it('an extension approved after the 3 days is a warning', () => {
    const [f] = rule.evaluate(detained({ request: '2022-11-22', extension: { date: '2022-11-21', text: '延长至七日' } }));
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('晚于原三日期限 2022-11-19');
  });
  it('bail within the period needs no request; bail after it is a violation', () => {
    expect(rule.evaluate(detained({ bail: '2022-11-18' }))).toEqual([]);
    expect(rule.evaluate(detained({ bail: '2022-11-22' }))[0]?.severity).toBe('violation');
  });
  it('warns when neither a request nor a release is in the file after the deadline', () => {
    const [f] = rule.evaluate(detained());
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('未见提请批准逮捕书');
    // Before the deadline the case may still be running.
    expect(rule.evaluate(detained({ reviewDate: '2022-11-18' }))).toEqual([]);
  });
});

describe('ARREST_REQUEST_DEADLINE with an extension filed as another paper', () => {
  it('reads a 呈请延长拘留期限报告书 typed OTHER as the extension', () => {
    const b = newCase();
    const p = b.person('张三');
    b.act('DETENTION_WARRANT', 'DETENTION', at('2022-11-16 14:30'), { event: { subjects: [p] } });
    b.doc('OTHER', { title: '呈请延长拘留期限报告书', date: '2022-11-18', text: '延长至七日', fields: { subjectId: p } });
    b.act('ARREST_REQUEST', 'ARREST_REQUESTED', '2022-11-22', { event: { subjects: [p] } });
    expect(rule.evaluate(b.build())).toEqual([]);
  });
});
