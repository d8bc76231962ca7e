/**
 * Field-level security for the fields Pacer's GraphQL documents read. Every document Pacer sends
 * (scripts/lib/pacer-documents.ts, for the project's config files and an example team) is walked
 * against the local org's schema; each field it reads must be readable in every Pacer permission
 * set unless FLS does not control it (system fields, required and master-detail fields, and the
 * standard fields marked so in fieldSecurity.ts). A field a user cannot read is absent from their
 * GraphQL schema, and one absent field fails the whole document. Permission sets must also not list
 * a field FLS does not control (the deploy fails), and must grant Task and Event fields alike (the
 * two share FLS).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraphqlSchema } from '../../../localorg/graphql/schema';
import { loadSchema } from '../../../localorg/schema/load-schema';
import { InputError } from '../../../cli/errors';
import { API_VERSION } from '../../lib/org-client';
import { projectDocuments, type PacerDocument } from '../../lib/pacer-documents';
import { documentFields } from '../documentFields';
import { FIELD_SECURITY, SHARED_FLS_OBJECTS, SYSTEM_FIELDS } from '../fieldSecurity';
import type { FindingCollector } from '../findings';
import type { MetadataFile, ProjectIndex } from '../projectIndex';
import { childNodes, childText, lineOfElement } from '../xmlDocument';

/** Where the table of standard fields lives, for messages. */
const TABLE_FILE = 'scripts/metadata-check/fieldSecurity.ts';
/** Documents named in one message before "and N more". */
const NAMED_DOCUMENTS = 3;

interface Grant {
  readable: boolean;
  editable: boolean;
}

/** Whether FLS controls a field, and why not when it does not. */
type Control = { fls: true } | { fls: false; why: string } | { unknown: true };

function controlOf(index: ProjectIndex, object: string, field: string): Control {
  if (SYSTEM_FIELDS.has(field)) return { fls: false, why: 'system field' };
  if (field.endsWith('__c')) {
    const doc = index.objects.get(object)?.fields.get(field)?.doc;
    if (!doc) return { fls: true };
    if (childText(doc.root, 'type') === 'MasterDetail')
      return { fls: false, why: 'master-detail field' };
    if (childText(doc.root, 'required') === 'true') return { fls: false, why: 'required field' };
    return { fls: true };
  }
  // A custom object's Name is its required name field.
  if (object.endsWith('__c') && field === 'Name') return { fls: false, why: 'name field' };
  const entry = FIELD_SECURITY.get(`${object}.${field}`);
  if (!entry) return { unknown: true };
  return entry.fls ? { fls: true } : { fls: false, why: entry.why };
}

function describeDocuments(documents: readonly PacerDocument[]): string {
  const named = documents
    .slice(0, NAMED_DOCUMENTS)
    .map((d) => `${d.operationName} (${d.uses.join('; ')})`);
  const more = documents.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function grantsOf(permissionSet: MetadataFile): Map<string, Grant> {
  const grants = new Map<string, Grant>();
  for (const entry of childNodes(permissionSet.doc!.root, 'fieldPermissions')) {
    const field = childText(entry, 'field');
    if (field)
      grants.set(field, {
        readable: childText(entry, 'readable') === 'true',
        editable: childText(entry, 'editable') === 'true'
      });
  }
  return grants;
}

/** The API version the components declare (sfdx-project.json), which decides the grammar. */
function sourceApiVersion(rootDir: string): string {
  try {
    const project = JSON.parse(readFileSync(path.join(rootDir, 'sfdx-project.json'), 'utf8')) as {
      sourceApiVersion?: string;
    };
    return project.sourceApiVersion ?? API_VERSION;
  } catch {
    return API_VERSION;
  }
}

/** Runs the checks described in the module comment. */
export function checkDocumentFields(index: ProjectIndex, collector: FindingCollector): void {
  const permissionSets = [...index.permissionSets.values()]
    .filter((p) => p.doc?.rootName === 'PermissionSet')
    .sort((a, b) => a.name.localeCompare(b.name));
  const grants = new Map(permissionSets.map((p) => [p.name, grantsOf(p)]));

  checkUncontrolledGrants(index, permissionSets, grants, collector);
  checkSharedActivityGrants(permissionSets, grants, collector);

  let documents: PacerDocument[];
  try {
    documents = projectDocuments(index.rootDir).documents;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems)
      collector.report({
        rule: 'documents/config',
        file: problem.file,
        element: problem.place || undefined,
        reason: `the documents Pacer sends cannot be built, so their fields are not checked: ${problem.reason}`
      });
    return;
  }

  let orgSchema: ReturnType<typeof loadSchema>;
  try {
    orgSchema = loadSchema(index.rootDir);
  } catch (error) {
    // The metadata rules report what is wrong with the object files; here it only stops the walk.
    collector.report({
      severity: 'warning',
      rule: 'documents/local-schema',
      file: index.packageDirs[0] ?? 'force-app',
      reason: `the local org's schema cannot be built from this project, so the fields the documents read are not checked: ${(error as Error).message}`
    });
    return;
  }
  const schema = buildGraphqlSchema(orgSchema, { apiVersion: sourceApiVersion(index.rootDir) });
  const readers = new Map<string, { object: string; field: string; documents: PacerDocument[] }>();
  for (const document of documents) {
    const { reads, errors } = documentFields(schema, orgSchema, document.query);
    collector.expect(errors.length === 0, () => ({
      severity: 'warning',
      rule: 'documents/local-schema',
      file: document.origin,
      element: document.operationName,
      reason: `${document.operationName} (${document.uses.join('; ')}) does not validate against the local org's schema, so the fields under the failing part are not checked: ${errors.join('; ')}`
    }));
    for (const read of reads) {
      const key = `${read.object}.${read.field}`;
      const entry = readers.get(key) ?? { ...read, documents: [] };
      if (!entry.documents.includes(document)) entry.documents.push(document);
      readers.set(key, entry);
    }
  }

  for (const [key, { object, field, documents: readBy }] of [...readers].sort(([a], [b]) =>
    a.localeCompare(b)
  )) {
    const control = controlOf(index, object, field);
    if ('unknown' in control) {
      collector.report({
        rule: 'documents/fls-table',
        file: TABLE_FILE,
        element: key,
        reason: `${key} is read by ${describeDocuments(readBy)} but is not in the table of standard fields: find out whether field-level security controls it and add it`
      });
      continue;
    }
    if (!control.fls) {
      collector.expect(true, { rule: 'documents/fls-grant', file: TABLE_FILE, reason: key });
      continue;
    }
    const missing = permissionSets.filter((p) => grants.get(p.name)?.get(key)?.readable !== true);
    collector.expect(missing.length === 0, () => ({
      rule: 'documents/fls-grant',
      file: missing[0].file,
      line: lineOfElement(missing[0].doc!.text, 'label'),
      element: `<fieldPermissions>${key}`,
      reason:
        `${key} is read by ${describeDocuments(readBy)} and is under field-level security, but ` +
        `${missing.map((p) => p.name).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not grant Read on it: ` +
        `for their users the field is absent from the GraphQL schema and the whole document fails`
    }));
  }

  // A grant on a standard field no document reads asks admins for more than Pacer needs.
  for (const permissionSet of permissionSets) {
    for (const [key, grant] of grants.get(permissionSet.name)!) {
      if (key.includes('__c') || !grant.readable) continue;
      collector.expect(readers.has(key), () => ({
        severity: 'warning',
        rule: 'documents/fls-unread',
        file: permissionSet.file,
        line: lineOfElement(permissionSet.doc!.text, 'field', key),
        element: `<field>${key}`,
        reason: `${key} is granted but no document Pacer sends reads it: remove the grant`
      }));
    }
  }
}

/** Standard fields FLS does not control cannot be listed in a permission set. */
function checkUncontrolledGrants(
  index: ProjectIndex,
  permissionSets: readonly MetadataFile[],
  grants: ReadonlyMap<string, ReadonlyMap<string, Grant>>,
  collector: FindingCollector
): void {
  for (const permissionSet of permissionSets) {
    for (const key of grants.get(permissionSet.name)!.keys()) {
      const [object, field] = key.split('.');
      if (!object || !field || field.endsWith('__c')) continue;
      const control = controlOf(index, object, field);
      collector.expect(!('fls' in control) || control.fls, () => ({
        rule: 'permissionset/fls-uncontrolled',
        file: permissionSet.file,
        line: lineOfElement(permissionSet.doc!.text, 'field', key),
        element: `<field>${key}`,
        reason: `${key} is not under field-level security (${(control as { why: string }).why}): Salesforce rejects a permission set that lists it, and object access already makes it readable`
      }));
    }
  }
}

/** Task and Event share FLS: a set that lists a shared field for one must list it alike for the other. */
function checkSharedActivityGrants(
  permissionSets: readonly MetadataFile[],
  grants: ReadonlyMap<string, ReadonlyMap<string, Grant>>,
  collector: FindingCollector
): void {
  for (const permissionSet of permissionSets) {
    const own = grants.get(permissionSet.name)!;
    for (const pair of SHARED_FLS_OBJECTS) {
      for (const [object, other] of [pair, [pair[1], pair[0]]]) {
        for (const [key, grant] of own) {
          const [grantObject, field] = key.split('.');
          if (grantObject !== object) continue;
          const twin = `${other}.${field}`;
          if (FIELD_SECURITY.get(twin)?.fls !== true) continue;
          const twinGrant = own.get(twin);
          collector.expect(
            twinGrant?.readable === grant.readable && twinGrant?.editable === grant.editable,
            () => ({
              rule: 'permissionset/fls-activity',
              file: permissionSet.file,
              line: lineOfElement(permissionSet.doc!.text, 'field', key),
              element: `<field>${key}`,
              reason: `${key} and ${twin} share field-level security (Task and Event are both activities): grant both alike, or a deploy disables the one left out for both`
            })
          );
        }
      }
    }
  }
}
