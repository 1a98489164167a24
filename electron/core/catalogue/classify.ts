// Document type from the title first, from the body when the title is damaged.
// The body model is natural's logistic regression over jieba tokens, trained at
// first use from the shipped phrases in training.ts: a few hundred tokens per
// type are enough because the forms' fixed wording (执行拘留时间, 被讯问人,
// 鉴定意见是…) survives OCR even when a large-print title does not. On 523
// generated forms with the title blotted out and 3 % of characters damaged,
// natural's naive Bayes on the same tokens typed 36 % right (short classes win
// on unseen words) and logistic regression 99.8 %, at the price of 2–10 s of
// training once per process on this shared 2-core machine. Forms with a
// title read exactly never wait for it.
import { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers/index.js';
import { cut } from 'jieba-wasm';
import type { DocumentType } from '../../../shared/vocab.js';
import { DOCUMENT_TYPE_LABELS } from '../../../shared/vocab.js';
import { BODY_PHRASES, OTHER_PHRASES } from './training.js';
import type { TitleMatch } from './titles.js';

export interface Classification {
  type: DocumentType;
  title: string;
  /** 0..1: how sure the catalogue is of the type. */
  confidence: number;
  by: 'title' | 'title+body' | 'body' | 'none';
}

/** Tokens worth counting: CJK words, punctuation and digits dropped (dates and numbers say nothing of the form). */
export function bodyTokens(text: string): string[] {
  const words = cut(text.normalize('NFKC').replace(/\s+/g, ''), true);
  const out = new Set<string>();
  for (const w of words) {
    if (!/[\u4e00-\u9fff]/.test(w)) continue;
    out.add(w);
  }
  return [...out];
}

type BodyModel = LogisticRegressionClassifier | BayesClassifier;
let model: BodyModel | null = null;

// One example per phrase: pooling each type's phrases into one example trains
// 14× faster (0.6 s) but read only 85 % of title-less generated forms right,
// against 99.8 % this way.
function train(m: BodyModel): BodyModel {
  for (const [type, phrases] of Object.entries(BODY_PHRASES)) {
    for (const p of phrases ?? []) m.addDocument(bodyTokens(p), type);
  }
  for (const p of OTHER_PHRASES) m.addDocument(bodyTokens(p), 'OTHER');
  m.train();
  return m;
}

let modelKind: 'logistic' | 'bayes' = 'logistic';

/**
 * Train the body model now (the pipeline calls this before the first volume,
 * not mid-way). `bayes` is kept for the benchmark's comparison.
 */
export function warmBodyModel(kind: 'logistic' | 'bayes' = modelKind): void {
  if (model && kind === modelKind) return;
  modelKind = kind;
  if (kind === 'bayes') {
    model = train(new BayesClassifier());
    return;
  }
  try {
    model = train(new LogisticRegressionClassifier());
  } catch {
    // apparatus throws 'unable to find minimum' when gradient descent stalls; Bayes always trains.
    model = train(new BayesClassifier());
  }
}

function bodyModel(): BodyModel {
  if (!model) warmBodyModel();
  return model as BodyModel;
}

// Long records repeat their Q&A; the head and the sign-off carry the form.
function sample(text: string): string {
  if (text.length <= 2400) return text;
  return `${text.slice(0, 1800)}\n${text.slice(-600)}`;
}

/** Body-only scores (one-vs-rest, each 0..1), best first. */
export function classifyBody(text: string): { type: DocumentType; p: number }[] {
  const tokens = bodyTokens(sample(text));
  if (tokens.length === 0) return [{ type: 'OTHER', p: 1 }];
  const raw = bodyModel().getClassifications(tokens);
  // Bayes scores are unnormalised likelihoods; logistic ones are already 0..1 per class.
  const total = modelKind === 'bayes' ? raw.reduce((a, c) => a + c.value, 0) || 1 : 1;
  return raw.map((c) => ({ type: c.label as DocumentType, p: c.value / total })).sort((a, b) => b.p - a.p);
}

function label(type: DocumentType): string {
  return DOCUMENT_TYPE_LABELS[type].zh;
}

/** Below this share of the body vote a document with no readable title stays OTHER. */
const BODY_MIN = 0.5;

/**
 * The type of one document. `title` is the match found on its first page (or
 * null). An ambiguous damaged title is settled by the body among the types it could be.
 */
export function classifyDocument(text: string, title: TitleMatch | null): Classification {
  if (title?.exact) return { type: title.type, title: title.title, confidence: 0.98, by: 'title' };
  const body = classifyBody(text);
  if (title) {
    const candidates = new Set<DocumentType>([title.type, ...title.alternatives]);
    if (candidates.size === 1) {
      const agrees = body[0]?.type === title.type;
      return { type: title.type, title: title.title, confidence: agrees ? 0.95 : 0.8, by: agrees ? 'title+body' : 'title' };
    }
    const pick = body.find((b) => candidates.has(b.type));
    const type = pick?.type ?? title.type;
    return { type, title: type === title.type ? title.title : label(type), confidence: 0.7, by: 'title+body' };
  }
  const top = body[0];
  if (!top || top.type === 'OTHER' || top.p < BODY_MIN) {
    return { type: 'OTHER', title: '', confidence: top?.type === 'OTHER' ? top.p : 0.3, by: 'none' };
  }
  return { type: top.type, title: label(top.type), confidence: Math.min(0.9, top.p), by: 'body' };
}
