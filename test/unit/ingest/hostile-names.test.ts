// File names that try to mislead or break: "..", a right-to-left override, invisible
// characters, a newline, 255 bytes of Chinese. The walk lists each file under its real
// name; where a name is shown to a person it is shown with its hidden characters visible;
// the export folder's name fits the file system.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, visibleName } from '../../../shared/names.js';
import { isSystemFile, walkCaseFolder } from '../../../electron/core/ingest/walk.js';
import { exportFolderName } from '../../../electron/core/report/outputs.js';
import { buildReportModel } from '../../../electron/core/report/model.js';
import type { ReviewJson } from '../../../shared/review.js';

const RLO = '\u202E';
/** 85 Chinese characters: 255 bytes of UTF-8, the most one name may hold. */
const LONGEST = '阅'.repeat(85);

describe('visibleName', () => {
  it('shows a right-to-left override, isolates, zero-width characters, a BOM and a newline by their code points', () => {
    expect(visibleName(`讯问笔录${RLO}fdp.exe`)).toBe('讯问笔录‹U+202E›fdp.exe');
    expect(visibleName('扣押\u200B清单\u2066x\u2069.pdf')).toBe('扣押‹U+200B›清单‹U+2066›x‹U+2069›.pdf');
    expect(visibleName('\uFEFF情况\n说明\t.txt')).toBe('‹U+FEFF›情况‹U+000A›说明‹U+0009›.txt');
    expect(visibleName('a\u061Cb\u200Fc\u2028d')).toBe('a‹U+061C›b‹U+200F›c‹U+2028›d');
  });

  it('leaves ordinary names alone, Chinese punctuation, spaces and dots included', () => {
    for (const name of ['卷一/讯问笔录（第1次）.pdf', '..x/..….pdf', 'Scan 2024-03-05.PDF', '张三、李四：情况说明.txt', LONGEST]) {
      expect(visibleName(name)).toBe(name);
      expect(hasHiddenCharacters(name)).toBe(false);
    }
    expect(hasHiddenCharacters(`a${RLO}b`)).toBe(true);
  });
});

describe('the export folder of a case', () => {
  const stamp = '2026-12-06-23-30';

  it('a 255-byte case name is cut by bytes, never inside a character, so "-<stamp>" fits in 255 bytes', () => {
    const name = exportFolderName(LONGEST, stamp);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toBe(`${'阅'.repeat(79)}-${stamp}`);
    // a name of 4-byte characters is cut between them too
    const emoji = exportFolderName('𠀀'.repeat(70), stamp);
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(255);
    expect(emoji).toMatch(new RegExp(`^(𠀀)+-${stamp}$`, 'u'));
  });

  it('separators, Windows-reserved characters and hidden characters become "_"; trailing dots go', () => {
    expect(exportFolderName(`张三${RLO}案/卷:一*?`, stamp)).toBe(`张三_案_卷_一__-${stamp}`);
    expect(exportFolderName('..', stamp)).toBe(`case-${stamp}`);
    expect(exportFolderName('..x', stamp)).toBe(`..x-${stamp}`);
    expect(exportFolderName('案卷. . ', stamp)).toBe(`案卷-${stamp}`);
  });

  it('can be created on this file system, where the name before the fix could not', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-names-'));
    fs.mkdirSync(path.join(root, exportFolderName(LONGEST, stamp)));
    expect(() => fs.mkdirSync(path.join(root, `${LONGEST}-${stamp}`))).toThrow(/ENAMETOOLONG/);
  });
});

describe('walking a folder of hostile names', () => {
  it('lists every file under its real name: "..x", "..…", "...", a right-to-left override, a newline, 255 bytes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-walk-'));
    const names = [
      '..x/..….pdf',
      '..x/...',
      '...txt',
      `情况说明${RLO}gnp.txt`,
      '扣押\u200B清单.txt',
      '情况\n说明.txt',
      `${'阅'.repeat(83)}_1.pdf`,
      `${LONGEST}/${LONGEST}`,
    ];
    for (const n of names) {
      fs.mkdirSync(path.dirname(path.join(root, n)), { recursive: true });
      fs.writeFileSync(path.join(root, n), 'x');
    }
    // what tools leave beside the papers is still skipped
    for (const junk of ['.DS_Store', '._情况说明.txt', '~$讯问笔录.docx', '.~lock.扣押清单.docx#', 'Thumbs.db'])
      fs.writeFileSync(path.join(root, junk), 'x');
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'x');
    const { entries, problems } = await walkCaseFolder(root);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.rel).sort()).toEqual([...names].sort());
    for (const e of entries) expect(fs.readFileSync(e.abs, 'utf8')).toBe('x');
    expect(Buffer.byteLength(path.basename(`${'阅'.repeat(83)}_1.pdf`))).toBe(255);
  });

  it('skips the files tools leave, and no longer every name that begins with a dot', () => {
    for (const junk of [
      '.DS_Store',
      '._x.pdf',
      '~$x.docx',
      '.~lock.x.docx#',
      'Thumbs.db',
      'desktop.ini',
      '.git',
      '.Trashes',
      '$RECYCLE.BIN',
    ])
      expect(isSystemFile(junk)).toBe(true);
    for (const name of ['..x', '..…', '.扣押清单.pdf', '...']) expect(isSystemFile(name)).toBe(false);
  });
});

describe('the report of a case with hostile names', () => {
  it('shows each name with its hidden characters visible, while review.json keeps it as it is', () => {
    const file = `情况说明${RLO}gnp.txt`;
    const review: ReviewJson = {
      schema: 'case-review/1',
      case: { id: 'c1', name: `张三${RLO}案`, folder: `/cases/张三${RLO}案`, reviewedAt: '2026-12-06T12:00:00.000Z' },
      files: [{ path: file, sha256: 'a'.repeat(64), pages: 1 }],
      pages: [{ file, page: 1, source: 'txt', confidence: null, text: '情况说明' }],
      documents: [{ id: 'd1', type: 'NARRATIVE', title: '情况说明', file, pageFrom: 1, pageTo: 1, date: null, number: null }],
      entities: [],
      events: [],
      findings: [],
      errors: [{ file: '情况\n说明.pdf', message: 'PDF 文件已损坏，无法解析（corrupt PDF）', stage: 'ingest' }],
    } as unknown as ReviewJson;
    const model = buildReportModel(review, { locale: 'zh-CN', appVersion: 'test', now: new Date(0) });
    const shown = JSON.stringify(model);
    expect(shown).not.toContain(RLO);
    expect(shown).not.toContain('情况\\n说明');
    expect(model.caseName).toBe('张三‹U+202E›案');
    expect(shown).toContain('情况说明‹U+202E›gnp.txt');
    expect(shown).toContain('情况‹U+000A›说明.pdf');
    expect(review.files[0]!.path).toBe(file);
  });
});
