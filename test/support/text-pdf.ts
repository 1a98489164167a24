import fs from 'node:fs';
import PDFDocument from 'pdfkit';

// Debian's fonts-wqy-zenhei (installed by .ci/run): embeds as TrueType, so the text layer
// maps back to the characters exactly.
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

/** A minimal text PDF, one string per page, for tests that need a real text layer quickly. */
export function writeTextPdf(file: string, pages: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { Title: 'test', CreationDate: new Date(0) } });
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
    for (const text of pages) {
      doc.addPage();
      doc.font('cjk').fontSize(14).text(text, 72, 72, { width: 450 });
    }
    doc.end();
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}
