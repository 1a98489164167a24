import http from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrEngine, OCR_ENGINE_ID } from '../../../electron/core/ocr/engine.js';
import type { OcrPage } from '../../../electron/core/ocr/engine.js';
import { characterErrorRate, readExactly } from './scoring.js';
import { degrade, interrogationPage, printPdf, rasterise } from './scanned-page.js';
import type { PageTruth } from './scanned-page.js';

// Every OCR worker thread runs behind offline-worker.mjs, which throws on any
// network call, and the main thread records any request: the whole file
// proves OCR works without the network.
const requests: string[] = [];
const original = { fetch: globalThis.fetch, http: http.request, https: https.request };

let engine: OcrEngine;
let truth: PageTruth;
let upright: Buffer;
let turned90: Buffer;
let turned180: Buffer;

beforeAll(async () => {
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith('file:')) requests.push(url);
    return original.fetch(input, init);
  }) as typeof fetch;
  http.request = ((...args: unknown[]) => {
    requests.push(`http ${String(args[0])}`);
    return (original.http as (...a: unknown[]) => http.ClientRequest)(...args);
  }) as typeof http.request;
  https.request = ((...args: unknown[]) => {
    requests.push(`https ${String(args[0])}`);
    return (original.https as (...a: unknown[]) => http.ClientRequest)(...args);
  }) as typeof https.request;

  const printed = interrogationPage();
  truth = printed.truth;
  const [page] = await rasterise(await printPdf(printed.html), 200);
  if (!page) throw new Error('no page rasterised');
  [upright, turned90, turned180] = await Promise.all([
    degrade(page, { seed: 1 }),
    degrade(page, { seed: 3, rotate: 90 }),
    degrade(page, { seed: 2, rotate: 180 }),
  ]);
  // Printing uses Chromium; only what follows must stay offline.
  requests.length = 0;
  engine = await OcrEngine.create({ workerPath: fileURLToPath(new URL('./offline-worker.mjs', import.meta.url)) });
});

afterAll(async () => {
  await engine?.close();
  globalThis.fetch = original.fetch;
  http.request = original.http;
  https.request = original.https;
});

const fullText = (): string => truth.lines.join('\n');

describe('OcrEngine', () => {
  let page: OcrPage;

  it('reads a degraded colour scan, the date under the red seal included', async () => {
    page = await engine.recognize(upright);
    expect(page.rotation).toBe(0);
    expect(characterErrorRate(page.text, fullText())).toBeLessThan(0.04);
    expect(page.lines.map((l) => l.text)).toContain(truth.sealedDate);
    for (const id of truth.ids) expect(readExactly(page.text, id)).toBe(true);
    for (const phone of truth.phones) expect(readExactly(page.text, phone)).toBe(true);
    expect(page.text).toContain('侦查员：郑凯、冯磊');
    expect(page.confidence).toBeGreaterThan(0.8);
    expect(page.confidence).toBeLessThanOrEqual(1);
  });

  it('gives boxes in the page image for every word and line', () => {
    expect(page.words.length).toBeGreaterThan(50);
    for (const { bbox } of [...page.words, ...page.lines]) {
      const [x0, y0, x1, y1] = bbox;
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(page.width);
      expect(y1).toBeLessThanOrEqual(page.height);
      expect(x1).toBeGreaterThan(x0);
      expect(y1).toBeGreaterThan(y0);
    }
    // The title sits above the sealed date.
    const title = page.lines.find((l) => l.text.includes('讯问笔录'));
    const date = page.lines.find((l) => l.text === truth.sealedDate);
    expect(title && date && title.bbox[3] < date.bbox[1]).toBe(true);
  });

  it('turns a page scanned upside down and reads it', async () => {
    const turned = await engine.recognize(turned180);
    expect(turned.rotation).toBe(180);
    expect(characterErrorRate(turned.text, fullText())).toBeLessThan(0.08);
  });

  it('turns a page scanned on its side and gives boxes in the turned image', async () => {
    const turned = await engine.recognize(turned90);
    // Scanned turned 90° clockwise: read after turning 270° further.
    expect(turned.rotation).toBe(270);
    expect(turned.width).toBeLessThan(turned.height);
    expect(characterErrorRate(turned.text, fullText())).toBeLessThan(0.08);
    const title = turned.lines.find((l) => l.text.includes('讯问笔录'));
    expect(title).toBeDefined();
    // Upright, the title is a wide line near the top.
    const [x0, y0, x1, y1] = title?.bbox ?? [0, 0, 0, 0];
    expect(x1 - x0).toBeGreaterThan(y1 - y0);
    expect(y0).toBeLessThan(turned.height * 0.2);
  });

  it('made no network request while reading', () => {
    expect(requests).toEqual([]);
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(engine.recognize(upright, { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('names the engine and model so cached pages can be re-read when it changes', () => {
    // PP-OCR replaced tesseract.js as the page reader: pages read by tesseract.js are read again once.
    expect(OCR_ENGINE_ID).toMatch(/^PP-OCRv4-det\+rec\//);
    expect(OCR_ENGINE_ID).not.toBe('tesseract.js@7/chi_sim-4.0.0-lstm/psm4/v4');
  });
});
