import type { FileKind, PageSource } from '../../../shared/vocab.js';
import { segmentDocuments, type CataloguePage } from '../catalogue/segment.js';
import { orderCatalogue } from '../catalogue/order.js';
import { reconcileFields } from '../consensus/documents.js';
import { documentIdMoves, renameKey } from '../catalogue/document-ids.js';
import type { ReviewStage } from './stage.js';

/** Splits files and volumes into documents, classifies them, and orders the catalogue. */
export const catalogueStage: ReviewStage = {
  name: 'catalogue',
  async run(ctx) {
    const { store, kase } = ctx;
    const rows = store.readerPages(kase.id);
    ctx.progress(0, rows.length, 'catalogue.building');
    // Pages OCR could not read are still pages of their file: they keep the volume's numbering.
    const pages: CataloguePage[] = rows.map((r) => ({
      fileId: r.file_id,
      file: r.path,
      kind: r.kind as FileKind,
      page: r.page_no,
      text: r.text,
      source: r.source as PageSource,
      confidence: r.confidence,
    }));
    // Fields of OCR'd documents are read again against the names the clean documents spell.
    const drafts = reconcileFields(orderCatalogue(segmentDocuments(pages)), pages).docs;
    const fileIds = new Map(rows.map((r) => [r.path, r.file_id]));
    const before = store.listDocuments(kase.id);
    const documents = drafts.map((d) => ({
      id: `d${d.ordinal}`,
      ordinal: d.ordinal,
      type: d.type,
      title: d.title,
      file_id: fileIds.get(d.file) ?? d.fileId,
      page_from: d.pageFrom,
      page_to: d.pageTo,
      date: d.date,
      number: d.number,
      fields: d.files && d.files.length > 1 ? { ...d.fields, files: d.files } : d.fields,
    }));
    store.replaceDocuments(kase.id, documents);
    // The reviewer's decisions follow their papers to the papers' new ids.
    const moves = documentIdMoves(before, documents);
    if (moves.size > 0) store.renameFindingKeys(kase.id, (key) => renameKey(key, moves));
    ctx.progress(rows.length, rows.length, 'catalogue.done');
  },
};
