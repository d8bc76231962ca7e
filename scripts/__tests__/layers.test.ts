/**
 * The layers of docs/engine.md ("Layers and what may import what"), held: no import between the
 * repo's top-level folders points up. Lower layers first; each may import only the folders listed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Top-level folder → the top-level folders its code may import (relative imports). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  config: [],
  cli: [],
  // The generator's command-line flags are declared with the shared helpers.
  'sample-data': ['cli'],
  // The KPI engine and the components: `c/…` and platform modules only.
  'force-app': [],
  localorg: ['sample-data', 'cli'],
  scripts: ['sample-data', 'cli', 'localorg', 'force-app', 'config'],
  preview: ['sample-data', 'cli', 'localorg', 'scripts', 'force-app', 'config']
};

/**
 * Component tests and their support may build fixtures (forecast snapshots as `snapshot-forecast`
 * computes them, scripts/lib/forecast.ts) and validate documents with the local org.
 */
const FORCE_APP_TESTS: readonly string[] = ['config', 'sample-data', 'localorg', 'scripts'];

/**
 * Imports that still point up, each with the change that removes it. The list must match what
 * the code does: an entry that no longer happens fails too, so it is deleted when fixed.
 */
const KNOWN_UPWARD: Record<string, string> = {
  'scripts/__tests__/reviewFigures.test.ts -> preview/prepareOrg':
    'the figures test readies its org the way npm start does'
};

const IMPORT =
  /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|jest\.mock\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8'
  })
    .split('\n')
    .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f) && f.includes('/'));
}

function isForceAppTest(file: string): boolean {
  return file.startsWith('force-app/test/') || file.includes('/__tests__/');
}

/** Every import from one top-level folder into another, as `file -> target` with the folders. */
function crossFolderImports(): Array<{ edge: string; from: string; to: string; file: string }> {
  const out = [];
  for (const file of sourceFiles()) {
    let text: string;
    try {
      text = readFileSync(path.join(ROOT, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(IMPORT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
      const from = file.split('/')[0];
      const to = target.split('/')[0];
      if (from !== to) out.push({ edge: `${file} -> ${target}`, from, to, file });
    }
  }
  return out;
}

describe('the layers', () => {
  const imports = crossFolderImports();

  it('import only downwards between top-level folders', () => {
    const upward = imports
      .filter(({ from, to, file }) => {
        const allowed =
          from === 'force-app' && isForceAppTest(file) ? FORCE_APP_TESTS : MAY_IMPORT[from];
        return !allowed || !allowed.includes(to);
      })
      .map(({ edge }) => edge)
      .filter((edge) => !(edge in KNOWN_UPWARD));
    expect(upward).toEqual([]);
  });

  it('list as known only upward imports the code still makes', () => {
    const edges = new Set(imports.map(({ edge }) => edge));
    expect(Object.keys(KNOWN_UPWARD).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
