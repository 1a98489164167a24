// `npm run bench -- <name> [options]`: prints figures; benchmarks are not tests.
const BENCHES: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  ocr: async () => (await import('./ocr.js')).benchOcr,
  extract: async () => (await import('./extract.js')).benchExtract,
  catalogue: async () => (await import('./catalogue.js')).benchCatalogue,
  rules: async () => (await import('./rules.js')).benchRules,
  search: async () => (await import('./search.js')).benchSearch,
  case: async () => (await import('./case.js')).benchCase,
  real: async () => (await import('./real.js')).benchReal,
  statements: async () => (await import('./statements.js')).benchStatements,
  misreads: async () => (await import('./misreads.js')).benchMisreads,
  store: async () => (await import('./store.js')).benchStore,
  hostile: async () => (await import('./hostile.js')).benchHostile,
  graph: async () => (await import('./graph.js')).benchGraph,
  scale: async () => (await import('./scale.js')).benchScale,
};

const [name, ...rest] = process.argv.slice(2);
const names = name === 'all' ? Object.keys(BENCHES) : name ? [name] : [];
if (names.length === 0 || names.some((n) => !BENCHES[n])) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}|all> [options]`);
  process.exit(2);
}
for (const n of names) {
  console.log(`\n=== bench: ${n} ===`);
  await (
    await BENCHES[n]!()
  )(rest);
}
