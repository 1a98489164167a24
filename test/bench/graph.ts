// `npm run bench -- graph`: what the links of the relation graph say, on generated cases (issue 16:
// 54 of 60 links were 同句出现), and how many plates of the real drug-case paragraphs get a driver.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractMentions } from '../../electron/core/extract/entities.js';
import { generateCase } from '../fixtures/generator/index.js';
import { reviewFolder } from '../support/review-case.js';
import { DATA_SETS, missingData } from '../support/shared-data.js';

export async function benchGraph(args: string[]): Promise<void> {
  const seeds = args.length > 0 ? args.map(Number) : [31, 7, 20240311];
  for (const seed of seeds) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-bench-graph-'));
    const g = await generateCase({ seed, outDir: root, name: `graph-${seed}`, forms: 'text-only' });
    const { service, caseId } = await reviewFolder(g.folder);
    const graph = await service.api.getGraph({ caseId });
    const counts: Record<string, number> = {};
    for (const e of graph.edges) {
      const k = e.relation ? `relation:${e.relation}` : e.kind;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const sentence = counts.sentence ?? 0;
    console.log(
      `seed ${seed}: ${graph.nodes.length} nodes, ${graph.edges.length} links, ${sentence} only 同句出现 (${Math.round((100 * sentence) / Math.max(1, graph.edges.length))} %) ${JSON.stringify(counts)}`,
    );
    await service.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const missing = missingData('drug');
  if (missing) {
    console.log(missing);
    return;
  }
  let plates = 0;
  let driven = 0;
  for (const line of fs.readFileSync(DATA_SETS.drug, 'utf8').split('\n').filter(Boolean)) {
    const text = (JSON.parse(line) as { sentText: string }).sentText;
    for (const m of extractMentions(text).filter((x) => x.type === 'PLATE')) {
      plates++;
      if (typeof m.attrs?.owner === 'string') driven++;
    }
  }
  console.log(`drug-case paragraphs (CAIL2022): ${plates} plate mentions, ${driven} with the person the sentence has drive or own it`);
}
