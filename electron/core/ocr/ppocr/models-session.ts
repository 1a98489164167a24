// The PP-OCR models on onnxruntime-node, inside one worker thread: ORT's run()
// holds the thread, so the pool (pool.ts) keeps these off the event loop. One
// intra-op thread a session (the app runs one worker per core), CPU arena off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { disableOrtTelemetry } from './no-telemetry.js';
import { boxesFromProbabilityMap, detectionInput, readingOrder } from './detect.js';
import type { DetectOptions } from './detect.js';
import type { Quad } from './geometry.js';
import type { GreyImage } from './image.js';
import { quadSize, rotate180 } from './image.js';
import { PPOCR_FILES } from './models.js';
import {
  batchesByWidth,
  characterBoxes,
  classifierInput,
  CLS_HEIGHT,
  CLS_THRESHOLD,
  CLS_WIDTH,
  cropLine,
  ctcDecode,
  recognitionInput,
  REC_HEIGHT,
} from './recognize.js';
import type { CharBox, LineCrop } from './recognize.js';

// Before any session creates ORT's environment, also where the models are used outside the pool.
disableOrtTelemetry();

export interface RecognizedLine {
  text: string;
  confidence: number;
  quad: Quad;
  chars: CharBox[];
  /** The classifier turned the crop over before reading it. */
  turned: boolean;
}

export interface PageReading {
  lines: RecognizedLine[];
  /** The classifier found the page upside down: it was turned and read again. */
  turned180: boolean;
  /** Lines at least 1.5 times as tall as wide: many of them mean the page lies on its side. */
  tallLines: number;
  vote: { upright: number; upsideDown: number };
}

// The classifier's vote on a page's orientation is taken over this many of its wider lines.
const VOTE_LINES = 12;
const CLS_BATCH = 6;

const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  enableCpuMemArena: false,
  graphOptimizationLevel: 'all',
};

export class PpocrModels {
  private det: ort.InferenceSession | null = null;
  private cls: ort.InferenceSession | null = null;

  private constructor(
    private readonly dir: string,
    private readonly rec: ort.InferenceSession,
    private readonly dictionary: string[],
  ) {}

  static async load(dir: string): Promise<PpocrModels> {
    const keys = readFileSync(join(dir, PPOCR_FILES.keys), 'utf8').split(/\r?\n/);
    if (keys[keys.length - 1] === '') keys.pop();
    const rec = await ort.InferenceSession.create(join(dir, PPOCR_FILES.rec), SESSION_OPTIONS);
    return new PpocrModels(dir, rec, keys);
  }

  /** Text lines of the page, in reading order (detector and classifier load on first use). */
  async detect(page: GreyImage, opts: DetectOptions = {}): Promise<{ quad: Quad; score: number }[]> {
    this.det ??= await ort.InferenceSession.create(join(this.dir, PPOCR_FILES.det), SESSION_OPTIONS);
    const input = await detectionInput(page, opts.limitSide ?? 960);
    const feeds = { [this.det.inputNames[0] as string]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) };
    const out = await this.det.run(feeds);
    const map = out[this.det.outputNames[0] as string] as ort.Tensor;
    const boxes = boxesFromProbabilityMap(map.data as Float32Array, input.width, input.height, page.width, page.height, opts);
    return readingOrder(boxes);
  }

  /**
   * The whole page: lines detected, the classifier's vote on whether the page is
   * upside down (then it is turned and detected again), every line read. Boxes
   * are in the page as read (turned when `turned180`).
   */
  async readPage(page: GreyImage, opts: { limitSide?: number; squeeze?: number } = {}): Promise<PageReading> {
    let image = page;
    let boxes = (await this.detect(image, { limitSide: opts.limitSide ?? 960 })).map((b) => b.quad);
    const vote = await this.orientationVote(image, boxes);
    let turned180 = false;
    if (vote.upsideDown > vote.upright) {
      image = rotate180(page);
      turned180 = true;
      boxes = (await this.detect(image, { limitSide: opts.limitSide ?? 960 })).map((b) => b.quad);
    }
    const tall = boxes.filter((q) => {
      const s = quadSize(q);
      return s.height >= s.width * 1.5;
    }).length;
    const lines = await this.recognize(image, boxes, { squeeze: opts.squeeze ?? 1 });
    return { lines, turned180, tallLines: tall, vote };
  }

  /** How many of the page's wider lines the classifier reads upright and how many upside down (sure verdicts only). */
  private async orientationVote(page: GreyImage, quads: readonly Quad[]): Promise<{ upright: number; upsideDown: number }> {
    const wide = quads
      .filter((q) => {
        const s = quadSize(q);
        return s.width >= s.height * 2.5;
      })
      .slice(0, VOTE_LINES);
    if (wide.length === 0) return { upright: 0, upsideDown: 0 };
    const crops = wide.map((q) => ({ ...cropLine(page, q), turned: false }));
    const verdicts = await this.classifyProbabilities(crops);
    let upright = 0;
    let upsideDown = 0;
    for (const p180 of verdicts) {
      if (p180 > CLS_THRESHOLD) upsideDown++;
      else if (p180 < 1 - CLS_THRESHOLD) upright++;
    }
    return { upright, upsideDown };
  }

  /** Detects and reads the lines of a region (lighter-than-threshold pixels made paper), in page coordinates. */
  async readRegion(
    page: GreyImage,
    region: { left: number; top: number; width: number; height: number },
    threshold?: number,
  ): Promise<RecognizedLine[]> {
    const { left, top, width, height } = region;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      const row = (top + y) * page.width + left;
      for (let x = 0; x < width; x++) {
        const v = page.data[row + x] as number;
        data[y * width + x] = threshold !== undefined && v >= threshold ? 255 : v;
      }
    }
    const crop = { data, width, height };
    const boxes = await this.detect(crop, { limitSide: 960 });
    const lines = await this.recognize(
      crop,
      boxes.map((b) => b.quad),
    );
    const shift = (q: Quad): Quad => q.map((p) => ({ x: p.x + left, y: p.y + top })) as Quad;
    return lines.map((l) => ({
      ...l,
      quad: shift(l.quad),
      chars: l.chars.map((c) => ({ ...c, bbox: [c.bbox[0] + left, c.bbox[1] + top, c.bbox[2] + left, c.bbox[3] + top] })),
    }));
  }

  /** Reads each quad of the page; with `classify`, lines the classifier finds upside down are turned first. */
  async recognize(
    page: GreyImage,
    quads: readonly Quad[],
    opts: { classify?: boolean; squeeze?: number; threshold?: number } = {},
  ): Promise<RecognizedLine[]> {
    const crops: (LineCrop & { turned: boolean })[] = quads.map((q) => ({ ...cropLine(page, q, opts.squeeze ?? 1), turned: false }));
    const { threshold } = opts;
    // Ink lighter than the threshold (a grey seal over black print) made paper.
    if (threshold !== undefined)
      for (const c of crops)
        c.image.data.forEach((v, i, d) => {
          if (v >= threshold) d[i] = 255;
        });
    if (opts.classify && crops.length > 0) await this.classify(crops);
    const results = new Array<RecognizedLine>(crops.length);
    for (const batch of batchesByWidth(crops)) {
      const images = batch.map((i) => (crops[i] as LineCrop).image);
      const input = recognitionInput(images);
      const feeds = {
        [this.rec.inputNames[0] as string]: new ort.Tensor('float32', input.data, [images.length, 3, REC_HEIGHT, input.width]),
      };
      const out = (await this.rec.run(feeds))[this.rec.outputNames[0] as string] as ort.Tensor;
      const [, steps, classes] = out.dims as [number, number, number];
      const probs = out.data as Float32Array;
      batch.forEach((index, b) => {
        const crop = crops[index] as LineCrop & { turned: boolean };
        const line = ctcDecode(probs, steps, classes, this.dictionary, b * steps * classes);
        // A turned crop reads right to left on the page: its quad is turned with it.
        const quad: Quad = crop.turned ? [crop.quad[2], crop.quad[3], crop.quad[0], crop.quad[1]] : crop.quad;
        results[index] = {
          text: line.text,
          confidence: line.confidence,
          quad,
          turned: crop.turned,
          chars: characterBoxes(line, quad, crop.image.width / input.width),
        };
      });
    }
    return results;
  }

  /** The line classifier (0° or 180°): lines it is sure are upside down are turned. */
  private async classify(crops: (LineCrop & { turned: boolean })[]): Promise<void> {
    const p180 = await this.classifyProbabilities(crops);
    crops.forEach((crop, i) => {
      if ((p180[i] as number) > CLS_THRESHOLD) {
        crop.image = rotate180(crop.image);
        crop.turned = true;
      }
    });
  }

  /** Each crop's probability of being upside down, classified in batches of six like the reference. */
  private async classifyProbabilities(crops: readonly LineCrop[]): Promise<number[]> {
    this.cls ??= await ort.InferenceSession.create(join(this.dir, PPOCR_FILES.cls), SESSION_OPTIONS);
    const out = new Array<number>(crops.length).fill(0);
    for (const batch of batchesByWidth(crops, CLS_BATCH)) {
      const data = classifierInput(batch.map((i) => (crops[i] as LineCrop).image));
      const feeds = { [this.cls.inputNames[0] as string]: new ort.Tensor('float32', data, [batch.length, 3, CLS_HEIGHT, CLS_WIDTH]) };
      const result = (await this.cls.run(feeds))[this.cls.outputNames[0] as string] as ort.Tensor;
      const p = result.data as Float32Array;
      batch.forEach((index, b) => {
        out[index] = p[b * 2 + 1] as number;
      });
    }
    return out;
  }

  async release(): Promise<void> {
    await Promise.all([this.rec.release(), this.det?.release(), this.cls?.release()]);
  }
}
