// Document numbers: 越公（刑）拘字〔2024〕0211号, however the year is bracketed.

const DOC_NUMBER =
  /([\u4e00-\u9fff]{1,12}(?:[（(][\u4e00-\u9fff]{1,4}[)）])?[\u4e00-\u9fff]{0,6})\s*[〔[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*([\u4e00-\u9fff]{0,4}?)\s*(第?)\s*(\d{1,6})\s*号/u;

// A court's or procuratorate's case number leads with the year: （2016）湘0111刑初733号,
// （2011）杭下刑初字第129号, 〔2019〕京0113刑初12号.
const COURT_NUMBER =
  /[（(〔[［]\s*((?:19|20)\d{2})\s*[)）〕\]］]\s*([\u4e00-\u9fff]{1,3}\d{0,6}[\u4e00-\u9fff]{1,8}?(?:字)?(?:第)?\s*\d{1,6}(?:[-－]\d{1,3})?)\s*号/u;

/** 越公（刑）拘字〔2024〕0211号, however the year is bracketed; null when the form has none. */
export function readDocumentNumber(text: string): string | null {
  // A court number heads its paper, before any other paper's number the text cites.
  const head = text.slice(0, 240);
  const court = COURT_NUMBER.exec(head);
  if (court && !/(?:以|据|依)[\u4e00-\u9fff]{0,12}$/.test(head.slice(Math.max(0, court.index - 14), court.index))) {
    return `（${court[1]}）${(court[2] ?? '').replace(/\s/g, '')}号`;
  }
  const lines = text.split('\n').slice(0, 40);
  for (const raw of lines) {
    const line = raw.replace(/^\s*(?:文号|编号|文书编号)\s*[：:]\s*/, '');
    const m = DOC_NUMBER.exec(line);
    if (!m) continue;
    // 根据…第八十二条 in prose is not a number; a number's prefix is an organ abbreviation.
    const prefix = (m[1] ?? '').replace(/^.*?(?:根据|依照|经|以|于|用)/, '');
    const ownLine = line.trim().startsWith(m[0].trim()) || line.trim().startsWith(prefix);
    if (!ownLine && !/[字检公鉴法院局所]|[（(]/.test(prefix + (m[3] ?? ''))) continue;
    const open = /[〔[［【(（]/.exec(line.slice(m.index + (m[1] ?? '').length))?.[0] ?? '〔';
    const close = { '〔': '〕', '[': ']', '［': '］', '【': '】', '(': ')', '（': '）' }[open] ?? '〕';
    return `${prefix}${open}${m[2]}${close}${m[3] ?? ''}${m[4] ?? ''}${m[5]}号`;
  }
  return null;
}
