// Test material for OCR until the case-folder generator lands: a Chinese case
// page printed by Chromium, rasterised by pdftoppm, then degraded like a scan.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { chromium } from '@playwright/test';

const run = promisify(execFile);

export interface PageTruth {
  /** Every line of text on the page, in reading order. */
  lines: string[];
  names: string[];
  ids: string[];
  phones: string[];
  /** The date printed under the red seal. */
  sealedDate: string;
}

export interface PrintedPage {
  html: string;
  truth: PageTruth;
}

/** A 讯问笔录 header and signature block: names, ID, phone, and a date under a seal. */
export function interrogationPage(): PrintedPage {
  const lines = [
    '讯问笔录',
    '时间：2022年11月16日14时30分至2022年11月16日16时05分',
    '地点：绍兴市公安局越城区分局执法办案中心第三讯问室',
    '侦查员：郑凯、冯磊',
    '工作单位：绍兴市公安局越城区分局刑事侦查大队',
    '记录人：冯磊',
    '犯罪嫌疑人：张建国',
    '性别：男　民族：汉族　出生日期：1990年5月3日',
    '身份证号码：330602199005031234',
    '联系电话：13857512345',
    '户籍所在地：浙江省绍兴市越城区城南街道环城南路88号',
    '问：我们是绍兴市公安局越城区分局的侦查人员，现依法对你进行讯问。',
    '答：听清楚了。',
    '问：你因何事被传唤到公安机关？',
    '答：因为我在商场拿了别人的手机。',
    '以上笔录我看过，和我说的相符。',
    '犯罪嫌疑人：张建国',
    '2022年11月17日',
  ];
  const seal = `
    <svg class="seal" viewBox="0 0 200 200" width="170" height="170">
      <circle cx="100" cy="100" r="92" fill="none" stroke="#d81e1e" stroke-width="7"/>
      <text x="100" y="112" font-size="34" text-anchor="middle" fill="#d81e1e" font-family="Noto Serif CJK SC">★</text>
      <path id="arc" d="M 30 100 A 70 70 0 0 1 170 100" fill="none"/>
      <text font-size="23" fill="#d81e1e" font-family="Noto Serif CJK SC">
        <textPath href="#arc" startOffset="50%" text-anchor="middle">绍兴市公安局越城区分局</textPath>
      </text>
    </svg>`;
  const body = lines
    .map((line, i) => {
      if (i === 0) return `<h1>${line}</h1>`;
      if (i === lines.length - 1) return `<p class="date">${line}${seal}</p>`;
      return `<p>${line}</p>`;
    })
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @page { size: A4; margin: 22mm 20mm; }
    body { font-family: 'Noto Serif CJK SC'; font-size: 15pt; color: #111; }
    h1 { text-align: center; font-size: 22pt; letter-spacing: 0.5em; margin: 0 0 10mm; }
    p { margin: 0 0 4.2mm; line-height: 1.25; }
    .date { text-align: right; padding-right: 20mm; margin-top: 14mm; position: relative; }
    .seal { position: absolute; right: 22mm; top: -62px; mix-blend-mode: multiply; opacity: 0.85; }
  </style></head><body>${body}</body></html>`;
  return {
    html,
    truth: {
      lines,
      names: ['郑凯', '冯磊', '张建国'],
      ids: ['330602199005031234'],
      phones: ['13857512345'],
      sealedDate: '2022年11月17日',
    },
  };
}

export async function printPdf(html: string): Promise<Buffer> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ocr-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** One PNG per page, as a 200 dpi colour scan would give. */
export async function rasterise(pdf: Buffer, dpi = 200): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ocr-raster-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'in.pdf'), join(dir, 'p')]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    return await Promise.all(names.map((n) => readFile(join(dir, n))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deterministic pseudo-random numbers so a degraded page is the same every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A scanner's faults: slight skew, blur, paper tint, speckle noise and JPEG
 * artefacts; colour is kept so red ink stays red.
 */
export async function degrade(png: Buffer, opts: { seed: number; rotate?: 0 | 90 | 180 | 270 }): Promise<Buffer> {
  const random = mulberry32(opts.seed);
  const skew = (random() - 0.5) * 1.2;
  const { data, info } = await sharp(png)
    .removeAlpha()
    .rotate(skew, { background: '#ffffff' })
    .blur(0.7)
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i += 3) {
    const speck = random() < 0.002 ? -140 : 0;
    const grain = (random() - 0.5) * 36 + speck;
    data[i] = clamp((data[i] ?? 0) * 0.94 + grain + 4);
    data[i + 1] = clamp((data[i + 1] ?? 0) * 0.93 + grain + 2);
    data[i + 2] = clamp((data[i + 2] ?? 0) * 0.9 + grain);
  }
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } });
  if (opts.rotate) image = sharp(await image.jpeg({ quality: 70 }).toBuffer()).rotate(opts.rotate);
  return await image.jpeg({ quality: 70 }).toBuffer();
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
