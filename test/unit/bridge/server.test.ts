// HTTP behaviour of the loopback bridge. The backend is a small fake here on
// purpose: what is under test is the door (token, host, paths, envelope, SSE),
// not what is behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { requestSchemas } from '../../../shared/api.js';
import type { Api, BackendEvent, CaseSummary } from '../../../shared/api.js';
import { resolveStatic, startBridge, TOKEN_HEADER } from '../../../electron/bridge/server.js';
import type { Bridge, BridgedService } from '../../../electron/bridge/server.js';

const sampleCase: CaseSummary = {
  id: 'c1',
  name: '张三盗窃案',
  folder: '/cases/zhangsan',
  createdAt: '2026-01-01T00:00:00Z',
  reviewedAt: null,
  files: 2,
  pages: 10,
  documents: 4,
  errors: 0,
};

function fakeService(): BridgedService & { emit(e: BackendEvent): void; listeners: Set<(e: BackendEvent) => void> } {
  const listeners = new Set<(e: BackendEvent) => void>();
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  // Methods these tests do not call reject; the three they call are real enough.
  const unused = Object.fromEntries(Object.keys(requestSchemas).map((m) => [m, notUsed])) as unknown as Api;
  const api: Api = {
    ...unused,
    listCases: async (req) => {
      requestSchemas.listCases.parse(req);
      return [sampleCase];
    },
    getCase: async (req) => {
      const { caseId } = requestSchemas.getCase.parse(req);
      const err = new Error(`案件不存在: ${caseId}`) as Error & { code: string };
      err.code = 'not-found';
      throw err;
    },
    startReview: async (req) => {
      requestSchemas.startReview.parse(req);
      return { caseId: 'c2', jobId: 'j1' };
    },
  };
  return {
    api,
    listeners,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(e) {
      for (const l of listeners) l(e);
    },
  };
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http rather than fetch: fetch forbids setting Host, which these tests must forge. */
function raw(
  bridge: Bridge,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${bridge.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function call(bridge: Bridge, method: string, body: unknown, token: string | null = bridge.token): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers[TOKEN_HEADER] = token;
  return raw(bridge, {
    method: 'POST',
    path: `/api/call/${method}`,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('loopback bridge', () => {
  let dir: string;
  let staticDir: string;
  let service: ReturnType<typeof fakeService>;
  let bridge: Bridge;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-test-'));
    staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>阅卷</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'case file outside the build');
    service = fakeService();
    bridge = await startBridge({ service, staticDir });
  });

  afterAll(async () => {
    await bridge.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('binds the loopback address only, with a fresh unguessable token', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startBridge({ service, staticDir });
    try {
      expect(other.token).not.toBe(bridge.token);
    } finally {
      await other.close();
    }
    // A wildcard bind (0.0.0.0 / ::) would accept these too; a 127.0.0.1 bind refuses them.
    // The LAN address is checked when the machine has one.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    for (const host of ['127.0.0.2', '::1', ...(external ? [external] : [])]) {
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get({ host, port: bridge.port, path: '/', headers: { host: `127.0.0.1:${bridge.port}` } }, (res) => {
          res.resume();
          resolve('connected');
        });
        req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(outcome, host).not.toBe('connected');
    }
    const loopback = await raw(bridge, { path: '/' });
    expect(loopback.status).toBe(200);
  });

  it('returns the result in an ok envelope when the token is right', async () => {
    const res = await call(bridge, 'listCases', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [sampleCase] });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const token of [null, '', 'x'.repeat(32), `${bridge.token}x`]) {
      const res = await call(bridge, 'listCases', {}, token);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('answers unknown methods with a 404 envelope and bad JSON with 400', async () => {
    const unknown = await call(bridge, 'dropDatabase', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    // Prototype keys are not methods either.
    expect((await call(bridge, 'constructor', {})).status).toBe(404);

    const bad = await call(bridge, 'listCases', '{"oops":');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
  });

  it('maps a thrown error and a rejected request to ok:false with a readable message', async () => {
    const missing = JSON.parse((await call(bridge, 'getCase', { caseId: 'nope' })).body);
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: '案件不存在: nope' } });

    const invalid = JSON.parse((await call(bridge, 'startReview', { folder: '' })).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid-request');
    expect(invalid.error.message).toContain('folder');
  });

  it('refuses a foreign Host header (DNS rebinding) and foreign origins', async () => {
    const rebound = await raw(bridge, { path: '/', headers: { host: `evil.example:${bridge.port}` } });
    expect(rebound.status).toBe(421);
    const wrongPort = await raw(bridge, { path: '/', headers: { host: `127.0.0.1:${bridge.port + 1}` } });
    expect(wrongPort.status).toBe(421);
    const localhost = await raw(bridge, { path: '/', headers: { host: `localhost:${bridge.port}` } });
    expect(localhost.status).toBe(200);

    const crossSite = await raw(bridge, {
      method: 'POST',
      path: '/api/call/listCases',
      body: '{}',
      headers: { [TOKEN_HEADER]: bridge.token, origin: 'http://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('serves the renderer build with MIME types and security headers, and no CORS', async () => {
    const index = await raw(bridge, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('阅卷');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['access-control-allow-origin']).toBeUndefined();

    expect((await raw(bridge, { path: '/assets/app.js' })).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await raw(bridge, { path: '/assets/app.css' })).headers['content-type']).toMatch(/^text\/css/);
    expect((await raw(bridge, { path: '/assets/none.js' })).status).toBe(404);
  });

  it('answers an unknown address with a page in Chinese, and an unknown API path with an envelope', async () => {
    const page = await raw(bridge, { path: '/no/such/page' });
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('页面不存在');
    expect(page.body).not.toContain('"ok"');
    const head = await raw(bridge, { path: '/no/such/page', method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.body).toBe('');
    const post = await raw(bridge, { path: '/index.html', method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.body).toContain('不支持的访问方式');
    const api = await raw(bridge, { path: '/api/nothing' });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses paths that climb out of the build folder', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await raw(bridge, { path: p });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('case file outside the build');
    }
    expect(resolveStatic(staticDir, '/../secret.txt')).toBeNull();
    expect(resolveStatic(staticDir, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStatic(staticDir, '/')).toBe(path.join(staticDir, 'index.html'));
  });

  it('streams backend events over SSE to a token holder, and unsubscribes when the stream closes', async () => {
    expect((await raw(bridge, { path: '/api/events?token=wrong' })).status).toBe(401);

    const event: BackendEvent = {
      kind: 'progress',
      event: { caseId: 'c1', jobId: 'j1', stage: 'ocr', done: 3, total: 10, messageKey: 'ocr.page', file: '卷一.pdf' },
    };
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: `/api/events?token=${encodeURIComponent(bridge.token)}`,
          headers: { host: `127.0.0.1:${bridge.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(': connected')) service.emit(event);
            const data = buffer.split('\n').find((l) => l.startsWith('data: '));
            if (data) {
              req.destroy();
              resolve(data.slice('data: '.length));
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(JSON.parse(received)).toEqual(event);
    await expect.poll(() => service.listeners.size).toBe(0);
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const quick = await startBridge({ service, staticDir, heartbeatMs: 50 });
    try {
      const text = await new Promise<string>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port: quick.port, path: `/api/events?token=${quick.token}`, headers: { host: `127.0.0.1:${quick.port}` } },
          (res) => {
            let buffer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buffer += chunk;
              if (buffer.includes(': heartbeat')) {
                req.destroy();
                resolve(buffer);
              }
            });
          },
        );
        req.on('error', reject);
      });
      expect(text).toContain(': heartbeat');
    } finally {
      await quick.close();
    }
  });
});
