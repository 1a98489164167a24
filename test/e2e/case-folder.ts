// A small case folder of text PDFs with known contents, printed by Chromium. WenQuanYi
// Zen Hei is used on purpose: Chromium prints Noto CJK as Type 3 fonts whose text
// extracts as Kangxi radicals (STACK.md), which would test the font, not the app.
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/** pages[0][0] is the document's title. */
interface FixtureDocument {
  file: string;
  pages: string[][];
}

/** Strings the e2e test looks for on the page beside each image. */
export const KNOWN_TEXT = {
  interrogationTitle: '讯问笔录',
  interrogationPage1: '我叫李建国',
  interrogationPage2: '以上笔录我看过',
  detentionTitle: '拘留证',
};

export const FIXTURE_DOCUMENTS: FixtureDocument[] = [
  {
    file: '01-受案登记表.pdf',
    pages: [
      [
        '受案登记表',
        '案件编号：温公（刑）受案字〔2022〕1016号',
        '报案人：王秀英，女，1968年3月出生，住浙江省温州市鹿城区松台街道广场路88号。',
        '报案时间：2022年11月15日20时10分。',
        '简要案情：报案人称其停放在小区车棚内的电动自行车一辆被盗，价值人民币3200元。',
        '受案意见：属于本单位管辖的刑事案件，建议及时调查处理。',
      ],
    ],
  },
  {
    file: '02-讯问笔录.pdf',
    pages: [
      [
        '讯问笔录（第一次）',
        '时间：2022年11月16日15时00分至2022年11月16日16时30分',
        '地点：温州市公安局鹿城区分局执法办案中心第三讯问室',
        '侦查员：陈志强、刘伟　记录人：刘伟',
        '问：你叫什么名字？',
        '答：我叫李建国，男，1990年5月3日出生，身份证号码330302199005031234。',
        '问：你知道为什么被带到公安机关吗？',
        '答：知道，因为我偷了一辆电动自行车。',
      ],
      [
        '问：你把车卖到哪里了？',
        '答：卖给了瓯海区一家废品收购站，得了八百元。',
        '问：你还有什么要补充的吗？',
        '答：没有了。',
        '以上笔录我看过，和我说的一样。',
        '被讯问人：李建国　2022年11月16日',
      ],
    ],
  },
  {
    file: '03-拘留证.pdf',
    pages: [
      [
        '拘留证',
        '温公（刑）拘字〔2022〕2231号',
        '根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对涉嫌盗窃罪的李建国执行拘留，送温州市看守所羁押。',
        '执行时间：2022年11月16日17时20分',
        '温州市公安局（印）',
      ],
    ],
  },
];

/** A one-page photo-like scan (PNG, no text layer). */
export const SCANNED_DOCUMENT = {
  file: '05-扣押清单.png',
  lines: [
    '扣押清单',
    '编号　名称　数量　特征',
    '1　电动自行车　1辆　红色，车架号WZ2022118',
    '2　手机　1部　黑色，华为牌',
    '持有人：李建国　见证人：周明',
  ],
  /** A phrase OCR reads reliably from a clean scan. */
  known: '电动自行车',
};

async function writeScan(file: string, lines: string[]): Promise<void> {
  const [title, ...body] = lines;
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    // 150 dpi A4 is 1240 px wide: a typical office scan.
    const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; padding: 150px 140px; background: #fbfaf6; font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 34px; line-height: 1.9; color: #111; }
      h1 { text-align: center; font-size: 52px; margin: 0 0 60px; }
      p { margin: 0 0 14px; }
    </style></head><body><h1>${escapeHtml(title ?? '')}</h1>${body.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`);
    await page.screenshot({ path: file, fullPage: false });
  } finally {
    await browser.close();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function html(doc: FixtureDocument): string {
  // Only a document's first page carries its title, as on paper.
  const pages = doc.pages.map((lines, i) => {
    const [title, ...body] = i === 0 ? lines : [null, ...lines];
    const heading = title ? `<h1>${escapeHtml(title)}</h1>` : '';
    return `<section>${heading}${body.map((l) => `<p>${escapeHtml(l ?? '')}</p>`).join('')}</section>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 15pt; line-height: 1.9; margin: 0; }
    section { page-break-after: always; padding: 10mm 8mm; }
    section:last-child { page-break-after: auto; }
    h1 { text-align: center; font-size: 24pt; letter-spacing: 4pt; margin: 0 0 10mm; }
    p { margin: 0 0 3mm; }
  </style></head><body>${pages.join('')}</body></html>`;
}

/** Writes the fixture case into dir: three text PDFs (one of two pages), one scanned page, one unreadable file. */
export async function writeCaseFolder(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const page = await browser.newPage();
    for (const doc of FIXTURE_DOCUMENTS) {
      await page.setContent(html(doc), { waitUntil: 'load' });
      await page.pdf({
        path: path.join(dir, doc.file),
        format: 'A4',
        margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
      });
    }
  } finally {
    await browser.close();
  }
  // A scanned page: no text layer, so the backend must OCR it.
  await writeScan(path.join(dir, SCANNED_DOCUMENT.file), SCANNED_DOCUMENT.lines);
  // One bad file must be reported apart and must not stop the rest of the case (DESIGN.md §7).
  await fs.writeFile(path.join(dir, '04-扫描件损坏.pdf'), '');
}
