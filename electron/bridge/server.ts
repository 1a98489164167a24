// The loopback web bridge: the same backend and the same renderer build as the
// desktop app, reachable from a plain Chromium for tests and for machines without
// the Electron binary (DESIGN.md §2). Case files are sensitive, so it binds
// 127.0.0.1 only, demands a per-run token on every API call, and refuses foreign
// Host headers so a rebinding DNS name cannot reach it from a web page.
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { isMethod } from '../../shared/api.js';
import type { Api, BackendEvent, Envelope } from '../../shared/api.js';
import { contentDisposition, downloadName, DOWNLOAD_MIME } from './download.js';

/** What the bridge needs of the backend: the typed API and its event stream. */
export interface BridgedService {
  api: Api;
  onEvent(listener: (e: BackendEvent) => void): () => void;
}

export interface BridgeOptions {
  service: BridgedService;
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Fixed token for reproducible setups; random per run when absent. */
  token?: string;
  /** SSE heartbeat; proxies and idle sockets drop silent streams. */
  heartbeatMs?: number;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-case-review-token';
const MAX_BODY_BYTES = 1 << 20;
const LOOPBACK = '127.0.0.1';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.bcmap': 'application/octet-stream',
};

// Mirrors renderer/index.html's meta CSP; the header is what a browser enforces first.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A person who typed or followed a wrong address gets a page in their language, not an API envelope. */
function sendPage(req: http.IncomingMessage, res: http.ServerResponse, status: number, headline: string, detail: string): void {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(headline)} · 阅卷</title>
<style>body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:0;padding:48px;color:#1f2328;background:#eef0f2}
main{max-width:560px;margin:0 auto;background:#fff;border:1px solid #d9dde1;border-radius:6px;padding:24px 28px}h1{font-size:18px;margin:0 0 8px}p{color:#59636e}</style></head>
<body><main><h1>${escapeHtml(headline)}</h1><p>${escapeHtml(detail)}</p><p>请从程序启动时给出的地址打开阅卷（地址中带有访问凭证）。</p></main></body></html>`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(req.method === 'HEAD' ? undefined : html);
}

const PAGE_TEXT: Record<number, [string, string]> = {
  403: ['无权访问此地址', '该地址不在阅卷程序的文件范围内。'],
  404: ['页面不存在', '阅卷程序中没有这个地址。'],
  405: ['不支持的访问方式', '此地址只能以浏览方式打开。'],
  500: ['阅卷程序出错', '打开此地址时程序内部出错，请稍后重试。'],
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'too-large', `Request body exceeds ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Turns whatever the backend threw into a message a reviewer can act on. Codes follow
 * the backend's own (CaseReviewError: 'not-found', 'folder-missing', …).
 */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof Error) {
    const withCode = err as Error & { code?: unknown; issues?: unknown };
    if (Array.isArray(withCode.issues)) {
      // zod's own message is a JSON dump; a reviewer needs "field: problem".
      const parts = (withCode.issues as { path?: unknown[]; message?: string }[]).map((i) => {
        const where = Array.isArray(i.path) && i.path.length > 0 ? `${i.path.join('.')}: ` : '';
        return `${where}${i.message ?? 'invalid'}`;
      });
      return { code: 'invalid-request', message: `Invalid request — ${parts.join('; ')}` };
    }
    const code = typeof withCode.code === 'string' && withCode.code ? withCode.code : 'internal';
    return { code, message: err.message || err.name || 'Unknown error' };
  }
  if (typeof err === 'string') return { code: 'internal', message: err };
  return { code: 'internal', message: 'Unknown error' };
}

/** Resolves a URL path inside root, or null if it would escape it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  if (!resolved.startsWith(rootWithSep)) return null;
  return resolved;
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const { service } = opts;
  const staticRoot = path.resolve(opts.staticDir);
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  let port = 0;
  const streams = new Set<http.ServerResponse>();
  // Files this bridge's exports wrote: the only ones /api/download hands out.
  const exported = new Set<string>();

  const allowedHosts = (): Set<string> => new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);

  async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'Use POST for API calls');
    const headerToken = req.headers[TOKEN_HEADER];
    if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, token)) {
      throw new HttpError(401, 'unauthorized', 'Missing or wrong access token');
    }
    // A cross-site form or fetch cannot carry the token, but refuse foreign origins outright.
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      throw new HttpError(403, 'forbidden-origin', 'Requests from other origins are refused');
    }
    if (!isMethod(method)) throw new HttpError(404, 'unknown-method', `Unknown API method: ${method}`);
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpError(400, 'bad-json', 'Request body is not valid JSON');
    }
    // The service validates every request against requestSchemas; the bridge only carries it.
    const call = service.api[method] as (req: unknown) => Promise<unknown>;
    try {
      const value = await call(body);
      if (method === 'exportReport') for (const f of (value as { files: string[] }).files) exported.add(path.resolve(f));
      sendJson(res, 200, { ok: true, value });
    } catch (err) {
      sendJson(res, 200, { ok: false, error: describeError(err) });
    }
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'Use GET for the event stream');
    // EventSource cannot set headers, so the stream takes the token as a query parameter.
    if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
      throw new HttpError(401, 'unauthorized', 'Missing or wrong access token');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = service.onEvent((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    heartbeat.unref();
    const stop = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'Use GET for downloads');
    // A link cannot carry a header: the token comes in the address, as for the event stream.
    if (!sameToken(url.searchParams.get('token') ?? undefined, token)) {
      throw new HttpError(401, 'unauthorized', 'Missing or wrong access token');
    }
    const file = path.resolve(url.searchParams.get('file') ?? '');
    if (!exported.has(file)) throw new HttpError(403, 'forbidden-path', '只能下载本次导出的报告文件');
    let data: Buffer;
    try {
      data = await fs.promises.readFile(file);
    } catch {
      throw new HttpError(404, 'not-found', '导出的文件已不存在，请重新导出');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': DOWNLOAD_MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': data.length,
      'content-disposition': contentDisposition(downloadName(file)),
    });
    res.end(data);
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method-not-allowed', 'Method not allowed');
    const file = resolveStatic(staticRoot, url.pathname);
    if (!file) throw new HttpError(403, 'forbidden-path', 'Path outside the application folder');
    let data: Buffer;
    try {
      const real = await fs.promises.realpath(file);
      // A symlink inside the build must not lead out of it either.
      if (!real.startsWith(staticRoot + path.sep)) throw new HttpError(403, 'forbidden-path', 'Path outside the application folder');
      const stat = await fs.promises.stat(real);
      if (!stat.isFile()) throw new HttpError(404, 'not-found', 'Not found');
      data = await fs.promises.readFile(real);
    } catch (err) {
      if (err instanceof HttpError) throw err;
      throw new HttpError(404, 'not-found', 'Not found');
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': data.length });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const forApi = (req.url ?? '/').startsWith('/api/');
      try {
        if (!allowedHosts().has((req.headers.host ?? '').toLowerCase())) {
          throw new HttpError(421, 'bad-host', 'Unexpected Host header');
        }
        const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
        if (url.pathname.startsWith('/api/call/')) {
          await handleCall(req, res, url.pathname.slice('/api/call/'.length));
        } else if (url.pathname === '/api/events') {
          handleEvents(req, res, url);
        } else if (url.pathname === '/api/download') {
          await handleDownload(req, res, url);
        } else if (url.pathname.startsWith('/api/')) {
          throw new HttpError(404, 'not-found', 'Unknown API path');
        } else {
          await handleStatic(req, res, url);
        }
      } catch (err) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // The API keeps its envelope (the renderer reads the code); a person at an address gets a page.
        const status = err instanceof HttpError ? err.status : 500;
        const page = forApi ? undefined : PAGE_TEXT[status];
        if (page) sendPage(req, res, status, page[0], page[1]);
        else if (err instanceof HttpError) sendError(res, err.status, err.code, err.message);
        else sendError(res, 500, 'internal', describeError(err).message);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Open event streams would keep close() waiting forever.
        for (const res of streams) res.end();
        streams.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
