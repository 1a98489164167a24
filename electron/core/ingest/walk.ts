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

export interface WalkProblem { rel: string; message: string }

// Files that scanners, Windows Explorer and macOS Finder leave beside case documents.
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db', 'icon\r', '.ds_store']);

export function isSystemFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('.') || lower.startsWith('~$') || SYSTEM_FILES.has(lower);
}

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
    names.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true }));
    for (const d of names) {
      if (isSystemFile(d.name)) continue;
      const abs = path.join(dir, d.name);
      const rel = relDir ? `${relDir}/${d.name}` : d.name;
      try {
        if (d.isDirectory()) { await visit(abs, rel); continue; }
        const st = d.isSymbolicLink() ? await fs.stat(abs) : await fs.lstat(abs);
        if (st.isDirectory()) { problems.push({ rel, message: '已跳过符号链接的文件夹（可能形成循环）' }); continue; }
        if (!st.isFile()) { problems.push({ rel, message: '不是普通文件，已跳过' }); continue; }
        entries.push({ rel, abs, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
      } catch (err) {
        problems.push({ rel, message: `无法读取：${(err as Error).message}` });
      }
    }
  }
  await visit(root, '');
  return { entries, problems };
}
