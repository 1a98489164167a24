// Over 400 lines on purpose: the contenders, their child processes and the one figure table they are
// compared in belong to one run; split, a reader would have to join them again to trust a figure.
// OCR benchmark: the contenders side by side on the same pages of the
// generator's scanned volume, in one run. Each runs in a child process of its
// own, so its peak RSS is its own. Prints figures; asserts nothing.
//   npm run bench -- ocr [--seed 1] [--pages 40] [--noise moderate|heavy]
//     [--limit N] [--workers N] [--only pipeline,hybrid,tesseract-pipeline,tesseract.js,native,ocr-node] [--seals]
// Contenders:
//   pipeline            this app's engine (default strategy: PP-OCR) as the review
//                       runs it: each page taken out of the PDF (pageImage), one page
//                       ahead of the workers;
//   hybrid              the same from the PDF, strategy 'hybrid' (tesseract.js reads,
//                       PP-OCR re-reads doubtful lines), the measured alternative;
//   tesseract-pipeline  the same from the PDF, strategy 'tesseract' (the engine before PP-OCR);
//   tesseract.js        tesseract.js alone on the page images: psm 4, no passes;
//   native              native tesseract 5 from the PDF: `pdfimages -j` then `tesseract`
//                       per page, one chain per core, OMP_THREAD_LIMIT=1, the same model;
//   ocr-node            PP-OCRv4 through the npm wrapper @gutenye/ocr-node on the page
//                       images, one process per core (it runs in the main thread).
// Pages/min is wall time (the machine is shared: the load is printed), CPU s/page is
// user+system over all threads and processes. Native is the yardstick: "×native" is
// its wall time over the contender's in this run.
import { execFile, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { OcrEngine } from '../../electron/core/ocr/engine.js';
import type { OcrStrategy } from '../../electron/core/ocr/engine.js';
import { defaultTessdataDir } from '../../electron/core/ocr/tessdata.js';
import { countPages, pageImage } from '../../electron/core/render/index.js';
import { generateScannedVolume } from '../fixtures/generator/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { degrade, interrogationPage, printPdf, rasterise } from '../unit/ocr/scanned-page.js';
import { comparable, levenshtein, readExactly } from '../unit/ocr/scoring.js';

const run = promisify(execFile);
const LANG = 'chi_sim_std';
const CONTENDERS = ['pipeline', 'hybrid', 'tesseract-pipeline', 'tesseract.js', 'native', 'ocr-node'] as const;
type Contender = (typeof CONTENDERS)[number];

interface Args {
  seed: number;
  pages: number;
  noise: 'none' | 'moderate' | 'heavy';
  limit: number | undefined;
  workers: number;
  only: Contender[];
  seals: boolean;
}

function parseArgs(args: string[]): Args {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    seed: Number(value('seed') ?? 1),
    pages: Number(value('pages') ?? 40),
    noise: (value('noise') ?? 'moderate') as Args['noise'],
    limit: value('limit') !== undefined ? Number(value('limit')) : undefined,
    workers: Number(value('workers') ?? availableParallelism()),
    only: (value('only')?.split(',') ?? [...CONTENDERS]) as Contender[],
    seals: args.includes('--seals'),
  };
}

interface Scores {
  cer: number;
  ids: [number, number];
  phones: [number, number];
  names: [number, number];
  misses: string[];
}

function score(texts: string[], truth: CaseTruth, volume: string): Scores {
  const found = truth.files.find((f) => f.path === volume);
  if (!found) throw new Error(`no truth for ${volume}`);
  const file = { ...found, pages: found.pages.slice(0, texts.length) };
  let edits = 0;
  let chars = 0;
  file.pages.forEach((p, i) => {
    const t = comparable(p.text);
    edits += levenshtein(comparable(texts[i] ?? ''), t);
    chars += t.length;
  });
  const misses: string[] = [];
  const tally = (type: 'ID_NUMBER' | 'PHONE'): [number, number] => {
    let hit = 0;
    let all = 0;
    for (const e of truth.entities.filter((x) => x.type === type)) {
      for (const o of e.occurrences.filter((x) => x.file === volume && x.page <= texts.length)) {
        all++;
        if (readExactly(texts[o.page - 1] ?? '', o.text)) hit++;
        else misses.push(`${type} p${o.page} ${o.text}`);
      }
    }
    return [hit, all];
  };
  const ids = tally('ID_NUMBER');
  const phones = tally('PHONE');
  // Names where the rules need them: who questioned, who recorded, who was
  // questioned, who attended, who was notified.
  let nameHits = 0;
  let nameAll = 0;
  for (const d of truth.documents.filter((x) => x.file === volume && x.pageTo <= texts.length)) {
    const f = d.fields;
    if (!f) continue;
    const names = [...(f.investigators ?? []), f.recorder, f.subject, ...(f.attendees ?? []).map((a) => a.name), f.recipient].filter(
      (n): n is string => typeof n === 'string' && n.length > 0,
    );
    const docText = texts.slice(d.pageFrom - 1, d.pageTo).join('\n');
    for (const n of new Set(names)) {
      nameAll++;
      if (readExactly(docText, n)) nameHits++;
      else misses.push(`NAME ${d.title} p${d.pageFrom}-${d.pageTo} ${n}`);
    }
  }
  return { cer: chars === 0 ? 0 : edits / chars, ids, phones, names: [nameHits, nameAll], misses };
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const rate = ([a, b]: [number, number]): string => `${a}/${b} = ${b === 0 ? '–' : pct(a / b)}`;

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

/** What a contender's child process reports. */
interface Outcome {
  texts: string[];
  /** Degrees each page was turned to read it, where the contender says. */
  rotations?: number[];
  seconds: number;
  cpuSeconds: number;
  /** Peak RSS of the contender's process (workers included); for native, of one tesseract process. */
  peakRssMb: number;
  note?: string;
}

interface Job {
  contender: Contender;
  pdf: string;
  images: string[];
  workers: number;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function benchOcr(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const work = await mkdtemp(join(tmpdir(), 'bench-ocr-'));
  try {
    let t = performance.now();
    const volume = await generateScannedVolume({
      seed: args.seed,
      outDir: join(work, 'case'),
      pages: args.pages,
      dpi: 200,
      noise: args.noise,
    });
    const volumeFile = volume.truth.files[0];
    if (!volumeFile) throw new Error('the generator made no volume');
    const pdf = join(volume.folder, volumeFile.path);
    const bytes = new Uint8Array(await readFile(pdf));
    const pageCount = Math.min(args.limit ?? Infinity, await countPages({ kind: 'pdf', bytes }));
    const pages = volumeFile.pages.slice(0, pageCount);
    console.log(
      `volume: seed ${args.seed}, ${pageCount} pages, noise ${args.noise}, ${pages.filter((p) => p.colour).length} colour, turned ${pages
        .filter((p) => p.rotation !== 0)
        .map((p) => `p${p.page}:${p.rotation}`)
        .join(
          ' ',
        )} (ready in ${((performance.now() - t) / 1000).toFixed(1)} s); ${args.workers} workers/processes each, ${availableParallelism()} cores`,
    );
    t = performance.now();
    // The scan's own picture of each page, as pdfimages -j gives it: the input of the contenders that take images.
    const images: string[] = [];
    for (let p = 1; p <= pageCount; p++) {
      const img = await pageImage({ kind: 'pdf', bytes }, p, { dpi: 200 });
      const file = join(work, `p${p}.img`);
      await writeFile(file, img.image);
      images.push(file);
    }
    console.log(`page images: ${pageCount} in ${((performance.now() - t) / 1000).toFixed(1)} s (not counted)`);
    const truthScore = (texts: string[]): Scores => score(texts, volume.truth, volumeFile.path);
    const results = new Map<Contender, Outcome>();
    const report = (contender: Contender, outcome: Outcome, label: string = contender): void => {
      const s = truthScore(outcome.texts);
      const rotations = outcome.rotations;
      const wrongTurns = rotations ? pages.filter((p, i) => (p.rotation + (rotations[i] ?? 0)) % 360 !== 0).map((p) => `p${p.page}`) : null;
      console.log(
        `${label}: ${pageCount} pages in ${outcome.seconds.toFixed(1)} s = ${((pageCount / outcome.seconds) * 60).toFixed(1)} pages/min, CPU ${(outcome.cpuSeconds / pageCount).toFixed(2)} s/page, peak RSS ${outcome.peakRssMb.toFixed(0)} MB${contender === 'native' ? ' per process' : ''} · load ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}${outcome.note ? ` · ${outcome.note}` : ''}`,
      );
      console.log(
        `  CER ${pct(s.cer)} · names ${rate(s.names)} · IDs ${rate(s.ids)} · phones ${rate(s.phones)}${wrongTurns ? ` · orientation ${pages.length - wrongTurns.length}/${pages.length}${wrongTurns.length ? ` (wrong: ${wrongTurns.join(' ')})` : ''}` : ''}`,
      );
      if (s.misses.length > 0)
        console.log(`  missed: ${s.misses.slice(0, 12).join(' | ')}${s.misses.length > 12 ? ` … (+${s.misses.length - 12})` : ''}`);
    };
    const withNative = args.only.includes('native') && existsSync('/usr/bin/tesseract');
    if (args.only.includes('native') && !withNative) console.log('native: /usr/bin/tesseract missing, skipped');
    // The machine is shared and its load drifts: native runs right before and right
    // after the pipeline, and the pipeline is set against the mean of the two.
    const order: Contender[] =
      withNative && args.only.includes('pipeline')
        ? ['native', 'pipeline', 'native', ...args.only.filter((c) => c !== 'native' && c !== 'pipeline')]
        : args.only.filter((c) => c !== 'native' || withNative);
    const nativeRuns: Outcome[] = [];
    for (const contender of order) {
      const outcome = await inChild({ contender, pdf, images, workers: args.workers });
      if (contender === 'native') nativeRuns.push(outcome);
      results.set(contender, contender === 'native' ? meanOutcome(nativeRuns) : outcome);
      report(
        contender,
        outcome,
        contender === 'native' && order.filter((c) => c === 'native').length > 1 ? `native (run ${nativeRuns.length})` : contender,
      );
    }
    const native = results.get('native');
    if (native) {
      console.log(
        `\n${nativeRuns.length > 1 ? `native: the mean of its ${nativeRuns.length} runs (before and after the pipeline). ` : ''}×native: native's pages/min (or CPU s/page) over the contender's.`,
      );
      console.log('| contender | CER | names | IDs | phones | pages/min | ×native (wall) | CPU s/page | ×native (CPU) | peak RSS MB |');
      console.log('|---|---|---|---|---|---|---|---|---|---|');
      for (const [contender, o] of results) {
        const s = truthScore(o.texts);
        console.log(
          `| ${contender} | ${pct(s.cer)} | ${s.names[0]}/${s.names[1]} | ${s.ids[0]}/${s.ids[1]} | ${s.phones[0]}/${s.phones[1]} | ${((pageCount / o.seconds) * 60).toFixed(1)} | ${(native.seconds / o.seconds).toFixed(2)} | ${(o.cpuSeconds / pageCount).toFixed(2)} | ${(native.cpuSeconds / o.cpuSeconds).toFixed(2)} | ${o.peakRssMb.toFixed(0)}${contender === 'native' ? ` (×${args.workers} processes)` : ''} |`,
        );
      }
    }
    if (args.seals) await compareRedInk();
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function meanOutcome(runs: readonly Outcome[]): Outcome {
  const mean = (f: (o: Outcome) => number): number => runs.reduce((n, o) => n + f(o), 0) / runs.length;
  return {
    ...(runs[0] as Outcome),
    seconds: mean((o) => o.seconds),
    cpuSeconds: mean((o) => o.cpuSeconds),
    peakRssMb: Math.max(...runs.map((o) => o.peakRssMb)),
  };
}

/** Runs one contender in a child process of its own (tsx's loader comes with execArgv). */
function inChild(job: Job): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let outcome: Outcome | null = null;
    child.on('message', (m: { outcome?: Outcome; error?: string }) => {
      if (m.outcome) outcome = m.outcome;
      if (m.error) reject(new Error(`${job.contender}: ${m.error}`));
    });
    child.on('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`${job.contender} exited with ${code}`))));
    child.send(job);
  });
}

async function runContender(job: Job): Promise<Outcome> {
  switch (job.contender) {
    case 'pipeline':
      return await readPdfWithEngine(job, 'ppocr');
    case 'hybrid':
      return await readPdfWithEngine(job, 'hybrid');
    case 'tesseract-pipeline':
      return await readPdfWithEngine(job, 'tesseract');
    case 'tesseract.js':
      return await readWithTesseractJs(job);
    case 'native':
      return await readWithNative(job);
    case 'ocr-node':
      return await readWithOcrNode(job);
  }
}

const peakRss = (): number => process.resourceUsage().maxRSS / 1024;

/** The review's way (ocr-stage.ts): each page taken out of the PDF one page ahead of the workers. */
async function readPdfWithEngine(job: Job, strategy: OcrStrategy): Promise<Outcome> {
  const t0 = performance.now();
  const engine = await OcrEngine.create({ strategy, workers: job.workers });
  const start = (performance.now() - t0) / 1000;
  try {
    const bytes = new Uint8Array(await readFile(job.pdf));
    const t = performance.now();
    const c = cpuNow();
    const pages = await mapLimit(
      job.images.map((_, i) => i + 1),
      engine.workerCount + 1,
      async (p) => {
        const img = await pageImage({ kind: 'pdf', bytes }, p, { dpi: 200 });
        return await engine.recognize(img.image);
      },
    );
    const { stats } = engine;
    return {
      texts: pages.map((p) => p.text),
      rotations: pages.map((p) => p.rotation),
      seconds: (performance.now() - t) / 1000,
      cpuSeconds: cpuNow() - c,
      peakRssMb: peakRss(),
      note: `${engine.engineId}, start ${start.toFixed(1)} s not counted; lines ${stats.lines}${strategy === 'hybrid' ? `, read again ${stats.reread}, replaced ${stats.replaced}, added ${stats.added}` : ''}`,
    };
  } finally {
    await engine.close();
  }
}

/** tesseract.js with nothing of the pipeline around it: the images as native gets them, one reading each. */
async function readWithTesseractJs(job: Job): Promise<Outcome> {
  const scheduler = Tesseract.createScheduler();
  try {
    for (let i = 0; i < job.workers; i++) {
      scheduler.addWorker(
        await Tesseract.createWorker([LANG], Tesseract.OEM.LSTM_ONLY, { langPath: defaultTessdataDir(), cacheMethod: 'none', gzip: true }),
      );
    }
    const images = await Promise.all(job.images.map((f) => readFile(f)));
    // Each worker reads one page before the clock starts, as the pipeline's engine does at create().
    await Promise.all(images.slice(0, job.workers).map((img) => scheduler.addJob('recognize', img)));
    const t = performance.now();
    const c = cpuNow();
    const texts = await Promise.all(
      images.map(
        async (img) =>
          (
            await scheduler.addJob('recognize', img, {
              tessedit_pageseg_mode: Tesseract.PSM.SINGLE_COLUMN,
              user_defined_dpi: '200',
            } as Partial<Tesseract.RecognizeOptions>)
          ).data.text,
      ),
    );
    return { texts, seconds: (performance.now() - t) / 1000, cpuSeconds: cpuNow() - c, peakRssMb: peakRss() };
  } finally {
    await scheduler.terminate();
  }
}

async function readWithNative(job: Job): Promise<Outcome> {
  const work = await mkdtemp(join(tmpdir(), 'bench-native-'));
  try {
    const tessdata = join(work, 'tessdata');
    await mkdir(tessdata, { recursive: true });
    await writeFile(
      join(tessdata, `${LANG}.traineddata`),
      gunzipSync(await readFile(join(defaultTessdataDir(), `${LANG}.traineddata.gz`))),
    );
    let peakKb = 0;
    let cpu = 0;
    const timed = async (cmd: string, cmdArgs: string[]): Promise<void> => {
      const { stderr } = await run('/usr/bin/time', ['-f', 'RSS=%M CPU=%U+%S', cmd, ...cmdArgs], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      });
      const m = /RSS=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(stderr);
      peakKb = Math.max(peakKb, Number(m?.[1] ?? 0));
      cpu += Number(m?.[2] ?? 0) + Number(m?.[3] ?? 0);
    };
    const t = performance.now();
    const texts = await mapLimit(
      job.images.map((_, i) => i + 1),
      job.workers,
      async (p) => {
        const base = join(work, `p${p}`);
        await timed('pdfimages', ['-f', String(p), '-l', String(p), '-j', job.pdf, base]);
        const made = (await readdir(work)).filter((f) => f.startsWith(`p${p}-`)).sort();
        if (made.length !== 1) throw new Error(`pdfimages gave ${made.length} images for page ${p}`);
        await timed('tesseract', [
          join(work, made[0] as string),
          base,
          '--tessdata-dir',
          tessdata,
          '-l',
          LANG,
          '--oem',
          '1',
          '--psm',
          '4',
          '--dpi',
          '200',
        ]);
        return readFile(`${base}.txt`, 'utf8');
      },
    );
    return { texts, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu, peakRssMb: peakKb / 1024 };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The npm wrapper as a peer: it runs ONNX Runtime in the calling thread, so it
 * gets one process per core like native tesseract, each with its share of pages.
 */
async function readWithOcrNode(job: Job): Promise<Outcome> {
  if (process.env.BENCH_OCR_NODE_SHARE) {
    const [k, n] = process.env.BENCH_OCR_NODE_SHARE.split('/').map(Number) as [number, number];
    const { default: Ocr } = await import('@gutenye/ocr-node');
    const ocr = await Ocr.create();
    const texts: Record<number, string> = {};
    const c = cpuNow();
    for (let i = k; i < job.images.length; i += n) {
      const lines = await ocr.detect(job.images[i] as string);
      texts[i] = lines.map((l: { text: string }) => l.text).join('\n');
    }
    return {
      texts: Object.values(texts),
      rotations: Object.keys(texts).map(Number),
      seconds: 0,
      cpuSeconds: cpuNow() - c,
      peakRssMb: peakRss(),
    };
  }
  const t = performance.now();
  const shares = await Promise.all(
    Array.from(
      { length: job.workers },
      (_, k) =>
        new Promise<Outcome>((resolve, reject) => {
          const child = fork(fileURLToPath(import.meta.url), ['--child'], {
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
            env: { ...process.env, BENCH_OCR_NODE_SHARE: `${k}/${job.workers}` },
          });
          let outcome: Outcome | null = null;
          child.on('message', (m: { outcome?: Outcome; error?: string }) => {
            if (m.outcome) outcome = m.outcome;
            if (m.error) reject(new Error(m.error));
          });
          child.on('exit', (code) => (outcome ? resolve(outcome) : reject(new Error(`ocr-node share exited with ${code}`))));
          child.send(job);
        }),
    ),
  );
  const texts = new Array<string>(job.images.length).fill('');
  // Each share sends its texts with their page indices in `rotations`.
  for (const s of shares)
    s.texts.forEach((text, j) => {
      texts[s.rotations?.[j] ?? 0] = text;
    });
  return {
    texts,
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: shares.reduce((n, s) => n + s.cpuSeconds, 0),
    peakRssMb: Math.max(...shares.map((s) => s.peakRssMb)),
    note: `peak RSS per process, ×${job.workers} processes`,
  };
}

/**
 * A date under a red seal, read with and without dropping red ink. The
 * generator's colour scans tint the whole page, so their seals are not red:
 * this uses the test page with a red seal (test/unit/ocr/scanned-page.ts),
 * degraded with several seeds.
 */
async function compareRedInk(): Promise<void> {
  const printed = interrogationPage();
  const [page] = await rasterise(await printPdf(printed.html), 200);
  if (!page) return;
  const seeds = [1, 2, 3, 4, 5, 6];
  const scans = await Promise.all(seeds.map((seed) => degrade(page, { seed })));
  const date = printed.truth.sealedDate;
  for (const dropRedInk of [true, false]) {
    const engine = await OcrEngine.create({ dropRedInk });
    try {
      const pages = await Promise.all(scans.map((scan) => engine.recognize(scan)));
      let exact = 0;
      let edits = 0;
      let chars = 0;
      let pageEdits = 0;
      let pageChars = 0;
      const target = comparable(date);
      for (const p of pages) {
        if (p.lines.some((l) => l.text === date)) exact++;
        // The date's line is the last one on the page; score the best-matching line.
        edits += Math.min(target.length, ...p.lines.map((l) => levenshtein(comparable(l.text), target)));
        chars += target.length;
        const truth = comparable(printed.truth.lines.join('\n'));
        pageEdits += levenshtein(comparable(p.text), truth);
        pageChars += truth.length;
      }
      console.log(
        `date under a red seal, red ink ${dropRedInk ? 'dropped' : 'kept   '}: ${pages.length} scans, date exact ${exact}/${pages.length}, date CER ${pct(edits / chars)}, page CER ${pct(pageEdits / pageChars)}`,
      );
    } finally {
      await engine.close();
    }
  }
}

if (process.argv.includes('--child')) {
  process.once('message', (job: Job) => {
    runContender(job).then(
      (outcome) => process.send?.({ outcome }, () => process.exit(0)),
      (err: unknown) => process.send?.({ error: (err as Error).stack ?? String(err) }, () => process.exit(1)),
    );
  });
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchOcr(process.argv.slice(2));
}
