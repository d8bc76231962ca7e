/**
 * Flat ESLint config, one block per kind of file:
 * LWC rules for components, TypeScript rules for the command-line helpers (cli/), scripts, the
 * sample-data generator, the local org and the preview,
 * jest globals for tests.
 */
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const jestPlugin = require('eslint-plugin-jest');

/** The TypeScript: the command-line helpers, scripts, the local org, the sample data, the preview, and the test fixtures' builder (not the components). */
const TYPESCRIPT_FILES = [
  'cli/**/*.ts',
  'scripts/**/*.ts',
  'localorg/**/*.ts',
  'sample-data/**/*.ts',
  'preview/**/*.ts',
  'force-app/test/**/*.ts'
];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'preview/dist/**',
      'artifacts/**',
      '.sfdx/**',
      '.sf/**'
    ]
  },
  ...lwcConfig.configs.recommended.map((config) => ({
    ...config,
    files: ['force-app/**/*.js']
  })),
  {
    files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
      // The card-branch checks of force-app/test/testUtils.js (expectLoadingCard, …) assert.
      'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'expect*Card'] }]
    }
  },
  ...tseslint.configs.recommended.map((config) => ({
    ...config,
    files: TYPESCRIPT_FILES
  })),
  {
    files: TYPESCRIPT_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest } }
  },
  {
    files: ['*.js', 'preview/**/*.{js,mjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
