import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
  'util',
  'zlib',
  'events',
  'buffer',
  'readline',
  'tls',
  'dns',
];
const nodePatterns = ['node:*', ...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Plain JavaScript scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // A sandboxed preload can only require('electron'): CommonJS is the point there.
    files: ['electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The backend runs in plain Node, the CLI and the test bridge: never Electron.
    files: ['electron/core/**', 'electron/cli/**', 'electron/bridge/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The backend never imports electron (DESIGN.md §8).' }] }],
    },
  },
  {
    // The renderer runs sandboxed in a browser: no Node, no Electron.
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to window.caseReview.' }],
          patterns: [{ group: nodePatterns, message: 'The renderer never imports Node built-ins.' }],
        },
      ],
    },
  },
  {
    // shared/ is the pure contract: no Node, no Electron, no DOM-only code.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure.' }],
          patterns: [{ group: nodePatterns, message: 'shared/ is pure: no Node built-ins.' }],
        },
      ],
    },
  },
);
