import {
  createRecord,
  deleteRecord,
  getFieldValue,
  getFieldDisplayValue,
  getRecord,
  getRecordQuery,
  notifyRecordUpdateAvailable,
  updateRecord,
  type RecordRepresentation
} from './uiRecordApi';
import { startRecordingOrg, type RecordingOrg } from '../test/harness/recordingOrg';

const ACTION: RecordRepresentation = {
  apiName: 'SPM_Action__c',
  id: 'a06000000000001AAA',
  fields: {
    Name: { value: 'Call the CFO', displayValue: null },
    Due_Date__c: { value: '2026-12-04', displayValue: '12/4/2026' },
    Account__r: {
      value: {
        apiName: 'Account',
        id: '001000000000001AAA',
        fields: { Name: { value: 'Acme', displayValue: null } }
      },
      displayValue: 'Acme'
    }
  }
};

describe('getFieldValue', () => {
  it('reads a field by schema reference or qualified name, through relationships', () => {
    expect(
      getFieldValue(ACTION, { objectApiName: 'SPM_Action__c', fieldApiName: 'Due_Date__c' })
    ).toBe('2026-12-04');
    expect(getFieldValue(ACTION, 'SPM_Action__c.Account__r.Name')).toBe('Acme');
    expect(getFieldDisplayValue(ACTION, 'SPM_Action__c.Due_Date__c')).toBe('12/4/2026');
  });

  it('gives undefined for a missing record or field', () => {
    expect(getFieldValue(undefined, 'SPM_Action__c.Name')).toBeUndefined();
    expect(getFieldValue(ACTION, 'SPM_Action__c.Outcome__c')).toBeUndefined();
  });
});

describe('getRecordQuery', () => {
  it('asks the UI API for the fields and optional fields by qualified name', () => {
    expect(
      getRecordQuery({
        recordId: '001000000000001AAA',
        fields: [{ objectApiName: 'Account', fieldApiName: 'Name' }],
        optionalFields: ['Account.Industry', 'Account.Owner.Name']
      })
    ).toBe(
      '/ui-api/records/001000000000001AAA?fields=Account.Name&optionalFields=Account.Industry%2CAccount.Owner.Name'
    );
  });

  it('waits for a record id and at least one field', () => {
    expect(getRecordQuery({ recordId: undefined, fields: ['Account.Name'] })).toBeUndefined();
    expect(getRecordQuery({ recordId: '001000000000001AAA' })).toBeUndefined();
  });
});

describe('record writes and reads against the UI API', () => {
  let org: RecordingOrg;
  beforeEach(async () => {
    org = await startRecordingOrg('00D000000000001!TOKEN');
  });
  afterEach(() => org.close());

  it('createRecord POSTs { apiName, fields } and resolves with the record', async () => {
    org.reply({ status: 201, body: ACTION });
    const record = await createRecord({
      apiName: 'SPM_Action__c',
      fields: { Name: 'Call the CFO', Due_Date__c: '2026-12-04' }
    });
    expect(record.id).toBe('a06000000000001AAA');
    expect(org.requests[0]).toMatchObject({
      method: 'POST',
      url: '/services/data/v62.0/ui-api/records',
      headers: { authorization: 'Bearer 00D000000000001!TOKEN' },
      body: {
        apiName: 'SPM_Action__c',
        fields: { Name: 'Call the CFO', Due_Date__c: '2026-12-04' }
      }
    });
  });

  it('rejects with the fetch response shape the platform uses, body included', async () => {
    const body = {
      message: 'Required fields are missing: [Name]',
      output: { errors: [], fieldErrors: { Name: [{ message: 'Required' }] } }
    };
    org.reply({ status: 400, body });
    await expect(createRecord({ apiName: 'SPM_Action__c', fields: {} })).rejects.toEqual({
      ok: false,
      status: 400,
      statusText: 'Bad Request',
      body
    });
  });

  it('updateRecord PATCHes the fields other than Id to the record, and refreshes its getRecord wires', async () => {
    const emitted: unknown[] = [];
    const wire = new getRecord((value) => emitted.push(value));
    org.reply({ body: ACTION });
    wire.update({ recordId: ACTION.id, fields: ['SPM_Action__c.Name'] });
    wire.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toEqual([{ data: ACTION, error: undefined }]);

    org.reply({ body: ACTION }, { body: ACTION });
    await updateRecord({ fields: { Id: ACTION.id, Status__c: 'Done' } });
    expect(org.requests[1]).toMatchObject({
      method: 'PATCH',
      url: `/services/data/v62.0/ui-api/records/${ACTION.id}`,
      body: { fields: { Status__c: 'Done' } }
    });
    expect(org.requests[2]).toMatchObject({
      method: 'GET',
      url: `/services/data/v62.0/ui-api/records/${ACTION.id}?fields=SPM_Action__c.Name`
    });
    expect(emitted).toHaveLength(2);
    wire.disconnect();
  });

  it('notifyRecordUpdateAvailable refetches only the named records', async () => {
    const wire = new getRecord(() => undefined);
    org.reply({ body: ACTION });
    wire.update({ recordId: ACTION.id, fields: ['SPM_Action__c.Name'] });
    wire.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await notifyRecordUpdateAvailable([{ recordId: '001000000000009AAA' }]);
    expect(org.requests).toHaveLength(1);
    org.reply({ body: ACTION });
    await notifyRecordUpdateAvailable([{ recordId: ACTION.id }]);
    expect(org.requests).toHaveLength(2);
    wire.disconnect();
  });

  it('getRecord emits the error response when the record cannot be read', async () => {
    const emitted: unknown[] = [];
    const wire = new getRecord((value) => emitted.push(value));
    org.reply({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
    });
    wire.update({ recordId: 'a06000000000009AAA', fields: ['SPM_Action__c.Name'] });
    wire.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toEqual([
      {
        data: undefined,
        error: {
          ok: false,
          status: 404,
          statusText: 'Not Found',
          body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
        }
      }
    ]);
    wire.disconnect();
  });

  it('deleteRecord DELETEs the record', async () => {
    org.reply({ status: 204 });
    await deleteRecord(ACTION.id);
    expect(org.requests[0]).toMatchObject({
      method: 'DELETE',
      url: `/services/data/v62.0/ui-api/records/${ACTION.id}`
    });
  });
});
