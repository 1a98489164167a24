import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import '../../../electron/core/render/index.js';

// Issue 16, memory: the backend renders each page once, so libvips' cache of recent operations
// only holds memory (about 0.1 GB of a scanned review's peak). Loading the renderer turns it off.
describe('libvips operation cache', () => {
  it('is off once the renderer is loaded', () => {
    const c = sharp.cache();
    expect(c.items.max).toBe(0);
    expect(c.memory.max).toBe(0);
  });
});
