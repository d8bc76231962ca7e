/**
 * Builds the org schema from force-app/main/default/objects/**.xml plus the standard objects, so a
 * query naming a field the metadata lacks fails here exactly as it would in an org where that
 * metadata is deployed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { CUSTOM_KEY_PREFIXES, STANDARD_KEY_PREFIXES } from '../../sample-data/ids';
import { baseField, type FieldDef, type FieldType, type ObjectDef, type OrgSchema } from './model';
import { ownerField, STANDARD_OBJECTS, standardField, systemFields } from './standard-objects';

/** Where the metadata lives, relative to the project root. */
export const OBJECTS_DIR = join('force-app', 'main', 'default', 'objects');

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'value' || name === 'referenceTo'
});

type XmlNode = Record<string, unknown>;

function text(node: XmlNode, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

function bool(node: XmlNode, key: string): boolean {
  return text(node, key) === 'true';
}

function num(node: XmlNode, key: string): number | undefined {
  const value = text(node, key);
  return value === undefined ? undefined : Number(value);
}

const METADATA_TYPES: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'longtextarea',
  Html: 'longtextarea',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Checkbox: 'boolean',
  Currency: 'currency',
  Number: 'double',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  AutoNumber: 'string'
};

/** Reads one `<Field>.field-meta.xml` into a FieldDef; throws naming the file when it cannot. */
export function parseFieldXml(xml: string, file: string): FieldDef {
  const root = (parser.parse(xml) as XmlNode).CustomField as XmlNode | undefined;
  if (!root) throw new Error(`${file}: not a CustomField`);
  const name = text(root, 'fullName');
  const metadataType = text(root, 'type');
  if (!name || !metadataType) throw new Error(`${file}: fullName and type are required`);
  const type = METADATA_TYPES[metadataType];
  if (!type)
    throw new Error(`${file}: field type ${metadataType} is not supported by the local org`);
  const field = baseField(name, type);
  field.label = text(root, 'label') ?? field.label;
  field.inlineHelpText = text(root, 'inlineHelpText') ?? null;
  field.length = num(root, 'length') ?? field.length;
  field.precision = num(root, 'precision') ?? field.precision;
  field.scale = num(root, 'scale') ?? field.scale;
  field.externalId = bool(root, 'externalId');
  field.unique = bool(root, 'unique');
  field.caseSensitive = bool(root, 'caseSensitive');
  if (bool(root, 'required')) field.nillable = false;
  if (metadataType === 'AutoNumber') {
    field.createable = false;
    field.updateable = false;
  }
  if (type === 'boolean') field.defaultValue = text(root, 'defaultValue') === 'true';
  if (type === 'reference') {
    const to = root.referenceTo as string[] | undefined;
    field.referenceTo = to ?? [];
    field.relationshipName = name.replace(/__c$/, '__r');
    const child = text(root, 'relationshipName');
    field.childRelationshipName = child ? `${child}__r` : null;
    if (metadataType === 'MasterDetail') {
      field.nillable = false;
      field.cascadeDelete = true;
      field.updateable = bool(root, 'reparentableMasterDetail');
    }
  }
  if (type === 'picklist' || type === 'multipicklist') {
    const valueSet = root.valueSet as XmlNode | undefined;
    const definition = valueSet?.valueSetDefinition as XmlNode | undefined;
    const values = (definition?.value as XmlNode[] | undefined) ?? [];
    field.restrictedPicklist = valueSet ? bool(valueSet, 'restricted') : false;
    field.picklistValues = values.map((v) => ({
      value: text(v, 'fullName') ?? '',
      label: text(v, 'label') ?? text(v, 'fullName') ?? '',
      default: bool(v, 'default')
    }));
    const defaultEntry = field.picklistValues.find((v) => v.default);
    if (defaultEntry && type === 'picklist') field.defaultValue = defaultEntry.value;
  }
  return field;
}

function newObject(
  name: string,
  label: string,
  labelPlural: string,
  keyPrefix: string,
  custom: boolean
): ObjectDef {
  return {
    name,
    label,
    labelPlural,
    keyPrefix,
    custom,
    createable: true,
    updateable: true,
    deletable: true,
    fields: new Map(),
    fieldsLower: new Map(),
    fieldList: [],
    parentRelationships: new Map(),
    childRelationships: []
  };
}

function addField(object: ObjectDef, field: FieldDef): void {
  const existing = object.fields.get(field.name);
  if (existing) object.fieldList.splice(object.fieldList.indexOf(existing), 1, field);
  else object.fieldList.push(field);
  object.fields.set(field.name, field);
  object.fieldsLower.set(field.name.toLowerCase(), field);
}

function readXmlFiles(dir: string, suffix: string): Array<{ file: string; xml: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => ({ file: join(dir, f), xml: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Loads the schema: standard objects first, then every object folder under force-app
 * (custom objects, and custom fields added to standard objects). `projectDir` defaults to the
 * working directory.
 */
export function loadSchema(projectDir: string = process.cwd()): OrgSchema {
  const objects = new Map<string, ObjectDef>();
  for (const spec of STANDARD_OBJECTS) {
    const object = newObject(
      spec.name,
      spec.label,
      spec.labelPlural,
      STANDARD_KEY_PREFIXES[spec.name] ?? '000',
      false
    );
    object.createable = spec.createable;
    object.updateable = spec.createable;
    object.deletable = spec.createable;
    const [id, ...audit] = systemFields();
    addField(object, id);
    if (spec.owned) addField(object, ownerField());
    for (const [name, type, options] of spec.fields)
      addField(object, standardField(name, type, options));
    for (const field of audit) addField(object, field);
    objects.set(object.name, object);
  }

  const objectsDir = join(projectDir, OBJECTS_DIR);
  const folders = existsSync(objectsDir) ? readdirSync(objectsDir).sort() : [];
  let nextCustomPrefix = 9;
  for (const folder of folders) {
    const objectFile = join(objectsDir, folder, `${folder}.object-meta.xml`);
    let object = objects.get(folder);
    if (!object) {
      if (!existsSync(objectFile)) continue;
      const root = (parser.parse(readFileSync(objectFile, 'utf8')) as XmlNode).CustomObject as
        XmlNode | undefined;
      if (!root) throw new Error(`${objectFile}: not a CustomObject`);
      const prefix =
        CUSTOM_KEY_PREFIXES[folder] ?? `a${String(nextCustomPrefix++).padStart(2, '0')}`;
      object = newObject(
        folder,
        text(root, 'label') ?? folder,
        text(root, 'pluralLabel') ?? folder,
        prefix,
        true
      );
      const [id, ...audit] = systemFields();
      addField(object, id);
      if (text(root, 'sharingModel') !== 'ControlledByParent') addField(object, ownerField());
      const nameNode = (root.nameField as XmlNode | undefined) ?? {};
      const nameField = standardField('Name', 'string', {
        label: text(nameNode, 'label') ?? 'Name',
        length: 80,
        nameField: true
      });
      if (text(nameNode, 'type') === 'AutoNumber') {
        nameField.createable = false;
        nameField.updateable = false;
      }
      addField(object, nameField);
      for (const field of audit) addField(object, field);
      objects.set(folder, object);
    }
    for (const { file, xml } of readXmlFiles(
      join(objectsDir, folder, 'fields'),
      '.field-meta.xml'
    )) {
      addField(object, parseFieldXml(xml, file));
    }
  }
  return finishSchema(objects);
}

/** Links relationships both ways and builds the lookup maps. */
export function finishSchema(objects: Map<string, ObjectDef>): OrgSchema {
  const objectsLower = new Map<string, ObjectDef>();
  const byKeyPrefix = new Map<string, ObjectDef>();
  for (const object of objects.values()) {
    objectsLower.set(object.name.toLowerCase(), object);
    byKeyPrefix.set(object.keyPrefix, object);
    object.parentRelationships.clear();
    object.childRelationships = [];
  }
  for (const object of objects.values()) {
    for (const field of object.fieldList) {
      if (field.type !== 'reference') continue;
      if (field.relationshipName)
        object.parentRelationships.set(field.relationshipName.toLowerCase(), field);
      if (!field.childRelationshipName) continue;
      for (const target of field.referenceTo) {
        objects.get(target)?.childRelationships.push({
          relationshipName: field.childRelationshipName,
          childObject: object.name,
          field: field.name,
          cascadeDelete: field.cascadeDelete
        });
      }
    }
  }
  return { objects, objectsLower, byKeyPrefix };
}
