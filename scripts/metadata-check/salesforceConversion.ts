/**
 * Converts the package to Metadata API format with Salesforce's own library
 * (@salesforce/source-deploy-retrieve, what `sf project convert source` and deploys use), into a
 * throw-away directory. It fails only on text that is not XML or an unresolvable layout, so the
 * rules in ./rules add the rest.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ComponentSet,
  ForceIgnore,
  MetadataConverter,
  type SourceComponent
} from '@salesforce/source-deploy-retrieve';
import { toPosix } from './sourceTree';

/** What the conversion produced. */
export interface ConversionResult {
  /** Top-level components resolved and written (an object counts once). */
  componentCount: number;
  /** Child components inside them (fields, list views). */
  childCount: number;
  /** Files Salesforce's tooling resolved into a component, relative to rootDir. */
  resolvedFiles: Set<string>;
  /** Files left out by .forceignore, relative to rootDir. */
  ignoredFiles: Set<string>;
  /** The converter's message when it threw. */
  error?: string;
  /** The file the error names, relative to rootDir, when it names one. */
  errorFile?: string;
}

/**
 * Resolves and converts every package directory with SDR.
 * @param files every file below the package directories (relative to rootDir), to classify
 *   which ones .forceignore leaves out.
 */
export async function convertWithSalesforceTooling(
  rootDir: string,
  packageDirs: string[],
  files: string[]
): Promise<ConversionResult> {
  const result: ConversionResult = {
    componentCount: 0,
    childCount: 0,
    resolvedFiles: new Set(),
    ignoredFiles: new Set()
  };
  const absoluteDirs = packageDirs.map((dir) => path.resolve(rootDir, dir));
  const forceIgnore = ForceIgnore.findAndCreate(absoluteDirs[0] ?? rootDir);
  for (const file of files) {
    if (forceIgnore.denies(path.resolve(rootDir, file))) result.ignoredFiles.add(file);
  }

  const outputDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'pacer-metadata-'));
  try {
    const existingDirs: string[] = [];
    for (const dir of absoluteDirs) {
      if (await isDirectory(dir)) existingDirs.push(dir);
    }
    const components = ComponentSet.fromSource({ fsPaths: existingDirs });
    const sourceComponents = components.getSourceComponents().toArray();
    for (const component of sourceComponents)
      collectFiles(rootDir, component, result.resolvedFiles);
    const converted = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false
    });
    result.componentCount = converted.converted?.length ?? sourceComponents.length;
    result.childCount = sourceComponents.reduce(
      (sum, component) => sum + component.getChildren().length,
      0
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.errorFile = fileNamedIn(rootDir, message);
    result.error = tidyMessage(rootDir, message);
  } finally {
    await fs.rm(outputDirectory, { recursive: true, force: true });
  }
  return result;
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Adds the files a component (and its children, e.g. an object's fields) was resolved from. */
function collectFiles(rootDir: string, component: SourceComponent, into: Set<string>): void {
  const add = (absolute: string | undefined): void => {
    if (absolute) into.add(toPosix(path.relative(rootDir, absolute)));
  };
  add(component.xml);
  if (component.content) {
    for (const file of component.walkContent()) add(file);
    add(component.content);
  }
  for (const child of component.getChildren()) collectFiles(rootDir, child, into);
}

/** One line, with project paths made relative (the converter prints absolute paths and "\\n"). */
function tidyMessage(rootDir: string, message: string): string {
  return message
    .split(path.resolve(rootDir) + path.sep)
    .join('')
    .replace(/\\n|\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first path inside rootDir that a converter message mentions, relative to rootDir. */
function fileNamedIn(rootDir: string, message: string): string | undefined {
  const root = path.resolve(rootDir);
  const at = message.indexOf(root);
  if (at < 0) return undefined;
  const match = /^[^\s'"`,;:]+/.exec(message.slice(at));
  return match ? toPosix(path.relative(root, match[0])) : undefined;
}
