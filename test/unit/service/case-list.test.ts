// The case list's 问题 column (issue 16: it always read "—"): each reviewed case says how many
// violations and warnings its latest review still finds, less the ones the reviewer dismissed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../../electron/core/service.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-case-list-'));
const service = createService({ dbPath: path.join(dir, 'db.sqlite') });
afterAll(() => service.close());

const finding = (key: string, severity: 'violation' | 'warning') => ({
  key,
  rule: 'ARREST_REQUEST_DEADLINE',
  severity,
  message: '…',
  messageEn: '…',
  citation: '',
  evidence: [],
});

describe('listCases', () => {
  it("counts a reviewed case's findings by severity; a case not yet reviewed has none to count", async () => {
    const { store } = service;
    const k = store.openCase(path.join(dir, '甲案'), '甲案');
    expect((await service.api.listCases({})).find((c) => c.id === k.id)?.findings).toBeUndefined();

    const job = store.createJob(k.id, 'review', {});
    store.recordFindings(k.id, job.id, [finding('a', 'violation'), finding('b', 'violation'), finding('c', 'warning')]);
    store.markReviewed(k.id);
    const listed = async () => (await service.api.listCases({})).find((c) => c.id === k.id)?.findings;
    expect(await listed()).toEqual({ violation: 2, warning: 1 });

    // A dismissed finding is set aside; a confirmed one still counts.
    store.decideFinding(k.id, 'a', 'dismissed', '已核实无误', '周法制');
    store.decideFinding(k.id, 'c', 'confirmed', '', '周法制');
    expect(await listed()).toEqual({ violation: 1, warning: 1 });

    // A finding the next review no longer makes (resolved) is not counted.
    const again = store.createJob(k.id, 'review', {});
    store.recordFindings(k.id, again.id, [finding('a', 'violation'), finding('c', 'warning')]);
    expect(await listed()).toEqual({ violation: 0, warning: 1 });
  });

  it('says 0 and 0 for a reviewed case with no findings', async () => {
    const k = service.store.openCase(path.join(dir, '乙案'), '乙案');
    service.store.markReviewed(k.id);
    expect((await service.api.listCases({})).find((c) => c.id === k.id)?.findings).toEqual({ violation: 0, warning: 0 });
  });
});
