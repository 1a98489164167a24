import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { BACKEND_PROCESS_ENV } from '../../electron/core/process-env.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { lastJobCounts } from '../support/review-case.js';
import { openRawStore } from '../support/store-key.js';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;
let folder: string;
let db: string;
const PAGES = 4;

function ocrPages(): { sha256: string; page_no: number; text: string }[] {
  if (!fs.existsSync(db)) return [];
  const d = openRawStore(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare("SELECT sha256, page_no, text FROM pages WHERE source = 'ocr' ORDER BY sha256, page_no").all() as {
      sha256: string;
      page_no: number;
      text: string;
    }[];
  } catch {
    return [];
  } finally {
    d.close();
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-resume-'));
  folder = path.join(root, 'case');
  db = path.join(root, 'case.db');
  fs.mkdirSync(folder);
  const lines = ['询问笔录', '时间：2024年3月5日14时30分至16时05分', '询问人：郑凯、冯磊', '被询问人：李娜'];
  for (let i = 1; i <= PAGES; i++) {
    const pdf = path.join(root, `p${i}.pdf`);
    await writeTextPdf(pdf, [`${lines.join('\n')}\n第${i}页 共${PAGES}页`]);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-gray', '-singlefile', pdf, path.join(folder, `询问笔录-${i}`)]);
  }
});

describe('a review killed half-way (issue 3)', () => {
  it('resumes without reading again any page read before the kill', async () => {
    // One process: tsx as a loader (its CLI would run the review in a child that outlives the kill),
    // started with the backend's environment so the CLI does not run itself again in a child either.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repo, 'electron/cli/main.ts'), 'review', folder, '--out', path.join(root, 'out1'), '--db', db],
      { cwd: repo, stdio: 'ignore', env: { ...process.env, ...BACKEND_PROCESS_ENV } },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Kill hard (no cleanup at all) as soon as some, but not all, pages are stored.
    const deadline = Date.now() + 150_000;
    let before: ReturnType<typeof ocrPages> = [];
    while (Date.now() < deadline) {
      before = ocrPages();
      if (before.length >= 1) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    child.kill('SIGKILL');
    await exited;
    before = ocrPages();
    expect(before.length).toBeGreaterThanOrEqual(1);
    expect(before.length).toBeLessThan(PAGES);

    expect(await main(['review', folder, '--out', path.join(root, 'out2'), '--db', db])).toBe(0);
    const stats = lastJobCounts(db);
    expect(stats.stages.ocr).toEqual({ pagesRead: PAGES - before.length, alreadyRead: before.length });
    // and the pages read before the kill are exactly as they were
    const after = new Map(ocrPages().map((p) => [`${p.sha256}:${p.page_no}`, p.text]));
    expect(after.size).toBe(PAGES);
    for (const p of before) expect(after.get(`${p.sha256}:${p.page_no}`)).toBe(p.text);
  }, 300_000);
});
