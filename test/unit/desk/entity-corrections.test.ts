// Applying the reviewer's entity corrections to what resolution made of a case (the step the
// desk and every re-run share). Entities written for these tests as resolution writes them.
import { describe, expect, it } from 'vitest';
import {
  applyEntityCorrection,
  newCorrectionRun,
  type CorrectableEntity,
  type CorrectableMention,
} from '../../../electron/core/desk/entity-corrections.js';

function state() {
  const entities: CorrectableEntity[] = [
    { id: 'e1', type: 'PERSON', value: '张三', key: 'PERSON:NAME:张三', link_key: null, attributes: { role: 'SUSPECT' } },
    {
      id: 'e2',
      type: 'PERSON',
      value: '张叁',
      key: 'PERSON:NAME:张叁',
      link_key: null,
      attributes: { role: 'OTHER', phone: '13800138000' },
    },
    {
      id: 'e3',
      type: 'PERSON',
      value: '孙丽',
      key: 'PERSON:NAME:孙丽',
      link_key: null,
      attributes: { role: 'VICTIM', bankCard: '6228480012345678903', cards: ['6228480012345678903'] },
    },
    {
      id: 'e4',
      type: 'BANK_CARD',
      value: '6228480012345678903',
      key: 'BANK_CARD:6228480012345678903',
      link_key: 'BANK_CARD:6228480012345678903',
      attributes: { owner: '孙丽' },
    },
  ];
  const mentions: CorrectableMention[] = [
    { entity_id: 'e1', file_id: 1, page_no: 1, start: 10, end: 12, text: '张三' },
    { entity_id: 'e1', file_id: 1, page_no: 2, start: 40, end: 42, text: '张三' },
    { entity_id: 'e2', file_id: 1, page_no: 3, start: 5, end: 7, text: '张叁' },
    { entity_id: 'e3', file_id: 1, page_no: 1, start: 30, end: 32, text: '孙丽' },
  ];
  return { entities, mentions };
}
const ref = (e: CorrectableEntity) => ({ key: e.key!, type: e.type as 'PERSON', value: e.value });

describe('entity corrections', () => {
  it('a merge moves mentions and identifiers, keeps the other spelling, and a later correction naming the merged one finds it', () => {
    const { entities, mentions } = state();
    const run = newCorrectionRun();
    const [a, b] = [entities[0]!, entities[1]!];
    expect(applyEntityCorrection(entities, mentions, { kind: 'merge', target: ref(a), sources: [ref(b)] }, 1, run)).toBe('e1');
    expect(entities.map((e) => e.id)).toEqual(['e1', 'e3', 'e4']);
    expect(mentions.filter((m) => m.entity_id === 'e1')).toHaveLength(3);
    expect(a.attributes).toMatchObject({ role: 'SUSPECT', phone: '13800138000', aliases: ['张叁'], corrected: ['merge'] });
    // 张叁 is gone, but a correction made of him before the merge reaches 张三.
    expect(applyEntityCorrection(entities, mentions, { kind: 'relabel', target: ref(b), role: 'WITNESS' }, 2, run)).toBe('e1');
    expect(a.attributes.role).toBe('WITNESS');
  });

  it('a split finds its mention by words near where it stood, and joins an entity of that name if there is one', () => {
    const { entities, mentions } = state();
    // The page's words moved by three characters since (an OCR correction before it).
    const split = {
      kind: 'split' as const,
      source: ref(entities[0]!),
      mentions: [{ fileId: 1, page: 2, start: 43, end: 45, text: '张三' }],
      value: '张叁',
    };
    expect(applyEntityCorrection(entities, mentions, split, 7)).toBe('e2');
    expect(
      mentions
        .filter((m) => m.entity_id === 'e2')
        .map((m) => m.start)
        .sort((x, y) => x - y),
    ).toEqual([5, 40]);
    const alone = state();
    const id = applyEntityCorrection(alone.entities, alone.mentions, { ...split, value: '张三丰' }, 8);
    expect(id).toBe('e5');
    expect(alone.entities.find((e) => e.id === 'e5')).toMatchObject({ value: '张三丰', key: 'SPLIT:8', attributes: { role: 'OTHER' } });
  });

  it('an identifier given to a person is taken from whoever the text gave it to', () => {
    const { entities, mentions } = state();
    const card = '6228480012345678903';
    expect(
      applyEntityCorrection(entities, mentions, { kind: 'identifier', target: ref(entities[0]!), type: 'BANK_CARD', value: card }, 3),
    ).toBe('e1');
    expect(entities[0]!.attributes).toMatchObject({ bankCard: card, cards: [card] });
    expect(entities[2]!.attributes.bankCard).toBeUndefined();
    expect(entities[2]!.attributes.cards).toBeUndefined();
    expect(entities[3]!.attributes).toMatchObject({ owner: '张三', ownerBy: 'reviewer' });
  });

  it('says null when the entities it names are gone', () => {
    const { entities, mentions } = state();
    const ghost = { key: 'PERSON:NAME:王五', type: 'PERSON' as const, value: '王五' };
    expect(applyEntityCorrection(entities, mentions, { kind: 'relabel', target: ghost, role: 'VICTIM' }, 4)).toBeNull();
    expect(applyEntityCorrection(entities, mentions, { kind: 'merge', target: ref(entities[0]!), sources: [ghost] }, 5)).toBeNull();
  });
});
