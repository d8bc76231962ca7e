/**
 * A hash of everything a preview build depends on, so a second `npm start` on unchanged sources
 * reuses the bundle in preview/dist instead of rebuilding it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Packages whose version changes the bundle. */
export const BUILD_PACKAGES = [
  'lwc',
  '@lwc/rollup-plugin',
  '@lwc/synthetic-shadow',
  'lightning-base-components',
  'rollup',
  '@rollup/plugin-replace',
  'typescript'
] as const;

function listFiles(dir: string, accept: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const stat = fs.statSync(dir);
  if (stat.isFile()) return accept(dir) ? [dir] : [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .flatMap((entry) => listFiles(path.join(dir, entry.name), accept));
}

/** Whether a file can change a build (tests and their fixtures cannot). */
export function isBuildInput(file: string): boolean {
  const parts = file.split(path.sep);
  return !parts.includes('__tests__') && !/\.test\.[jt]s$/.test(file);
}

/** Options of {@link sourceHash}. */
export interface SourceHashInput {
  /** Files or folders (walked recursively) whose content counts. */
  inputs: readonly string[];
  /** Project root: paths are hashed relative to it, so the hash does not depend on where the clone is. */
  root: string;
  /** Anything else that changes the output (build mode, …). */
  extra?: Record<string, unknown>;
}

/** A short sha-256 over the inputs' relative paths and contents, package versions and `extra`. */
export function sourceHash({ inputs, root, extra = {} }: SourceHashInput): string {
  const hash = crypto.createHash('sha256');
  const files = [...new Set(inputs.flatMap((input) => listFiles(input, isBuildInput)))].sort();
  for (const file of files) {
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  for (const name of BUILD_PACKAGES) {
    const manifest = path.join(root, 'node_modules', name, 'package.json');
    const version = fs.existsSync(manifest)
      ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version
      : 'missing';
    hash.update(`${name}@${version}\0`);
  }
  hash.update(JSON.stringify(extra));
  return hash.digest('hex').slice(0, 16);
}
