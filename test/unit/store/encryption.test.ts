// The store at rest: encrypted (SQLCipher 4 pages), no page text readable in the file or its WAL;
// a plain store from before is encrypted in place, its copy removed once that succeeded; a wrong
// or missing key is told apart from damage; the CLI's key file is its owner's only.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { isPlainStore, openDatabase, StoreKeyError } from '../../../electron/core/store/db.js';
import { readKeyFile, resolveStoreKey } from '../../../electron/core/store/key.js';
import { testStoreKey } from '../../support/store-key.js';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const SECRET = '被讯问人罗志勇供述：二〇二四年三月五日在城南车库盗窃电动车';

/** Every byte the store has on disk: the database, its WAL and shared memory. */
function onDisk(file: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-shm']
      .map((s) => `${file}${s}`)
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

function storeWithText(file: string, key: Buffer | null): void {
  const store = new CaseStore(openDatabase(file, { key }));
  store.recordBlob({ sha256: 'a'.repeat(64), kind: 'txt', size: 1, page_count: 1 });
  store.recordPage({
    sha256: 'a'.repeat(64),
    page_no: 1,
    source: 'txt',
    text: SECRET,
    confidence: null,
    width: null,
    height: null,
    rotation: 0,
    words: null,
    engine: 'text/2',
  });
  store.close();
}

describe('the encrypted store', () => {
  it('holds no readable page text, in the file or beside it', () => {
    const file = path.join(tmp('cr-enc-'), 'cases.db');
    const key = Buffer.alloc(32, 7);
    // written and left open: the WAL holds the newest pages
    const store = new CaseStore(openDatabase(file, { key }));
    store.recordBlob({ sha256: 'b'.repeat(64), kind: 'txt', size: 1, page_count: 1 });
    store.recordPage({
      sha256: 'b'.repeat(64),
      page_no: 1,
      source: 'txt',
      text: SECRET,
      confidence: null,
      width: null,
      height: null,
      rotation: 0,
      words: null,
      engine: 'text/2',
    });
    const bytes = onDisk(file);
    expect(bytes.length).toBeGreaterThan(4096);
    for (const needle of ['罗志勇', '盗窃', 'SQLite format 3', 'CREATE TABLE'])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    store.close();
    expect(isPlainStore(file)).toBe(false);
    // and it reads back with the key
    const again = new CaseStore(openDatabase(file, { key }));
    expect(again.getPage('b'.repeat(64), 1)?.text).toBe(SECRET);
    again.close();
  });

  it('is refused without its key or with another, the message saying which', () => {
    const file = path.join(tmp('cr-enc-'), 'cases.db');
    storeWithText(file, Buffer.alloc(32, 7));
    expect(() => openDatabase(file)).toThrow(StoreKeyError);
    expect(() => openDatabase(file)).toThrow(/未提供密钥/);
    expect(() => openDatabase(file, { key: Buffer.alloc(32, 8) })).toThrow(/密钥不正确/);
  });

  it('encrypts a plain store in place, and removes the plain copy once that succeeded', () => {
    const dir = tmp('cr-enc-');
    const file = path.join(dir, 'cases.db');
    storeWithText(file, null);
    expect(onDisk(file).includes(Buffer.from('罗志勇'))).toBe(true);
    const key = Buffer.alloc(32, 9);
    const store = new CaseStore(openDatabase(file, { key }));
    expect(store.getPage('a'.repeat(64), 1)?.text).toBe(SECRET);
    store.close();
    expect(isPlainStore(file)).toBe(false);
    expect(onDisk(file).includes(Buffer.from('罗志勇'))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.includes('plain'))).toEqual([]);
  });

  it('the CLI encrypts its store by default', async () => {
    const dir = tmp('cr-enc-cli-');
    const folder = path.join(dir, '罗某盗窃案');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '讯问笔录.txt'), `讯问笔录\n${SECRET}`);
    const db = path.join(dir, 'cases.db');
    expect(await main(['review', folder, '--out', path.join(dir, 'out'), '--db', db])).toBe(0);
    expect(isPlainStore(db)).toBe(false);
    expect(onDisk(db).includes(Buffer.from('罗志勇'))).toBe(false);
    const raw = new Database(db, { readonly: true });
    expect(() => raw.prepare('SELECT count(*) FROM pages').get()).toThrow(/not a database/);
    raw.close();
    expect(openDatabase(db, { key: testStoreKey() }).prepare('SELECT count(*) AS n FROM pages').get()).toEqual({ n: 1 });
  });
});

describe("the CLI's key", () => {
  it('is made on first use, 32 random bytes readable by its owner only, and the same afterwards', () => {
    const dataDir = path.join(tmp('cr-key-'), 'case-review');
    const a = resolveStoreKey({ dataDir, env: {} });
    const file = path.join(dataDir, 'store.key');
    expect(a).toHaveLength(32);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveStoreKey({ dataDir, env: {} }).equals(a)).toBe(true);
    // a key file others could read is narrowed back
    if (process.platform !== 'win32') {
      fs.chmodSync(file, 0o644);
      readKeyFile(file, false);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
  });

  it('comes from CASE_REVIEW_KEY or --key-file first, and a bad one is refused in Chinese', () => {
    const dataDir = tmp('cr-key-');
    expect(resolveStoreKey({ dataDir, env: { CASE_REVIEW_KEY: 'ab'.repeat(32) } })).toEqual(Buffer.alloc(32, 0xab));
    const given = path.join(dataDir, 'given.key');
    fs.writeFileSync(given, 'cd'.repeat(32));
    expect(resolveStoreKey({ dataDir, keyFile: given, env: {} })).toEqual(Buffer.alloc(32, 0xcd));
    expect(() => resolveStoreKey({ dataDir, env: { CASE_REVIEW_KEY: 'secret' } })).toThrow(/密钥格式不正确/);
    expect(() => resolveStoreKey({ dataDir, keyFile: path.join(dataDir, 'none.key'), env: {} })).toThrow(/无法读取密钥文件/);
    expect(fs.existsSync(path.join(dataDir, 'store.key'))).toBe(false);
  });
});
