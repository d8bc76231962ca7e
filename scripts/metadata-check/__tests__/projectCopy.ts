/**
 * Test support: a throw-away copy of the project's metadata that a test can break, a group of
 * tests checked on one copy, and a lookup for the findings about one file.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../findings';
import { checkMetadata } from '../index';

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

/** A break registered with {@link checkTogether}: the handle its test reads the findings with. */
export interface Break {
  readonly index: number;
}

/** The tests of a group, checked on one copy. */
export interface CheckedTogether {
  /** Registers a break of the copy (applied before the group's tests run). */
  break(apply: (root: string) => Promise<unknown>): Break;
  /**
   * The findings of the one check of the copy with every break applied; throws the error of
   * `which` when that break could not be made (its test fails, not the group's others).
   */
  findings(which: Break): Promise<Finding[]>;
  /** The copy's root, once made. */
  root(): string;
}

/**
 * Checks a group of tests together: one copy of the project, every test's break applied to it,
 * and one run of the check (one conversion by Salesforce's tooling) whose findings each test reads
 * for its own files. The breaks must touch different files, and none may stop the converter (a
 * file that is not XML at all needs a group of its own). Call it in a describe block (or at the
 * top of a file): it registers the group's beforeAll and afterAll there.
 */
export function checkTogether(): CheckedTogether {
  const breaks: Array<(root: string) => Promise<unknown>> = [];
  const errors = new Map<number, unknown>();
  let root = '';
  let findings: Finding[] = [];
  beforeAll(async () => {
    root = await copyProject();
    for (const [index, apply] of breaks.entries()) {
      try {
        await apply(root);
      } catch (error) {
        errors.set(index, error);
      }
    }
    findings = await checkMetadata(root);
  }, 60_000);
  afterAll(async () => {
    if (root) await removeProject(root);
  });
  return {
    break(apply) {
      breaks.push(apply);
      return { index: breaks.length - 1 };
    },
    async findings(which) {
      if (errors.has(which.index)) throw errors.get(which.index);
      return findings;
    },
    root: () => root
  };
}
