// Prints the tests that were skipped, each with its name (which says why: "…— skipped: ../shared/data
// is not beside this checkout"), then one closing line, "N passed, N failed", from the JSON reports
// of vitest and Playwright, for tools that read a run's last line.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const skippedNames = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof r.numPassedTests === 'number') {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const t of r.testResults ?? []) {
      for (const a of t.assertionResults ?? []) {
        if (a.status === 'skipped' || a.status === 'pending' || a.status === 'todo') skippedNames.push(a.fullName ?? a.title);
      }
    }
  } else if (r.stats) {
    passed += r.stats.expected ?? 0;
    failed += (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0);
    skipped += r.stats.skipped ?? 0;
  }
}
for (const name of skippedNames) console.log(`skipped: ${name}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
