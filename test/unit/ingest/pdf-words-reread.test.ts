// A text PDF read before its characters' boxes were kept is read again when its case is
// reviewed again, so its pages show marks too; one read with them is not read twice.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCaseFolder } from '../../../electron/core/ingest/ingest.js';
import { openDatabase } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { writeTextPdf } from '../../support/text-pdf.js';

describe('a text PDF read without character boxes', () => {
  it('is read again when the case is reviewed again, and then keeps its boxes', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-pdf-words-'));
    await writeTextPdf(path.join(folder, '立案决定书.pdf'), ['立案决定书\n决定对周某盗窃案立案侦查。承办人：郑凯']);
    const store = new CaseStore(openDatabase(':memory:'));
    const kase = store.openCase(folder, '周某盗窃案');
    await ingestCaseFolder(store, kase, () => {});
    const sha = store.listFiles(kase.id)[0]!.sha256!;
    const now = store.getPage(sha, 1)!;
    expect(now.words?.length).toBeGreaterThan(10);
    // as an older reader stored it: the text, no boxes
    store.recordPage({ ...now, words: null });
    const again = await ingestCaseFolder(store, kase, () => {});
    expect(again.extracted).toBe(1);
    expect(store.getPage(sha, 1)!.words?.length).toBe(now.words!.length);
    expect((await ingestCaseFolder(store, kase, () => {})).reused).toBe(1);
    store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
