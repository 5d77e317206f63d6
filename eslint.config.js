// Process boundaries, enforced on every `npm test` (cf. VS Code's layering rules):
//   electron/core  plain Node: never 'electron', never the shell, host or UI
//   renderer       sandboxed web page: no Node built-ins, no 'electron', nothing under electron/
//   shared         pure contract: imports nothing outside shared/
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];

/**
 * Layers inside electron/core, lowest first. A module may import its own layer and the layers
 * below it, never one above (docs/architecture.md shows the same order).
 */
export const CORE_LAYERS = [
  ['base'],
  ['crypto'],
  ['vault'],
  ['dicom', 'documents', 'archive'],
  ['records'],
  ['import', 'bundle'],
  ['export', 'cases', 'health'],
  ['service'],
  ['cli'],
];

const SHARED_ONLY = 'shared/ is the pure contract: it imports nothing outside shared/.';

const CORE_PATHS = [{ name: 'electron', message: 'electron/core is plain Node: it must never import electron.' }];
const CORE_PATTERNS = [
  { regex: '^electron/', message: 'electron/core is plain Node: it must never import electron.' },
  { regex: '(^|/)renderer(/|$)', message: 'electron/core must not import the UI.' },
  { regex: '^\\.\\./(\\.\\./)*(shell|host|main|preload)(/|\\.|$)', message: 'electron/core must not import the Electron shell or the browser host.' },
];

function upwardPatterns(level) {
  const higher = CORE_LAYERS.slice(level + 1).flat();
  if (!higher.length) return [];
  return [{ regex: `^(\\.\\./)+(${higher.join('|')})(/|$)`, message: `Core layering: ${CORE_LAYERS[level].join('/')} must not import a higher layer (${higher.join(', ')}).` }];
}

export default [
  { ignores: ['node_modules/**', '.electron-native/**', 'dist/**', 'release/**', 'test-results/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  // One config per core layer: the process rules above plus "never import a higher layer".
  ...CORE_LAYERS.map((folders, level) => ({
    files: folders.map((f) => `electron/core/${f}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { paths: CORE_PATHS, patterns: [...CORE_PATTERNS, ...upwardPatterns(level)] }] },
  })),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed: talk to window.dossier, never electron.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is sandboxed: no Node built-ins.' })),
          ],
          patterns: [
            { regex: '^node:', message: 'The renderer is sandboxed: no Node built-ins.' },
            { regex: '(^|/)electron/', message: 'The renderer must not import code from electron/.' },
            { regex: '^better-sqlite3', message: 'The renderer has no database access.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: SHARED_ONLY }] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // One folder down (shared/words/…): its own folder and shared/ itself, nothing further up.
    files: ['shared/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\.\\.?/)|^\\.\\./\\.\\./', message: SHARED_ONLY }] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
];
