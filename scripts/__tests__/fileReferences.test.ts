/**
 * Every file reference in the repo's comments and docs names a file or folder that exists (the
 * rules are in scripts/test-support/file-references.ts). The matcher's own tests come first: what
 * it must flag, what it must leave alone.
 */
import path from 'node:path';
import {
  brokenReferences,
  findReferences,
  markdownProse,
  referencesInFile,
  resolves,
  sourceComments,
  type RepoIndex
} from '../test-support/file-references';

const ROOT = path.resolve(__dirname, '../..');

/** A small repo: what the matcher's tests resolve against. */
const FILES = [
  'README.md',
  'docs/engine.md',
  'scripts/lib/kpi-engine.ts',
  'scripts/lib/errors.ts',
  'localorg/README.md',
  'localorg/server.ts',
  'localorg/graphql/schema.ts',
  'sample-data/generate.ts'
];
const INDEX: RepoIndex = {
  entries: new Set([
    ...FILES,
    'docs',
    'scripts',
    'scripts/lib',
    'localorg',
    'localorg/graphql',
    'sample-data'
  ]),
  basenames: new Set(FILES.map((f) => path.posix.basename(f))),
  topLevelDirs: new Set(['docs', 'scripts', 'localorg', 'sample-data']),
  ignoredPrefixes: ['preview/dist/', 'artifacts/'],
  ignoredFiles: new Set(['sample.json']),
  packages: new Set(['jsforce', '@salesforce', 'lwc'])
};

/** The targets of a text that do not resolve in the small repo. */
function broken(text: string, file = 'scripts/lib/x.ts', markdown = false): string[] {
  return findReferences(text, { file, markdown, topLevelDirs: INDEX.topLevelDirs })
    .filter((r) => !resolves(r, INDEX))
    .map((r) => r.target);
}

describe('the file-reference matcher', () => {
  it('flags a Markdown file that is not in the repo, cited in passing', () => {
    expect(broken('The data model of CONTRACT.md, "Record shape".')).toEqual(['CONTRACT.md']);
    expect(broken('see ENGINE-API.md for the shapes')).toEqual(['ENGINE-API.md']);
  });

  it('flags a backticked path, a top-level path and a Markdown link that name nothing', () => {
    expect(broken('shared with `scripts/lib/json-locate.ts`')).toEqual([
      'scripts/lib/json-locate.ts'
    ]);
    expect(broken('the generator (localorg/sample-data/generate.ts) writes it')).toEqual([
      'localorg/sample-data/generate.ts'
    ]);
    expect(broken('[the contract](../docs/contract.md)', 'localorg/README.md', true)).toEqual([
      '../docs/contract.md'
    ]);
  });

  it('flags any path under /tmp, which no checkout has', () => {
    expect(broken('see /tmp/pacer/REQUESTS.md')).toEqual(['/tmp/pacer/REQUESTS.md']);
  });

  it('flags a citation of the design document by section, which is not in the repo', () => {
    expect(broken('A call: a Task of subtype Call (DESIGN §6).')).toEqual(['DESIGN §6']);
    expect(broken('the four measures (DESIGN §2.9 and §6)')).toEqual(['DESIGN §2.9']);
    expect(broken('weeks of the month (DESIGN section 2.3: W1 … W5)')).toEqual([
      'DESIGN section 2.3'
    ]);
    expect(broken('see `DESIGN §5`', 'docs/engine.md', true)).toEqual(['DESIGN §5']);
    expect(
      broken('the design section of docs/engine.md, a DESIGNER, DESIGN_SECTION and § 6 alone')
    ).toEqual([]);
  });

  it('resolves paths from the root, from the file, as modules without extension, and folders', () => {
    expect(
      broken(
        'see docs/engine.md, `scripts/lib/kpi-engine.ts`, scripts/lib/errors, `sample-data/`, ' +
          '`graphql/schema.ts`, `../sample-data/generate.ts` and README.md',
        'localorg/server.ts'
      )
    ).toEqual([]);
    expect(broken('`./errors` and `../lib/kpi-engine.ts`', 'scripts/lib/kpi-engine.ts')).toEqual(
      []
    );
    expect(broken('`./missing`', 'scripts/lib/kpi-engine.ts')).toEqual(['./missing']);
    expect(broken('[engine](../docs/engine.md#the-model)', 'localorg/README.md', true)).toEqual([]);
  });

  it('leaves URLs, npm package paths, LWC modules, globs, placeholders and ignored paths alone', () => {
    expect(
      broken(
        [
          'https://github.com/forcedotcom/afv-library/blob/HEAD/skills/x/README.md',
          '`@salesforce/core`, `jsforce/lib/http-api.js`, `lwc/dist/index.cjs`',
          '`c/reviewPlan`, `lightning/graphql`, `lightning/uiRecordApi`',
          '`config/*.json`, `objects/<Object>/fields/`, `{objects,tabs}/`, `edges/node/{value}`',
          '`/services/data/vNN.0`, `POST /graphql`, `~/.sf`, `Type`/`TaskSubtype`',
          '`preview/dist/main.js`, `artifacts/jest-results.json`, `sample.json`, `.ts` files'
        ].join('\n')
      )
    ).toEqual([]);
  });

  it('reads Markdown links and prose but not fenced code', () => {
    const text = [
      'Run it:',
      '```sh',
      'npm run sample-data -- --out missing.json   # see GONE.md',
      '```',
      'Then read [the guide](GUIDE.md).'
    ].join('\n');
    const references = findReferences(markdownProse(text), {
      file: 'README.md',
      markdown: true,
      topLevelDirs: INDEX.topLevelDirs
    });
    expect(references.map((r) => [r.line, r.target, r.rule])).toEqual([[5, 'GUIDE.md', 'link']]);
  });

  it('reads the comments of source files, not their code or strings, with their line numbers', () => {
    const source = [
      "import { x } from './CODE.md';",
      "const s = 'see STRING.md';",
      '/**',
      ' * Shapes of CONTRACT.md.',
      ' */',
      'export const re = /\\/\\/ not a comment/; // see TRAILING.md'
    ].join('\n');
    expect(sourceComments('a.ts', source).map((c) => c.line)).toEqual([3, 6]);
    expect(
      referencesInFile('scripts/a.ts', source, INDEX.topLevelDirs).map((r) => [r.line, r.target])
    ).toEqual([
      [4, 'CONTRACT.md'],
      [6, 'TRAILING.md']
    ]);
  });

  it('reads # comments of config files and shell scripts', () => {
    const ignore = ['# Written by scripts/lib/gone.ts', 'package-lock.json'].join('\n');
    expect(
      referencesInFile('.prettierignore', ignore, INDEX.topLevelDirs).map((r) => r.target)
    ).toEqual(['scripts/lib/gone.ts']);
  });
});

describe('the repo', () => {
  it('has no file reference in a comment or doc that names a missing file', () => {
    expect(brokenReferences(ROOT)).toEqual([]);
  });
});
