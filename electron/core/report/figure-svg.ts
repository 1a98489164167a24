// The timeline figure as SVG: inline in the HTML report, and the source of the
// DOCX's PNG. Same shapes as the PDF draws.
import type { FigureLayout, Shape } from './timeline-figure.js';

// Text is drawn by librsvg through fontconfig (PNG) or by the browser (HTML), from
// the fonts installed: these are the CJK families of the platforms we ship to.
const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => Number(x.toFixed(2));

export function figureSvg(layout: FigureLayout): string {
  const body = layout.shapes.map(shapeSvg).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" font-family="${esc(FONT_FAMILY)}"><rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`;
}

function shapeSvg(s: Shape): string {
  switch (s.t) {
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash} ${s.dash}"` : ''}/>`;
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"${s.opacity !== undefined ? ` fill-opacity="${s.opacity}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${s.r}" fill="${s.fill}"/>`;
    case 'text':
      // y names the top of the text; SVG places the baseline.
      return `<text x="${n(s.x)}" y="${n(s.y + s.size * 0.88)}" font-size="${s.size}" fill="${s.color}" text-anchor="${s.anchor}"${s.bold ? ' font-weight="bold"' : ''}>${esc(s.text)}</text>`;
  }
}
