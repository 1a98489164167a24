// A Word form's header is a table: label in one cell, value in the next (or under it in the
// same cell). Its text keeps each row on one line so that the fields read as printed.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCaseFolder } from '../../../electron/core/ingest/ingest.js';
import { TEXT_ENGINE } from '../../../electron/core/ingest/read-file.js';
import { openDatabase } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { docxHtmlToText } from '../../../electron/core/ingest/docx-text.js';
import { readCaseFile } from '../../../electron/core/ingest/read-file.js';
import { readFields } from '../../../electron/core/catalogue/fields.js';

const cell = (...lines: string[]) =>
  new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })),
  });

async function recordDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('询问笔录')] }),
          new Table({
            rows: [
              // label | value in two cells
              new TableRow({ children: [cell('时间：'), cell('2022年6月14日15时05分至16时20分')] }),
              new TableRow({ children: [cell('地点：'), cell('某市公安局某派出所询问室')] }),
              // label and value as two paragraphs of one cell
              new TableRow({ children: [cell('询问人：', '蒋立新、范小川'), cell('记录人：', '范小川')] }),
              new TableRow({ children: [cell('被询问人：'), cell('柯玉梅')] }),
            ],
          }),
          new Paragraph('问：我们是某派出所民警，现依法向你询问。'),
          new Paragraph('答：好的。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('DOCX text', () => {
  it('puts a table row on one line, a label cell joined to its value', async () => {
    const read = await readCaseFile(await recordDocx(), 'docx');
    const text = read.pages[0]!.text!;
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        '时间：2022年6月14日15时05分至16时20分',
        '地点：某市公安局某派出所询问室',
        '询问人：蒋立新、范小川  记录人：范小川',
        '被询问人：柯玉梅',
      ]),
    );
    const f = readFields('INQUIRY_RECORD', text, '2022-06-14').fields;
    expect(f).toMatchObject({
      start: '2022-06-14T15:05:00+08:00',
      place: '某市公安局某派出所询问室',
      investigators: ['蒋立新', '范小川'],
      recorder: '范小川',
      subject: '柯玉梅',
    });
  });

  it('decodes entities and keeps paragraphs one per line', () => {
    expect(docxHtmlToText('<p>甲&amp;乙 &lt;丙&gt;</p><h1>标题</h1><ul><li>一</li><li>二</li></ul><p>末&#x4E00;</p>')).toBe(
      '甲&乙 <丙>\n标题\n一\n二\n末一',
    );
  });
});

describe('a Word file read by an older text reader', () => {
  it('is read again when the case is opened again', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-docx-'));
    fs.writeFileSync(path.join(folder, '询问笔录.docx'), await recordDocx());
    const store = new CaseStore(openDatabase(':memory:'));
    const kase = store.openCase(folder, '柯玉梅被盗案');
    await ingestCaseFolder(store, kase, () => {});
    const sha = store.listFiles(kase.id)[0]!.sha256!;
    const now = store.getPage(sha, 1)!;
    // as text/1 stored it: every cell a paragraph of its own
    store.recordPage({ ...now, text: '时间：\n\n2022年6月14日15时05分至16时20分', engine: 'text/1' });
    const again = await ingestCaseFolder(store, kase, () => {});
    expect(again.extracted).toBe(1);
    expect(store.getPage(sha, 1)).toMatchObject({
      engine: TEXT_ENGINE,
      text: expect.stringContaining('时间：2022年6月14日15时05分至16时20分'),
    });
    // and a file already read by this reader is not read twice
    expect((await ingestCaseFolder(store, kase, () => {})).reused).toBe(1);
    store.close();
  });
});
