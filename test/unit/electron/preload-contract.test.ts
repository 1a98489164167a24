import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CALL, IPC_CHOOSE_EXPORT, IPC_EVENT, IPC_PICK_FOLDER, IPC_SHOW_IN_FOLDER, shellSchemas } from '../../../shared/api.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the Electron shell', () => {
  it('preload repeats the channel names of the shared contract exactly', () => {
    const preload = fs.readFileSync(path.join(root, 'electron/preload.cts'), 'utf8');
    expect(preload).toContain(`const IPC_CALL = '${IPC_CALL}'`);
    expect(preload).toContain(`const IPC_EVENT = '${IPC_EVENT}'`);
    expect(preload).toContain(`const IPC_PICK_FOLDER = '${IPC_PICK_FOLDER}'`);
    expect(preload).toContain(`const IPC_CHOOSE_EXPORT = '${IPC_CHOOSE_EXPORT}'`);
    expect(preload).toContain(`const IPC_SHOW_IN_FOLDER = '${IPC_SHOW_IN_FOLDER}'`);
    // the renderer gets one object, never ipcRenderer itself
    expect(preload).toMatch(/exposeInMainWorld\('caseReview', bridge\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });

  it('main creates the window hardened', () => {
    const main = fs.readFileSync(path.join(root, 'electron/main.ts'), 'utf8');
    for (const s of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      "setWindowOpenHandler(() => ({ action: 'deny' }))",
      "'will-navigate'",
      'Content-Security-Policy',
      'safeParse',
    ]) {
      expect(main).toContain(s);
    }
  });

  it("validates the export channels' messages and lets the renderer export and reveal only what the reviewer chose (issue 16)", () => {
    const main = fs.readFileSync(path.join(root, 'electron/main.ts'), 'utf8');
    expect(main).toContain('shellSchemas.chooseExport.safeParse(request)');
    expect(main).toContain('shellSchemas.showInFolder.safeParse(request)');
    expect(main).toContain('dialog.showSaveDialog');
    expect(main).toContain('shell.showItemInFolder');
    expect(main).toMatch(/chosenExportFolders\.has\(path\.resolve\(target\)\)/);
    expect(main).toMatch(/exportedFiles\.has\(path\.resolve\(parsed\.data\.file\)\)/);

    expect(shellSchemas.chooseExport.safeParse({ suggestedName: '张三盗窃案-审查报告' }).success).toBe(true);
    for (const bad of [
      undefined,
      '张三',
      {},
      { suggestedName: '' },
      { suggestedName: 'x'.repeat(201) },
      { suggestedName: 'a', path: '/etc' },
    ])
      expect(shellSchemas.chooseExport.safeParse(bad).success).toBe(false);
    expect(shellSchemas.showInFolder.safeParse({ file: '/home/u/报告/report.pdf' }).success).toBe(true);
    for (const bad of [null, { file: 42 }, { file: '' }, { file: 'x'.repeat(4097) }, { file: '/a', open: true }])
      expect(shellSchemas.showInFolder.safeParse(bad).success).toBe(false);
  });

  it('the backend and the renderer never import electron', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(d.name) && /from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(path.relative(root, p));
      }
    };
    for (const dir of ['electron/core', 'electron/cli', 'electron/bridge', 'renderer', 'shared'])
      if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
