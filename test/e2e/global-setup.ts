// Starts the real backend behind the real bridge for the e2e run: nothing between
// the browser and the database is faked. The returned function is the teardown.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createService } from '../../electron/core/service.js';
import { startBridge } from '../../electron/bridge/server.js';
import { writeCaseFolder } from './case-folder.js';
import { STATE_ENV } from './state.js';
import type { E2eState } from './state.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalSetup(): Promise<() => Promise<void>> {
  const staticDir = path.join(repoRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}/index.html missing): run \`npx vite build\` or \`npm run e2e\`.`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-e2e-'));
  const caseFolder = path.join(root, '李建国盗窃案');
  await writeCaseFolder(caseFolder);
  let generated: E2eState['generated'];
  try {
    // Loaded here, not at the top: a generator being rewritten must not stop the other tests.
    const { generateCase } = await import('../fixtures/generator/index.js');
    const g = await generateCase({ seed: 20221116, outDir: path.join(root, 'generated'), name: '郭某某等盗窃案', forms: 'text-only' });
    generated = { folder: g.folder, truthPath: g.truthPath };
  } catch (err) {
    // Only the test that needs the generated case fails, with this message.
    generated = { error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }

  // Encrypted, as the desk's store is.
  const service = createService({ dbPath: path.join(root, 'case-review.db'), key: crypto.randomBytes(32) });
  const bridge = await startBridge({ service, staticDir });
  const state: E2eState = { url: `${bridge.url}?token=${encodeURIComponent(bridge.token)}`, caseFolder, generated };
  const stateFile = path.join(root, 'bridge.json');
  fs.writeFileSync(stateFile, JSON.stringify(state));
  // Playwright passes the runner's environment on to its test workers.
  process.env[STATE_ENV] = stateFile;

  return async () => {
    await bridge.close();
    await service.close();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
