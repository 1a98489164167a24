// Where the engine's models live. The app ships resources/tessdata (the
// best_int LSTM models, gzipped) so OCR never downloads anything; the copy
// from the npm data packages is only a fallback for a checkout without it.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OCR_LANGUAGES = ['chi_sim', 'chi_sim_std', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
/** Models that come from the npm data packages as they are; chi_sim_std is built (see resources/tessdata/README.md). */
const PACKAGED: readonly OcrLanguage[] = ['chi_sim', 'eng'];

const HERE = dirname(fileURLToPath(import.meta.url));

/** resources/tessdata of the app, found from the source tree or a build under dist/. */
export function defaultTessdataDir(): string {
  // An installed app: electron-builder puts extraResources beside app.asar (process.resourcesPath).
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [process.env.CASE_REVIEW_TESSDATA, packaged ? join(packaged, 'tessdata') : undefined];
  for (const c of candidates) if (c && existsSync(join(c, 'chi_sim.traineddata.gz'))) return c;
  let dir = HERE;
  for (let up = 0; up < 6; up++) {
    const candidate = join(dir, 'resources', 'tessdata');
    if (existsSync(join(candidate, 'chi_sim.traineddata.gz'))) return candidate;
    dir = dirname(dir);
  }
  return resolve(HERE, '../../../resources/tessdata');
}

/** Make sure each model is in `dir`, copying the best_int model from its npm package if missing. */
export function ensureTessdata(dir: string, languages: readonly OcrLanguage[] = PACKAGED): string {
  const require = createRequire(import.meta.url);
  for (const lang of languages) {
    const target = join(dir, `${lang}.traineddata.gz`);
    if (existsSync(target)) continue;
    if (!PACKAGED.includes(lang)) throw new Error(`OCR model ${target} is missing`);
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), target);
  }
  return dir;
}
