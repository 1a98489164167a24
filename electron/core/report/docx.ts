// The report as DOCX for reviewers who edit it further: real heading styles (so
// Word's navigation pane and contents work), tables with repeating header rows,
// the timeline figure as a PNG.
import fs from 'node:fs/promises';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { figurePng } from './figure-image.js';
import { TONE_COLORS, type Block, type Column, type ReportModel, type Run } from './model.js';
import { layoutTimeline } from './timeline-figure.js';

// A4 with 2 cm margins, in twentieths of a point.
const PAGE_W = 11906;
const MARGIN = 1134;
const CONTENT_TWIPS = PAGE_W - 2 * MARGIN;
const CONTENT_PX = Math.floor((CONTENT_TWIPS / 1440) * 96);
const FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Microsoft YaHei', cs: 'Arial' };
const HEADING_COLOR = '1F3864';
const hex = (c: string) => c.replace('#', '').toUpperCase();

type Child = Paragraph | Table | TableOfContents;

export async function writeReportDocx(model: ReportModel, file: string): Promise<void> {
  const children: Child[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: model.title })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: model.caseName, size: 28 })],
    }),
    new TableOfContents(model.text.toc, { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  for (const [i, section] of model.sections.entries()) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun({ text: `${i + 1}. ${section.title}` })] }),
    );
    for (const b of section.blocks) children.push(...(await blockToDocx(b, model)));
  }
  const [before, middle, after] = model.text.footer;
  const doc = new Document({
    creator: `case-review ${model.appVersion}`,
    title: `${model.title} · ${model.caseName}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 } },
        title: { run: { font: FONT, size: 44, bold: true, color: HEADING_COLOR } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { before: 200, after: 60 } } },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE_W, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: `${model.title} · ${model.caseName}`, size: 16, color: '7F7F7F' })] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${model.generatedAt}    `, size: 16, color: '7F7F7F' }),
                  new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after], size: 16, color: '7F7F7F' }),
                  new TextRun({ text: `    case-review ${model.appVersion}`, size: 16, color: '7F7F7F' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  await fs.writeFile(file, buf);
}

async function blockToDocx(b: Block, model: ReportModel): Promise<Child[]> {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          keepNext: true,
          children: [new TextRun({ text: b.text, color: b.tone ? hex(TONE_COLORS[b.tone]) : undefined })],
        }),
      ];
    case 'paragraph':
      return [paragraph(b.runs, b.style ?? 'body')];
    case 'fields':
      return [
        table(
          [
            { header: '', width: 28 },
            { header: '', width: 72 },
          ],
          b.rows.map((r) => [r.label, r.value]),
          false,
        ),
        spacer(),
      ];
    case 'table':
      return [table(b.columns, b.rows, true), spacer()];
    case 'timeline': {
      const layout = layoutTimeline(b.figure, 515, model.text);
      const { png } = await figurePng(layout);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: CONTENT_PX, height: Math.round((CONTENT_PX * layout.height) / layout.width) },
              altText: { name: 'timeline', title: model.text.sections.timeline, description: b.caption },
            }),
          ],
        }),
        paragraph([{ text: b.caption }], 'caption'),
      ];
    }
  }
}

function paragraph(runs: Run[], style: 'body' | 'quote' | 'caption'): Paragraph {
  const size = style === 'body' ? 20 : style === 'quote' ? 18 : 16;
  const baseColor = style === 'quote' ? '404040' : style === 'caption' ? '595959' : undefined;
  return new Paragraph({
    alignment: style === 'caption' ? AlignmentType.CENTER : undefined,
    indent: style === 'quote' ? { left: 360 } : undefined,
    border: style === 'quote' ? { left: { style: BorderStyle.SINGLE, size: 12, color: 'BFBFBF', space: 6 } } : undefined,
    spacing: { after: 80 },
    children: runs.map((r) => new TextRun({ text: r.text, bold: r.bold, size, color: r.tone ? hex(TONE_COLORS[r.tone]) : baseColor })),
  });
}

function table(columns: Column[], rows: string[][], header: boolean): Table {
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * CONTENT_TWIPS));
  const size = columns.length > 6 ? 15 : 16;
  const border = { style: BorderStyle.SINGLE, size: 4, color: '8EAADB' };
  const cell = (text: string, col: number, isHeader: boolean, labelColumn: boolean) =>
    new TableCell({
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 70, right: 70 },
      shading: isHeader
        ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' }
        : labelColumn
          ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }
          : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [
              new TextRun({
                text: line,
                size,
                bold: isHeader || labelColumn,
                font: columns[col]?.mono && /^[\x20-\x7e]*$/.test(line) ? 'Consolas' : undefined,
              }),
            ],
          }),
      ),
    });
  const out: TableRow[] = [];
  if (header)
    out.push(new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true, false)) }));
  for (const row of rows)
    out.push(new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false, !header && i === 0)) }));
  return new Table({ width: { size: CONTENT_TWIPS, type: WidthType.DXA }, columnWidths: widths, rows: out });
}

const spacer = () => new Paragraph({ spacing: { after: 60 }, children: [] });
