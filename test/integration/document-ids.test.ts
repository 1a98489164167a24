// A store reviewed before the catalogue listed volumes as bound numbered its papers by type;
// re-run now, the same papers get other ids. The reviewer's decisions on findings that name
// a paper must come through (issue 16). The old numbering is recreated in the store, a
// finding is decided under it, and the review is run again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseReviewService } from '../../electron/core/service.js';
import { reviewFolder } from '../support/review-case.js';
import { writeTextPdf } from '../support/text-pdf.js';

let service: CaseReviewService | undefined;
afterAll(() => service?.close());

describe('decisions across a renumbered catalogue', () => {
  it('stay on the finding of the same paper', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-docids-'));
    const folder = path.join(root, '赵六盗窃案');
    fs.mkdirSync(folder);
    // One bound volume: several papers in one file.
    await writeTextPdf(path.join(folder, '卷一.pdf'), [
      '讯问笔录（第1次）\n时间：2023年6月5日14时30分至16时05分\n地点：某某宾馆308房间\n侦查员：郑凯\n记录人：郑凯\n被讯问人：赵六\n问：你为什么被传唤？\n答：因为偷东西的事。',
      '立案决定书\n越公（刑）立字〔2023〕456号\n根据《中华人民共和国刑事诉讼法》第一百一十二条之规定，决定对赵六盗窃案立案侦查。\n2023年6月2日',
      '拘留证\n越公（刑）拘字〔2023〕88号\n根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人赵六（男，1990年1月1日出生）执行拘留。\n2023年6月5日',
    ]);
    const r = await reviewFolder(folder, { dbPath: path.join(root, 'store.db') });
    service = r.service;
    const { caseId } = r;
    const store = service.store;
    const docs = store.listDocuments(caseId);
    expect(docs.length).toBeGreaterThanOrEqual(2);
    const byPaper = await service.api.listFindings({ caseId });
    const named = byPaper.find((f) => f.key.split(':').some((p) => docs.some((d) => d.id === p)));
    expect(named, byPaper.map((f) => f.key).join(' ')).toBeDefined();

    // The old numbering: the same papers, ids in reverse; the finding keys as that numbering made them.
    const reversed = docs.map((d, i) => ({ ...d, id: docs[docs.length - 1 - i]!.id }));
    const toOld = new Map(docs.map((d, i) => [d.id, reversed[i]!.id]));
    store.replaceDocuments(caseId, reversed);
    store.renameFindingKeys(caseId, (k) =>
      k
        .split(':')
        .map((p, i) => (i > 0 ? (toOld.get(p) ?? p) : p))
        .join(':'),
    );
    const oldKey = named!.key
      .split(':')
      .map((p, i) => (i > 0 ? (toOld.get(p) ?? p) : p))
      .join(':');
    expect(oldKey).not.toBe(named!.key);
    await service.api.decideFinding({ caseId, key: oldKey, status: 'dismissed', note: '已核实，情况属实但已补正' });

    const again = await service.api.startReview({ folder });
    expect(await service.whenJobEnds(again.jobId)).toBe('done');
    const after = await service.api.listFindings({ caseId, includeResolved: true });
    expect(after.find((f) => f.key === named!.key)).toMatchObject({ status: 'dismissed', note: '已核实，情况属实但已补正', active: true });
    expect(after.find((f) => f.key === oldKey && f.status === 'dismissed' && f.active)).toBeUndefined();
  }, 180_000);
});
