// The report as one self-contained HTML page (inline CSS, inline SVG figure, no
// URLs), for the app's export button: Electron's printToPDF prints it as is.
import { TONE_COLORS, type Block, type ReportModel, type Run } from './model.js';
import { figureSvg } from './figure-svg.js';
import { layoutTimeline } from './timeline-figure.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderReportHtml(model: ReportModel): string {
  const [before, middle, after] = model.text.footer.map((s) => JSON.stringify(s)) as [string, string, string];
  const css = `
@page { size: A4; margin: 20mm 17mm 20mm 17mm;
  @bottom-left { content: ${JSON.stringify(model.generatedAt)}; font-size: 8pt; color: #7f7f7f; }
  @bottom-center { content: ${before} counter(page) ${middle} counter(pages) ${after}; font-size: 8pt; color: #7f7f7f; }
  @bottom-right { content: ${JSON.stringify(`case-review ${model.appVersion}`)}; font-size: 8pt; color: #7f7f7f; } }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Zen Hei', sans-serif;
  font-size: 10pt; color: #1a1a1a; line-height: 1.45; margin: 0 auto; max-width: 180mm; }
h1.title { text-align: center; color: #1f3864; font-size: 22pt; margin: 8mm 0 2mm; }
p.case { text-align: center; font-size: 14pt; margin: 0 0 8mm; }
nav ol { padding-left: 6mm; } nav a { color: inherit; text-decoration: none; }
h1 { font-size: 15pt; color: #1f3864; border-bottom: 0.8pt solid #1f3864; padding-bottom: 1pt; margin: 8mm 0 3mm; break-after: avoid; }
h2 { font-size: 12.5pt; color: #1f3864; margin: 5mm 0 2mm; break-after: avoid; }
h3 { font-size: 10.5pt; color: #1f3864; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin: 2mm 0 4mm; table-layout: fixed; }
th, td { border: 0.5pt solid #8eaadb; padding: 3pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #d9e2f3; } thead { display: table-header-group; } tr { break-inside: avoid; }
table.fields td:first-child { background: #f2f2f2; font-weight: bold; }
td.mono { font-size: 7.5pt; }
p { margin: 0 0 2mm; }
p.quote { margin-left: 5mm; padding-left: 3mm; border-left: 1.5pt solid #bfbfbf; color: #404040; font-size: 9pt; }
p.caption { text-align: center; color: #595959; font-size: 8pt; }
figure { margin: 2mm 0; break-inside: avoid; } figure svg { width: 100%; height: auto; }
.violation { color: ${TONE_COLORS.violation}; } .warning { color: ${TONE_COLORS.warning}; } .muted { color: ${TONE_COLORS.muted}; }
`;
  const parts: string[] = [];
  parts.push(`<h1 class="title">${esc(model.title)}</h1><p class="case">${esc(model.caseName)}</p>`);
  parts.push(
    `<nav><h2>${esc(model.text.toc)}</h2><ol>${model.sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join('')}</ol></nav>`,
  );
  model.sections.forEach((s, i) => {
    parts.push(`<section><h1 id="${s.id}">${i + 1}. ${esc(s.title)}</h1>`);
    for (const b of s.blocks) parts.push(blockHtml(b, model));
    parts.push('</section>');
  });
  return `<!doctype html>
<html lang="${model.locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${model.title} · ${model.caseName}`)}</title><style>${css}</style></head>
<body>${parts.join('\n')}</body></html>`;
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      const text = esc(r.text);
      const inner = r.bold ? `<strong>${text}</strong>` : text;
      return r.tone ? `<span class="${r.tone}">${inner}</span>` : inner;
    })
    .join('');
}

function blockHtml(b: Block, model: ReportModel): string {
  switch (b.kind) {
    case 'heading': {
      const tag = b.level === 2 ? 'h2' : 'h3';
      return `<${tag}${b.tone ? ` class="${b.tone}"` : ''}>${esc(b.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${b.style && b.style !== 'body' ? ` class="${b.style}"` : ''}>${runsHtml(b.runs)}</p>`;
    case 'fields':
      return `<table class="fields"><colgroup><col style="width:28%"><col></colgroup><tbody>${b.rows.map((r) => `<tr><td>${esc(r.label)}</td><td>${esc(r.value)}</td></tr>`).join('')}</tbody></table>`;
    case 'table': {
      const total = b.columns.reduce((a, c) => a + c.width, 0);
      const cols = b.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(1)}%">`).join('');
      const head = b.columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
      const body = b.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td${b.columns[i]?.mono ? ' class="mono"' : ''}>${esc(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'timeline':
      return `<figure>${figureSvg(layoutTimeline(b.figure, 515, model.text))}<figcaption><p class="caption">${esc(b.caption)}</p></figcaption></figure>`;
  }
}
