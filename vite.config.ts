import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  // Relative asset URLs: Electron loads the build from file://, the bridge from http://.
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // The bundle must be self-contained: no CDN, no runtime fetch of code (DESIGN.md §7).
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
