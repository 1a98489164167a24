import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTextPdf } from '../support/text-pdf.js';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;

/** Addresses a process tried to reach, from strace's record of connect/sendto/sendmsg calls. */
export function socketTargets(trace: string): { family: string; address: string }[] {
  const out: { family: string; address: string }[] = [];
  for (const line of trace.split('\n')) {
    const family = /sa_family=(AF_\w+)/.exec(line)?.[1];
    if (!family) continue;
    const address =
      /inet_addr\("([^"]+)"\)/.exec(line)?.[1] ??
      /inet_pton\(AF_INET6, "([^"]+)"/.exec(line)?.[1] ??
      /sun_path="([^"]*)"/.exec(line)?.[1] ??
      '';
    out.push({ family, address });
  }
  return out;
}

const isLoopback = (t: { family: string; address: string }) =>
  t.family === 'AF_UNIX' ||
  t.family === 'AF_NETLINK' ||
  (t.family === 'AF_INET' && t.address.startsWith('127.')) ||
  (t.family === 'AF_INET6' && (t.address === '::1' || t.address.startsWith('::ffff:127.')));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-offline-'));
  const folder = path.join(root, 'case');
  fs.mkdirSync(folder);
  await writeTextPdf(path.join(folder, '立案决定书.pdf'), ['立案决定书\n决定对张三盗窃案立案侦查。']);
  // a page that only OCR can read, so the OCR workers and their model loading run too
  await writeTextPdf(path.join(root, 'scan-source.pdf'), ['拘留通知书\n张三的家属：\n我局已于2024年3月5日14时30分将张三刑事拘留。']);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', path.join(root, 'scan-source.pdf'), path.join(folder, '拘留通知书')]);
});

describe('privacy by construction', () => {
  it('a whole review, OCR included, opens no connection off the machine', () => {
    const trace = path.join(root, 'trace.txt');
    const r = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        'trace=connect,sendto,sendmsg',
        '-o',
        trace,
        process.execPath,
        path.join(repo, 'node_modules/tsx/dist/cli.mjs'),
        path.join(repo, 'electron/cli/main.ts'),
        'review',
        path.join(root, 'case'),
        '--out',
        path.join(root, 'out'),
        '--db',
        path.join(root, 'case.db'),
      ],
      { cwd: repo, encoding: 'utf8', timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const review = JSON.parse(fs.readFileSync(path.join(root, 'out', 'review.json'), 'utf8')) as {
      pages: { source: string; text: string }[];
    };
    expect(review.pages.some((p) => p.source === 'ocr' && p.text.includes('拘留'))).toBe(true);
    const targets = socketTargets(fs.readFileSync(trace, 'utf8'));
    expect(targets.filter((t) => !isLoopback(t))).toEqual([]);
  });

  it('the trace parser does see an outside address when one is contacted', () => {
    const sample = [
      '123 connect(21, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("104.16.1.1")}, 16) = -1 ENETUNREACH',
      '124 connect(22, {sa_family=AF_UNIX, sun_path="/tmp/tsx-0/1.pipe"}, 110) = 0',
      '125 connect(23, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1',
      '126 connect(24, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
    ].join('\n');
    const outside = socketTargets(sample)
      .filter((t) => !isLoopback(t))
      .map((t) => t.address);
    expect(outside).toEqual(['104.16.1.1', '2001:4860::8888']);
  });
});
