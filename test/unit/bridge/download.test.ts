// Exports leave the browser bridge as downloads (issue 16): the files an export wrote, and
// only those, with a name a browser saves in Chinese. The backend is a small fake that writes
// real files: what is under test is the door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requestSchemas } from '../../../shared/api.js';
import type { Api } from '../../../shared/api.js';
import { startBridge, TOKEN_HEADER } from '../../../electron/bridge/server.js';
import type { Bridge } from '../../../electron/bridge/server.js';
import { contentDisposition, downloadName } from '../../../electron/bridge/download.js';

let dir: string;
let bridge: Bridge;
const exportDir = () => path.join(dir, 'exports', '张三盗窃案-2026-12-07-02-40');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-download-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not an export');
  const unused = Object.fromEntries(
    Object.keys(requestSchemas).map((m) => [m, () => Promise.reject(new Error('unused'))]),
  ) as unknown as Api;
  const api: Api = {
    ...unused,
    exportReport: async (req) => {
      requestSchemas.exportReport.parse(req);
      const folder = exportDir();
      fs.mkdirSync(folder, { recursive: true });
      const files = ['review.json', 'report.pdf', 'report.docx'].map((f) => path.join(folder, f));
      for (const f of files) fs.writeFileSync(f, `%${path.basename(f)}%`);
      return { folder, files };
    },
  };
  bridge = await startBridge({ service: { api, onEvent: () => () => undefined }, staticDir: path.join(dir, 'renderer') });
});
afterAll(async () => {
  await bridge.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const download = (file: string, token: string | null = bridge.token) =>
  fetch(`${bridge.url}api/download?${token === null ? '' : `token=${encodeURIComponent(token)}&`}file=${encodeURIComponent(file)}`);

describe('downloading an export through the bridge', () => {
  it('refuses files no export wrote, and callers without the token', async () => {
    expect((await download(path.join(dir, 'secret.txt'))).status).toBe(403);
    expect((await download(path.join(exportDir(), 'report.pdf'))).status).toBe(403);
    expect((await download(path.join(dir, 'secret.txt'), null)).status).toBe(401);
    expect((await download(path.join(dir, 'secret.txt'), 'wrong')).status).toBe(401);
  });

  it('hands out what an export wrote, named in Chinese', async () => {
    const res = await fetch(`${bridge.url}api/call/exportReport`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token },
      body: JSON.stringify({ caseId: 'c1' }),
    });
    const { value } = (await res.json()) as { value: { files: string[] } };
    const pdf = value.files.find((f) => f.endsWith('.pdf'))!;
    const got = await download(pdf);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(await got.text()).toBe('%report.pdf%');
    const disposition = got.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const star = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(star)).toBe('张三盗窃案-2026-12-07-02-40-审查报告.pdf');
    const json = await download(value.files.find((f) => f.endsWith('.json'))!);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    // a path that walks out of the export folder is not the exported file
    expect((await download(path.join(exportDir(), '..', '..', 'secret.txt'))).status).toBe(403);
  });
});

describe('the download name', () => {
  it('keeps quotes, backslashes and line breaks out of the header', () => {
    const header = contentDisposition('案"件\\\r\n名.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(/filename="([^"]*)"/.exec(header)![1]).not.toMatch(/["\\]/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe('案"件\\\r\n名.pdf');
  });

  it('says what each file is', () => {
    expect(downloadName('/x/李四案-2026/report.docx')).toBe('李四案-2026-审查报告.docx');
    expect(downloadName('/x/李四案-2026/review.json')).toBe('李四案-2026-review.json');
  });
});
