import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../../electron/core/catalogue/segment.js';
import { orderCatalogue } from '../../../electron/core/catalogue/order.js';
import type { RecordFields } from '../../../electron/core/catalogue/fields.js';
import type { DocumentType } from '../../../shared/vocab.js';

/** A loose paper: one document, one file (named by its page, so files say nothing of the order). */
function doc(type: DocumentType, page: number, date: string | null, fields: RecordFields = {}): DocumentDraft {
  return { type, title: type, fileId: page, file: `p${page}.pdf`, pageFrom: page, pageTo: page, date, number: null, fields, confidence: 1 };
}

describe('orderCatalogue', () => {
  it('puts the forms in procedural order, statements by person and session, numbered from 1', () => {
    const docs = [
      doc('PROSECUTION_OPINION', 1, '2024-04-20'),
      doc('INTERROGATION_RECORD', 2, '2024-03-07', { subject: '张伟', session: 2, start: '2024-03-07T09:00:00+08:00' }),
      doc('INQUIRY_RECORD', 3, '2024-03-05', { subject: '李秀英', session: 1, start: '2024-03-05T22:30:00+08:00' }),
      doc('ARREST_WARRANT', 4, '2024-03-12'),
      doc('INTERROGATION_RECORD', 5, '2024-03-06', { subject: '王强', session: 1, start: '2024-03-06T10:00:00+08:00' }),
      doc('INTERROGATION_RECORD', 6, '2024-03-05', { subject: '张伟', session: 1, start: '2024-03-05T14:30:00+08:00' }),
      doc('DETENTION_WARRANT', 7, '2024-03-05'),
      doc('CASE_FILING', 8, '2024-03-05'),
      doc('REPORT_REGISTRATION', 9, '2024-03-04'),
      doc('DETENTION_NOTICE', 10, '2024-03-06'),
      doc('OTHER', 11, null),
      doc('ARREST_REQUEST', 12, '2024-03-11'),
      doc('ARREST_APPROVAL', 13, '2024-03-12'),
    ];
    const ordered = orderCatalogue(docs);
    expect(ordered.map((d) => d.ordinal)).toEqual(docs.map((_, i) => i + 1));
    expect(ordered.map((d) => d.pageFrom)).toEqual([9, 8, 7, 10, 12, 13, 4, 6, 2, 5, 3, 1, 11]);
  });

  it('orders one kind by date and keeps the volume order for equal dates', () => {
    const docs = [
      doc('APPRAISAL_NOTICE', 3, '2024-03-20'),
      doc('APPRAISAL_NOTICE', 1, '2024-03-20'),
      doc('APPRAISAL_NOTICE', 2, '2024-03-19'),
    ];
    expect(orderCatalogue(docs).map((d) => d.pageFrom)).toEqual([2, 3, 1]);
  });
});

describe('a case bound in volumes (issue 16)', () => {
  const inVolume = (file: string, d: DocumentDraft): DocumentDraft => ({ ...d, file, fileId: file.length });

  it('is listed as bound: volume by volume, page by page, whatever the documents are', () => {
    const docs = [
      inVolume('卷2.pdf', doc('CASE_FILING', 1, '2024-03-05')),
      inVolume('卷1.pdf', doc('INQUIRY_RECORD', 7, '2024-03-05', { subject: '李秀英', session: 1 })),
      inVolume('卷10.pdf', doc('REPORT_REGISTRATION', 1, '2024-03-04')),
      inVolume('卷1.pdf', doc('PROSECUTION_OPINION', 2, '2024-04-20')),
      inVolume('卷1.pdf', doc('REPORT_REGISTRATION', 1, '2024-03-04')),
    ];
    const ordered = orderCatalogue(docs);
    expect(ordered.map((d) => `${d.file}:${d.pageFrom}`)).toEqual(['卷1.pdf:1', '卷1.pdf:2', '卷1.pdf:7', '卷2.pdf:1', '卷10.pdf:1']);
    expect(ordered.map((d) => d.ordinal)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the catalogue order', () => {
  it('has a place for every document type, so no type sorts before the intake by accident', async () => {
    const { PROCEDURE } = await import('../../../electron/core/catalogue/order.js');
    const { DOCUMENT_TYPES } = await import('../../../shared/vocab.js');
    expect([...PROCEDURE].sort()).toEqual([...DOCUMENT_TYPES].sort());
  });
});
