// Process boundaries, enforced on every `npm test` (cf. VS Code's layering rules):
//   electron/core  plain Node: never 'electron', never the shell, host or UI
//   renderer       sandboxed web page: no Node built-ins, no 'electron', nothing under electron/
//   shared         pure contract: imports nothing outside shared/
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];

export default [
  { ignores: ['node_modules/**', '.electron-native/**', 'dist/**', 'release/**', 'test-results/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core is plain Node: it must never import electron.' }],
          patterns: [
            { regex: '^electron/', message: 'electron/core is plain Node: it must never import electron.' },
            { regex: '(^|/)renderer(/|$)', message: 'electron/core must not import the UI.' },
            { regex: '^\\.\\./(\\.\\./)*(shell|host|main|preload)(/|\\.|$)', message: 'electron/core must not import the Electron shell or the browser host.' },
          ],
        },
      ],
    },
  },
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
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'shared/ is the pure contract: it imports nothing outside shared/.' }] }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
];
