// What a rule is and what it finds (DESIGN.md §6). A finding states the figures it
// computed and points at the documents, pages and words that prove it.
import type { Severity } from '../../../shared/vocab.js';
import type { CaseFacts, FactDocument, FactEvent } from './facts.js';
import type { RuleId } from './ids.js';

export interface Rule {
  id: RuleId;
  title: { zh: string; en: string };
  /** e.g. '《刑事诉讼法》第八十五条第二款；《公安机关办理刑事案件程序规定》第一百二十七条' */
  citation: string;
  /** The most severe outcome the rule can give. */
  severity: Severity;
  /** The facts it needs, for the reviewer ("拘留证", "拘留通知书"). */
  needs: string[];
  evaluate(facts: CaseFacts): RuleFinding[];
}

export interface Evidence {
  document: string;
  page: number;
  text: string;
}

export interface RuleFinding {
  rule: string;
  severity: Severity;
  /** zh-CN, with the computed figures. */
  message: string;
  messageEn: string;
  citation: string;
  evidence: Evidence[];
  /** Stable across re-runs: the rule and the documents/persons involved. */
  key: string;
}

export interface Message {
  zh: string;
  en: string;
}

/** A finding of a rule; the key is the rule id and the parts that identify the case of it. */
export function finding(
  rule: Pick<Rule, 'id' | 'citation'>,
  severity: Severity,
  message: Message,
  evidence: (Evidence | null | undefined)[],
  keyParts: (string | null | undefined)[],
): RuleFinding {
  return {
    rule: rule.id,
    severity,
    message: message.zh,
    messageEn: message.en,
    citation: rule.citation,
    evidence: dedupeEvidence(evidence),
    key: findingKey(rule.id, keyParts),
  };
}

export function findingKey(ruleId: string, parts: (string | null | undefined)[]): string {
  return [ruleId, ...parts.filter((p): p is string => typeof p === 'string' && p.length > 0)].join(':');
}

/**
 * The procedure happened but a fact the rule needs is absent: a warning naming
 * what is missing ("未见拘留通知书") — a rule never passes silently.
 */
export function missingFact(
  rule: Pick<Rule, 'id' | 'citation'>,
  missing: Message,
  context: Message | null,
  evidence: (Evidence | null | undefined)[],
  keyParts: (string | null | undefined)[],
): RuleFinding {
  const zh = context ? `${context.zh}，未见${missing.zh}，无法核对` : `未见${missing.zh}，无法核对`;
  const en = context ? `${context.en}, but no ${missing.en} found; cannot check` : `No ${missing.en} found; cannot check`;
  return finding(rule, 'warning', { zh, en }, evidence, ['missing', ...keyParts]);
}

/**
 * An exception the law allows is claimed (无法通知, 危害国家安全 …): a warning naming
 * the exception for the reviewer to check, in place of a violation.
 */
export function exceptionClaimed(
  rule: Pick<Rule, 'id' | 'citation'>,
  exception: string,
  check: Message,
  evidence: (Evidence | null | undefined)[],
  keyParts: (string | null | undefined)[],
): RuleFinding {
  return finding(
    rule,
    'warning',
    {
      zh: `${check.zh}；文书载明例外情形“${exception}”，请核实其理由是否成立`,
      en: `${check.en}; the file claims the exception "${exception}" — check that its reason holds`,
    },
    evidence,
    ['exception', ...keyParts],
  );
}

const EVIDENCE_TEXT_MAX = 160;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EVIDENCE_TEXT_MAX ? `${t.slice(0, EVIDENCE_TEXT_MAX)}…` : t;
}

/** Evidence from a document: the given words, or its title. */
export function documentEvidence(doc: FactDocument, words?: string | null): Evidence {
  return { document: doc.id, page: doc.page, text: clip(words && words.trim() ? words : doc.title) };
}

/** Evidence from an event: the words that say so. */
export function eventEvidence(event: FactEvent): Evidence {
  return { document: event.document, page: event.page, text: clip(event.text) };
}

/** The words around a phrase in a document's text, for evidence; null when the phrase is absent. */
export function quote(doc: FactDocument, phrase: string, around = 30): string | null {
  const at = doc.text.indexOf(phrase);
  if (at < 0) return null;
  return doc.text.slice(Math.max(0, at - around), at + phrase.length + around);
}

function dedupeEvidence(evidence: (Evidence | null | undefined)[]): Evidence[] {
  const out: Evidence[] = [];
  for (const e of evidence) {
    if (!e) continue;
    if (out.some((o) => o.document === e.document && o.page === e.page && o.text === e.text)) continue;
    out.push(e);
  }
  return out;
}
