/**
 * The platform modules against the real local org (started on a free port): the UI API GraphQL
 * and record endpoints answer what the preview's `lightning/graphql` and `lightning/uiRecordApi`
 * send, in the shapes the components expect.
 */
import path from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../localorg/server';
import { generateSampleData } from '../../sample-data/generate';
import { setPreviewContext } from './context';
import { gql, graphql, type GraphQLResult } from './graphql';
import {
  createRecord,
  getFieldValue,
  getRecord,
  updateRecord,
  type RecordRepresentation
} from './uiRecordApi';

const ROOT = path.resolve(__dirname, '..', '..');
const USERS = gql`
  query previewTestUsers($first: Int) {
    uiapi { query { User(first: $first, orderBy: { Name: { order: ASC } }) { edges { node { Id Name { value } } } } } }
  }
`;

let org: LocalOrg;

beforeAll(async () => {
  org = await startLocalOrg({
    port: 0,
    data: generateSampleData({ reps: 3, opportunities: 60 }),
    projectDir: ROOT
  });
  setPreviewContext({
    instanceUrl: org.url,
    apiVersion: '62.0',
    accessToken: org.accessToken,
    userId: String(org.data.records.User[0].Id),
    users: [],
    i18n: {},
    asOf: org.data.meta.asOf,
    preservedParams: {}
  });
});

afterAll(async () => {
  setPreviewContext(undefined);
  await org.close();
});

function firstValue<T>(subscribe: (callback: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve) => subscribe(resolve));
}

describe('lightning/graphql against the local org', () => {
  it("returns the org's records in the UI API connection shape", async () => {
    let adapter: graphql | undefined;
    const result = await firstValue<GraphQLResult>((callback) => {
      adapter = new graphql(callback);
      adapter.update({ query: USERS, variables: { first: 50 }, operationName: 'previewTestUsers' });
      adapter.connect();
    });
    adapter?.disconnect();
    expect(result.errors).toBeUndefined();
    const edges = (
      result.data as {
        uiapi: {
          query: { User: { edges: Array<{ node: { Id: string; Name: { value: string } } }> } };
        };
      }
    ).uiapi.query.User.edges;
    const expected = org.data.records.User.map((user) => String(user.Name)).sort((a, b) =>
      a.localeCompare(b)
    );
    expect(edges.map((edge) => edge.node.Name.value)).toEqual(expected);
  });

  it("emits the org's validation errors for a field the schema lacks", async () => {
    const result = await firstValue<GraphQLResult>((callback) => {
      const adapter = new graphql(callback);
      adapter.update({
        query: gql`query bad { uiapi { query { User { edges { node { NoSuchField__c { value } } } } } } }`
      });
      adapter.connect();
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].message).toMatch(/NoSuchField__c/);
  });
});

describe('lightning/uiRecordApi against the local org', () => {
  it('creates and updates a record and reads it back with getRecord and getFieldValue', async () => {
    const owner = String(org.data.records.User[0].Id);
    const created = await createRecord({
      apiName: 'SPM_Action__c',
      fields: {
        Name: 'Send the revised proposal',
        OwnerId: owner,
        Due_Date__c: '2026-12-01',
        Key__c: 'preview-test-1'
      }
    });
    expect(created.apiName).toBe('SPM_Action__c');
    expect(created.id).toMatch(/^a06\w{15}$/);
    expect(getFieldValue(created, 'SPM_Action__c.Name')).toBe('Send the revised proposal');

    const values: Array<{ data?: RecordRepresentation; error?: unknown }> = [];
    const wire = new getRecord((value) => values.push(value));
    wire.update({
      recordId: created.id,
      fields: ['SPM_Action__c.Status__c', 'SPM_Action__c.Due_Date__c']
    });
    wire.connect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      getFieldValue(values[0].data, { objectApiName: 'SPM_Action__c', fieldApiName: 'Due_Date__c' })
    ).toBe('2026-12-01');

    await updateRecord({
      fields: { Id: created.id, Status__c: 'Done', Completed_Date__c: '2026-11-23' }
    });
    // The getRecord wire of the record is refreshed by the update.
    expect(values).toHaveLength(2);
    expect(getFieldValue(values[1].data, 'SPM_Action__c.Status__c')).toBe('Done');
    wire.disconnect();
  });

  it('rejects a write the org refuses with its UI API error body', async () => {
    await expect(
      createRecord({ apiName: 'SPM_Action__c', fields: { Due_Date__c: 'not a date' } })
    ).rejects.toMatchObject({
      ok: false,
      status: 400
    });
  });
});
