/**
 * Permission sets must only reference objects, fields, tabs and apps that exist, grant
 * permissions that are consistent with each other, and avoid field permissions Salesforce rejects.
 */
import type { FindingCollector, FindingInput } from '../findings';
import type { MetadataFile, ProjectIndex } from '../projectIndex';
import { childNodes, childText, lineOfElement, type XmlNode } from '../xmlDocument';

const TAB_VISIBILITIES: ReadonlySet<string> = new Set(['Available', 'None', 'Visible']);
const MAX_LABEL = 80;
/** Salesforce rejects a permission set whose description is longer. */
const MAX_DESCRIPTION = 255;

interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
}

/** Checks every permission set. */
export function checkPermissionSets(index: ProjectIndex, collector: FindingCollector): void {
  for (const permissionSet of index.permissionSets.values()) {
    if (permissionSet.doc?.rootName === 'PermissionSet')
      checkPermissionSet(index, permissionSet, collector);
  }
}

function checkPermissionSet(
  index: ProjectIndex,
  permissionSet: MetadataFile,
  collector: FindingCollector
): void {
  const doc = permissionSet.doc!;
  const at = (
    element: string,
    value: string | undefined,
    reason: string,
    rule: string
  ): FindingInput => ({
    rule,
    file: permissionSet.file,
    line: lineOfElement(doc.text, element, value) ?? lineOfElement(doc.text, element),
    element: `<${element}>${value ?? ''}`,
    reason
  });

  const label = childText(doc.root, 'label');
  collector.expect(
    Boolean(label) && label!.length <= MAX_LABEL,
    at('label', undefined, `needs a <label> of 1 to ${MAX_LABEL} characters`, 'permissionset/label')
  );

  const description = childText(doc.root, 'description');
  if (description !== undefined) {
    collector.expect(
      description.length <= MAX_DESCRIPTION,
      at(
        'description',
        undefined,
        `<description> is ${description.length} characters; at most ${MAX_DESCRIPTION}`,
        'permissionset/description'
      )
    );
  }

  const access = new Map<string, ObjectAccess>();
  for (const entry of childNodes(doc.root, 'objectPermissions')) {
    const object = childText(entry, 'object');
    if (
      !collector.expect(
        Boolean(object),
        at(
          'objectPermissions',
          undefined,
          '<objectPermissions> needs <object>',
          'permissionset/object'
        )
      )
    )
      continue;
    collector.expect(
      !access.has(object!),
      at('object', object, `object ${object} is listed twice`, 'permissionset/object')
    );
    if (object!.endsWith('__c')) {
      collector.expect(
        index.objects.get(object!)?.definition !== undefined,
        at(
          'object',
          object,
          `object ${object} is not defined in this project`,
          'permissionset/object'
        )
      );
    }
    const flag = (name: string): boolean => childText(entry, name) === 'true';
    const granted = {
      read: flag('allowRead'),
      create: flag('allowCreate'),
      edit: flag('allowEdit'),
      delete: flag('allowDelete'),
      viewAll: flag('viewAllRecords'),
      modifyAll: flag('modifyAllRecords')
    };
    const needs = (ok: boolean, reason: string) =>
      collector.expect(
        ok,
        at('object', object, `${object}: ${reason}`, 'permissionset/object-consistency')
      );
    needs(
      granted.read || !(granted.create || granted.edit || granted.delete || granted.viewAll),
      'create, edit, delete and view all need allowRead'
    );
    needs(granted.edit || !granted.delete, 'allowDelete needs allowEdit');
    needs(
      (granted.delete && granted.viewAll) || !granted.modifyAll,
      'modifyAllRecords needs allowDelete and viewAllRecords'
    );
    access.set(object!, {
      read: granted.read,
      create: granted.create,
      edit: granted.edit
    });
  }

  // A detail object's permissions depend on Read of its master (Salesforce rejects the set otherwise).
  for (const [object, granted] of access) {
    if (!granted.read) continue;
    for (const master of masterObjects(index, object)) {
      collector.expect(
        access.get(master)?.read === true,
        at(
          'object',
          object,
          `${object} is a detail of ${master}: the set must also grant Read on ${master}`,
          'permissionset/master-detail'
        )
      );
    }
  }

  const fieldsSeen = new Set<string>();
  for (const entry of childNodes(doc.root, 'fieldPermissions')) {
    checkFieldPermission(index, entry, access, fieldsSeen, at, collector);
  }

  for (const entry of childNodes(doc.root, 'tabSettings')) {
    const tab = childText(entry, 'tab');
    const visibility = childText(entry, 'visibility');
    if (
      !collector.expect(
        Boolean(tab),
        at('tabSettings', undefined, '<tabSettings> needs <tab>', 'permissionset/tab')
      )
    )
      continue;
    collector.expect(
      tab!.startsWith('standard-') || index.tabs.has(tab!),
      at(
        'tab',
        tab,
        `tab ${tab} is not defined in this project (tabs/${tab}.tab-meta.xml)`,
        'permissionset/tab'
      )
    );
    collector.expect(
      visibility !== undefined && TAB_VISIBILITIES.has(visibility),
      at(
        'tab',
        tab,
        `tab ${tab}: <visibility> must be Available, None or Visible, found "${visibility ?? ''}"`,
        'permissionset/tab'
      )
    );
  }

  for (const entry of childNodes(doc.root, 'applicationVisibilities')) {
    const application = childText(entry, 'application');
    if (
      !collector.expect(
        Boolean(application),
        at(
          'applicationVisibilities',
          undefined,
          '<applicationVisibilities> needs <application>',
          'permissionset/application'
        )
      )
    )
      continue;
    collector.expect(
      application!.startsWith('standard__') || index.applications.has(application!),
      at(
        'application',
        application,
        `application ${application} is not defined in this project`,
        'permissionset/application'
      )
    );
  }
}

function checkFieldPermission(
  index: ProjectIndex,
  entry: XmlNode,
  access: Map<string, ObjectAccess>,
  fieldsSeen: Set<string>,
  at: (element: string, value: string | undefined, reason: string, rule: string) => FindingInput,
  collector: FindingCollector
): void {
  const field = childText(entry, 'field');
  if (
    !collector.expect(
      Boolean(field),
      at('fieldPermissions', undefined, '<fieldPermissions> needs <field>', 'permissionset/field')
    )
  )
    return;
  const [objectName, fieldName, extra] = field!.split('.');
  if (
    !collector.expect(
      Boolean(objectName && fieldName) && extra === undefined,
      at('field', field, `"${field}" must be Object.Field`, 'permissionset/field')
    )
  )
    return;
  collector.expect(
    !fieldsSeen.has(field!),
    at('field', field, `field ${field} is listed twice`, 'permissionset/field')
  );
  fieldsSeen.add(field!);

  const object = index.objects.get(objectName);
  if (objectName.endsWith('__c') || fieldName.endsWith('__c')) {
    const definition = object?.fields.get(fieldName);
    if (
      !collector.expect(
        definition !== undefined,
        at(
          'field',
          field,
          `field ${field} is not defined in this project (objects/${objectName}/fields/${fieldName}.field-meta.xml)`,
          'permissionset/field'
        )
      )
    ) {
      return;
    }
    const fieldDoc = definition!.doc;
    if (fieldDoc) {
      const type = childText(fieldDoc.root, 'type');
      const required = childText(fieldDoc.root, 'required') === 'true';
      collector.expect(
        type !== 'MasterDetail' && !required,
        at(
          'field',
          field,
          `${field} is ${type === 'MasterDetail' ? 'a MasterDetail field' : 'required'}: Salesforce rejects field permissions on it (access follows the object)`,
          'permissionset/field'
        )
      );
    }
  }

  const readable = childText(entry, 'readable') === 'true';
  const editable = childText(entry, 'editable') === 'true';
  collector.expect(
    readable || !editable,
    at('field', field, `${field}: editable needs readable`, 'permissionset/field')
  );
  if (objectName.endsWith('__c') && readable) {
    const granted = access.get(objectName);
    collector.expect(
      granted?.read === true,
      at(
        'field',
        field,
        `${field} is readable but the set grants no Read on ${objectName}, so the field is never reachable`,
        'permissionset/field'
      )
    );
    if (editable && granted?.read) {
      collector.expect(
        granted.edit || granted.create,
        at(
          'field',
          field,
          `${field} is editable but the set grants neither Create nor Edit on ${objectName}`,
          'permissionset/field'
        )
      );
    }
  }
}

/** Objects that `objectName` is a detail of (via MasterDetail fields). */
function masterObjects(index: ProjectIndex, objectName: string): string[] {
  const object = index.objects.get(objectName);
  if (!object) return [];
  const masters: string[] = [];
  for (const field of object.fields.values()) {
    const doc = field.doc;
    if (doc && childText(doc.root, 'type') === 'MasterDetail') {
      const referenceTo = childText(doc.root, 'referenceTo');
      if (referenceTo) masters.push(referenceTo);
    }
  }
  return masters;
}
