// The large members of the hostile corpus, made by code each run (nothing binary is kept
// in the repository), shared by the tests and `npm run bench -- hostile`.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { CaseReviewService } from '../../electron/core/service.js';
import type { Stage } from '../../shared/api.js';
import { paperScanPng } from './hostile-image.js';
import { CJK_FONT } from './text-pdf.js';

const WITNESSES = ['李四', '王五', '赵六', '孙七', '周八', '吴九', '郑十', '冯十一'];
const TIMES = ['那天晚上', '下班以后', '吃过晚饭', '快到半夜的时候', '天刚黑', '凌晨两三点', '中午十二点多', '傍晚下雨时'];
const PLACES = [
  '在蜀山区家中',
  '在单位宿舍',
  '在长江西路的网吧',
  '在朋友开的饭店',
  '在南七里站附近',
  '回了肥西县老家',
  '在医院陪护母亲',
  '在工地值班室',
];
const DEEDS = [
  '看电视到很晚',
  '和几个朋友喝酒',
  '帮人修电动车',
  '打了一夜的牌',
  '去学校接孩子',
  '开车送货去滨湖',
  '一直在睡觉',
  '去银行取钱',
];
const THINGS = [
  '见过一部黑色手机',
  '没看到那辆电动车',
  '听说丢了现金三千元',
  '不知道手表的事',
  '拿过两条香烟',
  '借过一台笔记本电脑',
  '捡到一张银行卡',
  '丢了一串钥匙',
];

/** A stable pseudo-random index: each record answers differently, as real people do. */
const pick = <T>(list: T[], ...keys: number[]): T => {
  let h = 2166136261;
  for (const k of keys) h = Math.imul(h ^ k, 16777619) >>> 0;
  h ^= h >>> 13;
  return list[Math.imul(h, 2654435761) >>> 29]!;
};

/** The same questions, answered differently by each record (no two copies). */
function answers(record: number, sheet: number): string {
  const day = (record % 28) + 1;
  return [
    `问：2024年3月${day}日晚上${(record % 5) + 7}点左右你在哪里？`,
    `答：${pick(TIMES, record, sheet, 1)}我${pick(PLACES, record, sheet, 2)}，${pick(DEEDS, record, sheet, 3)}，后来${pick(DEEDS, record, sheet, 4)}。`,
    '问：案发前后你见过或听说过什么？',
    `答：${pick(THINGS, record, sheet, 5)}，${pick(TIMES, record, sheet, 6)}${pick(THINGS, record, sheet, 7)}，电话13800${String(record * 4 + sheet).padStart(6, '0')}。`,
  ].join('\n');
}

/**
 * Page n of a long volume: records of four pages each, interrogations of the suspect and
 * inquiries of eight witnesses in turn, each with its header (time, place, officers, the
 * person), answers of its own, and a signature on its last page, so the catalogue splits
 * the volume into 500 documents and every later stage has people, dates and statements.
 */
export function volumePageText(n: number): string {
  const record = Math.floor((n - 1) / 4);
  const sheet = (n - 1) % 4;
  const day = (record % 28) + 1;
  const hour = 8 + (record % 10);
  const suspect = record % 3 === 0;
  const person = suspect ? '张三' : WITNESSES[record % WITNESSES.length]!;
  const qa = answers(record, sheet);
  if (sheet === 0) {
    const title = suspect ? `讯问笔录（第${Math.floor(record / 3) + 1}次）` : '询问笔录';
    return `${title}\n时间：2024年3月${day}日${hour}时00分至${hour + 1}时30分\n地点：合肥市公安局蜀山分局办案区\n侦查员：郑凯、冯磊\n${suspect ? '被讯问人' : '被询问人'}：${person}，男，1990年5月3日出生\n${qa}`;
  }
  if (sheet === 3) return `${qa}\n以上笔录我看过，和我说的相符。\n${person}\n2024年3月${day}日`;
  return qa;
}

/**
 * A volume of `pages` text pages, written by pdfkit page by page to a stream (the font
 * embedded once, subset), as a scanner's OCR'd PDF or a word processor's export would be.
 */
export function writeLongVolume(file: string, pages: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { Title: 'volume', CreationDate: new Date(0) } });
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
    for (let n = 1; n <= pages; n++) {
      doc.addPage();
      doc.font('cjk').fontSize(14).text(volumePageText(n), 72, 72, { width: 450 });
    }
    doc.end();
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
}

/** `count` small text files in one folder, each a short note with a name and a phone number. */
export function writeManySmallFiles(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= count; i++) {
    fs.writeFileSync(
      path.join(folder, `情况说明-${i}.txt`),
      `情况说明\n报案人王${'甲乙丙丁戊己庚辛'[i % 8]}，电话1390000${String(i).padStart(4, '0')}，称其电动车于2024年3月${(i % 28) + 1}日被盗。\n`,
    );
  }
}

export const SCAN_SIDE = 20_000;
export const SCAN_LINES = ['讯问笔录', '被讯问人：张三，男，1990年5月3日出生。', '问：你把手机放在哪里？', '答：我卖给了欧阳娜娜。'];

/**
 * A real 20,000×20,000 grey scan (400 MP, ~0.6 MB of PNG): white paper with four lines of
 * text 120 px high, as a 2,400 dpi scan of a typed page would show 12-point type.
 */
export function writeHugeScan(file: string, side = SCAN_SIDE): Promise<void> {
  return paperScanPng(
    side,
    side,
    SCAN_LINES.map((text, i) => ({ text, left: 1200, top: 1200 + i * 240, size: 120 })),
  ).then((png) => fs.writeFileSync(file, png));
}

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** Wall time per stage of one review, from its progress events (first to last event of each stage). */
export function stageClock(service: CaseReviewService): { stop(): Record<string, number> } {
  const first = new Map<Stage, number>();
  const last = new Map<Stage, number>();
  const off = service.onEvent((e) => {
    if (e.kind !== 'progress') return;
    const now = performance.now();
    if (!first.has(e.event.stage)) first.set(e.event.stage, now);
    last.set(e.event.stage, now);
  });
  return {
    stop() {
      off();
      return Object.fromEntries([...first].map(([s, t]) => [s, Math.round((last.get(s) ?? t) - t)]));
    },
  };
}
