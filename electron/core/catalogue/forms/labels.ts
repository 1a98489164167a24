// "label：value" on a printed form: the value after a label on its line, with the label's
// variants (姓名、单位 after it, a character OCR misread, spaces between its characters).

export interface Found {
  value: string;
  line: string;
  index: number;
}

/** The value after a label on its line ("侦查员：郑凯、冯磊", "被拘留人 张三 性别 男"). */
export function labelled(text: string, labels: readonly string[], from = 0, fuzzy = false, requireColon = false): Found | null {
  // 姓名、单位 (及单位, 和工作单位) as printed, or with one character of it misread (姊名、单位, 姓名，单位).
  const suffix = `(?:[^\\s：:]?名[、，,.及和与/]?(?:工作)?单[位立]|姓名|\\s*[（(](?:签名|签字|盖章|姓名)[)）])?`;
  const re = new RegExp(`(?<!被)(?:${labels.join('|')})${suffix}\\s*[：:]${requireColon ? '' : '?'}[ \\t\\u3000]*([^\\n]*)`, 'g');
  re.lastIndex = from;
  let m = re.exec(text);
  if (!m && fuzzy) {
    // A label OCR damaged (侦査员, 记灵员, 地炎): one character off, and then a colon to be sure.
    const variants = labels.flatMap((l) => {
      const cs = [...l];
      if (cs.length < 2) return [];
      if (cs.length === 2) return [`(?<=^|\\n)[ \\t\\u3000“"|]*${cs[0]}[^\\s：:、，]`];
      // One character misread, possibly as two glyphs (见iE人 for 见证人).
      return cs.map((_, i) => cs.map((c, j) => (j === i ? '[^\\s：:、，被]{1,2}' : c)).join(''));
    });
    if (variants.length) {
      const fz = new RegExp(`(?<!被)(?:${variants.join('|')})${suffix}\\s*[：:][ \\t\\u3000]*([^\\n]*)`, 'g');
      fz.lastIndex = from;
      m = fz.exec(text);
    }
  }
  if (!m) return null;
  const lineStart = text.lastIndexOf('\n', m.index) + 1;
  const lineEnd = text.indexOf('\n', m.index);
  const value = (m[1] ?? '').trim();
  // "记录员：" ending its line, the value printed on the next (a table cell below its label): take
  // that line, unless it is a field or a question of its own.
  if (value === '' && /[：:]\s*$/.test(m[0]) && lineEnd >= 0) {
    // One blank line between may stand for the cell's border (a Word table read paragraph by paragraph).
    const from = /^[ \t\u3000]*\n/.test(text.slice(lineEnd + 1)) ? text.indexOf('\n', lineEnd + 1) : lineEnd;
    const nextEnd = text.indexOf('\n', from + 1);
    const next = text.slice(from + 1, nextEnd < 0 ? undefined : nextEnd).trim();
    if (next && !/^[\u4e00-\u9fff、（）()]{1,12}\s*[：:]/.test(next) && !/^(问|答)/.test(next)) {
      return { value: next, line: `${text.slice(lineStart, lineEnd).trim()} ${next}`, index: m.index };
    }
  }
  return { value, line: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim(), index: m.index };
}

// A value ends where the next "label：" on the same line begins.
export function cutAtNextLabel(value: string): string {
  // Or, where OCR lost the gap between two cells, where a person's label and its colon begin
  // ("王德松犯罪嫌疑人：林娟").
  return (
    value
      .split(
        /\s+(?=[\u4e00-\u9fff（）()]{2,10}\s*[：:])|\s{2,}|(?=(?:犯罪嫌疑人|被讯问人|被询问人|被害人|记录员|记录人|侦查员|侦查人员|询问人|讯问人|见证人|持有人|保管人)\s*[：:])/,
      )[0]
      ?.trim() ?? ''
  );
}

/**
 * A field that begins its line, label then colon ("犯罪嫌疑人：郑波江，男…"), or label then a gap as a
 * Word table's two cells read ("犯罪嫌疑人姓名 慕容伟"): the form's own field, not prose naming the label
 * ("犯罪嫌疑人郑波江因涉嫌…").
 */
export function fieldAtLineStart(text: string, labels: readonly string[]): Found | null {
  const head = new RegExp(`^[ \\t\\u3000]*(?:${labels.join('|')})(?:姓名)?(?:\\s*[：:]|[ \\t\\u3000]+(?=\\S))`);
  let from = 0;
  for (;;) {
    const found = labelled(text, labels, from);
    if (!found) return null;
    const lineStart = text.lastIndexOf('\n', found.index) + 1;
    const lineEnd = text.indexOf('\n', found.index);
    if (head.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd))) return found;
    from = found.index + 1;
  }
}
