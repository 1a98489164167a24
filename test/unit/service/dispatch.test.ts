import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createService } from '../../../electron/core/service.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-dispatch-'));
const service = createService({ dbPath: path.join(dir, 'db.sqlite') });
afterAll(() => service.close());

describe('the service envelope', () => {
  it('answers an unknown method and a malformed request with readable errors, never a throw', async () => {
    expect(await service.dispatch('dropTables', {})).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'unknown method dropTables' },
    });
    const bad = await service.dispatch('getPage', { caseId: 'x', fileId: -1, page: 'one' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-request');
      expect(bad.error.message).toMatch(/fileId: .*; page: /);
      expect(bad.error.message).not.toMatch(/^\[/);
    }
    const extra = await service.dispatch('listCases', { sql: 'DROP TABLE cases' });
    expect(extra.ok).toBe(false);
  });

  it('reports a missing folder and a missing case in the user language', async () => {
    const r = await service.dispatch('startReview', { folder: path.join(dir, 'nope') });
    expect(r).toMatchObject({ ok: false, error: { code: 'folder-missing' } });
    const c = await service.dispatch('getCase', { caseId: 'no-such-case' });
    expect(c).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('案件不存在') } });
  });
});
