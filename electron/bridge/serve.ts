// `npm run web -- [--db <file>] [--port N]`: the real backend behind the loopback
// bridge, serving the renderer build to any local Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createService } from '../core/service.js';
import { startBridge } from './server.js';
import { resolveStoreKey } from '../core/store/key.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: path.join('.cache', 'web', 'case-review.db') },
      port: { type: 'string', default: '0' },
      'key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--db <file>] [--key-file <file>] [--port N]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer between 0 and 65535, got "${values.port}"`);
  }
  const staticDir = path.join(repoRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The renderer is not built (${staticDir}/index.html is missing). Run \`npx vite build\` first.`);
    process.exitCode = 1;
    return;
  }

  const dbPath = path.resolve(values.db);
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  // The bridge is the desk in a browser: its store is encrypted like the CLI's (a key file beside it
  // in .cache unless CASE_REVIEW_KEY or --key-file says otherwise).
  const key = resolveStoreKey({ keyFile: values['key-file'], dataDir: path.dirname(dbPath) });
  const service = createService({ dbPath, key, program: '阅卷（浏览器）' });
  const bridge = await startBridge({ service, staticDir, port });
  console.log(`Case Review (web bridge): ${bridge.url}?token=${bridge.token}`);
  console.log(`Database: ${dbPath}`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing…`);
    void (async () => {
      try {
        await bridge.close();
        await service.close();
      } catch (err) {
        console.error(err);
        process.exitCode = 1;
      }
      // OCR workers or a stray keep-alive socket must not keep a closed bridge alive.
      process.exit();
    })();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
