// The backend process starts with the environment its memory was measured in (issue 16: a 1,000-page
// review's peak): the desktop app's utility process and the scale bench's child both take it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKEND_PROCESS_ENV } from '../../../electron/core/process-env.js';

const root = path.resolve(__dirname, '../../..');

describe('the backend process environment', () => {
  it('caps malloc arenas, and the app and the bench both start the backend with it', () => {
    expect(Number(BACKEND_PROCESS_ENV.MALLOC_ARENA_MAX)).toBeGreaterThan(0);
    expect(Number(BACKEND_PROCESS_ENV.MALLOC_ARENA_MAX)).toBeLessThanOrEqual(2);
    const main = fs.readFileSync(path.join(root, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/utilityProcess\.fork\([^)]*env:\s*\{\s*\.\.\.process\.env,\s*\.\.\.BACKEND_PROCESS_ENV\s*\}/s);
    const bench = fs.readFileSync(path.join(root, 'test/bench/scale.ts'), 'utf8');
    // onnxruntime's telemetry is off from the backend's start, and again before any ORT environment exists.
    expect(BACKEND_PROCESS_ENV.ORT_DISABLE_TELEMETRY).toBe('1');
    expect(bench).toMatch(/fork\([^;]*env:\s*\{\s*\.\.\.process\.env,\s*\.\.\.BACKEND_PROCESS_ENV\s*\}/s);
  });
});

describe('onnxruntime telemetry', () => {
  it('is turned off in the process before the PP-OCR models can create an ORT environment', async () => {
    delete process.env.ORT_DISABLE_TELEMETRY;
    await import('../../../electron/core/ocr/ppocr/models-session.js');
    expect(process.env.ORT_DISABLE_TELEMETRY).toBe('1');
  });
});
