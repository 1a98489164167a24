// The facts contract: every field a rule reads is one the pipeline writes. The rules' sources are
// read for the fields they name; a generated case goes through the whole review and its facts are
// collected, with forms the generator does not print read by the catalogue from samples below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFields } from '../../../electron/core/catalogue/fields.js';
import { buildCaseFacts } from '../../../electron/core/pipeline/case-facts.js';
import type { DocumentType } from '../../../shared/vocab.js';
import { generateCase } from '../../fixtures/generator/index.js';
import { reviewFolder } from '../../support/review-case.js';

const RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/core/rules');

/** rule file → the field names it reads: fields.x, and the names it passes to field readers. */
function fieldsReadByRules(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(RULES_DIR)) {
    const src = fs.readFileSync(file, 'utf8');
    const keys = new Set<string>();
    for (const m of src.matchAll(/\bfields\??\.([a-zA-Z]+)/g)) if (m[1] !== 'some') keys.add(m[1]!);
    for (const m of src.matchAll(
      /(?:fields|endFields): \[([^\]]*)\]|fieldTime\([^,]+, \[([^\]]*)\]\)|\b(?:when|has)\([a-z]+, ([^)]*)\)/g,
    )) {
      for (const k of (m[1] ?? m[2] ?? m[3] ?? '').matchAll(/'([a-zA-Z]+)'/g)) keys.add(k[1]!);
    }
    if (keys.size) out.set(path.relative(RULES_DIR, file), keys);
  }
  return out;
}

// Forms a case file holds that the generator does not print, written as bureaus print them.
const SAMPLES: [DocumentType, string, string | null][] = [
  [
    'DETENTION_EXTENSION',
    '某市公安局\n延长拘留期限通知书\n犯罪嫌疑人某某涉嫌结伙盗窃，根据《中华人民共和国刑事诉讼法》第九十一条之规定，决定将其拘留期限延长至三十日。\n二〇二四年三月七日',
    '2024-03-07',
  ],
  [
    'OTHER',
    '某市人民检察院\n延长侦查羁押期限决定书\n你局于2024年4月20日提请延长犯罪嫌疑人某某的侦查羁押期限，经审查，决定延长侦查羁押期限一个月。\n二〇二四年四月二十五日',
    '2024-04-25',
  ],
  ['OTHER', '委托书\n委托人：某某\n受托人：周律 某律师事务所律师\n二〇二四年三月九日', '2024-03-09'],
  [
    'OTHER',
    '某区人民检察院\n不批准逮捕决定书\n某检不捕〔2024〕3号\n不批准逮捕犯罪嫌疑人某某。\n本决定书已于2024年3月14日10时收到。\n二〇二四年三月十四日',
    '2024-03-14',
  ],
  [
    'ARREST_REQUEST',
    '某市公安局\n提请批准逮捕书\n犯罪嫌疑人某某，男。\n此致\n某区人民检察院\n二〇二四年三月八日\n检察院收到时间：2024年3月8日16时',
    '2024-03-08',
  ],
  [
    'RESIDENTIAL_SURVEILLANCE',
    '某市公安局\n监视居住决定书\n犯罪嫌疑人某某，决定对其指定居所监视居住，期限从2024年3月9日起算。\n二〇二四年三月九日',
    '2024-03-09',
  ],
  [
    'DETENTION_NOTICE',
    '某市公安局\n拘留通知书\n某某家属：\n我局已于2024年3月5日12时将某某刑事拘留。\n因无法通知其家属，原因：其自述无亲属，住址不详。\n二〇二四年三月五日',
    '2024-03-05',
  ],
  [
    'BAIL',
    '某市公安局\n取保候审决定书\n犯罪嫌疑人某某，决定对其取保候审，期限从2024年3月9日起算。\n保证人：吴某某\n二〇二四年三月九日',
    '2024-03-09',
  ],
  [
    'OTHER',
    '某市公安局\n协助冻结财产通知书\n继续冻结犯罪嫌疑人某某名下证券账户内的股票，冻结期限自2024年3月5日起至2026年3月4日止。\n二〇二四年三月五日',
    '2024-03-05',
  ],
  [
    'RESIDENTIAL_SURVEILLANCE',
    '某市公安局\n指定居所监视居住决定书\n犯罪嫌疑人某某在本地无固定住处，决定对其指定居所监视居住。\n指定居所：某县城关镇某宾馆\n二〇二四年三月九日',
    '2024-03-09',
  ],
  ['BAIL', '某市公安局\n取保候审决定书\n决定对犯罪嫌疑人某某取保候审，交纳保证金为人民币1万元。\n二〇二四年三月九日', '2024-03-09'],
  [
    'SUMMONS',
    '某市公安局\n传唤证\n被传唤人：某某\n案情特别重大、复杂，经批准延长传唤持续时间至二十四小时。\n到达时间：2024年3月5日9时00分\n结束时间：2024年3月6日8时00分\n二〇二四年三月五日',
    '2024-03-05',
  ],
];

describe('the facts contract', () => {
  it('every field a rule reads is written by the pipeline from some generated document', async () => {
    const read = fieldsReadByRules();
    expect(read.size).toBeGreaterThan(10);
    const written = new Set<string>();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-contract-'));
    for (const [seed, opts] of [
      [41, { search: true, suspects: 2 }],
      [42, { extension: true }],
      [43, { surveillance: true, suspects: 2 }],
    ] as const) {
      const g = await generateCase({ seed, outDir: out, name: `contract-${seed}`, forms: 'text-only', ...opts });
      const { service, caseId } = await reviewFolder(g.folder);
      for (const d of buildCaseFacts(service.store, caseId).documents)
        for (const [k, v] of Object.entries(d.fields)) if (v !== undefined && v !== null) written.add(k);
      await service.close();
    }
    for (const [type, text, date] of SAMPLES)
      for (const [k, v] of Object.entries(readFields(type, text, date).fields)) if (v !== undefined && v !== null) written.add(k);
    const unwritten = [...read].flatMap(([rule, keys]) => [...keys].filter((k) => !written.has(k)).map((k) => `${rule}: ${k}`));
    expect(unwritten).toEqual([]);
  });

  it('reads the forms the generator does not print into the fields the rules need', () => {
    const f = (i: number) => readFields(SAMPLES[i]![0], SAMPLES[i]![1], SAMPLES[i]![2]).fields;
    expect(f(0)).toMatchObject({ days: 30, ground: '结伙' });
    expect(f(1)).toMatchObject({ months: 1, requestedAt: '2024-04-20' });
    expect(f(2)).toMatchObject({ lawyer: '周律' });
    expect(f(3)).toMatchObject({ receivedAt: '2024-03-14T10:00:00+08:00' });
    expect(f(4)).toMatchObject({ receivedAt: '2024-03-08T16:00:00+08:00' });
    expect(f(5)).toMatchObject({ designated: true });
    expect(f(6)).toMatchObject({ exception: expect.stringContaining('无法通知') });
    expect(f(7)).toMatchObject({ guarantor: '吴某某' });
    expect(f(8)).toMatchObject({ start: '2024-03-05', end: '2026-03-04', frozen: 'securities', renewal: true });
    expect(f(9)).toMatchObject({ designated: true, place: '某县城关镇某宾馆' });
    expect(f(10)).toMatchObject({ deposit: '1万' });
    expect(f(11)).toMatchObject({ extended: true });
  });
});
