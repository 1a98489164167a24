// The store's key, for hosts without an OS keychain of their own (the CLI, the web bridge): the
// environment (CASE_REVIEW_KEY, 64 hex digits), a key file given (--key-file), or else a key file
// made on first use in the user-data folder, readable by its owner only. The desktop app keeps
// its key with Electron's safeStorage instead (electron/main) and hands it to the backend.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_FILE_NAME = 'store.key';

export class StoreKeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreKeyFileError';
  }
}

function parseKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex))
    throw new StoreKeyFileError(`密钥格式不正确（${where}）：应为 64 位十六进制数字。(a key is 64 hex digits)`);
  return Buffer.from(hex, 'hex');
}

/** A key file's key; made (32 random bytes, mode 0600) when `create` and the file does not exist. */
export function readKeyFile(file: string, create: boolean): Buffer {
  try {
    const text = fs.readFileSync(file, 'utf8');
    // A key others can read protects nothing: narrow it back to its owner.
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return parseKey(text, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) {
      if (err instanceof StoreKeyFileError) throw err;
      throw new StoreKeyFileError(`无法读取密钥文件：${file}（${(err as Error).message}）`);
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  try {
    // wx: two programs starting at once do not each write a different key.
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file, false);
    throw new StoreKeyFileError(`无法创建密钥文件：${file}（${(err as Error).message}）`);
  }
}

/** The key of a host without a keychain: CASE_REVIEW_KEY, else the key file given, else the default one (made if missing). */
export function resolveStoreKey(opts: { keyFile?: string; dataDir: string; env?: NodeJS.ProcessEnv }): Buffer {
  const env = opts.env ?? process.env;
  if (env.CASE_REVIEW_KEY) return parseKey(env.CASE_REVIEW_KEY, 'CASE_REVIEW_KEY');
  if (opts.keyFile) return readKeyFile(path.resolve(opts.keyFile), false);
  return readKeyFile(path.join(opts.dataDir, KEY_FILE_NAME), true);
}
