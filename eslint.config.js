// Lint: typescript-eslint's type-aware recommended rules, plus the room rules of the design (which folder may import
// what). A violation fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const extensionApis = {
  group: ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@wxt-dev/*'],
  message: 'This folder runs outside the extension too (Node, tests, the command line): no extension APIs here.',
};
const storage = {
  group: ['dexie', '**/db', '**/store', '**/store/*', '**/background/*', '**/ext/*'],
  message: 'This folder is pure: it takes data as arguments; reading and writing the database belongs to lib/store.',
};
const domLayer = {
  group: ['**/page/*', 'preact', 'preact/*', '**/components/*'],
  message: 'The pure core has no DOM: page code lives in lib/page, rendering in components/.',
};
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'chrome',
  'browser',
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Tests read JSON files and use Vitest's asymmetric matchers (expect.any), which are `any` by design.
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  prettier,

  // The pure core: dataset model, matcher, ranking, portfolio formats, capture, documents. Runs in Node, the content script and the CLI.
  {
    files: ['lib/match/**', 'lib/rank/**', 'lib/dataset/**', 'lib/portfolio/**', 'lib/capture/**', 'lib/doc/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [extensionApis, storage, domLayer] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  // Page code: the DOM, but no extension API and no storage (the content script gets its data by message).
  {
    files: ['lib/page/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [extensionApis, storage] }] },
  },
  // Components render props and raise events: no storage, no messages, no extension APIs.
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            extensionApis,
            {
              ...storage,
              message: 'Components render what they are given: the page reads the store and passes data in.',
            },
            { group: ['**/messages'], allowTypeImports: true, message: 'Components render data: import types only.' },
          ],
        },
      ],
    },
  },
  // The content script runs in every page: it reaches the database only through messages, so it never bundles Dexie.
  {
    files: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', '**/db', '**/store', '**/store/*'], message: 'Content scripts ask the background.' },
            { group: ['**/background/*', '**/messages'], allowTypeImports: true, message: 'Only types from here.' },
          ],
        },
      ],
    },
  },
  // Extension pages and shared page helpers: the background's handlers are the background's; senders import types only.
  {
    files: ['entrypoints/**/*.tsx', 'lib/ext/**'],
    ignores: ['entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/background/*', '**/messages'],
              allowTypeImports: true,
              message: 'The protocol table and its handlers run in the background: import their types only.',
            },
          ],
        },
      ],
    },
  },
);
