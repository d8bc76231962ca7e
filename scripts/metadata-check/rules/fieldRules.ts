/**
 * Per-field rules. Salesforce's converter accepts any `<type>` and any missing element; the
 * deploy would reject them, so they are checked here, offline.
 */
import type { FindingCollector, FindingInput } from '../findings';
import { isCustomName } from '../metadataLayout';
import type { MetadataFile, ProjectIndex } from '../projectIndex';
import { childNodes, childText, childTexts, lineOfElement, type MetadataXml } from '../xmlDocument';

/** The CustomField `type` values of the Metadata API (FieldType). */
export const FIELD_TYPES: ReadonlySet<string> = new Set([
  'AutoNumber',
  'Checkbox',
  'Currency',
  'CustomDataType',
  'Date',
  'DateTime',
  'Email',
  'EncryptedText',
  'ExternalLookup',
  'File',
  'Hierarchy',
  'Html',
  'IndirectLookup',
  'Location',
  'Lookup',
  'MasterDetail',
  'MetadataRelationship',
  'MultiselectPicklist',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'Summary',
  'Text',
  'TextArea',
  'Time',
  'Url',
  'LongTextArea'
]);

/** Salesforce's limits on field properties. */
const MAX_LABEL = 40;
const MAX_DESCRIPTION = 1000;
const MAX_HELP_TEXT = 510;
const MAX_TEXT_LENGTH = 255;
const MIN_LONG_TEXT_LENGTH = 256;
const MAX_LONG_TEXT_LENGTH = 131072;
const MAX_PRECISION = 18;

/** Name of the external-ID field every Pacer object carries (docs/data-model.md). */
export const KEY_FIELD = 'Key__c';

const BOOLEAN_ELEMENTS = [
  'caseSensitive',
  'externalId',
  'required',
  'unique',
  'trackHistory',
  'trackTrending',
  'reparentableMasterDetail',
  'writeRequiresMasterRead'
];

const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent']);
const LONG_TEXT_TYPES = new Set(['LongTextArea', 'Html']);
const RELATIONSHIP_TYPES = new Set(['Lookup', 'MasterDetail']);
const PICKLIST_TYPES = new Set(['Picklist', 'MultiselectPicklist']);

/** Checks every field of every object. */
export function checkFields(index: ProjectIndex, collector: FindingCollector): void {
  for (const object of index.objects.values()) {
    for (const field of object.fields.values()) {
      if (field.doc?.rootName === 'CustomField') checkField(index, field, field.doc, collector);
    }
  }
}

function checkField(
  index: ProjectIndex,
  field: MetadataFile,
  doc: MetadataXml,
  collector: FindingCollector
): void {
  const root = doc.root;
  const text = (element: string): string | undefined => childText(root, element);
  const at = (element: string, reason: string, rule: string): FindingInput => ({
    rule,
    file: field.file,
    line: lineOfElement(doc.text, element) ?? lineOfElement(doc.text, 'CustomField'),
    element: `<${element}>`,
    reason
  });

  collector.expect(
    isCustomName(field.name),
    at('fullName', `"${field.name}" is not a custom field API name (Name__c)`, 'field/api-name')
  );

  const label = text('label');
  if (collector.expect(Boolean(label), at('label', 'missing <label>', 'field/label'))) {
    collector.expect(
      label!.length <= MAX_LABEL,
      at('label', `label is ${label!.length} characters; at most ${MAX_LABEL}`, 'field/label')
    );
  }
  const description = text('description');
  if (
    collector.expect(
      Boolean(description),
      at(
        'description',
        'missing <description>: every custom field says what it holds',
        'field/description'
      )
    )
  ) {
    collector.expect(
      description!.length <= MAX_DESCRIPTION,
      at(
        'description',
        `description is ${description!.length} characters; at most ${MAX_DESCRIPTION}`,
        'field/description'
      )
    );
  }
  const help = text('inlineHelpText');
  if (help !== undefined) {
    collector.expect(
      help.length <= MAX_HELP_TEXT,
      at(
        'inlineHelpText',
        `help text is ${help.length} characters; at most ${MAX_HELP_TEXT}`,
        'field/help-text'
      )
    );
  }
  for (const element of BOOLEAN_ELEMENTS) {
    const value = text(element);
    if (value !== undefined) {
      collector.expect(
        value === 'true' || value === 'false',
        at(element, `<${element}> must be true or false, found "${value}"`, 'field/boolean')
      );
    }
  }

  const type = text('type');
  if (!collector.expect(type !== undefined, at('CustomField', 'missing <type>', 'field/type')))
    return;
  if (
    !collector.expect(
      FIELD_TYPES.has(type!),
      at('type', `unknown field type "${type}" (not a Metadata API FieldType)`, 'field/type')
    )
  )
    return;

  if (type === 'Text' || type === 'EncryptedText') {
    requireInteger(
      collector,
      text('length'),
      1,
      MAX_TEXT_LENGTH,
      at(
        'length',
        `a ${type} field needs <length> between 1 and ${MAX_TEXT_LENGTH}`,
        'field/text-length'
      )
    );
  }
  if (LONG_TEXT_TYPES.has(type!)) {
    requireInteger(
      collector,
      text('length'),
      MIN_LONG_TEXT_LENGTH,
      MAX_LONG_TEXT_LENGTH,
      at(
        'length',
        `a ${type} field needs <length> between ${MIN_LONG_TEXT_LENGTH} and ${MAX_LONG_TEXT_LENGTH}`,
        'field/long-text'
      )
    );
    requireInteger(
      collector,
      text('visibleLines'),
      1,
      50,
      at('visibleLines', `a ${type} field needs <visibleLines> (1 to 50)`, 'field/long-text')
    );
  }
  if (NUMERIC_TYPES.has(type!)) {
    const precision = text('precision');
    const precisionOk = requireInteger(
      collector,
      precision,
      1,
      MAX_PRECISION,
      at(
        'precision',
        `a ${type} field needs <precision> between 1 and ${MAX_PRECISION}`,
        'field/number-precision'
      )
    );
    const maxScale = precisionOk ? Number(precision) : MAX_PRECISION;
    requireInteger(
      collector,
      text('scale'),
      0,
      maxScale,
      at(
        'scale',
        `a ${type} field needs <scale> between 0 and its precision (${maxScale})`,
        'field/number-precision'
      )
    );
  }
  if (RELATIONSHIP_TYPES.has(type!)) checkRelationship(index, type!, text, at, collector);
  if (PICKLIST_TYPES.has(type!)) checkPicklist(root, type!, text, at, collector);
  if (type === 'Checkbox') {
    const value = text('defaultValue');
    collector.expect(
      value === 'true' || value === 'false',
      at(
        'defaultValue',
        'a Checkbox field needs <defaultValue> true or false',
        'field/checkbox-default'
      )
    );
  }
  if (type === 'AutoNumber') {
    collector.expect(
      Boolean(text('displayFormat')),
      at('displayFormat', 'an AutoNumber field needs <displayFormat>', 'field/auto-number')
    );
  }

  if (field.name === KEY_FIELD) {
    collector.expect(
      type === 'Text',
      at('type', `${KEY_FIELD} must be a Text field, found ${type}`, 'field/key')
    );
    collector.expect(
      text('externalId') === 'true',
      at(
        'externalId',
        `${KEY_FIELD} must be an external ID: <externalId>true</externalId>`,
        'field/key'
      )
    );
    collector.expect(
      text('unique') === 'true',
      at('unique', `${KEY_FIELD} must be unique: <unique>true</unique>`, 'field/key')
    );
  }
}

function requireInteger(
  collector: FindingCollector,
  value: string | undefined,
  min: number,
  max: number,
  finding: FindingInput
): boolean {
  const ok =
    value !== undefined && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
  return collector.expect(ok, () => ({
    ...finding,
    reason:
      value === undefined
        ? `${finding.reason}; it is missing`
        : `${finding.reason}; found "${value}"`
  }));
}

function checkRelationship(
  index: ProjectIndex,
  type: string,
  text: (element: string) => string | undefined,
  at: (element: string, reason: string, rule: string) => FindingInput,
  collector: FindingCollector
): void {
  const referenceTo = text('referenceTo');
  if (
    collector.expect(
      Boolean(referenceTo),
      at(
        'referenceTo',
        `a ${type} field needs <referenceTo> (the parent object)`,
        'field/relationship'
      )
    )
  ) {
    if (referenceTo!.endsWith('__c')) {
      collector.expect(
        index.objects.get(referenceTo!)?.definition !== undefined,
        at(
          'referenceTo',
          `<referenceTo> ${referenceTo} is not an object defined in this project`,
          'field/relationship'
        )
      );
    }
  }
  const relationshipName = text('relationshipName');
  if (
    collector.expect(
      Boolean(relationshipName),
      at(
        'relationshipName',
        `a ${type} field needs <relationshipName> (the child relationship name)`,
        'field/relationship'
      )
    )
  ) {
    collector.expect(
      /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(relationshipName!),
      at(
        'relationshipName',
        `"${relationshipName}" is not a valid relationship name`,
        'field/relationship'
      )
    );
  }
  if (type === 'MasterDetail') {
    collector.expect(
      text('deleteConstraint') === undefined,
      at(
        'deleteConstraint',
        'a MasterDetail field cannot set <deleteConstraint> (children are always deleted with the parent)',
        'field/relationship'
      )
    );
  } else if (text('required') === 'true') {
    collector.expect(
      text('deleteConstraint') !== 'SetNull',
      at(
        'deleteConstraint',
        'a required Lookup cannot use <deleteConstraint>SetNull</deleteConstraint>',
        'field/relationship'
      )
    );
  }
}

function checkPicklist(
  root: MetadataXml['root'],
  type: string,
  text: (element: string) => string | undefined,
  at: (element: string, reason: string, rule: string) => FindingInput,
  collector: FindingCollector
): void {
  const valueSet = childNodes(root, 'valueSet')[0];
  if (
    !collector.expect(
      valueSet !== undefined,
      at('valueSet', `a ${type} field needs <valueSet>`, 'field/picklist')
    )
  )
    return;
  const globalSet = childText(valueSet, 'valueSetName');
  const definition = childNodes(valueSet, 'valueSetDefinition')[0];
  if (
    !collector.expect(
      Boolean(globalSet) || definition !== undefined,
      at(
        'valueSet',
        '<valueSet> needs a <valueSetDefinition> with values or a <valueSetName>',
        'field/picklist'
      )
    )
  ) {
    return;
  }
  if (definition !== undefined) {
    const values = childNodes(definition, 'value');
    collector.expect(
      values.length > 0,
      at('valueSetDefinition', '<valueSetDefinition> has no <value>', 'field/picklist')
    );
    const seen = new Set<string>();
    let defaults = 0;
    for (const value of values) {
      const fullName = childText(value, 'fullName');
      if (
        !collector.expect(
          Boolean(fullName),
          at('value', 'a picklist <value> needs <fullName>', 'field/picklist')
        )
      )
        continue;
      collector.expect(
        !seen.has(fullName!),
        at('value', `picklist value "${fullName}" appears twice`, 'field/picklist')
      );
      seen.add(fullName!);
      collector.expect(
        Boolean(childText(value, 'label')),
        at('value', `picklist value "${fullName}" needs <label>`, 'field/picklist')
      );
      if (childTexts(value, 'default')[0] === 'true') defaults += 1;
    }
    if (type === 'Picklist') {
      collector.expect(
        defaults <= 1,
        at(
          'valueSetDefinition',
          `a Picklist can have one default value, found ${defaults}`,
          'field/picklist'
        )
      );
    }
  }
  if (type === 'MultiselectPicklist') {
    requireInteger(
      collector,
      text('visibleLines'),
      3,
      10,
      at(
        'visibleLines',
        'a MultiselectPicklist field needs <visibleLines> (3 to 10)',
        'field/picklist'
      )
    );
  }
}
