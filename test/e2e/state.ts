// What global setup hands to the tests: kept apart so test workers do not load the backend.
import fs from 'node:fs';

export const STATE_ENV = 'CASE_REVIEW_E2E_STATE';

export interface E2eState {
  /** The app's address with the bridge token. */
  url: string;
  caseFolder: string;
  /** A realistic case from test/fixtures/generator, with its ground truth; or why it could not be made. */
  generated: { folder: string; truthPath: string } | { error: string };
}

export function readState(): E2eState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: run the e2e tests through playwright.config.ts`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as E2eState;
}
