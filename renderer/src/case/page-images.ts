// Page images, fetched at the width the reviewer actually sees (rounded to a few sizes so
// zooming reuses them). A small LRU of data URLs keeps memory bounded on long cases: the
// strip mounts only the pages near the viewport, and only those are asked for.
import { call } from '../api';

const WIDTH_BUCKET = 400;
const MAX_IMAGE_WIDTH = 3200;
const CACHE_LIMIT = 24;

const imageCache = new Map<string, Promise<string>>();

export function loadImage(caseId: string, sha256: string, page: number, maxWidth: number): Promise<string> {
  const key = `${caseId}:${sha256}:${page}:${maxWidth}`;
  const hit = imageCache.get(key);
  if (hit) {
    imageCache.delete(key);
    imageCache.set(key, hit);
    return hit;
  }
  const pending = call('getPageImage', { caseId, sha256, page, maxWidth }).then((img) => `data:${img.mime};base64,${img.dataBase64}`);
  pending.catch(() => imageCache.delete(key));
  imageCache.set(key, pending);
  while (imageCache.size > CACHE_LIMIT) {
    const oldest = imageCache.keys().next().value;
    if (oldest === undefined) break;
    imageCache.delete(oldest);
  }
  return pending;
}

export function bucketWidth(cssWidth: number): number {
  const px = cssWidth * (window.devicePixelRatio || 1);
  return Math.min(MAX_IMAGE_WIDTH, Math.max(WIDTH_BUCKET, Math.ceil(px / WIDTH_BUCKET) * WIDTH_BUCKET));
}
