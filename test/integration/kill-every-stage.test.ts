// A review killed (SIGKILL: no cleanup at all) inside each stage, then run again: the second run
// finishes, reads no file and no page a second time, and its review.json is the one an
// uninterrupted run writes. The kill is placed by CASE_REVIEW_KILL_AT (electron/core/pipeline/fault.ts).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { BACKEND_PROCESS_ENV } from '../../electron/core/process-env.js';
import type { ReviewJson } from '../../shared/review.js';
import { writeTextPdf } from '../support/text-pdf.js';
import { lastJobCounts } from '../support/review-case.js';
import { openRawStore } from '../support/store-key.js';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;
let folder: string;
let reference: unknown;

// Where each stage is killed: the n-th unit of its work (a file, a page), or as it begins.
const KILL_POINTS = ['ingest:2', 'ocr:1', 'catalogue:0', 'entities:1', 'timeline:0', 'rules:0', 'report:1'] as const;

/** review.json without what differs between two stores by construction: the case's id and review time. */
function comparable(file: string): unknown {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as ReviewJson;
  const { id: _id, reviewedAt: _at, ...kase } = r.case as ReviewJson['case'] & { reviewedAt?: string };
  return { ...r, case: kase };
}

function stored(db: string): { files: number; ocrPages: number } {
  const d = openRawStore(db, { readonly: true, fileMustExist: true });
  try {
    const files = (d.prepare("SELECT count(*) n FROM files WHERE status = 'ok'").get() as { n: number }).n;
    const ocrPages = (d.prepare("SELECT count(*) n FROM pages WHERE source = 'ocr'").get() as { n: number }).n;
    return { files, ocrPages };
  } finally {
    d.close();
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-kill-'));
  folder = path.join(root, '周某盗窃案');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(folder, '01立案决定书.pdf'), [
    '立案决定书\n某公刑立字〔2024〕31号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对周某盗窃案立案侦查。\n二〇二四年三月五日',
  ]);
  fs.writeFileSync(
    path.join(folder, '02拘留证.txt'),
    '拘留证\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人周建军执行拘留，送某县看守所羁押。\n本证已于2024年3月5日20时15分向我宣布。\n被拘留人：周建军\n看守所收到被拘留人时间：2024年3月5日22时10分',
  );
  fs.writeFileSync(
    path.join(folder, '03拘留通知书.txt'),
    '拘留通知书\n周海：\n我局已于2024年3月5日20时15分将涉嫌盗窃罪的周建军刑事拘留，现羁押在某县看守所。\n某县公安局\n二〇二四年三月五日\n已于2024年3月7日9时电话通知周海（系被拘留人周建军之父）。',
  );
  const lines = [
    '讯问笔录（第1次）',
    '时间：2024年3月6日9时10分至10时30分',
    '地点：某县看守所讯问室',
    '侦查员：郑凯、冯磊',
    '记录员：冯磊',
    '被讯问人：周建军',
  ];
  for (let i = 1; i <= 2; i++) {
    const pdf = path.join(root, `p${i}.pdf`);
    await writeTextPdf(pdf, [
      i === 1 ? lines.join('\n') : '问：你把经过讲一下。\n答：我在车库偷了一辆电动车。\n以上笔录我看过，和我说的相符。',
    ]);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-gray', '-singlefile', pdf, path.join(folder, `04讯问笔录-${i}`)]);
  }
  expect(await main(['review', folder, '--out', path.join(root, 'reference'), '--db', path.join(root, 'reference.db')])).toBe(0);
  reference = comparable(path.join(root, 'reference', 'review.json'));
}, 300_000);

describe('a review killed inside each stage (issue 15)', () => {
  it.each(KILL_POINTS)(
    'killed at %s: the next run finishes, reads nothing twice, and writes the same review.json',
    async (point) => {
      const db = path.join(root, `${point.replace(':', '-')}.db`);
      // One process (tsx as a loader, not its CLI, which would run the review in a child of its own; the
      // backend's environment given, so the CLI does not run itself again in a child either).
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(repo, 'electron/cli/main.ts'),
          'review',
          folder,
          '--out',
          path.join(root, `killed-${point.replace(':', '-')}`),
          '--db',
          db,
        ],
        {
          cwd: repo,
          stdio: 'ignore',
          env: { ...process.env, ...BACKEND_PROCESS_ENV, CASE_REVIEW_KILL_AT: point },
        },
      );
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      expect(signal, 'the run was killed, not finished').toBe('SIGKILL');

      const before = fs.existsSync(db) ? stored(db) : { files: 0, ocrPages: 0 };
      const out = path.join(root, `resumed-${point.replace(':', '-')}`);
      expect(await main(['review', folder, '--out', out, '--db', db])).toBe(0);
      const counts = lastJobCounts(db);
      // Nothing read twice: files recorded before the kill are reused, pages read before are not read again.
      expect(counts.ingest.extracted).toBe(5 - before.files);
      expect(counts.stages.ocr).toEqual({ pagesRead: 2 - before.ocrPages, alreadyRead: before.ocrPages });
      const resumed = comparable(path.join(out, 'review.json')) as { findings: { change?: string }[] };
      if (point === 'report:1') {
        // Killed while writing its files, the review itself had finished: the second run finds each
        // finding again, unchanged since then; otherwise it is the same review.
        expect(resumed.findings.map((f) => f.change)).toEqual(resumed.findings.map(() => 'unchanged'));
        const asFirst = { ...resumed, findings: resumed.findings.map((f) => ({ ...f, change: 'new' })) };
        expect(asFirst).toEqual(reference);
      } else {
        expect(resumed).toEqual(reference);
      }
    },
    240_000,
  );
});
