// The report as PDF, drawn with pdfkit so the CLI needs no browser. The CJK font
// is embedded (subset) so the text layer extracts as the characters it shows.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { CjkFont } from './fonts.js';
import { TONE_COLORS, type Block, type Column, type ReportModel, type Run } from './model.js';
import { layoutTimeline, type Shape } from './timeline-figure.js';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 58, bottom: 58, left: 50, right: 50 };
const CONTENT_W = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const INK = '#1a1a1a';
const HEADING = '#1f3864';
const RULE = '#8eaadb';
const HEADER_FILL = '#d9e2f3';

export async function writeReportPdf(model: ReportModel, file: string, font: CjkFont, now: Date): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: model.locale,
    info: { Title: `${model.title} · ${model.caseName}`, Creator: `case-review ${model.appVersion}`, CreationDate: now, ModDate: now },
    displayTitle: true,
  });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('body', font.file, font.face);
  // Without a bold face headings use the regular one: registering the same face twice
  // under two names makes pdfkit re-read the whole font file on every switch.
  if (font.bold) doc.registerFont('bold', font.bold.file, font.bold.face);
  new PdfReport(doc, model, font.bold ? 'bold' : 'body').render();
  doc.end();
  await done;
}

class PdfReport {
  private readonly tocSlots: { id: string; y: number }[] = [];
  private readonly sectionPages = new Map<string, number>();

  constructor(
    private readonly doc: Doc,
    private readonly model: ReportModel,
    private readonly bold: string,
  ) {}

  render(): void {
    const { doc, model } = this;
    doc
      .font(this.bold)
      .fontSize(22)
      .fillColor(HEADING)
      .text(model.title, MARGIN.left, MARGIN.top + 10, { width: CONTENT_W, align: 'center' });
    doc.moveDown(0.3);
    doc.font('body').fontSize(14).fillColor(INK).text(model.caseName, { width: CONTENT_W, align: 'center' });
    doc.moveDown(1.2);

    // Contents: page numbers are only known at the end, so the lines are drawn now and numbered later.
    doc.font(this.bold).fontSize(12).fillColor(HEADING).text(model.text.toc, MARGIN.left, doc.y, { width: CONTENT_W });
    doc.moveDown(0.3);
    model.sections.forEach((s, i) => {
      const y = doc.y;
      doc
        .font('body')
        .fontSize(10)
        .fillColor(INK)
        .text(`${i + 1}. ${s.title}`, MARGIN.left + 12, y, { width: CONTENT_W - 60, goTo: s.id });
      this.tocSlots.push({ id: s.id, y });
      doc.y = y + 16;
    });
    doc.y += 12;

    model.sections.forEach((s, i) => {
      if (i > 0) this.ensure(110);
      this.sectionPages.set(s.id, this.pageIndex() + 1);
      doc.addNamedDestination(s.id);
      doc.outline.addItem(`${i + 1}. ${s.title}`);
      this.sectionHeading(`${i + 1}. ${s.title}`);
      s.blocks.forEach((b, k) => {
        // A heading stays on the page with the paragraphs under it (a finding is read as one piece).
        if (b.kind === 'heading') this.ensure(Math.min(360, 40 + this.paragraphsHeight(s.blocks.slice(k + 1))));
        this.block(b);
      });
      doc.y += 8;
    });
    this.finishPages();
  }

  private pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  private paragraphsHeight(blocks: Block[]): number {
    let h = 0;
    let seenParagraph = false;
    for (const b of blocks) {
      // A run of headings (违法 → F1) stays with the first paragraphs under the last of them.
      if (b.kind === 'heading' && !seenParagraph) {
        h += 28;
        continue;
      }
      if (b.kind !== 'paragraph') break;
      seenParagraph = true;
      const { size, width } = paragraphBox(b.style ?? 'body');
      this.doc.font('body').fontSize(size);
      h += this.doc.heightOfString(b.runs.map((r) => r.text).join(''), { width, lineGap: 2 }) + 4;
    }
    return h;
  }

  private sectionHeading(text: string): void {
    const { doc } = this;
    this.ensure(60);
    doc.font(this.bold).fontSize(15).fillColor(HEADING).text(text, MARGIN.left, doc.y, { width: CONTENT_W });
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + CONTENT_W, y)
      .lineWidth(0.8)
      .strokeColor(HEADING)
      .stroke();
    doc.y = y + 8;
  }

  private block(b: Block): void {
    const { doc } = this;
    switch (b.kind) {
      case 'heading': {
        // Space for the heading and what follows it was reserved by render().
        const size = b.level === 2 ? 12.5 : 10.5;
        doc.y += b.level === 2 ? 6 : 4;
        doc
          .font(this.bold)
          .fontSize(size)
          .fillColor(b.tone ? TONE_COLORS[b.tone] : HEADING)
          .text(b.text, MARGIN.left, doc.y, { width: CONTENT_W });
        doc.y += 3;
        return;
      }
      case 'paragraph':
        this.paragraph(b.runs, b.style ?? 'body');
        return;
      case 'fields':
        this.table(
          [
            { header: '', width: 28 },
            { header: '', width: 72 },
          ],
          b.rows.map((r) => [r.label, r.value]),
          { header: false, size: 9.5, labelColumn: true },
        );
        return;
      case 'table':
        this.table(b.columns, b.rows, { header: true, size: b.columns.length > 6 ? 7.5 : 8 });
        return;
      case 'timeline':
        this.timeline(b);
        return;
    }
  }

  private paragraph(runs: Run[], style: 'body' | 'quote' | 'caption'): void {
    const { doc } = this;
    const { size, indent, width } = paragraphBox(style);
    const whole = runs.map((r) => r.text).join('');
    doc.font('body').fontSize(size);
    const height = doc.heightOfString(whole, { width, lineGap: 2 });
    // A short paragraph stays whole; a long one may flow onto the next page.
    if (height < 120) this.ensure(height + 4);
    const x = MARGIN.left + indent;
    const y = doc.y;
    runs.forEach((r, i) => {
      const color = r.tone ? TONE_COLORS[r.tone] : style === 'quote' ? '#404040' : style === 'caption' ? '#595959' : INK;
      doc
        .font(r.bold ? this.bold : 'body')
        .fontSize(size)
        .fillColor(color);
      const opts = { width, lineGap: 2, continued: i < runs.length - 1, align: style === 'caption' ? ('center' as const) : undefined };
      if (i === 0) doc.text(r.text, x, y, opts);
      else doc.text(r.text, opts);
    });
    if (style === 'quote' && doc.y > y) {
      doc
        .moveTo(MARGIN.left + 6, y)
        .lineTo(MARGIN.left + 6, doc.y)
        .lineWidth(1.5)
        .strokeColor('#bfbfbf')
        .stroke();
    }
    doc.x = MARGIN.left;
    doc.y += 4;
  }

  private table(columns: Column[], rows: string[][], o: { header: boolean; size: number; labelColumn?: boolean }): void {
    const { doc } = this;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CONTENT_W);
    const pad = 3;
    const cellFont = (col: number, text: string, header: boolean): { name: string; size: number } => {
      if (header || (o.labelColumn && col === 0)) return { name: this.bold, size: o.size };
      // Hashes and ID numbers a size smaller: they are looked up, not read.
      if (columns[col]?.mono) return { name: 'body', size: o.size - 0.5 };
      return { name: 'body', size: o.size };
    };
    const measure = (cells: string[], header: boolean) =>
      Math.max(
        ...cells.map((text, c) => {
          const f = cellFont(c, text, header);
          doc.font(f.name).fontSize(f.size);
          return doc.heightOfString(text || ' ', { width: (widths[c] ?? 0) - 2 * pad, lineGap: 1 });
        }),
      ) +
      2 * pad;
    const drawRow = (cells: string[], header: boolean, height: number) => {
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((text, c) => {
        const w = widths[c] ?? 0;
        if (header) doc.rect(x, y, w, height).fill(HEADER_FILL);
        else if (o.labelColumn && c === 0) doc.rect(x, y, w, height).fill('#f2f2f2');
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(RULE).stroke();
        const f = cellFont(c, text, header);
        doc
          .font(f.name)
          .fontSize(f.size)
          .fillColor(INK)
          .text(text, x + pad, y + pad, { width: w - 2 * pad, lineGap: 1 });
        x += w;
      });
      doc.x = MARGIN.left;
      doc.y = y + height;
    };
    const headerCells = columns.map((c) => c.header);
    const headerH = o.header ? measure(headerCells, true) : 0;
    if (o.header) {
      this.ensure(headerH + measure(rows[0] ?? [], false));
      drawRow(headerCells, true, headerH);
    }
    for (const row of rows) {
      const h = measure(row, false);
      if (doc.y + h > BOTTOM) {
        doc.addPage();
        // The header repeats on every page the table runs over.
        if (o.header) drawRow(headerCells, true, headerH);
      }
      drawRow(row, false, h);
    }
    doc.y += 8;
  }

  private timeline(b: Extract<Block, { kind: 'timeline' }>): void {
    const { doc } = this;
    const layout = layoutTimeline(b.figure, CONTENT_W, this.model.text);
    this.ensure(layout.height + 30);
    const ox = MARGIN.left;
    const oy = doc.y + 4;
    for (const s of layout.shapes) this.shape(s, ox, oy);
    doc.x = MARGIN.left;
    doc.y = oy + layout.height + 4;
    this.paragraph([{ text: b.caption }], 'caption');
    doc.y += 6;
  }

  private shape(s: Shape, ox: number, oy: number): void {
    const { doc } = this;
    switch (s.t) {
      case 'line':
        doc.save();
        doc
          .moveTo(ox + s.x1, oy + s.y1)
          .lineTo(ox + s.x2, oy + s.y2)
          .lineWidth(s.width)
          .strokeColor(s.color);
        if (s.dash) doc.dash(s.dash, { space: s.dash });
        doc.stroke();
        doc.restore();
        return;
      case 'rect':
        doc.save();
        if (s.opacity !== undefined) doc.fillOpacity(s.opacity);
        doc.rect(ox + s.x, oy + s.y, s.w, s.h).fill(s.fill);
        doc.restore();
        return;
      case 'circle':
        doc.circle(ox + s.cx, oy + s.cy, s.r).fill(s.fill);
        return;
      case 'text': {
        doc
          .font(s.bold ? this.bold : 'body')
          .fontSize(s.size)
          .fillColor(s.color);
        const w = doc.widthOfString(s.text);
        const x = s.anchor === 'start' ? s.x : s.anchor === 'middle' ? s.x - w / 2 : s.x - w;
        doc.text(s.text, ox + x, oy + s.y, { lineBreak: false });
        return;
      }
    }
  }

  /** Running header, footer with "第 x 页 共 y 页", and the contents' page numbers. */
  private finishPages(): void {
    const { doc, model } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      // Writing inside the bottom margin would otherwise start a new page.
      doc.page.margins.bottom = 0;
      doc.font('body').fontSize(8).fillColor('#7f7f7f');
      if (i > range.start) {
        doc.text(`${model.title} · ${model.caseName}`, MARGIN.left, 30, { width: CONTENT_W, align: 'left', lineBreak: false });
        doc
          .moveTo(MARGIN.left, 42)
          .lineTo(MARGIN.left + CONTENT_W, 42)
          .lineWidth(0.4)
          .strokeColor('#bfbfbf')
          .stroke();
      }
      const fy = PAGE.height - 40;
      doc
        .moveTo(MARGIN.left, fy - 6)
        .lineTo(MARGIN.left + CONTENT_W, fy - 6)
        .lineWidth(0.4)
        .strokeColor('#bfbfbf')
        .stroke();
      doc.font('body').fontSize(8).fillColor('#7f7f7f');
      doc.text(model.generatedAt, MARGIN.left, fy, { width: CONTENT_W / 3, align: 'left', lineBreak: false });
      doc.text(pageOf(model, i - range.start + 1, total), MARGIN.left + CONTENT_W / 3, fy, {
        width: CONTENT_W / 3,
        align: 'center',
        lineBreak: false,
      });
      doc.text(`case-review ${model.appVersion}`, MARGIN.left + (2 * CONTENT_W) / 3, fy, {
        width: CONTENT_W / 3,
        align: 'right',
        lineBreak: false,
      });
      if (i === range.start) {
        doc.font('body').fontSize(10).fillColor(INK);
        for (const slot of this.tocSlots) {
          const page = this.sectionPages.get(slot.id);
          if (page !== undefined)
            doc.text(String(page), MARGIN.left + CONTENT_W - 40, slot.y, { width: 40, align: 'right', lineBreak: false });
        }
      }
      doc.page.margins.bottom = saved;
    }
  }
}

export function pageOf(model: ReportModel, page: number, total: number): string {
  const [before, middle, after] = model.text.footer;
  return `${before}${page}${middle}${total}${after}`;
}

function paragraphBox(style: 'body' | 'quote' | 'caption'): { size: number; indent: number; width: number } {
  const size = style === 'body' ? 10 : style === 'quote' ? 9 : 8;
  const indent = style === 'quote' ? 16 : 0;
  return { size, indent, width: CONTENT_W - indent };
}
