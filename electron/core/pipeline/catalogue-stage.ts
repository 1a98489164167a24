import type { ReviewStage } from './stage.js';

/**
 * Builds the catalogue. Until volumes are split into documents, each readable file is
 * one document of type OTHER, titled by its first line.
 */
export const catalogueStage: ReviewStage = {
  name: 'catalogue',
  async run(ctx) {
    const { store, kase } = ctx;
    const files = store.listFiles(kase.id).filter((f) => f.status === 'ok' && f.sha256);
    ctx.progress(0, files.length, 'catalogue.building');
    const docs = files.map((f, i) => {
      const blob = store.getBlob(f.sha256!)!;
      const first = store.getPage(f.sha256!, 1);
      const title = first?.text.split('\n').map((l) => l.trim()).find((l) => l.length > 0)?.slice(0, 40) ?? f.path;
      return { id: `d${i + 1}`, ordinal: i + 1, type: 'OTHER', title, file_id: f.id, page_from: 1, page_to: blob.page_count, date: null, number: null, fields_json: null };
    });
    store.replaceDocuments(kase.id, docs);
    ctx.progress(files.length, files.length, 'catalogue.done');
  },
};
