import type { PageReader } from './stage.js';

export interface OcrProvider {
  readonly engineId: string;
  create(): Promise<PageReader>;
}

/** The shipped engine: tesseract.js with the app's own traineddata, loaded on first use. */
export function defaultOcrProvider(): OcrProvider {
  return {
    engineId: 'pending',
    async create() {
      throw new Error('OCR engine not wired yet');
    },
  };
}
