export { OCR_ENGINE_ID, OcrEngine } from './engine.js';
export type { BBox, OcrEngineOptions, OcrLine, OcrPage, OcrWord, RecognizeOptions } from './engine.js';
export { normaliseChineseText } from './normalise.js';
export { isUsableTextLayer } from './text-layer.js';
export { prepareForOcr } from './preprocess.js';
export type { PreparedPage, Rotation } from './preprocess.js';
export { defaultTessdataDir, ensureTessdata, OCR_LANGUAGES } from './tessdata.js';
export type { OcrLanguage } from './tessdata.js';
