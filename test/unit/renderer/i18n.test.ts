// Counts in English agree with their number (issue 16: "1 files"); Chinese needs no plural.
// (Type-checked with the renderer's own settings: renderer/tsconfig.json includes this folder.)
import { describe, expect, it } from 'vitest';
import { createTranslator, fill } from '../../../renderer/src/i18n';

describe('English counts', () => {
  it('say "1 file", "2 files"', () => {
    const { t } = createTranslator('en-US');
    expect(t('case.summary', { files: 1, pages: 1, documents: 1 })).toBe('1 file · 1 page · 1 document');
    expect(t('case.summary', { files: 2, pages: 37, documents: 0 })).toBe('2 files · 37 pages · 0 documents');
    expect(t('search.count', { n: 1 })).toBe('1 result');
    expect(t('entity.mentions', { n: 1, docs: 3 })).toBe('1 mention · 3 documents');
  });

  it("hold in the views' own catalogues too (they share the filler)", () => {
    const hidden = '{n} more {n|person has|people have} no dated events and {n|is|are} not shown.';
    expect(fill(hidden, { n: 1 })).toBe('1 more person has no dated events and is not shown.');
    expect(fill(hidden, { n: 3 })).toBe('3 more people have no dated events and are not shown.');
    expect(fill('{n} {n|record|records}', {})).toBe('{n} {n|record|records}');
  });

  it('leave Chinese as it is', () => {
    const { t } = createTranslator('zh-CN');
    expect(t('case.summary', { files: 1, pages: 1, documents: 1 })).toBe('1 个文件 · 1 页 · 1 份文书');
  });
});
