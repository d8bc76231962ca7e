/**
 * Per-object rules: the definition file, labels and description, the name field, sharing, the
 * `Key__c` external ID every Pacer object carries, and relationship names that do not collide.
 */
import type { FindingCollector } from '../findings';
import { isCustomName } from '../metadataLayout';
import type { ObjectModel, ProjectIndex } from '../projectIndex';
import { childNodes, childText, lineOfElement } from '../xmlDocument';
import { KEY_FIELD } from './fieldRules';

const SHARING_MODELS: ReadonlySet<string> = new Set([
  'Private',
  'Read',
  'ReadWrite',
  'ReadWriteTransfer',
  'FullAccess',
  'ControlledByParent',
  'ControlledByCampaign',
  'ControlledByLeadOrContact'
]);
const DEPLOYMENT_STATUSES: ReadonlySet<string> = new Set(['Deployed', 'InDevelopment']);
const NAME_FIELD_TYPES: ReadonlySet<string> = new Set(['Text', 'AutoNumber']);
const MAX_LABEL = 40;
const MAX_MASTER_DETAIL = 2;

/** Checks every object folder, then relationship names across objects. */
export function checkObjects(index: ProjectIndex, collector: FindingCollector): void {
  for (const object of index.objects.values()) {
    if (object.name.endsWith('__c')) checkCustomObject(object, collector);
  }
  checkRelationshipNames(index, collector);
}

function checkCustomObject(object: ObjectModel, collector: FindingCollector): void {
  const definitionFile = `${object.dir}/${object.name}.object-meta.xml`;
  collector.expect(isCustomName(object.name), {
    rule: 'object/api-name',
    file: definitionFile,
    reason: `"${object.name}" is not a valid custom object API name (Name__c)`
  });
  collector.expect(object.fields.has(KEY_FIELD), {
    rule: 'object/key-field',
    file: `${object.dir}/fields/${KEY_FIELD}.field-meta.xml`,
    reason: `every Pacer object needs ${KEY_FIELD} (Text, external ID, unique) so seeding is idempotent; ${object.name} has none`
  });
  if (
    !collector.expect(object.definition !== undefined, {
      rule: 'object/definition',
      file: definitionFile,
      reason: `objects/${object.name}/ has fields but no ${object.name}.object-meta.xml defining the object`
    })
  ) {
    return;
  }
  const doc = object.definition!.doc;
  if (!doc || doc.rootName !== 'CustomObject') return;
  const file = object.definition!.file;
  const root = doc.root;
  const missing = (element: string, reason: string, rule = 'object/required-element') => ({
    rule,
    file,
    line: lineOfElement(doc.text, element),
    element: `<${element}>`,
    reason
  });

  for (const element of ['label', 'pluralLabel']) {
    const value = childText(root, element);
    if (collector.expect(Boolean(value), missing('CustomObject', `missing <${element}>`))) {
      collector.expect(
        value!.length <= MAX_LABEL,
        missing(element, `<${element}> is ${value!.length} characters; at most ${MAX_LABEL}`)
      );
    }
  }
  collector.expect(
    Boolean(childText(root, 'description')),
    missing(
      'CustomObject',
      'missing <description>: every custom object says what it holds',
      'object/description'
    )
  );
  const deploymentStatus = childText(root, 'deploymentStatus');
  collector.expect(
    deploymentStatus !== undefined && DEPLOYMENT_STATUSES.has(deploymentStatus),
    missing(
      'deploymentStatus',
      `<deploymentStatus> must be Deployed or InDevelopment, found "${deploymentStatus ?? ''}"`
    )
  );

  const nameField = childNodes(root, 'nameField')[0];
  if (
    collector.expect(
      nameField !== undefined,
      missing(
        'CustomObject',
        'missing <nameField> (label and type of the Name field)',
        'object/name-field'
      )
    )
  ) {
    collector.expect(
      Boolean(childText(nameField, 'label')),
      missing('nameField', '<nameField> needs <label>', 'object/name-field')
    );
    const type = childText(nameField, 'type');
    if (
      collector.expect(
        type !== undefined && NAME_FIELD_TYPES.has(type),
        missing(
          'nameField',
          `<nameField> <type> must be Text or AutoNumber, found "${type ?? ''}"`,
          'object/name-field'
        )
      ) &&
      type === 'AutoNumber'
    ) {
      collector.expect(
        Boolean(childText(nameField, 'displayFormat')),
        missing('nameField', 'an AutoNumber name field needs <displayFormat>', 'object/name-field')
      );
    }
  }

  const sharingModel = childText(root, 'sharingModel');
  const sharingOk = collector.expect(
    sharingModel !== undefined && SHARING_MODELS.has(sharingModel),
    missing(
      'sharingModel',
      `<sharingModel> must be one of ${[...SHARING_MODELS].join(', ')}; found "${sharingModel ?? ''}"`,
      'object/sharing'
    )
  );
  const externalSharingModel = childText(root, 'externalSharingModel');
  if (externalSharingModel !== undefined) {
    collector.expect(
      SHARING_MODELS.has(externalSharingModel),
      missing(
        'externalSharingModel',
        `<externalSharingModel> "${externalSharingModel}" is not a sharing model`,
        'object/sharing'
      )
    );
  }
  const masterDetailFields = [...object.fields.values()].filter(
    (field) => field.doc && childText(field.doc.root, 'type') === 'MasterDetail'
  );
  collector.expect(
    masterDetailFields.length <= MAX_MASTER_DETAIL,
    missing(
      'CustomObject',
      `an object can have at most ${MAX_MASTER_DETAIL} MasterDetail fields`,
      'object/sharing'
    )
  );
  if (sharingOk) {
    const controlled = sharingModel === 'ControlledByParent';
    collector.expect(
      controlled === masterDetailFields.length > 0,
      missing(
        'sharingModel',
        controlled
          ? 'sharingModel ControlledByParent needs a MasterDetail field'
          : `an object with a MasterDetail field (${masterDetailFields.map((field) => field.name).join(', ')}) must use sharingModel ControlledByParent`,
        'object/sharing'
      )
    );
  }
}

/**
 * Two lookups to the same parent with the same relationshipName collide on the parent's child
 * relationships; the deploy fails on the second one.
 */
function checkRelationshipNames(index: ProjectIndex, collector: FindingCollector): void {
  const seen = new Map<string, string>();
  for (const object of index.objects.values()) {
    for (const field of object.fields.values()) {
      const doc = field.doc;
      if (!doc) continue;
      const referenceTo = childText(doc.root, 'referenceTo');
      const relationshipName = childText(doc.root, 'relationshipName');
      if (!referenceTo || !relationshipName) continue;
      const key = `${referenceTo}.${relationshipName}`;
      const first = seen.get(key);
      collector.expect(first === undefined, {
        rule: 'object/relationship-name',
        file: field.file,
        line: lineOfElement(doc.text, 'relationshipName'),
        element: '<relationshipName>',
        reason: `relationship name "${relationshipName}" on ${referenceTo} is already used by ${first}`
      });
      if (first === undefined) seen.set(key, field.file);
    }
  }
}
