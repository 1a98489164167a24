// Two programs on one store, as when the desk is open while the CLI reviews: another case is
// reviewed side by side; the same case waits, says why, and then finds everything already read.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTextPdf } from '../support/text-pdf.js';
import { openRawStore } from '../support/store-key.js';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;
let db: string;

function cli(folder: string, out: string): { done: Promise<number | null>; stderr: () => string } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repo, 'electron/cli/main.ts'), 'review', folder, '--out', out, '--db', db],
    { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  return { done: new Promise((resolve) => child.once('exit', (code) => resolve(code))), stderr: () => err };
}

async function until(test: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-two-'));
  db = path.join(root, 'cases.db');
  for (const name of ['甲案', '乙案']) fs.mkdirSync(path.join(root, name));
  for (let i = 1; i <= 4; i++) {
    const pdf = path.join(root, `p${i}.pdf`);
    await writeTextPdf(pdf, [`询问笔录\n时间：2024年3月${i}日9时至10时\n询问人：郑凯、冯磊\n被询问人：李娜\n问：第${i}页。\n答：好的。`]);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-gray', '-singlefile', pdf, path.join(root, '甲案', `询问笔录-${i}`)]);
  }
  fs.writeFileSync(path.join(root, '乙案', '立案决定书.txt'), '立案决定书\n决定对吴某诈骗案立案侦查。\n二〇二四年三月五日');
}, 120_000);

describe('two programs on one store (issue 15)', () => {
  it('review two cases side by side, and take turns on one case', async () => {
    const first = cli(path.join(root, '甲案'), path.join(root, 'out-1'));
    // the first program holds the case and is reading it when the others start (its first page
    // is read during ingest, so waiting for the OCR stage would leave only three pages to read)
    await until(() => /\[ingest\] 0\/4 /.test(first.stderr()), 120_000);
    const other = cli(path.join(root, '乙案'), path.join(root, 'out-other'));
    const same = cli(path.join(root, '甲案'), path.join(root, 'out-2'));
    expect(await other.done).toBe(0);
    expect(other.stderr()).not.toContain('等待');
    expect(await first.done).toBe(0);
    expect(await same.done).toBe(0);
    expect(same.stderr()).toMatch(/等待：该案件正在由另一程序审查（命令行 case-review，进程 \d+）/);
    // the second found every page already read by the first
    const d = openRawStore(db, { readonly: true });
    const jobs = d
      .prepare("SELECT j.progress_json FROM jobs j JOIN cases c ON c.id = j.case_id WHERE c.name = '甲案' ORDER BY j.created_at, j.rowid")
      .all() as { progress_json: string }[];
    d.close();
    expect(jobs.map((j) => (JSON.parse(j.progress_json) as { stages: { ocr: unknown } }).stages.ocr)).toEqual([
      { pagesRead: 4, alreadyRead: 0 },
      { pagesRead: 0, alreadyRead: 4 },
    ]);
    const a = JSON.parse(fs.readFileSync(path.join(root, 'out-1', 'review.json'), 'utf8')) as { documents: unknown[]; entities: unknown[] };
    const b = JSON.parse(fs.readFileSync(path.join(root, 'out-2', 'review.json'), 'utf8')) as { documents: unknown[]; entities: unknown[] };
    expect(b.documents).toEqual(a.documents);
    expect(b.entities).toEqual(a.entities);
  }, 300_000);
});
