// The printed text of a form as the field readers see it: wrapped paragraphs joined, and the date
// damage OCR makes undone where the reading is unambiguous.

/**
 * Paragraphs as one line each: printed paragraphs wrap at the page edge, and a
 * date cut in two by the wrap (2024年3月\n5日) would be lost. A line joins the
 * next when it is long, is not a row of spaced cells, ends mid-sentence, and
 * the next line is not a new "label：" or a question/answer.
 */
export function flowText(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1] ?? '';
    const next = lines[i] ?? '';
    // Cells of a form row are spaced apart; a prose line has at most the one space of "4日 21:10".
    const wrapped =
      [...prev.trim()].length >= 24 &&
      (prev.trim().match(/[ \u3000]/g) ?? []).length <= 1 &&
      !/[。；;：:！？]$/.test(prev.trim()) &&
      !/^\s*([\u4e00-\u9fff、，,]{1,12}[：:]|问|答|第\s*\d+\s*页)/.test(next);
    out += (wrapped ? '' : '\n') + next;
  }
  return out;
}

/**
 * Date damage OCR makes in printed forms, undone where the reading is unambiguous:
 * 日 read as 目/曰 or as the digits "11" ("10月101114时" is 10月10日14时), 分 read as a
 * digit after two minute digits ("13时194"), 至 read as 致 between two times.
 */
export function repairOcrDates(text: string): string {
  return (
    text
      // "2 0 2 4年2月1 6日1 5时4 2分": spaces OCR put between single digits of a date.
      .replace(/(\d)\s*[肘吋]/g, '$1时')
      .replace(/(?<!\d)\d(?: \d(?!\d))+(?=\s*[年月日号时分点:：.\-/])/g, (run) => run.replace(/ /g, ''))
      .replace(/(\d{1,2}\s*月\s*\d{1,2})\s*[目曰月](?=\s*[\d上下中凌晚早傍])/g, '$1日')
      .replace(/(\d{1,2}\s*月)(\d{3,6})(?=\s*时)/g, (all: string, month: string, run: string) => {
        const readings: string[] = [];
        for (const dayLen of [1, 2]) {
          for (const junk of ['11', '1', '0', '8', '3']) {
            const day = run.slice(0, dayLen);
            if (!run.startsWith(junk, dayLen)) continue;
            const hour = run.slice(dayLen + junk.length);
            if (hour.length < 1 || hour.length > 2 || Number(day) < 1 || Number(day) > 31 || Number(hour) > 23 || /^0\d/.test(day))
              continue;
            readings.push(`${month}${day}日${hour}`);
          }
        }
        const distinct = [...new Set(readings)];
        return distinct.length === 1 ? (distinct[0] ?? all) : all;
      })
      .replace(/(\d{1,2}\s*时\s*[0-5]\d)\d(?![\d分])/g, '$1分')
      .replace(/([时分])\s*致\s*(?=\d|同日|次日|当日|翌日)/g, '$1至')
      // 19;55 after a date: a colon OCR read as a semicolon.
      .replace(/((?:\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|\d{1,2}\s*日)\s*\d{1,2})\s*[;；]\s*(\d{2})(?!\d)/g, '$1:$2')
  );
}

/**
 * A title, label or name typed with spaces between its characters (讯 问 笔 录, 记 录 员：, 张  三):
 * the characters are one word again. Only runs of single characters close up; "性别 男 民族 汉族"
 * keeps its cells.
 */
export function closeLetterSpacing(text: string): string {
  return text.replace(/(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000]{1,3}[\u4e00-\u9fff])+(?![\u4e00-\u9fff])/g, (run) =>
    run.replace(/[ \u3000]/g, ''),
  );
}

/** The printed line that holds an offset. */
export function lineAt(text: string, index: number): string {
  const s = text.lastIndexOf('\n', index) + 1;
  const e = text.indexOf('\n', index);
  return text.slice(s, e < 0 ? undefined : e).trim();
}
