// The statements of a reviewed case: listed per person, compared side by side with the disagreeing
// words located in the answers, and written to review.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';

describe('statements through the review', () => {
  it('lists, compares and exports the statements of a case with a planted retraction', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-statements-'));
    const g = await generateCase({
      seed: 704,
      outDir: out,
      name: 'retraction',
      forms: 'text-only',
      suspects: 1,
      defects: ['STATEMENT_RETRACTION'],
      statementPlant: 'amount',
    });
    const { review, service, caseId } = await reviewFolder(g.folder);
    try {
      expect(review.findings.filter((f) => f.rule === 'STATEMENT_RETRACTION')).toHaveLength(1);
      const suspect = g.truth.people.find((p) => p.role === 'SUSPECT')!;
      const mine = review.statements?.filter((s) => s.personName === suspect.name) ?? [];
      expect(mine.map((s) => s.session)).toEqual([1, 2, 3]);
      expect(mine[0]?.claims.some((c) => c.about === 'AMOUNT')).toBe(true);

      const list = await service.api.listStatements({ caseId });
      expect(list.persons[0]?.name).toBe(suspect.name);
      const records = list.persons[0]!.records;
      const cmp = await service.api.compareStatements({ caseId, documents: [records[0]!.document, records[1]!.document] });
      expect(cmp.columns.map((c) => c.session)).toEqual([1, 2]);
      expect(cmp.rows.find((r) => r.topic === 'amount')?.cells.every((c) => c.length > 0)).toBe(true);
      expect(cmp.differences.map((d) => d.about)).toEqual(['AMOUNT']);
      for (const side of cmp.differences[0]!.sides) {
        const turn = cmp.columns[side.column]!.turns.find((t) => t.index === side.turn)!;
        expect(turn.answer.slice(side.start, side.end)).toBe(side.words);
      }
      await expect(service.api.compareStatements({ caseId, documents: [records[0]!.document, 'd999'] })).rejects.toThrow(
        /不是本案的讯问或询问笔录/,
      );
    } finally {
      await service.close();
    }
  });
});
