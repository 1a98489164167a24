// pdf.js in plain Node, loaded once, with everything it would otherwise fetch taken from
// the installed package: the app reads PDFs offline.
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

// Local paths ending in a separator, since pdf.js joins file names onto them. Without cMaps a
// PDF using a non-embedded Chinese font (STSong-Light, UniGB-UCS2-H) yields no characters;
// without the wasm decoders JPEG 2000 scans render blank (STACK.md).
export const PDFJS_ASSETS = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  cMapPacked: true,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
  // Nothing in a PDF is evaluated: no compiled functions (eval), no XFA forms (which carry
  // scripts). pdf.js runs a PDF's JavaScript only in its viewer's scripting sandbox, which
  // the app never loads; its actions, attachments and launches are parsed as data, and the
  // app asks for none of them (test/unit/ingest/hostile-pdf.test.ts).
  isEvalSupported: false,
  enableXfa: false,
  useSystemFonts: false,
} as const;

export type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

// pdf.js in Node runs its worker on the main thread (a "fake worker") and imports the worker's
// module on the first getDocument: ~0.6 s the first PDF of a dropped case waited for. Loaded
// with the library; the module registers itself as globalThis.pdfjsWorker, where pdf.js looks
// for a worker already loaded (set here too, should a later version stop doing so).
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import(WORKER) as Promise<{ WorkerMessageHandler: unknown }>]).then(
    ([lib, worker]) => {
      const g = globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } };
      g.pdfjsWorker ??= worker;
      return lib;
    },
  );
  return pdfjs;
}
