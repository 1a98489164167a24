import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCjkFont, fontCandidates, MissingCjkFontError, postScriptNames } from '../../../electron/core/report/fonts.js';

const WQY = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('CJK font for the PDF', () => {
  it('reads the PostScript names of the faces in a collection', () => {
    expect(postScriptNames(fs.readFileSync(WQY))).toEqual(['WenQuanYiZenHei', 'WenQuanYiZenHeiMono', 'WenQuanYiZenHeiSharp']);
    expect(postScriptNames(Buffer.from('not a font at all'))).toBeNull();
  });

  it('picks the Simplified Chinese face of Noto Sans CJK, and its bold', () => {
    const font = findCjkFont([NOTO]);
    expect(font).toEqual({
      file: NOTO,
      face: 'NotoSansCJKsc-Regular',
      bold: { file: NOTO.replace('Regular', 'Bold'), face: 'NotoSansCJKsc-Bold' },
    });
  });

  it('skips missing files and files that are not fonts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-font-'));
    const fake = path.join(dir, 'msyh.ttc');
    fs.writeFileSync(fake, 'ttcf but not really');
    expect(findCjkFont([path.join(dir, 'none.ttc'), fake, WQY])).toEqual({ file: WQY, face: 'WenQuanYiZenHei' });
  });

  it('fails with a message that says what to install and where it looked', () => {
    expect(() => findCjkFont(['/nowhere/a.ttc', '/nowhere/b.ttf'])).toThrow(MissingCjkFontError);
    expect(() => findCjkFont(['/nowhere/a.ttc'])).toThrow(/找不到中文字体.*Noto Sans CJK SC.*\/nowhere\/a\.ttc/);
  });

  it('looks in the app resources before the system, and honours CASE_REVIEW_FONT first', () => {
    const before = process.env.CASE_REVIEW_FONT;
    process.env.CASE_REVIEW_FONT = '/opt/fonts/custom.otf';
    try {
      const list = fontCandidates();
      expect(list[0]).toBe('/opt/fonts/custom.otf');
      const firstResource = list.findIndex((f) => f.includes(`${path.sep}resources${path.sep}fonts${path.sep}`));
      const firstSystem = list.findIndex((f) => f.startsWith('/usr/share/fonts'));
      expect(firstResource).toBeGreaterThan(0);
      if (process.platform === 'linux') expect(firstSystem).toBeGreaterThan(firstResource);
    } finally {
      if (before === undefined) delete process.env.CASE_REVIEW_FONT;
      else process.env.CASE_REVIEW_FONT = before;
    }
  });
});
