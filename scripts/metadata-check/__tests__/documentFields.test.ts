import { buildGraphqlSchema } from '../../../localorg/graphql/schema';
import { loadSchema } from '../../../localorg/schema/load-schema';
import { API_VERSION } from '../../lib/org-client';
import { projectDocuments } from '../../lib/pacer-documents';
import { documentFields } from '../documentFields';
import { STANDARD_FIELD_SECURITY } from '../fieldSecurity';
import { checkMetadata, formatFinding } from '../index';
import { copyProject, editFile, errorsFor, PKG, REPO_ROOT, removeProject } from './projectCopy';

jest.setTimeout(60_000);

const orgSchema = loadSchema(REPO_ROOT);
const schema = buildGraphqlSchema(orgSchema, { apiVersion: API_VERSION });

const SETS = `${PKG}/permissionsets`;
const REP = `${SETS}/SPM_Rep.permissionset-meta.xml`;
const MANAGER = `${SETS}/SPM_Manager.permissionset-meta.xml`;
const ADMIN = `${SETS}/SPM_Admin.permissionset-meta.xml`;

const grant = (field: string, editable = false): string =>
  `    <fieldPermissions>\n        <editable>${editable}</editable>\n        <field>${field}</field>\n        <readable>true</readable>\n    </fieldPermissions>\n`;
const withoutGrant = (field: string) => (text: string) =>
  text.replace(
    new RegExp(
      `    <fieldPermissions>\\n\\s*<editable>\\w+</editable>\\n\\s*<field>${field.replace('.', '\\.')}</field>\\n\\s*<readable>\\w+</readable>\\n\\s*</fieldPermissions>\\n`
    ),
    ''
  );
const withGrant = (field: string) => (text: string) =>
  text.replace('    <fieldPermissions>', `${grant(field)}    <fieldPermissions>`);

describe('the fields a document reads', () => {
  it('finds selections, filters, sort and group keys, relationships and joins', () => {
    const { reads, errors } = documentFields(
      schema,
      orgSchema,
      `query q($ids: [ID]) {
        uiapi {
          query {
            Opportunity(
              where: { and: [{ OwnerId: { in: $ids } }, { Account: { Name: { eq: "Acme" } } }] }
              orderBy: { CloseDate: { order: DESC } }
              first: 10
            ) {
              edges { node { Id Amount { value } Owner { Name { value } } } }
            }
            SPM_Cadence__c(first: 5) {
              edges { node { Agenda_Items__r(first: 5) { edges { node { Minutes__c { value } } } } } }
            }
          }
          aggregate {
            Task(
              where: { WhatId: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "Id" } } }
              groupBy: { OwnerId: { group: true }, type: GROUP_BY }
            ) {
              edges { node { aggregate { OwnerId { value } Id { count { value } } } } }
            }
          }
        }
      }`
    );

    expect(errors).toEqual([]);
    const found = reads.map((r) => `${r.usage} ${r.object}.${r.field}`).sort();
    expect(found).toEqual(
      [
        'groupBy Task.OwnerId',
        'join Opportunity.Id',
        'orderBy Opportunity.CloseDate',
        'select Opportunity.Amount',
        'select Opportunity.Id',
        'select Opportunity.OwnerId',
        'select SPM_Agenda_Item__c.Cadence__c',
        'select SPM_Agenda_Item__c.Minutes__c',
        'select Task.Id',
        'select Task.OwnerId',
        'select User.Name',
        'where Account.Name',
        'where Opportunity.AccountId',
        'where Opportunity.IsWon',
        'where Opportunity.OwnerId',
        'where Task.WhatId'
      ].sort()
    );
  });

  it('reports a document the schema rejects', () => {
    const { errors } = documentFields(
      schema,
      orgSchema,
      '{ uiapi { query { Opportunity { edges { node { Nope { value } } } } } } }'
    );
    expect(errors).toEqual([
      expect.stringContaining('Cannot query field "Nope" on type "Opportunity".')
    ]);
  });
});

describe('the table of standard fields', () => {
  it('names only fields the local org knows, each once', () => {
    const names = STANDARD_FIELD_SECURITY.map((e) => e.field);
    expect(new Set(names).size).toBe(names.length);
    const unknown = names.filter((name) => {
      const [object, field] = name.split('.');
      return !orgSchema.objects.get(object)?.fields.has(field);
    });
    expect(unknown).toEqual([]);
  });

  it('names exactly the standard fields that the documents Pacer sends read', () => {
    const read = new Set(
      projectDocuments(REPO_ROOT).documents.flatMap((doc) =>
        documentFields(schema, orgSchema, doc.query).reads.map((r) => `${r.object}.${r.field}`)
      )
    );
    expect(STANDARD_FIELD_SECURITY.map((e) => e.field).filter((f) => !read.has(f))).toEqual([]);
  });
});

describe('field-level security of the fields Pacer reads, on a broken copy', () => {
  let root: string;
  beforeEach(async () => {
    root = await copyProject();
  });
  afterEach(async () => {
    await removeProject(root);
  });

  it('fails on a read field granted nowhere and on a grant FLS cannot carry, and warns on a grant nothing reads', async () => {
    await editFile(root, REP, withoutGrant('Opportunity.Amount'));
    await editFile(root, MANAGER, withGrant('Opportunity.StageName'));
    await editFile(root, ADMIN, withoutGrant('Opportunity.AccountId'));
    await editFile(root, ADMIN, withGrant('Opportunity.LeadSource'));

    const findings = await checkMetadata(root);

    const missing = errorsFor(findings, REP, 'documents/fls-grant');
    expect(missing).toHaveLength(1);
    expect(missing[0].element).toBe('<fieldPermissions>Opportunity.Amount');
    expect(missing[0].reason).toMatch(
      /^Opportunity\.Amount is read by spmReviewCore1 \(review · Week · Example Rep\), .* and is under field-level security, but SPM_Rep does not grant Read on it: for their users the field is absent from the GraphQL schema and the whole document fails$/
    );

    const uncontrolled = errorsFor(findings, MANAGER, 'permissionset/fls-uncontrolled');
    expect(uncontrolled.map(formatFinding)).toEqual([
      expect.stringContaining(
        '<field>Opportunity.StageName: Opportunity.StageName is not under field-level security (required field): Salesforce rejects a permission set that lists it'
      )
    ]);

    const adminErrors = errorsFor(findings, ADMIN)
      .map((f) => `${f.rule} ${f.reason}`)
      .sort();
    expect(adminErrors).toEqual([
      expect.stringMatching(
        /^documents\/fls-grant Opportunity\.AccountId is read by spmReview\w+ \(review · .* but SPM_Admin does not grant Read on it/
      )
    ]);
    const unread = findings.filter((f) => f.rule === 'documents/fls-unread');
    expect(unread.map((f) => [f.severity, f.file, f.element])).toEqual([
      ['warning', ADMIN, '<field>Opportunity.LeadSource']
    ]);
  });

  it('says the documents cannot be built when a config file is missing', async () => {
    await editFile(root, 'config/kpi-menu.json', () => '{ "menuYear": 2026 ');

    const errors = errorsFor(await checkMetadata(root), 'config/kpi-menu.json', 'documents/config');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toMatch(
      /^the documents Pacer sends cannot be built, so their fields are not checked: /
    );
  });
});
