/**
 * Where each metadata type lives in a source-format package and how its files are named.
 * Salesforce's converter silently skips a file whose name does not fit, so
 * these are checked explicitly.
 */

/** A metadata type stored as one `<Name><suffix>` file per component in its own folder. */
export interface FileType {
  /** Folder name in the package, e.g. `tabs`. */
  folder: string;
  /** File name suffix, e.g. `.tab-meta.xml`. */
  suffix: string;
  /** Root element of the document, e.g. `CustomTab`. */
  rootElement: string;
}

/** Types Pacer uses (or may use) whose components are single files directly in their folder. */
export const FILE_TYPES: readonly FileType[] = [
  {
    folder: 'permissionsets',
    suffix: '.permissionset-meta.xml',
    rootElement: 'PermissionSet'
  },
  { folder: 'tabs', suffix: '.tab-meta.xml', rootElement: 'CustomTab' },
  {
    folder: 'applications',
    suffix: '.app-meta.xml',
    rootElement: 'CustomApplication'
  },
  {
    folder: 'flexipages',
    suffix: '.flexipage-meta.xml',
    rootElement: 'FlexiPage'
  },
  { folder: 'labels', suffix: '.labels-meta.xml', rootElement: 'CustomLabels' }
];

/** The object definition file in `objects/<Object>/`. */
export const OBJECT_FILE: Omit<FileType, 'folder'> = {
  suffix: '.object-meta.xml',
  rootElement: 'CustomObject'
};

/** Child types of an object, each in `objects/<Object>/<folder>/<Name><suffix>`. */
export const OBJECT_CHILD_TYPES: readonly FileType[] = [
  { folder: 'fields', suffix: '.field-meta.xml', rootElement: 'CustomField' },
  {
    folder: 'listViews',
    suffix: '.listView-meta.xml',
    rootElement: 'ListView'
  },
  {
    folder: 'validationRules',
    suffix: '.validationRule-meta.xml',
    rootElement: 'ValidationRule'
  },
  {
    folder: 'recordTypes',
    suffix: '.recordType-meta.xml',
    rootElement: 'RecordType'
  },
  {
    folder: 'compactLayouts',
    suffix: '.compactLayout-meta.xml',
    rootElement: 'CompactLayout'
  },
  { folder: 'webLinks', suffix: '.webLink-meta.xml', rootElement: 'WebLink' },
  {
    folder: 'fieldSets',
    suffix: '.fieldSet-meta.xml',
    rootElement: 'FieldSet'
  },
  {
    folder: 'businessProcesses',
    suffix: '.businessProcess-meta.xml',
    rootElement: 'BusinessProcess'
  },
  {
    folder: 'sharingReasons',
    suffix: '.sharingReason-meta.xml',
    rootElement: 'SharingReason'
  },
  { folder: 'indexes', suffix: '.index-meta.xml', rootElement: 'Index' }
];

/** The bundle definition file of a Lightning web component: `lwc/<name>/<name>.js-meta.xml`. */
export const LWC_META: Omit<FileType, 'folder'> = {
  suffix: '.js-meta.xml',
  rootElement: 'LightningComponentBundle'
};

/** Folders whose presence means Apex, which Pacer does not use (docs/engine.md, "Layers and what may import what"). */
export const APEX_FOLDERS: readonly string[] = ['classes', 'triggers'];

/** Folder names this check understands; the first one found in a path decides the type. */
export const KNOWN_FOLDERS: ReadonlySet<string> = new Set([
  'objects',
  'lwc',
  ...FILE_TYPES.map((type) => type.folder),
  ...APEX_FOLDERS
]);

/** Whether a name is a valid API name: starts with a letter, letters/digits/single underscores. */
export function isApiName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(name);
}

/** Whether a name is a valid custom API name (`Name__c`). */
export function isCustomName(name: string): boolean {
  return name.endsWith('__c') && isApiName(name.slice(0, -3));
}
