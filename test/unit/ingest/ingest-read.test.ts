// How ingest opens the files of a case: a small file once, hashed and read from the same
// bytes; a large one hashed as a stream, then read; a file that cannot be read after its hash
// (gone meanwhile, or beyond the 2 GB one read can hold) is an error of its own in Chinese,
// and the rest of the case is read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestCaseFolder } from '../../../electron/core/ingest/ingest.js';
import { openDatabase } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function caseOf(files: Record<string, Buffer | string | number>): { folder: string; store: CaseStore } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-ingest-'));
  for (const [name, data] of Object.entries(files)) {
    // a number: a sparse file of that many bytes (zeros, costing no disk)
    if (typeof data === 'number') fs.truncateSync((fs.writeFileSync(path.join(folder, name), ''), path.join(folder, name)), data);
    else fs.writeFileSync(path.join(folder, name), data);
  }
  return { folder, store: new CaseStore(openDatabase(':memory:')) };
}

/** Counts whole-file reads and stream opens by file name; `fail` makes a name's whole read fail with that code. */
function watchReads(fail: Record<string, string> = {}) {
  const reads = new Map<string, number>();
  const streams = new Map<string, number>();
  const readFile = fsp.readFile.bind(fsp);
  const createReadStream = fs.createReadStream.bind(fs);
  vi.spyOn(fsp, 'readFile').mockImplementation(((file: string, ...rest: []) => {
    const name = path.basename(String(file));
    reads.set(name, (reads.get(name) ?? 0) + 1);
    if (fail[name]) return Promise.reject(Object.assign(new Error(`${fail[name]}: ${name}`), { code: fail[name] }));
    return readFile(file, ...rest);
  }) as typeof fsp.readFile);
  vi.spyOn(fs, 'createReadStream').mockImplementation(((file: string, ...rest: []) => {
    const name = path.basename(String(file));
    streams.set(name, (streams.get(name) ?? 0) + 1);
    return createReadStream(file, ...rest);
  }) as typeof fs.createReadStream);
  return { reads, streams };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ingest', () => {
  it('opens a small file once: its hash is that of the bytes it read', async () => {
    const note = Buffer.from('情况说明\n报案人王甲，电话13900000001。\n');
    const { folder, store } = caseOf({ '情况说明.txt': note, '空白.txt': '' });
    const { reads, streams } = watchReads();
    const stats = await ingestCaseFolder(store, store.openCase(folder, '王甲被盗案'), () => {});
    expect(stats).toMatchObject({ hashed: 2, extracted: 1, errors: 1 });
    expect(Object.fromEntries(reads)).toEqual({ '情况说明.txt': 1, '空白.txt': 1 });
    expect(streams.size).toBe(0);
    expect(store.listFiles(store.listCases()[0]!.id).find((f) => f.path === '情况说明.txt')?.sha256).toBe(sha256(note));
    store.close();
  });

  it('hashes a large file as a stream and reads it once more; one that then cannot be read is an error of its own', async () => {
    const { folder, store } = caseOf({
      '扫描卷.pdf': 40 * 1024 * 1024,
      '已移走.pdf': 33 * 1024 * 1024,
      '情况说明.txt': '情况说明\n其余材料照常读取。',
    });
    // 扫描卷.pdf as if it were beyond 2 GB (a real one takes 14 s to hash here); 已移走.pdf gone since its hash
    const { reads, streams } = watchReads({ '扫描卷.pdf': 'ERR_FS_FILE_TOO_LARGE', '已移走.pdf': 'ENOENT' });
    const kase = store.openCase(folder, '张三盗窃案');
    const stats = await ingestCaseFolder(store, kase, () => {});
    expect(Object.fromEntries(streams)).toEqual({ '扫描卷.pdf': 1, '已移走.pdf': 1 });
    expect(Object.fromEntries(reads)).toEqual({ '扫描卷.pdf': 1, '已移走.pdf': 1, '情况说明.txt': 1 });
    expect(stats).toMatchObject({ hashed: 3, extracted: 1, errors: 2 });
    const errors = Object.fromEntries(store.listErrors(kase.id).map((e) => [e.path, e.message]));
    expect(errors).toEqual({
      '扫描卷.pdf': expect.stringMatching(/^文件过大（[\d.]+ GB），无法读取$/),
      '已移走.pdf': expect.stringMatching(/^无法读取文件：ENOENT/),
    });
    // the hash is kept, so the file is known when it comes back
    expect(store.listFiles(kase.id).find((f) => f.path === '已移走.pdf')).toMatchObject({
      status: 'error',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    store.close();
  });
});
