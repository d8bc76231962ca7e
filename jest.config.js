/**
 * One `jest` run, two projects:
 * - `lwc`: components and service modules, compiled by the LWC transformer (sfdx-lwc-jest).
 * - `node`: the shared command-line helpers (cli/), scripts, the sample-data generator, the local org
 *   and the preview server, TypeScript compiled by SWC.
 * Both resolve `c/<bundle>` to the same service modules, so every number has one implementation.
 */
const fs = require('fs');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// `--outputFile` does not create its folder; CI sums the JSON results found in artifacts/.
fs.mkdirSync(`${__dirname}/artifacts`, { recursive: true });

const LWC_DIR = '<rootDir>/force-app/main/default/lwc';

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
      setupFilesAfterEnv: [
        ...(jestConfig.setupFilesAfterEnv || []),
        '<rootDir>/force-app/test/jest-setup.js'
      ],
      moduleNameMapper: {
        // Templates are compiled by the project's @lwc/compiler 9; run them on LWC's engine of the same
        // version (sfdx-lwc-jest would otherwise resolve its own v8 @lwc/engine-dom and warn on every test).
        '^lwc$': '<rootDir>/node_modules/lwc/node_modules/@lwc/engine-dom/dist/index.cjs',
        '^@pacer/test-utils$': '<rootDir>/force-app/test/testUtils',
        '^@pacer/graphql-fixtures$': '<rootDir>/force-app/test/graphqlFixtures',
        // The fixtures several tests share, written by force-app/test/fixtures/buildFixtures.ts.
        '^@pacer/fixtures/(.*)$': '<rootDir>/force-app/test/fixtures/data/$1',
        '^@pacer/local-schema$': '<rootDir>/force-app/test/localSchema',
        '^lightning/graphql$': '<rootDir>/force-app/test/jest-mocks/lightning/graphql',
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^lightning/platformShowToastEvent$':
          '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent'
      },
      testPathIgnorePatterns: ['<rootDir>/node_modules/']
    },
    {
      displayName: 'node',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/cli/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
        '<rootDir>/localorg/**/*.test.ts',
        '<rootDir>/sample-data/**/*.test.ts',
        '<rootDir>/preview/**/*.test.ts',
        '<rootDir>/force-app/test/**/*.test.ts'
      ],
      testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/preview/test/browser/'],
      transform: {
        '^.+\\.(t|j)s$': [
          '@swc/jest',
          {
            jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
            module: { type: 'commonjs' }
          }
        ]
      },
      moduleNameMapper: {
        '^c/(.*)$': `${LWC_DIR}/$1/$1`
      }
    }
  ]
};
