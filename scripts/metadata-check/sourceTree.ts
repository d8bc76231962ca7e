/**
 * Finding the package directories of an SFDX project and listing their files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The package directory used when sfdx-project.json is missing or names none. */
export const DEFAULT_PACKAGE_DIR = 'force-app';

/**
 * The package directories named in `<rootDir>/sfdx-project.json`, relative to rootDir.
 * Falls back to `force-app`, so the check also runs on a bare copy of the source.
 */
export async function readPackageDirectories(rootDir: string): Promise<string[]> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(rootDir, 'sfdx-project.json'), 'utf8');
  } catch {
    return [DEFAULT_PACKAGE_DIR];
  }
  const project = JSON.parse(raw) as {
    packageDirectories?: Array<{ path?: unknown }>;
  };
  const dirs = (project.packageDirectories ?? [])
    .map((entry) => entry.path)
    .filter((dir): dir is string => typeof dir === 'string' && dir.length > 0)
    .map((dir) => toPosix(path.normalize(dir)));
  return dirs.length > 0 ? dirs : [DEFAULT_PACKAGE_DIR];
}

/**
 * Every file below `dir`, as paths relative to `rootDir` with forward slashes, sorted.
 * Symbolic links are not followed: metadata is plain files.
 */
export async function listFiles(rootDir: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(relDir: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(rootDir, relDir), {
        withFileTypes: true
      });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = `${relDir}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  }
  await walk(toPosix(dir));
  return out.sort();
}

/** Converts a platform path to forward slashes (findings and keys use one spelling). */
export function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
