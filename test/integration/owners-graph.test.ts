// An identifier the text gives to one person is linked to that person in the graph, and not to
// the other people named in the same sentence (a suspect's card, the victim's name beside it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewFolder } from '../support/review-case.js';

function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

describe('identifiers and their owners in the graph', () => {
  it("links the suspect's own card to him, not to the victim named beside it", async () => {
    const card = luhn('622848001234567890');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-owner-'));
    fs.writeFileSync(
      path.join(folder, '讯问笔录.txt'),
      [
        '讯问笔录',
        '时间：2024年3月6日9时10分至10时20分',
        '地点：某分局执法办案中心讯问室',
        '侦查员：郑凯、冯磊',
        '记录员：朱晓峰',
        '被讯问人：钱小龙，男，1995年8月3日出生',
        '问：你把事情经过讲一下。',
        `答：2024年3月4日晚上，我冒充客服骗了孙丽三千元，孙丽把钱转到我自己的农业银行卡，卡号${card}，钱到账以后我取出来花了。`,
        '以上笔录我看过，和我说的相符。',
        '被讯问人：钱小龙',
      ].join('\n'),
    );
    const { review, service, caseId } = await reviewFolder(folder);
    try {
      const person = (name: string) => review.entities.find((e) => e.type === 'PERSON' && e.value === name);
      const cardEntity = review.entities.find((e) => e.type === 'BANK_CARD' && e.value === card);
      expect(cardEntity?.attributes.owner).toBe('钱小龙');
      expect(person('钱小龙')?.attributes.bankCard).toBe(card);
      const graph = await service.api.getGraph({ caseId });
      const edge = (a: string, b: string) =>
        graph.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
      expect(edge(person('钱小龙')!.id, cardEntity!.id)?.kind).toBe('holder');
      expect(edge(person('孙丽')!.id, cardEntity!.id)).toBeUndefined();
    } finally {
      await service.close();
    }
  });
});
