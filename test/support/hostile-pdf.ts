// PDFs written object by object, with the cross-reference table computed, so a test can
// put in what no PDF library writes on request: JavaScript on open and on close, a
// /Launch action, a form field's script, an attached file.

/** A Chinese line as UTF-16BE hex for a Type0 font with the UniGB-UCS2-H CMap. */
export function ucs2Hex(text: string): string {
  return [...text]
    .map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();
}

/** A PDF of these objects (1-based: objects[0] is "1 0 obj"), object 1 the catalog. */
export function writePdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: string | Buffer) => {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'),
    bytes,
    Buffer.from('\nendstream', 'latin1'),
  ]);
};

/** A PDF string literal with its special characters escaped. */
const lit = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

export interface ActivePdfOptions {
  /** Lines of Chinese text on the page (drawn in STSong-Light, not embedded). */
  lines: string[];
  /** A file the /Launch action and the scripts would create if anything ran them. */
  witness: string;
  /** The attachment's name and content. */
  attachment: { name: string; content: string };
}

/**
 * One page of text, and every way a PDF can ask a viewer to act: JavaScript run on open
 * (/OpenAction), on close (/AA /WC), on page open (/AA /O), in the document's named scripts
 * and in a form field's keystroke action; a /Launch action on open of the page and behind a
 * link; an embedded file the scripts try to export and launch.
 */
export function activePdf(o: ActivePdfOptions): Buffer {
  const js = `app.alert("pwned"); this.exportDataObject({ cName: ${JSON.stringify(o.attachment.name)}, nLaunch: 2 }); app.launchURL("file://${o.witness}");`;
  const launch = `<< /Type /Action /S /Launch /F << /Type /Filespec /F ${lit('/usr/bin/touch')} /UF ${lit('/usr/bin/touch')} >> /NewWindow true /Win << /F ${lit('/usr/bin/touch')} /P ${lit(o.witness)} /O (open) >> >>`;
  const content = ['BT', '/F1 18 Tf', '72 760 Td', '24 TL', ...o.lines.map((l) => `<${ucs2Hex(l)}> Tj T*`), 'ET'].join('\n');
  return writePdf([
    // 1 catalog
    `<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /AA << /WC 6 0 R /WS 6 0 R /DP 6 0 R >>
       /Names << /JavaScript << /Names [(init) 5 0 R] >> /EmbeddedFiles << /Names [${lit(o.attachment.name)} 8 0 R] >> >>
       /AcroForm << /Fields [10 0 R] /NeedAppearances true >> >>`,
    // 2 pages
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    // 3 the page: a launch on page open, a link that launches, a form field with a script
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R
       /AA << /O ${launch} /C 6 0 R >> /Annots [9 0 R 10 0 R 12 0 R] >>`,
    // 4 a Type0 font over STSong-Light, which pdf.js maps through its CMaps
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [11 0 R] >>',
    // 5 JavaScript on open
    `<< /Type /Action /S /JavaScript /JS ${lit(js)} /Next ${launch} >>`,
    // 6 JavaScript on close, save and print
    `<< /Type /Action /S /JavaScript /JS ${lit(js)} >>`,
    // 7 the page's text
    stream('', content),
    // 8 the attachment's file specification
    `<< /Type /Filespec /F ${lit(o.attachment.name)} /UF ${lit(o.attachment.name)} /EF << /F 13 0 R >> /Desc (payload) >>`,
    // 9 a link whose action launches
    `<< /Type /Annot /Subtype /Link /Rect [72 600 300 630] /Border [0 0 0] /A ${launch} >>`,
    // 10 a text field whose keystroke, format and calculate actions are scripts
    `<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (x) /Rect [72 500 300 530] /P 3 0 R
       /AA << /K 6 0 R /F 6 0 R /C 6 0 R /Fo 6 0 R >> /DA (/Helv 12 Tf 0 g) >>`,
    // 11 the CID font
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 14 0 R /DW 1000 >>',
    // 12 the attachment as a file-attachment annotation too
    '<< /Type /Annot /Subtype /FileAttachment /Rect [400 700 420 720] /FS 8 0 R /Name /Paperclip >>',
    // 13 the attached file
    stream('/Type /EmbeddedFile /Subtype /application#2Fx-sh', o.attachment.content),
    // 14
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
