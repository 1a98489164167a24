// The reviewer's decisions follow their papers when the catalogue is numbered anew (issue 16:
// a volume listed as bound, not by type, gives the same paper another id; a corrected date can
// too). Finding keys name documents by id, so the keys are renamed, swaps included.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/db.js';
import { CaseStore } from '../../../electron/core/store/case-store.js';
import { documentIdMoves, renameKey } from '../../../electron/core/catalogue/document-ids.js';

function storeWithFindings() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const store = new CaseStore(db);
  const caseId = store.openCase('/cases/乙', '乙').id;
  const f = (key: string) => ({
    key,
    rule: key.split(':')[0]!,
    severity: 'violation',
    message: key,
    messageEn: key,
    citation: '',
    evidence: [],
  });
  store.recordFindings(caseId, 'j1', [
    f('RIGHTS_NOTICE:p1:d3'),
    f('INTERROGATION_LOCATION:d5'),
    f('REQUIRED_DOCUMENTS:missing:CASE_FILING'),
    f('SEIZURE_LIST:d7'),
  ]);
  store.decideFinding(caseId, 'RIGHTS_NOTICE:p1:d3', 'confirmed', '确未告知', '王检');
  store.decideFinding(caseId, 'INTERROGATION_LOCATION:d5', 'dismissed', '看守所内讯问', '王检');
  store.decideFinding(caseId, 'SEIZURE_LIST:d7', 'confirmed', '旧卷中的扣押清单', '王检');
  return { store, caseId };
}

describe('document ids renumbered', () => {
  const at = (id: string, file_id: number, page_from: number) => ({ id, file_id, page_from });

  it('are matched by where the paper lies', () => {
    const before = [at('d3', 1, 10), at('d5', 1, 20), at('d6', 2, 1)];
    const after = [at('d5', 1, 10), at('d3', 1, 20), at('d6', 2, 1), at('d7', 2, 5)];
    expect([...documentIdMoves(before, after)]).toEqual([
      ['d3', 'd5'],
      ['d5', 'd3'],
    ]);
    expect(renameKey('RIGHTS_NOTICE:p1:d3', new Map([['d3', 'd5']]))).toBe('RIGHTS_NOTICE:p1:d5');
    // only whole parts are ids: d30 and the rule id stay
    expect(renameKey('X:d30:d3', new Map([['d3', 'd5']]))).toBe('X:d30:d5');
  });

  it('carry each decision to its paper, swaps included; a finding of a paper gone gives way', () => {
    const { store, caseId } = storeWithFindings();
    // d3 and d5 swap places; d7's paper is gone, and d9's paper is now d7
    const moves = new Map([
      ['d3', 'd5'],
      ['d5', 'd3'],
      ['d9', 'd7'],
    ]);
    store.recordFindings(caseId, 'j1', [
      ...store.listFindings(caseId).map((f) => ({ ...f, messageEn: f.message_en, evidence: [] })),
      { key: 'SEIZURE_LIST:d9', rule: 'SEIZURE_LIST', severity: 'violation', message: 'd9', messageEn: '', citation: '', evidence: [] },
    ]);
    store.decideFinding(caseId, 'SEIZURE_LIST:d9', 'dismissed', '已补正', '李检');
    expect(store.renameFindingKeys(caseId, (k) => renameKey(k, moves))).toBe(3);
    const byKey = new Map(store.listFindings(caseId, { includeResolved: true }).map((f) => [f.key, f]));
    expect(byKey.get('RIGHTS_NOTICE:p1:d5')).toMatchObject({ status: 'confirmed', note: '确未告知' });
    expect(byKey.get('INTERROGATION_LOCATION:d3')).toMatchObject({ status: 'dismissed', note: '看守所内讯问' });
    expect(byKey.get('SEIZURE_LIST:d7')).toMatchObject({ status: 'dismissed', note: '已补正' });
    expect(byKey.get('REQUIRED_DOCUMENTS:missing:CASE_FILING')).toBeDefined();
    expect(byKey.size).toBe(4);
  });
});
