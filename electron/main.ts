// The Electron main process: a window, a menu, dialogs, and the wiring between the
// renderer and the backend. Everything else lives in electron/core and runs in a
// utility process, so this file stays thin.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  IPC_CALL,
  IPC_CHOOSE_EXPORT,
  IPC_EVENT,
  IPC_PICK_FOLDER,
  IPC_SHOW_IN_FOLDER,
  isMethod,
  requestSchemas,
  shellSchemas,
  type Envelope,
} from '../shared/api.js';
import type { HostMessage, HostRequest } from './core/host.js';
import { BACKEND_PROCESS_ENV } from './core/process-env.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_INDEX = path.join(here, '../../renderer/index.html');
const PRELOAD = path.join(here, 'preload.cjs');
const HOST = path.join(here, 'core/host.js');

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

let backend: UtilityProcess | null = null;
let win: BrowserWindow | null = null;
let nextId = 1;
const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
let ready: Promise<void> | null = null;
// Folders the reviewer chose in the save dialog, and files exports wrote: the renderer may
// export only into the first and reveal only the second, whatever it asks.
const chosenExportFolders = new Set<string>();
const exportedFiles = new Set<string>();

/**
 * The store's key, made on first run and kept by the OS keychain (safeStorage: Keychain, DPAPI,
 * libsecret/kwallet): on disk only as the keychain's ciphertext. Where no keychain answers (a
 * bare Linux session), a key file readable by the user only, as the CLI keeps it.
 */
function storeKey(): string {
  const dir = app.getPath('userData');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sealed = path.join(dir, 'store.key.enc');
  const plain = path.join(dir, 'store.key');
  const keychain =
    safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  if (fs.existsSync(sealed)) return safeStorage.decryptString(fs.readFileSync(sealed));
  if (fs.existsSync(plain)) return fs.readFileSync(plain, 'utf8').trim();
  const key = crypto.randomBytes(32).toString('hex');
  if (keychain) fs.writeFileSync(sealed, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  else fs.writeFileSync(plain, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function startBackend(): Promise<void> {
  backend = utilityProcess.fork(HOST, [], {
    serviceName: 'case-review-backend',
    stdio: 'inherit',
    env: { ...process.env, ...BACKEND_PROCESS_ENV },
  });
  const { port1 } = new MessageChannelMain();
  void port1;
  return new Promise((resolve, reject) => {
    backend!.on('message', (msg: HostMessage) => {
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'fatal') reject(new Error(msg.message));
      else if (msg.type === 'result') {
        pending.get(msg.id)?.(msg.envelope as Envelope<unknown>);
        pending.delete(msg.id);
      } else if (msg.type === 'event') win?.webContents.send(IPC_EVENT, msg.event);
    });
    backend!.on('exit', (code) => {
      for (const [, settle] of pending) settle({ ok: false, error: { code: 'unavailable', message: `backend exited (${code})` } });
      pending.clear();
    });
    backend!.postMessage({
      type: 'init',
      dbPath: path.join(app.getPath('userData'), 'case-review.db'),
      key: storeKey(),
    } satisfies HostRequest);
  });
}

function callBackend(method: string, request: unknown): Promise<Envelope<unknown>> {
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    backend?.postMessage({ type: 'call', id, method, request } satisfies HostRequest);
  });
}

/** Only our own page may call: a frame from anywhere else is refused. */
function fromOurPage(sender: WebContents, frameUrl: string | undefined): boolean {
  return sender === win?.webContents && typeof frameUrl === 'string' && frameUrl.startsWith('file://');
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

async function pickFolder(): Promise<string | null> {
  const r = await dialog.showOpenDialog(win!, { title: '选择案卷文件夹', properties: ['openDirectory'] });
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function chooseExportFolder(suggestedName: string): Promise<string | null> {
  const r = await dialog.showSaveDialog(win!, {
    title: '导出审查报告',
    buttonLabel: '导出',
    defaultPath: path.join(app.getPath('documents'), suggestedName.replace(/[\\/:*?"<>|]/g, '_')),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (r.canceled || !r.filePath) return null;
  chosenExportFolders.add(path.resolve(r.filePath));
  return path.resolve(r.filePath);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '文件',
        submenu: [
          {
            label: '打开案卷文件夹…',
            accelerator: 'CmdOrCtrl+O',
            click: async () => {
              const folder = await pickFolder();
              if (folder) await callBackend('startReview', { folder });
            },
          },
          {
            label: '导出审查报告…',
            accelerator: 'CmdOrCtrl+E',
            click: () => win?.webContents.send(IPC_EVENT, { kind: 'menu', event: { action: 'export-report' } }),
          },
          { type: 'separator' },
          { role: 'quit', label: '退出' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          { role: 'copy', label: '复制' },
          { role: 'selectAll', label: '全选' },
          {
            label: '查找…',
            accelerator: 'CmdOrCtrl+F',
            click: () => win?.webContents.send(IPC_EVENT, { kind: 'menu', event: { action: 'search' } }),
          },
        ],
      },
      {
        label: '视图',
        submenu: [
          { role: 'zoomIn', label: '放大' },
          { role: 'zoomOut', label: '缩小' },
          { role: 'resetZoom', label: '实际大小' },
          { role: 'togglefullscreen', label: '全屏' },
        ],
      },
    ]),
  );
}

async function createWindow(): Promise<void> {
  win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '阅卷 · Case Review',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  harden(win.webContents);
  await win.loadFile(RENDERER_INDEX);
}

app.on('web-contents-created', (_e, contents) => harden(contents));

void app.whenReady().then(async () => {
  // No network, ever: every request that is not the app's own files is refused.
  session.defaultSession.webRequest.onBeforeRequest((details, cb) => cb({ cancel: !/^(file|devtools|data|blob):/.test(details.url) }));
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  ipcMain.handle(IPC_CALL, async (e, method: unknown, request: unknown) => {
    if (!fromOurPage(e.sender, e.senderFrame?.url)) return { ok: false, error: { code: 'forbidden', message: 'unknown sender' } };
    if (!isMethod(method)) return { ok: false, error: { code: 'not-found', message: 'unknown method' } };
    const parsed = requestSchemas[method].safeParse(request);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: parsed.error.message } };
    const target = method === 'exportReport' ? (parsed.data as { folder?: string }).folder : undefined;
    if (target !== undefined && !chosenExportFolders.has(path.resolve(target)))
      return { ok: false, error: { code: 'forbidden', message: '只能导出到在保存对话框中选定的位置' } };
    await ready;
    const envelope = await callBackend(method, parsed.data);
    if (method === 'exportReport' && envelope.ok)
      for (const f of (envelope.value as { files: string[] }).files) exportedFiles.add(path.resolve(f));
    return envelope;
  });
  ipcMain.handle(IPC_CHOOSE_EXPORT, async (e, request: unknown) => {
    const parsed = shellSchemas.chooseExport.safeParse(request);
    return fromOurPage(e.sender, e.senderFrame?.url) && parsed.success ? chooseExportFolder(parsed.data.suggestedName) : null;
  });
  ipcMain.handle(IPC_SHOW_IN_FOLDER, (e, request: unknown) => {
    const parsed = shellSchemas.showInFolder.safeParse(request);
    if (!fromOurPage(e.sender, e.senderFrame?.url) || !parsed.success || !exportedFiles.has(path.resolve(parsed.data.file))) return false;
    shell.showItemInFolder(path.resolve(parsed.data.file));
    return true;
  });
  ipcMain.handle(IPC_PICK_FOLDER, async (e) => (fromOurPage(e.sender, e.senderFrame?.url) ? pickFolder() : null));

  ready = startBackend();
  buildMenu();
  await createWindow();
});

let quitting = false;
app.on('before-quit', (e) => {
  if (quitting || !backend) return;
  // Drain on quit: let the backend cancel its job and close the database first.
  e.preventDefault();
  quitting = true;
  const done = () => app.quit();
  backend.once('exit', done);
  backend.on('message', (m: HostMessage) => {
    if (m.type === 'closed') backend?.kill();
  });
  backend.postMessage({ type: 'shutdown' } satisfies HostRequest);
  setTimeout(() => backend?.kill(), 5000);
});

app.on('window-all-closed', () => app.quit());
