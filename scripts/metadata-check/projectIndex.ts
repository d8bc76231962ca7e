/**
 * An index of the package's metadata by type and name, built from the file tree, so rules can
 * look up "does this object / field / tab exist" without re-reading files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  FILE_TYPES,
  KNOWN_FOLDERS,
  LWC_META,
  OBJECT_CHILD_TYPES,
  OBJECT_FILE,
  type FileType
} from './metadataLayout';
import { listFiles } from './sourceTree';
import { parseMetadataXml, type MetadataXml, type XmlSyntaxError } from './xmlDocument';

/** A metadata file whose name fits its type. `doc` is absent when the XML is not well-formed. */
export interface MetadataFile {
  /** Path relative to the project root. */
  file: string;
  /** Component name taken from the file name, e.g. `Key__c` for `Key__c.field-meta.xml`. */
  name: string;
  /** Root element the type requires. */
  rootElement: string;
  doc?: MetadataXml;
}

/** A custom or standard object folder: `objects/<name>/`. */
export interface ObjectModel {
  name: string;
  /** Folder relative to the project root. */
  dir: string;
  /** `<name>.object-meta.xml`, absent for a standard object that only gains fields. */
  definition?: MetadataFile;
  fields: Map<string, MetadataFile>;
  /** List views, validation rules and other child components. */
  children: MetadataFile[];
}

/** A Lightning web component bundle folder: `lwc/<name>/`. */
export interface LwcBundle {
  name: string;
  dir: string;
  files: string[];
  meta?: MetadataFile;
}

/** A file in a known type folder whose path or name does not fit the type. */
export interface MisplacedFile {
  file: string;
  reason: string;
}

/** Everything the rules need to know about the source tree. */
export interface ProjectIndex {
  rootDir: string;
  packageDirs: string[];
  /** Every file below the package directories, relative to rootDir. */
  files: string[];
  /** Every well-formed XML document, by relative path. */
  xml: Map<string, MetadataXml>;
  /** XML files that are not well-formed, by relative path. */
  malformed: Map<string, XmlSyntaxError>;
  objects: Map<string, ObjectModel>;
  permissionSets: Map<string, MetadataFile>;
  tabs: Map<string, MetadataFile>;
  applications: Map<string, MetadataFile>;
  flexipages: Map<string, MetadataFile>;
  labels: Map<string, MetadataFile>;
  lwc: Map<string, LwcBundle>;
  /** Every typed file (object, field, tab, …), for rules that apply to all of them. */
  typedFiles: MetadataFile[];
  misplaced: MisplacedFile[];
}

const MAX_XML_BYTES = 5 * 1024 * 1024;

/**
 * Reads every file below the package directories and indexes the metadata by type and name.
 */
export async function indexProject(rootDir: string, packageDirs: string[]): Promise<ProjectIndex> {
  const index: ProjectIndex = {
    rootDir,
    packageDirs,
    files: [],
    xml: new Map(),
    malformed: new Map(),
    objects: new Map(),
    permissionSets: new Map(),
    tabs: new Map(),
    applications: new Map(),
    flexipages: new Map(),
    labels: new Map(),
    lwc: new Map(),
    typedFiles: [],
    misplaced: []
  };
  for (const dir of packageDirs) index.files.push(...(await listFiles(rootDir, dir)));

  for (const file of index.files) {
    if (!file.endsWith('.xml')) continue;
    const stat = await fs.stat(path.join(rootDir, file));
    if (stat.size > MAX_XML_BYTES) continue;
    const parsed = parseMetadataXml(await fs.readFile(path.join(rootDir, file), 'utf8'));
    if (parsed.ok) index.xml.set(file, parsed.doc);
    else index.malformed.set(file, parsed.error);
  }

  for (const file of index.files) classify(index, file);
  return index;
}

function typedFile(
  index: ProjectIndex,
  file: string,
  name: string,
  rootElement: string
): MetadataFile {
  const entry: MetadataFile = {
    file,
    name,
    rootElement,
    doc: index.xml.get(file)
  };
  index.typedFiles.push(entry);
  return entry;
}

/** Places one file in the index, or records why it does not fit its folder. */
function classify(index: ProjectIndex, file: string): void {
  const segments = file.split('/');
  const at = segments.findIndex((segment) => KNOWN_FOLDERS.has(segment));
  if (at < 0) return;
  const folder = segments[at];
  const rest = segments.slice(at + 1);
  const folderPath = segments.slice(0, at + 1).join('/');

  if (folder === 'objects') return classifyObjectFile(index, file, folderPath, rest);
  if (folder === 'lwc') return classifyLwcFile(index, file, folderPath, rest);
  const type = FILE_TYPES.find((candidate) => candidate.folder === folder);
  if (!type) return; // Apex folders: reported by the forbidden-source rule.
  const fileName = rest[rest.length - 1];
  if (rest.length !== 1 || !fileName.endsWith(type.suffix)) {
    index.misplaced.push({ file, reason: misnamedReason(type, folder) });
    return;
  }
  const entry = typedFile(index, file, fileName.slice(0, -type.suffix.length), type.rootElement);
  mapFor(index, folder).set(entry.name, entry);
}

function mapFor(index: ProjectIndex, folder: string): Map<string, MetadataFile> {
  switch (folder) {
    case 'permissionsets':
      return index.permissionSets;
    case 'tabs':
      return index.tabs;
    case 'applications':
      return index.applications;
    case 'flexipages':
      return index.flexipages;
    default:
      return index.labels;
  }
}

function misnamedReason(type: FileType, where: string): string {
  return (
    `a file in ${where}/ must be named <Name>${type.suffix} (a ${type.rootElement}); ` +
    `Salesforce's converter skips other names silently, so this file would never deploy`
  );
}

function classifyObjectFile(
  index: ProjectIndex,
  file: string,
  objectsPath: string,
  rest: string[]
): void {
  if (rest.length < 2) {
    index.misplaced.push({
      file,
      reason: 'objects/ holds one folder per object: objects/<Object>/<Object>.object-meta.xml'
    });
    return;
  }
  const objectName = rest[0];
  let model = index.objects.get(objectName);
  if (!model) {
    model = {
      name: objectName,
      dir: `${objectsPath}/${objectName}`,
      fields: new Map(),
      children: []
    };
    index.objects.set(objectName, model);
  }
  if (rest.length === 2) {
    if (rest[1] === `${objectName}${OBJECT_FILE.suffix}`) {
      model.definition = typedFile(index, file, objectName, OBJECT_FILE.rootElement);
    } else {
      index.misplaced.push({
        file,
        reason:
          `objects/${objectName}/ may only hold ${objectName}${OBJECT_FILE.suffix} and child folders ` +
          `(${OBJECT_CHILD_TYPES.map((type) => type.folder).join(', ')}); ` +
          `Salesforce's converter skips other files silently`
      });
    }
    return;
  }
  const childType = OBJECT_CHILD_TYPES.find((type) => type.folder === rest[1]);
  const fileName = rest[rest.length - 1];
  if (!childType) {
    index.misplaced.push({
      file,
      reason: `unknown folder objects/${objectName}/${rest[1]}/ (expected one of ${OBJECT_CHILD_TYPES.map((type) => type.folder).join(', ')})`
    });
    return;
  }
  if (rest.length !== 3 || !fileName.endsWith(childType.suffix)) {
    index.misplaced.push({
      file,
      reason: misnamedReason(childType, `objects/${objectName}/${childType.folder}`)
    });
    return;
  }
  const entry = typedFile(
    index,
    file,
    fileName.slice(0, -childType.suffix.length),
    childType.rootElement
  );
  if (childType.folder === 'fields') model.fields.set(entry.name, entry);
  else model.children.push(entry);
}

function classifyLwcFile(index: ProjectIndex, file: string, lwcPath: string, rest: string[]): void {
  // Files directly in lwc/ (jsconfig.json, .eslintrc.json) are tooling, not components.
  if (rest.length < 2) return;
  const bundleName = rest[0];
  let bundle = index.lwc.get(bundleName);
  if (!bundle) {
    bundle = { name: bundleName, dir: `${lwcPath}/${bundleName}`, files: [] };
    index.lwc.set(bundleName, bundle);
  }
  bundle.files.push(file);
  if (rest.length === 2 && rest[1] === `${bundleName}${LWC_META.suffix}`) {
    bundle.meta = typedFile(index, file, bundleName, LWC_META.rootElement);
  }
}
