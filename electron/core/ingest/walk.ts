import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FolderEntry {
  /** Path relative to the case folder, always with '/' separators. */
  rel: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

export interface WalkProblem {
  rel: string;
  message: string;
}

// What scanners, Windows Explorer, macOS Finder, office programs and version control leave
// beside case documents. A name that merely begins with a dot is not among them: on Windows,
// where case folders come from, "..卷二" or ".扣押清单.pdf" is an ordinary visible name, and
// skipping it would lose the papers without a word.
const SYSTEM_FILES = new Set([
  'thumbs.db',
  'desktop.ini',
  'ehthumbs.db',
  'icon\r',
  '.ds_store',
  '.localized',
  '.directory',
  '.trashes',
  '.spotlight-v100',
  '.fseventsd',
  '.temporaryitems',
  '.documentrevisions-v100',
  '.apdisk',
  '$recycle.bin',
  'system volume information',
  '.git',
  '.svn',
  '.hg',
]);

export function isSystemFile(name: string): boolean {
  const lower = name.toLowerCase();
  // ._x: macOS's AppleDouble shadow of x; ~$x and .~lock.x#: Office's and LibreOffice's locks.
  return SYSTEM_FILES.has(lower) || lower.startsWith('._') || lower.startsWith('~$') || lower.startsWith('.~lock.');
}

// One collator for the whole walk: localeCompare with a locale pays for one per comparison
// (10,000 names sorted in 0.66 s here, against 20 ms with one).
const byName = new Intl.Collator('zh-Hans-CN', { numeric: true });

/**
 * Lists the case documents under a folder. Symlinked files are read through (a case folder
 * assembled with links is still that case); symlinked folders are not followed, since a
 * link back up the tree would loop. Unreadable entries are reported, never fatal.
 */
export async function walkCaseFolder(root: string): Promise<{ entries: FolderEntry[]; problems: WalkProblem[] }> {
  const entries: FolderEntry[] = [];
  const problems: WalkProblem[] = [];
  async function visit(dir: string, relDir: string): Promise<void> {
    let names: Dirent[];
    try {
      names = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ rel: relDir || '.', message: `无法读取文件夹：${(err as Error).message}` });
      return;
    }
    names.sort((a, b) => byName.compare(a.name, b.name));
    for (const d of names) {
      if (isSystemFile(d.name)) continue;
      const abs = path.join(dir, d.name);
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      try {
        if (d.isDirectory()) {
          await visit(abs, rel);
          continue;
        }
        const st = d.isSymbolicLink() ? await fs.stat(abs) : await fs.lstat(abs);
        if (st.isDirectory()) {
          problems.push({ rel, message: '已跳过符号链接的文件夹（可能形成循环）' });
          continue;
        }
        if (!st.isFile()) {
          problems.push({ rel, message: '不是普通文件，已跳过' });
          continue;
        }
        entries.push({ rel, abs, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
      } catch (err) {
        problems.push({ rel, message: `无法读取：${(err as Error).message}` });
      }
    }
  }
  await visit(root, '');
  return { entries, problems };
}
