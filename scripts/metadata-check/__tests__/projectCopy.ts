/**
 * Test support: a throw-away copy of the project's metadata that a test can break, and a lookup
 * for the findings about one file.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings';

/** The repository root (scripts/metadata-check/__tests__ → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The default package folder, relative to a project root. */
export const PKG = 'force-app/main/default';

/**
 * Files a project copy needs: the package, its descriptor, its .forceignore, and the config files
 * the documents Pacer sends are built from.
 */
const PROJECT_ENTRIES = ['force-app', 'sfdx-project.json', '.forceignore', 'config'];

/** Copies the project's metadata to a fresh temporary directory and returns its path. */
export async function copyProject(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pacer-metadata-test-'));
  for (const entry of PROJECT_ENTRIES) {
    await fs.cp(path.join(REPO_ROOT, entry), path.join(root, entry), {
      recursive: true
    });
  }
  return root;
}

/** Deletes a copy made by copyProject. */
export async function removeProject(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

/**
 * Rewrites one file of a copy. Throws when the edit changes nothing, so a test can never pass
 * because the break it meant to make did not happen.
 */
export async function editFile(
  root: string,
  file: string,
  edit: (text: string) => string
): Promise<void> {
  const absolute = path.join(root, file);
  const before = await fs.readFile(absolute, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  await fs.writeFile(absolute, after);
}

/** Writes a new file into a copy, creating its folders. */
export async function writeFile(root: string, file: string, text: string): Promise<void> {
  const absolute = path.join(root, file);
  await fs.mkdir(path.dirname(absolute), { recursive: true });
  await fs.writeFile(absolute, text);
}

/** Renames a file inside a copy. */
export async function renameFile(root: string, from: string, to: string): Promise<void> {
  await fs.rename(path.join(root, from), path.join(root, to));
}

/** The errors reported for one file, optionally for one rule. */
export function errorsFor(findings: Finding[], file: string, rule?: string): Finding[] {
  return findings.filter(
    (finding) =>
      finding.severity === 'error' &&
      finding.file === file &&
      (rule === undefined || finding.rule === rule)
  );
}

/** A minimal exposed LWC bundle (js-meta.xml and js), for tests that need a component. */
export async function writeComponent(
  root: string,
  name: string,
  js: string,
  targets: string[] = []
): Promise<string> {
  const dir = `${PKG}/lwc/${name}`;
  const targetXml =
    targets.length > 0
      ? `    <targets>\n${targets.map((target) => `        <target>${target}</target>\n`).join('')}    </targets>\n`
      : '';
  await writeFile(
    root,
    `${dir}/${name}.js-meta.xml`,
    `<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
      `    <apiVersion>62.0</apiVersion>\n    <isExposed>${targets.length > 0}</isExposed>\n${targetXml}</LightningComponentBundle>\n`
  );
  await writeFile(root, `${dir}/${name}.js`, js);
  return dir;
}
