// OCR benchmark: this pipeline against native tesseract on the generator's
// scanned volume, same page images, same model, same run. Prints figures;
// asserts nothing.
//   npx tsx test/bench/ocr.ts [--seed 1] [--pages 40] [--noise moderate]
//     [--langs chi_sim_std|chi_sim|chi_sim+eng] [--no-native] [--seals]
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { OcrEngine, OCR_ENGINE_ID } from '../../electron/core/ocr/engine.js';
import type { OcrEngineOptions } from '../../electron/core/ocr/engine.js';
import { defaultTessdataDir } from '../../electron/core/ocr/tessdata.js';
import type { OcrLanguage } from '../../electron/core/ocr/tessdata.js';
import { countPages, renderPage } from '../../electron/core/render/index.js';
import { generateScannedVolume } from '../fixtures/generator/index.js';
import type { CaseTruth } from '../fixtures/generator/truth.js';
import { degrade, interrogationPage, printPdf, rasterise } from '../unit/ocr/scanned-page.js';
import { comparable, levenshtein, readExactly } from '../unit/ocr/scoring.js';

const run = promisify(execFile);

interface Args { seed: number; pages: number; noise: 'none' | 'moderate' | 'heavy'; langs: OcrLanguage[]; native: boolean; seals: boolean }

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
  };
}

interface Scores { cer: number; ids: [number, number]; phones: [number, number]; names: [number, number]; misses: string[] }

function score(texts: string[], truth: CaseTruth, volume: string): Scores {
  const file = truth.files.find((f) => f.path === volume);
  if (!file) throw new Error(`no truth for ${volume}`);
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

function report(label: string, seconds: number, pages: number, s: Scores): void {
  console.log(`${label}: ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds * 60).toFixed(1)} pages/min, ${(seconds / pages).toFixed(2)} s/page`);
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

async function readWithPipeline(pngs: Buffer[], opts: OcrEngineOptions): Promise<{ texts: string[]; seconds: number; startSeconds: number; rotations: number[] }> {
  const t0 = performance.now();
  const engine = await OcrEngine.create(opts);
  const t1 = performance.now();
  try {
    const pages = await Promise.all(pngs.map((png) => engine.recognize(png)));
    const seconds = (performance.now() - t1) / 1000;
    return { texts: pages.map((p) => p.text), seconds, startSeconds: (t1 - t0) / 1000, rotations: pages.map((p) => p.rotation) };
  } finally {
    await engine.close();
  }
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
    const pageCount = await countPages({ kind: 'pdf', bytes });
    const pngs: Buffer[] = [];
    for (let p = 1; p <= pageCount; p++) pngs.push((await renderPage({ kind: 'pdf', bytes }, p, { dpi: 200 })).png);
    const renderSeconds = (performance.now() - t) / 1000;
    console.log(`render: ${pageCount} pages at 200 dpi in ${renderSeconds.toFixed(1)} s = ${(renderSeconds / pageCount).toFixed(2)} s/page (one thread)`);

    const pipeline = await readWithPipeline(pngs, { languages: args.langs });
    const rssMb = process.resourceUsage().maxRSS / 1024;
    report(`pipeline (${cores} workers; start ${pipeline.startSeconds.toFixed(1)} s not counted)`, pipeline.seconds, pageCount, score(pipeline.texts, volume.truth, volumeFile.path));
    const wrongTurns = volumeFile.pages.filter((p, i) => (p.rotation + (pipeline.rotations[i] ?? 0)) % 360 !== 0).map((p) => `p${p.page}`);
    console.log(`  orientation: ${volumeFile.pages.length - wrongTurns.length}/${volumeFile.pages.length} right${wrongTurns.length ? ` (wrong: ${wrongTurns.join(' ')})` : ''} · peak RSS ${rssMb.toFixed(0)} MB (process incl. workers)`);

    if (args.seals) await compareRedInk(args.langs);

    if (args.native && existsSync('/usr/bin/tesseract')) {
      const native = await readWithNative(pngs, args.langs, cores, work);
      report(`native tesseract 5 (${cores} processes, OMP_THREAD_LIMIT=1, same model, psm 4, no preprocessing)`, native.seconds, pageCount, score(native.texts, volume.truth, volumeFile.path));
      console.log(`  peak RSS per process ${native.peakRssMb.toFixed(0)} MB`);
      console.log(`throughput pipeline/native: ${(native.seconds / pipeline.seconds).toFixed(2)}×`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function readWithNative(pngs: Buffer[], langs: OcrLanguage[], cores: number, work: string): Promise<{ texts: string[]; seconds: number; peakRssMb: number }> {
  const tessdata = join(work, 'tessdata');
  await mkdir(tessdata, { recursive: true });
  for (const lang of langs) {
    await writeFile(join(tessdata, `${lang}.traineddata`), gunzipSync(await readFile(join(defaultTessdataDir(), `${lang}.traineddata.gz`))));
  }
  const dir = join(work, 'native');
  await mkdir(dir, { recursive: true });
  await Promise.all(pngs.map((png, i) => writeFile(join(dir, `p${i + 1}.png`), png)));
  let peakKb = 0;
  const t = performance.now();
  const texts = await mapLimit(pngs, cores, async (_png, i) => {
    const base = join(dir, `p${i + 1}`);
    const { stderr } = await run('/usr/bin/time', ['-f', 'RSS=%M', 'tesseract', `${base}.png`, base, '--tessdata-dir', tessdata,
      '-l', langs.join('+'), '--oem', '1', '--psm', '4', '--dpi', '200'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    const kb = Number(/RSS=(\d+)/.exec(stderr)?.[1] ?? 0);
    peakKb = Math.max(peakKb, kb);
    return readFile(`${base}.txt`, 'utf8');
  });
  return { texts, seconds: (performance.now() - t) / 1000, peakRssMb: peakKb / 1024 };
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
