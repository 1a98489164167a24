// The hostile inputs of issue 15 that are hostile by their size, each reviewed through the
// service with a fresh (encrypted) store in a process of its own (so the peak memory is that review's):
// time per stage, wall time and peak RSS. The tests assert what is read and bound memory;
// time is measured here, never asserted.
//   npm run bench -- hostile [--only=volume|files|scan] [--pages=2000] [--files=10000]
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../../electron/core/service.js';
import { peakRssMb, rssMb, stageClock, writeHugeScan, writeLongVolume, writeManySmallFiles, SCAN_SIDE } from '../support/hostile-corpus.js';
import { reviewFolder } from '../support/review-case.js';

const WORKLOADS = ['volume', 'files', 'scan'] as const;
type Workload = (typeof WORKLOADS)[number];
const SELF = fileURLToPath(import.meta.url);
const arg = (args: string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function runOne(what: Workload, args: string[]): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-hostile-'));
  try {
    const folder = path.join(root, '案卷');
    fs.mkdirSync(folder);
    let label: string;
    const t0 = performance.now();
    if (what === 'volume') {
      const pages = Number(arg(args, 'pages') ?? 2000);
      await writeLongVolume(path.join(folder, '卷宗.pdf'), pages);
      label = `PDF of ${pages} pages (${(fs.statSync(path.join(folder, '卷宗.pdf')).size / 1e6).toFixed(1)} MB)`;
    } else if (what === 'files') {
      const files = Number(arg(args, 'files') ?? 10_000);
      writeManySmallFiles(folder, files);
      label = `folder of ${files} small files`;
    } else {
      await writeHugeScan(path.join(folder, '扫描件.png'));
      label = `${SCAN_SIDE}×${SCAN_SIDE} scan (${(fs.statSync(path.join(folder, '扫描件.png')).size / 1e6).toFixed(1)} MB PNG)`;
    }
    const made = performance.now() - t0;
    // encrypted, as the app's and the CLI's stores are
    const service = createService({ dbPath: path.join(root, 'store', 'case.db'), key: crypto.randomBytes(32) });
    const clock = stageClock(service);
    const before = rssMb();
    const { review, ms } = await reviewFolder(folder, { service });
    const stages = clock.stop();
    await service.close();
    console.log(
      `${label} (made in ${(made / 1000).toFixed(1)} s): reviewed in ${(ms / 1000).toFixed(1)} s — ${review.files.length} files, ${review.pages.length} pages, ${review.documents.length} documents, ${review.errors.length} errors`,
    );
    console.log(
      `  stages (ms): ${Object.entries(stages)
        .map(([s, t]) => `${s} ${t}`)
        .join(', ')}`,
    );
    console.log(`  RSS ${before} MB before the review, peak ${peakRssMb()} MB`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function benchHostile(args: string[]): Promise<void> {
  const only = arg(args, 'only') as Workload | undefined;
  if (only && !WORKLOADS.includes(only)) throw new Error(`--only=${WORKLOADS.join('|')}`);
  for (const w of only ? [only] : WORKLOADS) {
    // a process each: peak RSS is a process's, and one review's memory must not hide another's
    const child = fork(SELF, [`--only=${w}`, ...args.filter((a) => !a.startsWith('--only='))], {
      execArgv: process.execArgv,
      stdio: 'inherit',
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`bench hostile --only=${w} exited ${code}`);
  }
}

// The child: one workload.
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const args = process.argv.slice(2);
  await runOne(arg(args, 'only') as Workload, args);
}
