import { extractMentions } from '../extract/entities.js';
import { linkKey, resolveEntities, type LocatedMention } from '../extract/resolve.js';
import { applyRecordSubject, settleSubjectReadings } from '../extract/records.js';
import { boxFor, documentText, loadDocuments } from './document-pages.js';
import { buildLexicon } from '../consensus/lexicon.js';
import { addMentions, reconcileMentions, type PageMentions } from '../consensus/mentions.js';
import { applyEntityCorrection, newCorrectionRun } from '../desk/entity-corrections.js';
import type { ReviewStage } from './stage.js';
import { PageMemo } from './memo.js';

/** Mentions by page text and reference date: a corrected word re-reads its own page only. */
export const mentionMemo = new PageMemo<ReturnType<typeof extractMentions>>(5_000);

type Located = LocatedMention & { fileId: number };

/** Finds every mention in every page, resolves them into the case's entities, and links them. */
export const entitiesStage: ReviewStage = {
  name: 'entities',
  async run(ctx) {
    const { store, kase } = ctx;
    const docs = loadDocuments(store, kase.id, { words: true });
    const total = docs.reduce((n, d) => n + d.pages.length, 0);
    let done = 0;
    ctx.progress(0, total, 'entities.extracting');
    const mentions: Located[] = [];
    const boxes = new Map<Located, [number, number, number, number] | null>();
    const perPage: (PageMentions & { doc: (typeof docs)[number]; page: (typeof docs)[number]['pages'][number] })[] = [];
    for (const d of docs) {
      for (const p of d.pages) {
        ctx.signal.throwIfAborted();
        const found = mentionMemo.get(`${d.date ?? ''}\u0000${p.text}`, () => extractMentions(p.text, d.date ? { refDate: d.date } : {}));
        perPage.push({ doc: d, page: p, ocr: p.source === 'ocr', mentions: found });
        ctx.progress(++done, total, 'entities.extracting', p.file);
      }
    }
    // Names OCR damaged are read against the names the case's clean pages and fields spell.
    const lexicon = buildLexicon(docs.map((d) => ({ fields: d.fields, clean: d.pages.every((p) => p.source !== 'ocr') })));
    addMentions(lexicon, perPage);
    const fixed = reconcileMentions(lexicon, perPage);
    ctx.log(`entities: ${fixed.corrected} OCR name readings corrected, ${fixed.demoted} guessed roles dropped`);
    // What each 笔录 says of its subject: the identifiers it calls its own, and a victim questioned as 被询问人.
    let told = 0;
    for (const d of docs) {
      const pages = perPage.filter((x) => x.doc === d);
      const subject = typeof d.fields.subject === 'string' && d.fields.subject !== '' ? d.fields.subject : null;
      told += settleSubjectReadings(subject, pages);
      told += applyRecordSubject({ name: subject, type: d.type }, documentText(d), pages);
    }
    if (told > 0) ctx.log(`entities: ${told} mentions placed by what their record says of its subject`);
    for (const { doc: d, page: p, mentions: found } of perPage) {
      const ranges = p.ranges ?? undefined;
      for (const m of found) {
        const located: Located = { ...m, document: d.id, page: p.page, fileId: p.fileId };
        mentions.push(located);
        boxes.set(located, boxFor(m.start, m.end, p.words, ranges));
      }
    }
    const resolved = resolveEntities(mentions);
    const entityRows = resolved.map((e, i) => ({
      id: `e${i + 1}`,
      type: e.type,
      value: e.value,
      link_key: linkKey(e),
      key: e.key,
      attributes: e.attributes,
    }));
    const mentionRows = resolved.flatMap((e, i) =>
      e.mentions.map((m) => {
        const loc = m as Located;
        const box = boxes.get(loc) ?? null;
        return {
          entity_id: `e${i + 1}`,
          document_id: m.document,
          file_id: loc.fileId,
          page_no: m.page,
          start: m.start,
          end: m.end,
          text: m.text,
          bbox: box,
        };
      }),
    );
    // The reviewer's corrections, kept across runs as a finding's decision is, applied in the order made.
    const run = newCorrectionRun();
    let stale = 0;
    for (const c of store.listEntityCorrections(kase.id))
      if (applyEntityCorrection(entityRows, mentionRows, c.correction, c.id, run) === null) stale++;
    if (stale > 0) ctx.log(`entities: ${stale} reviewer corrections name entities this reading no longer has`);
    store.replaceEntities(kase.id, entityRows, mentionRows);
    ctx.progress(total, total, 'entities.done');
  },
};
