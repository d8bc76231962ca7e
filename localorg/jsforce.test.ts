/**
 * The real, unmodified jsforce client against the local org over HTTP: connecting, paging through
 * queries, upserting by external id in sObject collections, and the faults Salesforce sends.
 */
import { Connection } from 'jsforce';
import { generateSampleData } from '../sample-data/generate';
import type { SObjectRecord } from '../sample-data/types';
import { startLocalOrg, type LocalOrg } from './server';
import { shareNodeDisposeSymbol } from './testing';

shareNodeDisposeSymbol();

const data = generateSampleData({ seed: 5, reps: 6, opportunities: 5000 });
let org: LocalOrg;
let conn: Connection;

beforeAll(async () => {
  org = await startLocalOrg({ data });
  conn = new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '62.0' });
});
afterAll(async () => {
  await org.close();
});
afterEach(() => org.faults.clear());

/** KPI menu records as the seed script would send them, keyed by Key__c. */
function kpis(count: number, from = 0, label = 'KPI'): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    Key__c: `kpi-${from + i}`,
    Name: `${label} ${from + i}`,
    Menu_Year__c: 2026,
    Category__c: ['Sales', 'Pipeline', 'Activity', 'Data trust'][i % 4],
    Kind__c: i % 2 === 0 ? 'Leading' : 'Lagging',
    Unit__c: 'Count',
    Direction__c: 'Higher is better',
    Levels__c: 'Rep;Manager',
    Green_Threshold__c: 10 + i,
    Amber_Threshold__c: 5,
    Sort_Order__c: from + i,
    Active__c: true,
    Definition__c: JSON.stringify({ object: 'Opportunity', measure: 'count' })
  }));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Collections report `statusCode` per record (jsforce's SaveError type calls it errorCode). */
const statusOf = (result: { errors: unknown[] }) =>
  (result.errors[0] as { statusCode?: string } | undefined)?.statusCode;

const upsertCalls = () =>
  org.requests.filter(
    (r) =>
      r.method === 'PATCH' && r.path === '/services/data/v62.0/composite/sobjects/SPM_KPI__c/Key__c'
  );

describe('jsforce against the local org', () => {
  it('connects and reads describe, limits and records', async () => {
    const describe = await conn.sobject('Opportunity').describe();
    expect(describe.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['StageName', 'Amount', 'SPM_Offer_Check_Date__c'])
    );
    expect(describe.fields.find((f) => f.name === 'IsClosed')).toMatchObject({
      createable: false,
      type: 'boolean'
    });
    const before = await conn.limits();
    const after = await conn.limits();
    expect(after.DailyApiRequests.Remaining).toBe(before.DailyApiRequests.Remaining - 1);
    const users = await conn.query<{ Name: string; Manager: { Name: string } | null }>(
      'SELECT Name, Manager.Name FROM User ORDER BY Name'
    );
    expect(users.records.map((u) => u.Name)).toEqual(
      data.records.User.map((u) => u.Name).sort((a, b) => String(a).localeCompare(String(b)))
    );
  });

  it('pages through a query with nextRecordsUrl, by hand and with autoFetch', async () => {
    const first = await conn.query<{ Id: string }>('SELECT Id, Amount FROM Opportunity');
    expect(first).toMatchObject({ totalSize: 5000, done: false });
    expect(first.records).toHaveLength(2000);
    const ids = first.records.map((r) => r.Id);
    let page = first;
    while (!page.done) {
      page = await conn.queryMore<{ Id: string }>(page.nextRecordsUrl!);
      ids.push(...page.records.map((r) => r.Id));
    }
    expect(ids).toEqual(data.records.Opportunity.map((o) => o.Id));
    const all = await conn
      .query<{ Id: string }>('SELECT Id FROM Opportunity WHERE IsClosed = false')
      .run({ autoFetch: true, maxFetch: 100_000 });
    expect(all.records).toHaveLength(data.records.Opportunity.filter((o) => !o.IsClosed).length);
  });

  it('runs aggregate SOQL with the result shape Salesforce uses', async () => {
    const result = await conn.query<{ StageName: string; n: number; expr0: number }>(
      'SELECT StageName, COUNT(Id) n, SUM(Amount) FROM Opportunity WHERE IsClosed = false GROUP BY StageName ORDER BY COUNT(Id) DESC'
    );
    const open = data.records.Opportunity.filter((o) => !o.IsClosed);
    for (const row of result.records) {
      const group = open.filter((o) => o.StageName === row.StageName);
      expect(row.n).toBe(group.length);
      expect(row.expr0).toBe(
        Math.round(group.reduce((s, o) => s + Number(o.Amount ?? 0), 0) * 100) / 100
      );
    }
    expect(result.records.map((r) => r.n)).toEqual(
      [...result.records.map((r) => r.n)].sort((a, b) => b - a)
    );
  });

  it('upserts 1,000 records in 5 collection calls, and a rerun leaves every record untouched', async () => {
    const records = kpis(1000);
    const callsBefore = upsertCalls().length;
    const results = [];
    for (const chunk of chunks(records, 200))
      results.push(...(await conn.sobject('SPM_KPI__c').upsert(chunk, 'Key__c')));
    expect(upsertCalls().length - callsBefore).toBe(5);
    expect(results.filter((r) => r.success && r.created)).toHaveLength(1000);
    const stored = () => JSON.stringify(org.store.table('SPM_KPI__c').records);
    const snapshot = stored();

    const rerun = [];
    for (const chunk of chunks(records, 200))
      rerun.push(...(await conn.sobject('SPM_KPI__c').upsert(chunk, 'Key__c')));
    expect(upsertCalls().length - callsBefore).toBe(10);
    expect(rerun.every((r) => r.success && r.created === false)).toBe(true);
    expect(rerun.map((r) => r.id)).toEqual(results.map((r) => r.id));
    expect(stored()).toBe(snapshot);

    const [changed] = await conn
      .sobject('SPM_KPI__c')
      .upsert([{ ...records[3], Green_Threshold__c: 99 }], 'Key__c');
    expect(changed).toMatchObject({ success: true, created: false });
    const after = org.store.table('SPM_KPI__c').records;
    const before = JSON.parse(snapshot) as SObjectRecord[];
    expect(
      after.filter((r, i) => r.LastModifiedDate !== before[i].LastModifiedDate).map((r) => r.Key__c)
    ).toEqual(['kpi-3']);
  });

  it('resolves parent references by external id and reports per-record errors in Salesforce shape', async () => {
    await conn
      .sobject('SPM_Cadence__c')
      .upsert(
        [{ Key__c: 'team-meeting', Name: 'Team meeting', Meeting_Type__c: 'Team meeting' }],
        'Key__c'
      );
    const results = await conn.sobject('SPM_Agenda_Item__c').upsert(
      [
        {
          Key__c: 'team-1',
          Name: 'Forecast vs target',
          Order__c: 1,
          Cadence__r: { Key__c: 'team-meeting' }
        },
        {
          Key__c: 'team-2',
          Name: 'Funnel',
          Order__c: 2,
          Cadence__r: { Key__c: 'no-such-cadence' }
        },
        {
          Key__c: 'team-3',
          Name: 'Bad panel',
          Order__c: 3,
          Panel__c: 'Nope',
          Cadence__r: { Key__c: 'team-meeting' }
        }
      ],
      'Key__c'
    );
    expect(results[0]).toMatchObject({ success: true, created: true });
    expect(results[1]).toEqual({
      success: false,
      created: false,
      errors: [
        {
          statusCode: 'INVALID_FIELD',
          message:
            'Foreign key external ID: no-such-cadence not found for field Key__c in entity SPM_Cadence__c',
          fields: ['Cadence__c']
        }
      ]
    });
    expect(results[2].errors).toEqual([
      expect.objectContaining({
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: ['Panel__c']
      })
    ]);
    const item = org.store.lookup('SPM_Agenda_Item__c', 'Key__c', 'team-1')[0];
    expect(item.Cadence__c).toBe(
      org.store.lookup('SPM_Cadence__c', 'Key__c', 'team-meeting')[0].Id
    );
    const joined = await conn.query<{ Cadence__r: { Key__c: string } }>(
      "SELECT Name, Cadence__r.Key__c FROM SPM_Agenda_Item__c WHERE Key__c = 'team-1'"
    );
    expect(joined.records[0].Cadence__r.Key__c).toBe('team-meeting');
  });

  it('honours allOrNone and refuses more than 200 records a call', async () => {
    const batch = [...kpis(2, 5000), { Key__c: 'kpi-bad', Name: 'Bad', Unit__c: 'Parsecs' }];
    const rolledBack = await conn
      .sobject('SPM_KPI__c')
      .upsert(batch, 'Key__c', { allOrNone: true });
    expect(rolledBack.every((r) => !r.success)).toBe(true);
    expect(rolledBack[0].errors[0]).toMatchObject({
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK'
    });
    expect(rolledBack[2].errors[0]).toMatchObject({
      statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    });
    expect(org.store.lookup('SPM_KPI__c', 'Key__c', 'kpi-5000')).toEqual([]);
    await expect(
      conn.sobject('SPM_KPI__c').upsert(kpis(201, 6000), 'Key__c')
    ).rejects.toMatchObject({ errorCode: 'EXCEEDED_ID_LIMIT' });
  });
});

describe('faults reach jsforce as Salesforce sends them', () => {
  it('retries a 503 on a read, and reports it on a write', async () => {
    org.faults.inject({ kind: 'unavailable', path: '/query', method: 'GET' });
    const result = await conn.query('SELECT Id FROM User LIMIT 1');
    expect(result.records).toHaveLength(1);
    expect(
      org.requests
        .filter((r) => r.path.endsWith('/query'))
        .slice(-2)
        .map((r) => r.status)
    ).toEqual([503, 200]);

    org.faults.inject({ kind: 'unavailable', path: '/composite/sobjects' });
    await expect(conn.sobject('SPM_KPI__c').upsert(kpis(1, 7000), 'Key__c')).rejects.toMatchObject({
      errorCode: 'SERVER_UNAVAILABLE'
    });
    expect(org.store.lookup('SPM_KPI__c', 'Key__c', 'kpi-7000')).toEqual([]);
  });

  it('passes REQUEST_LIMIT_EXCEEDED (403) through', async () => {
    org.faults.inject({ kind: 'requestLimit', path: '/query' });
    await expect(conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      name: 'REQUEST_LIMIT_EXCEEDED'
    });
  });

  it('fails locked rows one by one, or the whole call with allOrNone', async () => {
    org.faults.inject({ kind: 'lockRow', path: '/composite/sobjects', records: 2 });
    const results = await conn.sobject('SPM_KPI__c').upsert(kpis(4, 8000), 'Key__c');
    expect(results.map((r) => (r.success ? 'ok' : statusOf(r)))).toEqual([
      'UNABLE_TO_LOCK_ROW',
      'UNABLE_TO_LOCK_ROW',
      'ok',
      'ok'
    ]);
    org.faults.inject({ kind: 'lockRow', path: '/composite/sobjects' });
    const all = await conn
      .sobject('SPM_KPI__c')
      .upsert(kpis(4, 8100), 'Key__c', { allOrNone: true });
    expect(all.map((r) => statusOf(r))).toEqual([
      'UNABLE_TO_LOCK_ROW',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'ALL_OR_NONE_OPERATION_ROLLED_BACK'
    ]);
  });

  it('drops connections and delays answers', async () => {
    org.faults.inject({ kind: 'drop', path: '/composite/sobjects' });
    await expect(conn.sobject('SPM_KPI__c').upsert(kpis(1, 9000), 'Key__c')).rejects.toThrow();
    expect(org.store.lookup('SPM_KPI__c', 'Key__c', 'kpi-9000')).toEqual([]);
    org.faults.inject({ kind: 'delay', path: '/limits', delayMs: 300 });
    const started = Date.now();
    await conn.limits();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('fails one record permanently, by key', async () => {
    org.faults.failRecord({ key: 'kpi-9500', message: 'Threshold must be positive' });
    for (let attempt = 0; attempt < 2; attempt++) {
      const results = await conn.sobject('SPM_KPI__c').upsert(kpis(2, 9499), 'Key__c');
      expect(results[0].success).toBe(true);
      expect(results[1].errors).toEqual([
        {
          statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Threshold must be positive',
          fields: []
        }
      ]);
    }
  });

  it('rejects a wrong token with INVALID_SESSION_ID', async () => {
    const stranger = new Connection({
      instanceUrl: org.url,
      accessToken: '00D000000000001!WRONG',
      version: '62.0'
    });
    await expect(stranger.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID'
    });
  });
});

describe('Bulk API 2.0 through jsforce (conn.bulk2)', () => {
  it('upserts a CSV by external id and answers the results as CSV', async () => {
    const rows = kpis(3, 12000);
    const csv =
      'Key__c,Name,Menu_Year__c,Category__c,Kind__c,Unit__c,Direction__c,Levels__c,Green_Threshold__c,Amber_Threshold__c,Sort_Order__c,Active__c,Definition__c\n' +
      rows
        .map((r) =>
          [
            r.Key__c,
            r.Name,
            r.Menu_Year__c,
            r.Category__c,
            r.Kind__c,
            r.Unit__c,
            r.Direction__c,
            r.Levels__c,
            r.Green_Threshold__c,
            r.Amber_Threshold__c,
            r.Sort_Order__c,
            r.Active__c,
            `"${String(r.Definition__c).replace(/"/g, '""')}"`
          ].join(',')
        )
        .join('\n') +
      '\n' +
      'kpi-bad,Bad,2026,Sales,Leading,Count,Higher is better,Rep,1,1,1,maybe,{}\n';
    const results = await conn.bulk2.loadAndWaitForResults({
      object: 'SPM_KPI__c',
      operation: 'upsert',
      externalIdFieldName: 'Key__c',
      lineEnding: 'LF',
      input: csv,
      pollInterval: 10
    });
    // Result rows carry the job's columns beside sf__Id/sf__Created (jsforce types only those).
    const successful = results.successfulResults as unknown as Array<Record<string, string>>;
    expect(successful.map((r) => [r.Key__c, r.sf__Created])).toEqual([
      ['kpi-12000', 'true'],
      ['kpi-12001', 'true'],
      ['kpi-12002', 'true']
    ]);
    expect(results.failedResults).toHaveLength(1);
    expect(results.failedResults[0]).toMatchObject({ Key__c: 'kpi-bad' });
    expect(results.failedResults[0].sf__Error).toMatch(/^INVALID_TYPE_ON_FIELD_IN_RECORD:/);
    expect(results.unprocessedRecords).toEqual([]);
    const [stored] = org.store.lookup('SPM_KPI__c', 'Key__c', 'kpi-12001');
    expect(stored).toMatchObject({ Name: 'KPI 12001', Green_Threshold__c: 11, Active__c: true });
  });

  it('clears a field with #N/A and leaves it as it is with an empty cell', async () => {
    const base = kpis(1, 12100)[0];
    await conn.sobject('SPM_KPI__c').upsert([{ ...base, Amber_Threshold__c: 5 }], 'Key__c');
    await conn.bulk2.loadAndWaitForResults({
      object: 'SPM_KPI__c',
      operation: 'upsert',
      externalIdFieldName: 'Key__c',
      input: 'Key__c,Amber_Threshold__c,Name\nkpi-12100,#N/A,\n',
      pollInterval: 10
    });
    const [stored] = org.store.lookup('SPM_KPI__c', 'Key__c', 'kpi-12100');
    expect(stored).toMatchObject({ Amber_Threshold__c: null, Name: 'KPI 12100' });
  });
});
