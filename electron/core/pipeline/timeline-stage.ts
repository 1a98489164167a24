import type { DocumentType } from '../../../shared/vocab.js';
import { extractEvents } from '../timeline/events.js';
import { priorConvictions } from '../narrative/priors.js';
import { documentText, loadDocuments } from './document-pages.js';
import { casePersons } from './case-facts.js';
import type { ReviewStage } from './stage.js';

/** The procedural events of the case, from its documents, with the words that say so. */
export const timelineStage: ReviewStage = {
  name: 'timeline',
  async run(ctx) {
    const { store, kase } = ctx;
    const docs = loadDocuments(store, kase.id);
    ctx.progress(0, docs.length, 'timeline.building');
    const persons = casePersons(store, kase.id).map((p) => ({ id: p.id, name: p.name, role: p.role, aliases: p.aliases }));
    const papers = docs.map((d) => ({
      id: d.id,
      type: d.type as DocumentType,
      page: d.pageFrom,
      pageTo: d.pageTo,
      date: d.date,
      text: documentText(d),
      pageTexts: d.pages.map((p) => ({ page: p.page, text: p.text })),
      fields: d.fields,
    }));
    const events = extractEvents(papers, persons);
    store.replaceEvents(
      kase.id,
      events.map((e) => ({
        id: e.id,
        type: e.type,
        start: e.start,
        end: e.end,
        subjects: e.subjects,
        actors: e.actors,
        place: e.place,
        document_id: e.document,
        page_no: e.page,
        text: e.text,
        conflicts: e.conflicts ?? null,
        basis: e.basis ?? 'document',
      })),
    );
    // Earlier convictions (前科) the file shows, on the person they concern.
    const priors = priorConvictions(papers);
    const byPerson = new Map<string, typeof priors>();
    for (const p of persons) {
      const mine = priors.filter((x) => x.person === p.name || p.aliases.includes(x.person));
      if (mine.length) byPerson.set(p.id, mine);
    }
    store.setEntityAttributes(
      kase.id,
      [...byPerson].map(([id, list]) => ({ id, attributes: { priorConvictions: list } })),
    );
    ctx.progress(docs.length, docs.length, 'timeline.done');
  },
};
