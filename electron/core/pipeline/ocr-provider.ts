import { OCR_ENGINE_ID } from '../ocr/engine.js';
import type { PageReader } from './stage.js';

export interface OcrProvider {
  readonly engineId: string;
  create(): Promise<PageReader>;
}

/** The shipped engine: tesseract.js with the app's own traineddata, started on first use. */
export function defaultOcrProvider(opts: { workers?: number } = {}): OcrProvider {
  return {
    engineId: OCR_ENGINE_ID,
    async create() {
      const { OcrEngine } = await import('../ocr/engine.js');
      const engine = await OcrEngine.create(opts.workers ? { workers: opts.workers } : {});
      return {
        engineId: OCR_ENGINE_ID,
        concurrency: engine.workerCount,
        read: (png, signal) => engine.recognize(png, signal ? { signal } : {}),
        close: () => engine.close(),
      };
    },
  };
}
