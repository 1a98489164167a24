// OCR benchmark: this pipeline against native tesseract on the generator's
// scanned volume, same page images, same model, same run. Prints figures;
// asserts nothing.
//   npx tsx test/bench/ocr.ts [--seed 1] [--pages 40] [--noise moderate]
//     [--langs chi_sim_std|chi_sim|chi_sim+eng] [--no-native] [--seals]
//     [--workers N] [--from images|pdf|both] [--plain]
// --from images: both sides get the same pre-extracted page images (the
//   scan's own JPEG of each page, as pdfimages -j gives it), not timed.
// --from pdf: both sides start from the PDF and the time includes getting
//   each page out of it: the pipeline as the review does it (pageImage, one
//   page ahead of the workers), native with `pdfimages -j` per page then
//   `tesseract`, one chain per core.
// --plain: orientation check, re-reading and seal passes off.
// --engine: also tesseract.js alone against native on the same image files:
//   no preprocessing, no passes, same parameters (the engine's own speed).
// --workers N: OCR workers (default one per core).
// CPU seconds per page (user+system, all threads and processes) are printed
// beside wall time: on a shared machine they move less with load.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { OcrEngine, OCR_ENGINE_ID } from '../../electron/core/ocr/engine.js';
import type { OcrEngineOptions, OcrStrategy } from '../../electron/core/ocr/engine.js';
import { defaultTessdataDir } from '../../electron/core/ocr/tessdata.js';
import type { OcrLanguage } from '../../electron/core/ocr/tessdata.js';
import { countPages, pageImage } from '../../electron/core/render/index.js';
import { generateScannedVolume } from '../fixtures/generator/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { degrade, interrogationPage, printPdf, rasterise } from '../unit/ocr/scanned-page.js';
import { comparable, levenshtein, readExactly } from '../unit/ocr/scoring.js';

const run = promisify(execFile);

interface Args {
  seed: number; pages: number; noise: 'none' | 'moderate' | 'heavy'; langs: OcrLanguage[]; native: boolean; seals: boolean;
  workers: number | undefined; from: 'images' | 'pdf' | 'both'; plain: boolean; engine: boolean;
  limit: number | undefined; strategy: OcrStrategy;
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
    langs: (value('langs') ?? 'chi_sim_std').split('+') as OcrLanguage[],
    native: !args.includes('--no-native'),
    seals: args.includes('--seals'),
    workers: value('workers') !== undefined ? Number(value('workers')) : undefined,
    from: (value('from') ?? 'both') as Args['from'],
    plain: args.includes('--plain'),
    engine: args.includes('--engine'),
    limit: value('limit') !== undefined ? Number(value('limit')) : undefined,
    strategy: (value('strategy') ?? 'ppocr') as OcrStrategy,
  };
}

interface Scores { cer: number; ids: [number, number]; phones: [number, number]; names: [number, number]; misses: string[] }

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
    const names = [...(f.investigators ?? []), f.recorder, f.subject, ...(f.attendees ?? []).map((a) => a.name), f.recipient]
      .filter((n): n is string => typeof n === 'string' && n.length > 0);
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

function report(label: string, seconds: number, pages: number, s: Scores, cpuSeconds?: number): void {
  const cpu = cpuSeconds === undefined ? '' : `, CPU ${(cpuSeconds / pages).toFixed(2)} s/page`;
  console.log(`${label}: ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds * 60).toFixed(1)} pages/min, ${(seconds / pages).toFixed(2)} s/page${cpu} · load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`  CER ${pct(s.cer)} · IDs ${rate(s.ids)} · phones ${rate(s.phones)} · names ${rate(s.names)}`);
  if (s.misses.length > 0) console.log(`  missed: ${s.misses.slice(0, 12).join(' | ')}${s.misses.length > 12 ? ` … (+${s.misses.length - 12})` : ''}`);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  }));
  return out;
}

interface Timed { texts: string[]; seconds: number; cpuSeconds: number }

const cpuNow = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

/** Pages already out of the PDF: every page handed to the engine at once. */
async function readImagesWithPipeline(engine: OcrEngine, images: Buffer[]): Promise<Timed & { rotations: number[] }> {
  const t = performance.now();
  const c = cpuNow();
  const pages = await Promise.all(images.map((image) => engine.recognize(image)));
  return { texts: pages.map((p) => p.text), seconds: (performance.now() - t) / 1000, cpuSeconds: cpuNow() - c, rotations: pages.map((p) => p.rotation) };
}

/** From the PDF as the review reads it (ocr-stage.ts): each page taken out one ahead of the workers. */
async function readPdfWithPipeline(engine: OcrEngine, bytes: Uint8Array, pageCount: number): Promise<Timed & { embedded: number }> {
  const t = performance.now();
  const c = cpuNow();
  let embedded = 0;
  const texts = await mapLimit(Array.from({ length: pageCount }, (_, i) => i + 1), engine.workerCount + 1, async (p) => {
    const img = await pageImage({ kind: 'pdf', bytes }, p, { dpi: 200 });
    if (img.embedded) embedded++;
    return (await engine.recognize(img.image)).text;
  });
  return { texts, seconds: (performance.now() - t) / 1000, cpuSeconds: cpuNow() - c, embedded };
}

export async function benchOcr(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const cores = availableParallelism();
  const work = await mkdtemp(join(tmpdir(), 'bench-ocr-'));
  try {
    let t = performance.now();
    const volume = await generateScannedVolume({ seed: args.seed, outDir: join(work, 'case'), pages: args.pages, dpi: 200, noise: args.noise });
    const volumeFile = volume.truth.files[0];
    if (!volumeFile) throw new Error('the generator made no volume');
    const bytes = new Uint8Array(await readFile(join(volume.folder, volumeFile.path)));
    console.log(`volume: seed ${args.seed}, ${volumeFile.pages.length} pages, noise ${args.noise}, ${volumeFile.pages.filter((p) => p.colour).length} colour, turned ${volumeFile.pages.filter((p) => p.rotation !== 0).map((p) => `p${p.page}:${p.rotation}`).join(' ')} (ready in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    console.log(`engine ${OCR_ENGINE_ID}, ${cores} cores, langs ${args.langs.join('+')}`);

    t = performance.now();
    const pageCount = Math.min(args.limit ?? Infinity, await countPages({ kind: 'pdf', bytes }));
    const images: Buffer[] = [];
    let embedded = 0;
    for (let p = 1; p <= pageCount; p++) {
      const img = await pageImage({ kind: 'pdf', bytes }, p, { dpi: 200 });
      if (img.embedded) embedded++;
      images.push(img.image);
    }
    const extractSeconds = (performance.now() - t) / 1000;
    console.log(`page images: ${pageCount} pages (${embedded} the scan's own picture, ${pageCount - embedded} rendered) in ${extractSeconds.toFixed(1)} s`);

    const opts: OcrEngineOptions = {
      languages: args.langs,
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      ...(args.plain ? { detectOrientation: false, rereadShortLines: false, readUnderStamps: false } : {}),
      strategy: args.strategy,
    };
    const t0 = performance.now();
    const engine = await OcrEngine.create(opts);
    const startSeconds = (performance.now() - t0) / 1000;
    const label = `pipeline ${engine.engineId} (${engine.workerCount} workers${args.plain ? ', plain' : ''}; start ${startSeconds.toFixed(1)} s not counted)`;
    const nativeOk = args.native && existsSync('/usr/bin/tesseract');
    const truthScore = (texts: string[]): Scores => score(texts, volume.truth, volumeFile.path);
    try {
      if (args.from !== 'pdf') {
        const pipeline = await readImagesWithPipeline(engine, images);
        const rssMb = process.resourceUsage().maxRSS / 1024;
        report(`[from images] ${label}`, pipeline.seconds, pageCount, truthScore(pipeline.texts), pipeline.cpuSeconds);
        console.log(`  lines ${engine.stats.lines}, read again ${engine.stats.reread}, replaced ${engine.stats.replaced}, added ${engine.stats.added}`);
        const scanned = volumeFile.pages.slice(0, pageCount);
        const wrongTurns = scanned.filter((p, i) => (p.rotation + (pipeline.rotations[i] ?? 0)) % 360 !== 0).map((p) => `p${p.page}`);
        console.log(`  orientation: ${scanned.length - wrongTurns.length}/${scanned.length} right${wrongTurns.length ? ` (wrong: ${wrongTurns.join(' ')})` : ''} · peak RSS ${rssMb.toFixed(0)} MB (process incl. workers)`);
        if (nativeOk) {
          const native = await readWithNative({ images }, args.langs, cores, work);
          report(`[from images] native tesseract 5 (${cores} processes, OMP_THREAD_LIMIT=1, same model, psm 4, no preprocessing)`, native.seconds, pageCount, truthScore(native.texts), native.cpuSeconds);
          console.log(`  peak RSS per process ${native.peakRssMb.toFixed(0)} MB`);
          console.log(`[from images] throughput pipeline/native: ${(native.seconds / pipeline.seconds).toFixed(2)}× (CPU per page native/pipeline ${(native.cpuSeconds / pipeline.cpuSeconds).toFixed(2)}×)`);
        }
      }
      if (args.from !== 'images') {
        const pipeline = await readPdfWithPipeline(engine, bytes, pageCount);
        report(`[from pdf] ${label}, ${pipeline.embedded} pages taken as pictures`, pipeline.seconds, pageCount, truthScore(pipeline.texts), pipeline.cpuSeconds);
        console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process incl. workers)`);
        if (nativeOk) {
          const native = await readWithNative({ pdf: join(volume.folder, volumeFile.path), pageCount }, args.langs, cores, work);
          report(`[from pdf] native pdfimages -j + tesseract 5 (${cores} chains, OMP_THREAD_LIMIT=1, same model, psm 4)`, native.seconds, pageCount, truthScore(native.texts), native.cpuSeconds);
          console.log(`[from pdf] throughput pipeline/native: ${(native.seconds / pipeline.seconds).toFixed(2)}× (CPU per page native/pipeline ${(native.cpuSeconds / pipeline.cpuSeconds).toFixed(2)}×)`);
        }
      }
    } finally {
      await engine.close();
    }

    if (args.engine) {
      const js = await readWithTesseractJs(images, args.langs, cores);
      report(`[engine] tesseract.js alone (${cores} workers, page images as given, psm 4, no passes)`, js.seconds, pageCount, truthScore(js.texts), js.cpuSeconds);
      if (nativeOk) {
        const native = await readWithNative({ images }, args.langs, cores, work);
        report(`[engine] native tesseract 5 (${cores} processes, same files)`, native.seconds, pageCount, truthScore(native.texts), native.cpuSeconds);
        console.log(`[engine] throughput tesseract.js/native: ${(native.seconds / js.seconds).toFixed(2)}× (CPU per page native/tesseract.js ${(native.cpuSeconds / js.cpuSeconds).toFixed(2)}×)`);
      }
    }

    if (args.seals) await compareRedInk(args.langs);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** tesseract.js with nothing of the pipeline around it: the images as native gets them, one reading each. */
async function readWithTesseractJs(images: Buffer[], langs: OcrLanguage[], cores: number): Promise<Timed> {
  const scheduler = Tesseract.createScheduler();
  try {
    for (let i = 0; i < cores; i++) {
      scheduler.addWorker(await Tesseract.createWorker([...langs], Tesseract.OEM.LSTM_ONLY, { langPath: defaultTessdataDir(), cacheMethod: 'none', gzip: true }));
    }
    // Each worker reads one page before the clock starts, as the pipeline's engine does at create().
    await Promise.all(images.slice(0, cores).map((img) => scheduler.addJob('recognize', img)));
    const t = performance.now();
    const c = cpuNow();
    const texts = await Promise.all(images.map(async (img) => (await scheduler.addJob('recognize', img, { tessedit_pageseg_mode: Tesseract.PSM.SINGLE_COLUMN, user_defined_dpi: '200' } as Partial<Tesseract.RecognizeOptions>)).data.text));
    return { texts, seconds: (performance.now() - t) / 1000, cpuSeconds: cpuNow() - c };
  } finally {
    await scheduler.terminate();
  }
}

type NativeInput = { images: Buffer[] } | { pdf: string; pageCount: number };

async function readWithNative(input: NativeInput, langs: OcrLanguage[], cores: number, work: string): Promise<Timed & { peakRssMb: number }> {
  const tessdata = join(work, 'tessdata');
  await mkdir(tessdata, { recursive: true });
  for (const lang of langs) {
    await writeFile(join(tessdata, `${lang}.traineddata`), gunzipSync(await readFile(join(defaultTessdataDir(), `${lang}.traineddata.gz`))));
  }
  const dir = await mkdtemp(join(work, 'native-'));
  const count = 'images' in input ? input.images.length : input.pageCount;
  // Written before the clock starts: the page images are the input, like the pipeline's.
  if ('images' in input) await Promise.all(input.images.map((img, i) => writeFile(join(dir, `p${i + 1}.img`), img)));
  let peakKb = 0;
  let cpu = 0;
  const timed = async (cmd: string, cmdArgs: string[]): Promise<void> => {
    const { stderr } = await run('/usr/bin/time', ['-f', 'RSS=%M CPU=%U+%S', cmd, ...cmdArgs], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    const m = /RSS=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(stderr);
    peakKb = Math.max(peakKb, Number(m?.[1] ?? 0));
    cpu += Number(m?.[2] ?? 0) + Number(m?.[3] ?? 0);
  };
  const t = performance.now();
  const texts = await mapLimit(Array.from({ length: count }, (_, i) => i + 1), cores, async (p) => {
    const base = join(dir, `p${p}`);
    let image = `${base}.img`;
    if ('pdf' in input) {
      await timed('pdfimages', ['-f', String(p), '-l', String(p), '-j', input.pdf, base]);
      const made = (await readdir(dir)).filter((f) => f.startsWith(`p${p}-`)).sort();
      if (made.length !== 1) throw new Error(`pdfimages gave ${made.length} images for page ${p}`);
      image = join(dir, made[0] as string);
    }
    await timed('tesseract', [image, base, '--tessdata-dir', tessdata, '-l', langs.join('+'), '--oem', '1', '--psm', '4', '--dpi', '200']);
    return readFile(`${base}.txt`, 'utf8');
  });
  return { texts, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu, peakRssMb: peakKb / 1024 };
}

/**
 * A date under a red seal, read with and without dropping red ink. The
 * generator's colour scans tint the whole page, so their seals are not red:
 * this uses the test page with a red seal (test/unit/ocr/scanned-page.ts),
 * degraded with several seeds.
 */
async function compareRedInk(langs: OcrLanguage[]): Promise<void> {
  const printed = interrogationPage();
  const [page] = await rasterise(await printPdf(printed.html), 200);
  if (!page) return;
  const seeds = [1, 2, 3, 4, 5, 6];
  const scans = await Promise.all(seeds.map((seed) => degrade(page, { seed })));
  const date = printed.truth.sealedDate;
  for (const dropRedInk of [true, false]) {
    const engine = await OcrEngine.create({ languages: langs, dropRedInk });
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
      console.log(`date under a red seal, red ink ${dropRedInk ? 'dropped' : 'kept   '}: ${pages.length} scans, date exact ${exact}/${pages.length}, date CER ${pct(edits / chars)}, page CER ${pct(pageEdits / pageChars)}`);
    } finally {
      await engine.close();
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchOcr(process.argv.slice(2));
}
