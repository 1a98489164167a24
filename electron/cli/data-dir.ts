import os from 'node:os';
import path from 'node:path';

/** Where the CLI keeps its database when --db is not given: the platform's user-data folder. */
export function defaultDataDir(): string {
  if (process.env.CASE_REVIEW_DATA_DIR) return process.env.CASE_REVIEW_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'case-review');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'case-review');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'case-review');
}
