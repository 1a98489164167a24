// How sure OCR was of a word, on one scale whatever the engine reported.

/** Below this a recognised word is worth a second look against the image. */
export const LOW_CONFIDENCE = 0.8;

/** Engines report 0–1 or 0–100; the app reads 0–1. */
export function normalisedConfidence(confidence: number): number {
  return confidence > 1 ? confidence / 100 : confidence;
}
