// Finding a CJK font for the PDF. Fonts are never fetched: the app's own
// resources/fonts first (packaging copies one there), then the fonts the
// operating system ships with Chinese support.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CjkFont {
  file: string;
  /** PostScript name of the face inside a collection (.ttc); pdfkit needs it to pick one. */
  face?: string;
  /** The bold face, when the family has one beside the regular. */
  bold?: { file: string; face?: string };
}

export class MissingCjkFontError extends Error {
  constructor(searched: string[]) {
    super(
      `找不到中文字体，无法生成 PDF 报告 (no CJK font found for the PDF report). ` +
        `请安装 Noto Sans CJK SC 或文泉驿正黑，或将字体文件放入 resources/fonts/，或用环境变量 CASE_REVIEW_FONT 指定字体文件。` +
        ` Searched: ${searched.join(', ')}`,
    );
    this.name = 'MissingCjkFontError';
  }
}

// Faces of a collection we prefer, in order: Simplified Chinese first.
const PREFERRED_FACES = [
  /^NotoSansCJKsc-/,
  /^NotoSansSC-/,
  /^SourceHanSansSC-/,
  /^WenQuanYiZenHei$/,
  /^MicrosoftYaHei$/,
  /^PingFangSC-Regular$/,
  /^STHeitiSC-/,
  /^SimSun$/,
  /^NotoSerifCJKsc-/,
  /^SimHei$/,
];

const RESOURCE_FONT_FILES = [
  'NotoSansCJK-Regular.ttc',
  'NotoSansCJKsc-Regular.otf',
  'NotoSansSC-Regular.otf',
  'NotoSansSC-Regular.ttf',
  'SourceHanSansSC-Regular.otf',
  'wqy-zenhei.ttc',
];

function systemFontFiles(): string[] {
  const winFonts = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  switch (process.platform) {
    case 'win32':
      return ['msyh.ttc', 'msyh.ttf', 'simsun.ttc', 'simhei.ttf', 'Deng.ttf'].map((f) => path.join(winFonts, f));
    case 'darwin':
      return [
        '/System/Library/Fonts/PingFang.ttc',
        '/System/Library/Fonts/STHeiti Light.ttc',
        '/System/Library/Fonts/STHeiti Medium.ttc',
        '/System/Library/Fonts/Supplemental/Songti.ttc',
        '/Library/Fonts/Arial Unicode.ttf',
        path.join(os.homedir(), 'Library/Fonts/NotoSansCJK-Regular.ttc'),
      ];
    default:
      return [
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
        '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
        '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
        '/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc',
        '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
        '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
      ];
  }
}

/** resources/fonts of the app: beside the sources in development, under process.resourcesPath when packaged. */
function resourceFontDirs(): string[] {
  const dirs: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) dirs.push(path.join(resourcesPath, 'fonts'), path.join(resourcesPath, 'resources', 'fonts'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    dirs.push(path.join(dir, 'resources', 'fonts'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dirs;
}

export function fontCandidates(): string[] {
  const fromEnv = process.env.CASE_REVIEW_FONT ? [process.env.CASE_REVIEW_FONT] : [];
  const fromResources = resourceFontDirs().flatMap((d) => RESOURCE_FONT_FILES.map((f) => path.join(d, f)));
  return [...fromEnv, ...fromResources, ...systemFontFiles()];
}

/** The first usable CJK font; throws MissingCjkFontError with the places searched. */
export function findCjkFont(candidates: string[] = fontCandidates()): CjkFont {
  for (const file of candidates) {
    const font = openFont(file);
    if (!font) continue;
    const boldFile = file.replace(/Regular(?=\.tt[cf]$|\.otf$)/, 'Bold');
    const bold = boldFile !== file ? openFont(boldFile) : null;
    return bold ? { ...font, bold } : font;
  }
  throw new MissingCjkFontError(candidates);
}

function openFont(file: string): { file: string; face?: string } | null {
  let buf: Buffer;
  try {
    if (!fs.statSync(file).isFile()) return null;
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  const faces = postScriptNames(buf);
  if (faces === null) return null;
  if (buf.toString('latin1', 0, 4) !== 'ttcf') return { file };
  const face = PREFERRED_FACES.map((re) => faces.find((f) => re.test(f))).find(Boolean) ?? faces[0];
  return face ? { file, face } : null;
}

/**
 * PostScript names (name id 6) of the faces in a TrueType/OpenType file or
 * collection, or null when the bytes are not a font. Read by hand because
 * pdfkit picks a face of a .ttc only by this name.
 */
export function postScriptNames(buf: Buffer): string[] | null {
  if (buf.length < 12) return null;
  const tag = buf.toString('latin1', 0, 4);
  let offsets: number[];
  if (tag === 'ttcf') {
    const n = buf.readUInt32BE(8);
    if (n === 0 || n > 64 || buf.length < 12 + 4 * n) return null;
    offsets = Array.from({ length: n }, (_, i) => buf.readUInt32BE(12 + 4 * i));
  } else if (tag === 'OTTO' || tag === 'true' || buf.readUInt32BE(0) === 0x00010000) {
    offsets = [0];
  } else {
    return null;
  }
  const names: string[] = [];
  for (const off of offsets) {
    const name = faceName(buf, off);
    if (name) names.push(name);
  }
  return names;
}

function faceName(buf: Buffer, dirOffset: number): string | null {
  if (dirOffset + 12 > buf.length) return null;
  const numTables = buf.readUInt16BE(dirOffset + 4);
  for (let i = 0; i < numTables; i++) {
    const rec = dirOffset + 12 + 16 * i;
    if (rec + 16 > buf.length) return null;
    if (buf.toString('latin1', rec, rec + 4) !== 'name') continue;
    const table = buf.readUInt32BE(rec + 8);
    if (table + 6 > buf.length) return null;
    const count = buf.readUInt16BE(table + 2);
    const strings = table + buf.readUInt16BE(table + 4);
    let fallback: string | null = null;
    for (let j = 0; j < count; j++) {
      const r = table + 6 + 12 * j;
      if (r + 12 > buf.length) break;
      const platform = buf.readUInt16BE(r);
      const nameId = buf.readUInt16BE(r + 6);
      const length = buf.readUInt16BE(r + 8);
      const start = strings + buf.readUInt16BE(r + 10);
      if (nameId !== 6 || start + length > buf.length) continue;
      if (platform === 3 || platform === 0) {
        // UTF-16BE
        if (length % 2 !== 0) continue;
        const bytes = Buffer.from(buf.subarray(start, start + length));
        bytes.swap16();
        return bytes.toString('utf16le');
      }
      if (platform === 1) fallback = buf.toString('latin1', start, start + length);
    }
    return fallback;
  }
  return null;
}
