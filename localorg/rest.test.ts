/**
 * The REST side of the local org over HTTP: auth, limits, SOQL, describe, record writes and their
 * derived fields, UI API record writes, and the fault control endpoint.
 */
import { generateSampleData } from '../sample-data/generate';
import { startLocalOrg, type LocalOrg } from './server';
import { userSessionToken } from './sessions';
import { call, soql } from './testing';

const data = generateSampleData({ seed: 3, reps: 4, opportunities: 800 });
const V = '/services/data/v62.0';
let org: LocalOrg;

beforeAll(async () => {
  org = await startLocalOrg({ data, apiLimit: 1000 });
});
afterAll(async () => {
  await org.close();
});

interface QueryBody<T = Record<string, unknown>> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

describe('auth, limits and paths', () => {
  it('refuses requests without the bearer token, as Salesforce does', async () => {
    const missing = await fetch(`${org.url}${V}/limits`);
    expect(missing.status).toBe(401);
    await expect(missing.json()).resolves.toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
    ]);
    const wrong = await fetch(`${org.url}${V}/limits`, {
      headers: { Authorization: 'Bearer 00D000000000001!NOPE' }
    });
    expect(wrong.status).toBe(401);
  });

  it('runs a user token as its user, side by side with other users, and refuses unknown users', async () => {
    // The session user (the org token's) is the director, the top of the hierarchy.
    const [director, rep] = [data.records.User[0], data.records.User[data.records.User.length - 1]];
    const as = (userId: string) => ({
      Authorization: `Bearer ${userSessionToken(org.accessToken, String(userId))}`
    });
    const whoAmI = (userId: string) =>
      fetch(`${org.url}/services/oauth2/userinfo`, { headers: as(userId) }).then(
        (r) => r.json() as Promise<{ user_id: string }>
      );
    // Interleaved requests of two users each answer as their own user.
    const answers = await Promise.all(
      [director, rep, director, rep].map((u) => whoAmI(String(u.Id)))
    );
    expect(answers.map((a) => a.user_id)).toEqual([director.Id, rep.Id, director.Id, rep.Id]);
    // A record created with the rep's token is the rep's, while the session user stays the default.
    const created = await fetch(`${org.url}${V}/sobjects/Task`, {
      method: 'POST',
      headers: { ...as(String(rep.Id)), 'Content-Type': 'application/json' },
      body: JSON.stringify({ Subject: 'Call back' })
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect(org.store.getById(created.id)).toMatchObject({ OwnerId: rep.Id, CreatedById: rep.Id });
    const me = await call<{ user_id: string }>(org, 'GET', '/services/oauth2/userinfo');
    expect(me.body.user_id).toBe(director.Id);
    const unknown = await fetch(`${org.url}${V}/limits`, { headers: as('005000000000999AAA') });
    expect(unknown.status).toBe(401);
    const otherOrg = await fetch(`${org.url}${V}/limits`, {
      headers: { Authorization: `Bearer 00D000000000001!NOPE.${rep.Id}` }
    });
    expect(otherOrg.status).toBe(401);
    // A deactivated user's token stops working.
    const user = org.store.getById(String(rep.Id))!;
    user.IsActive = false;
    try {
      const inactive = await fetch(`${org.url}${V}/limits`, { headers: as(String(rep.Id)) });
      expect(inactive.status).toBe(401);
    } finally {
      user.IsActive = true;
    }
  });

  it('counts API calls in Sforce-Limit-Info and /limits, and stops at the limit', async () => {
    const first = await call<{ DailyApiRequests: { Max: number; Remaining: number } }>(
      org,
      'GET',
      `${V}/limits`
    );
    const used = Number(
      /api-usage=(\d+)\/1000/.exec(first.headers.get('sforce-limit-info') ?? '')?.[1]
    );
    expect(first.body.DailyApiRequests).toEqual({ Max: 1000, Remaining: 1000 - used });
    const second = await call(org, 'GET', `${V}/limits`);
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/1000`);
    const saved = org.limits.used;
    org.limits.used = 1000;
    const refused = await call(org, 'GET', `${V}/limits`);
    expect(refused).toMatchObject({ status: 403, body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED' }] });
    org.limits.used = saved;
  });

  it('answers the endpoints sf org login and @salesforce/core call, with //services normalised', async () => {
    const versions = await call<Array<{ version: string }>>(org, 'GET', '//services/data');
    expect(versions.status).toBe(200);
    expect(versions.body.map((v) => v.version)).toContain('62.0');
    const me = await call<{ user_id: string; organization_id: string; urls: { rest: string } }>(
      org,
      'GET',
      '/services/oauth2/userinfo'
    );
    expect(me.body.user_id).toBe(data.records.User[0].Id);
    expect(me.body.urls.rest).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/data\/v\d+\.0\/$/);
    const user = await call<{ Username: string }>(
      org,
      'GET',
      `/${V}/sobjects/User/${me.body.user_id}`
    );
    expect(user.body.Username).toBe(data.records.User[0].Username);
    const orgRow = await soql<QueryBody>(
      org,
      'SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix FROM Organization'
    );
    expect(orgRow.body.records[0]).toMatchObject({
      Name: 'Pacer Local Org',
      IsSandbox: false,
      NamespacePrefix: null
    });
    const devHub = await soql(
      org,
      "SELECT Id FROM ScratchOrgInfo WHERE ScratchOrg = '00D000000000001'"
    );
    expect(devHub).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_TYPE' }] });
  });
});

describe('SOQL', () => {
  const opps = data.records.Opportunity;

  it('filters with AND/OR/NOT, IN, LIKE, date literals and parent fields', async () => {
    const q = await soql<QueryBody<{ Name: string; Owner: { Name: string } }>>(
      org,
      `SELECT Id, Name, Owner.Name FROM Opportunity
       WHERE (StageName IN ('Closed Won', 'Closed Lost') OR NOT Amount > 5000) AND CloseDate = LAST_N_DAYS:90 AND Name LIKE '%a%'
       ORDER BY CloseDate DESC, Id`
    );
    const expected = opps.filter(
      (o) =>
        (o.IsClosed === true || !(o.Amount !== null && Number(o.Amount) > 5000)) &&
        String(o.CloseDate) >= '2026-08-25' &&
        String(o.CloseDate) <= '2026-11-23' &&
        String(o.Name).toLowerCase().includes('a')
    );
    expect(q.status).toBe(200);
    expect(q.body.totalSize).toBe(expected.length);
    const owners = new Map(data.records.User.map((u) => [u.Id, u.Name]));
    const first = q.body.records[0] as unknown as {
      Id: string;
      Owner: { Name: string; attributes: { type: string } };
    };
    expect(first.Owner).toEqual({
      attributes: { type: 'User', url: expect.stringContaining('/sobjects/User/') },
      Name: owners.get(opps.find((o) => o.Id === first.Id)!.OwnerId)
    });
  });

  it('aggregates with GROUP BY, date functions, aliases and exprN', async () => {
    const q = await soql<
      QueryBody<{ OwnerId: string; month: number; expr0: number; expr1: number }>
    >(
      org,
      'SELECT OwnerId, CALENDAR_MONTH(CloseDate) month, COUNT(Id), SUM(Amount) FROM Opportunity WHERE IsWon = true AND CloseDate = THIS_YEAR GROUP BY OwnerId, CALENDAR_MONTH(CloseDate)'
    );
    const won = opps.filter((o) => o.IsWon === true && String(o.CloseDate).startsWith('2026'));
    for (const row of q.body.records) {
      const group = won.filter(
        (o) => o.OwnerId === row.OwnerId && Number(String(o.CloseDate).slice(5, 7)) === row.month
      );
      expect(row.expr0).toBe(group.length);
      expect(row.expr1).toBe(group.reduce((s, o) => s + Number(o.Amount ?? 0), 0));
    }
    expect(q.body.records.reduce((s, r) => s + r.expr0, 0)).toBe(won.length);
    const total = await soql<QueryBody>(
      org,
      'SELECT COUNT() FROM Opportunity WHERE IsClosed = false'
    );
    expect(total.body).toEqual({
      totalSize: opps.filter((o) => !o.IsClosed).length,
      done: true,
      records: []
    });
  });

  it('answers semi- and anti-join subqueries', async () => {
    const withWin = new Set(opps.filter((o) => o.IsWon === true).map((o) => o.AccountId));
    const q = await soql<QueryBody>(
      org,
      'SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)'
    );
    expect(q.body.totalSize).toBe(data.records.Account.filter((a) => !withWin.has(a.Id)).length);
  });

  it('pages with nextRecordsUrl in batches of 2,000 (or the batch size asked)', async () => {
    const first = await call<QueryBody>(
      org,
      'GET',
      `${V}/query?q=${encodeURIComponent('SELECT Id FROM OpportunityHistory')}`,
      undefined,
      {
        'Sforce-Query-Options': 'batchSize=500'
      }
    );
    expect(first.body.records).toHaveLength(500);
    expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w+-500$/);
    const next = await call<QueryBody>(org, 'GET', first.body.nextRecordsUrl!);
    expect(next.body.records[0]).toEqual(
      expect.objectContaining({ Id: data.records.OpportunityHistory[500].Id })
    );
    const bad = await call(org, 'GET', `${V}/query/01gLO0000000099AAA-2000`);
    expect(bad).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_QUERY_LOCATOR' }] });
  });

  it('reports malformed queries and unknown fields and objects like Salesforce', async () => {
    await expect(soql(org, 'SELECT Id FRM Opportunity')).resolves.toMatchObject({
      status: 400,
      body: [{ errorCode: 'MALFORMED_QUERY' }]
    });
    await expect(soql(org, 'SELECT Discount__c FROM Opportunity')).resolves.toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'INVALID_FIELD',
          message: expect.stringContaining("No such column 'Discount__c' on entity 'Opportunity'")
        }
      ]
    });
    await expect(soql(org, 'SELECT Id FROM Quote__c')).resolves.toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_TYPE' }]
    });
    await expect(
      soql(org, "SELECT Id FROM Opportunity WHERE CloseDate > '2026-01-01'")
    ).resolves.toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_QUERY_FILTER_OPERATOR' }]
    });
    await expect(
      soql(org, 'SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName')
    ).resolves.toMatchObject({
      status: 400,
      body: [
        {
          errorCode: 'MALFORMED_QUERY',
          message: expect.stringContaining('Field must be grouped or aggregated: Name')
        }
      ]
    });
  });
});

describe('sobjects and record writes', () => {
  it('describes objects from force-app metadata', async () => {
    const describe = await call<{
      name: string;
      keyPrefix: string;
      fields: Array<Record<string, unknown>>;
      childRelationships: Array<Record<string, unknown>>;
    }>(org, 'GET', `${V}/sobjects/SPM_Agenda_Item__c/describe`);
    expect(describe.body).toMatchObject({ name: 'SPM_Agenda_Item__c', keyPrefix: 'a04' });
    expect(describe.body.fields.find((f) => f.name === 'Cadence__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['SPM_Cadence__c'],
      relationshipName: 'Cadence__r',
      nillable: false,
      cascadeDelete: true
    });
    expect(describe.body.fields.find((f) => f.name === 'Key__c')).toMatchObject({
      externalId: true,
      unique: true,
      caseSensitive: true,
      idLookup: true
    });
    const cadence = await call<{ childRelationships: Array<Record<string, unknown>> }>(
      org,
      'GET',
      `${V}/sobjects/SPM_Cadence__c/describe`
    );
    expect(cadence.body.childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'SPM_Agenda_Item__c',
        relationshipName: 'Agenda_Items__r'
      })
    );
    const global = await call<{ sobjects: Array<{ name: string }> }>(org, 'GET', `${V}/sobjects`);
    expect(global.body.sobjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Opportunity', 'SPM_KPI__c', 'SPM_Stage_Policy__c'])
    );
    await expect(call(org, 'GET', `${V}/sobjects/Nope__c/describe`)).resolves.toMatchObject({
      status: 404,
      body: [{ errorCode: 'NOT_FOUND' }]
    });
  });

  it('creates, reads, updates and upserts single records with Salesforce statuses', async () => {
    const created = await call<{ id: string; success: boolean }>(
      org,
      'POST',
      `${V}/sobjects/SPM_Stage_Policy__c`,
      {
        Key__c: 'Prospecting',
        Name: 'Prospecting',
        Stage_Name__c: 'Prospecting',
        Max_Days_In_Stage__c: 30,
        Early_Stage__c: true
      }
    );
    expect(created).toMatchObject({ status: 201, body: { success: true, errors: [] } });
    const read = await call<Record<string, unknown>>(
      org,
      'GET',
      `${V}/sobjects/SPM_Stage_Policy__c/${created.body.id}?fields=Name,Max_Days_In_Stage__c`
    );
    expect(read.body).toEqual({
      attributes: expect.objectContaining({ type: 'SPM_Stage_Policy__c' }),
      Name: 'Prospecting',
      Max_Days_In_Stage__c: 30
    });
    const same = await call(org, 'PATCH', `${V}/sobjects/SPM_Stage_Policy__c/Key__c/Prospecting`, {
      Max_Days_In_Stage__c: 30
    });
    expect(same).toMatchObject({ status: 200, body: { id: created.body.id, created: false } });
    const fresh = await call(
      org,
      'PATCH',
      `${V}/sobjects/SPM_Stage_Policy__c/Key__c/Qualification`,
      { Name: 'Qualification', Max_Days_In_Stage__c: 45 }
    );
    expect(fresh).toMatchObject({ status: 201, body: { created: true } });
    await expect(
      call(org, 'PATCH', `${V}/sobjects/SPM_Stage_Policy__c/${created.body.id}`, {
        Max_Days_In_Stage__c: 20
      })
    ).resolves.toMatchObject({ status: 204 });
    const duplicate = await call(org, 'POST', `${V}/sobjects/SPM_Stage_Policy__c`, {
      Key__c: 'Prospecting',
      Name: 'Again'
    });
    expect(duplicate).toMatchObject({
      status: 400,
      body: [{ errorCode: 'DUPLICATE_VALUE', fields: ['Key__c'] }]
    });
    const readOnly = await call(
      org,
      'PATCH',
      `${V}/sobjects/Opportunity/${data.records.Opportunity[0].Id}`,
      { IsClosed: true }
    );
    expect(readOnly).toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsClosed'] }]
    });
    const unknown = await call(org, 'POST', `${V}/sobjects/SPM_Stage_Policy__c`, {
      Name: 'x',
      Colour__c: 'red'
    });
    expect(unknown).toMatchObject({ status: 400, body: [{ errorCode: 'INVALID_FIELD' }] });
  });

  it('keeps derived fields and stage history in step with opportunity changes, and moves LastModifiedDate only on change', async () => {
    const opp = data.records.Opportunity.find((o) => o.StageName === 'Qualification')!;
    const modified = opp.LastModifiedDate;
    const historyBefore = org.store.lookup('OpportunityHistory', 'OpportunityId', opp.Id).length;
    await call(org, 'PATCH', `${V}/sobjects/Opportunity/${opp.Id}`, {
      StageName: 'Qualification',
      Amount: opp.Amount
    });
    expect(opp.LastModifiedDate).toBe(modified);
    await call(org, 'PATCH', `${V}/sobjects/Opportunity/${opp.Id}`, { StageName: 'Closed Won' });
    expect(opp).toMatchObject({
      IsClosed: true,
      IsWon: true,
      Probability: 100,
      ForecastCategoryName: 'Closed'
    });
    expect(String(opp.LastModifiedDate) > String(modified)).toBe(true);
    expect(opp.LastStageChangeDate).toBe(opp.LastModifiedDate);
    expect(opp.LastModifiedDate).toMatch(/^2026-11-23T/);
    const history = org.store.lookup('OpportunityHistory', 'OpportunityId', opp.Id);
    expect(history).toHaveLength(historyBefore + 1);
    expect(history[history.length - 1]).toMatchObject({
      StageName: 'Closed Won',
      ForecastCategory: 'Closed',
      CreatedDate: opp.LastModifiedDate
    });

    const task = await call<{ id: string }>(org, 'POST', `${V}/sobjects/Task`, {
      Subject: 'Call',
      WhatId: opp.Id,
      TaskSubtype: 'Call',
      ActivityDate: '2026-11-23'
    });
    expect(org.store.getById(task.body.id)).toMatchObject({
      AccountId: opp.AccountId,
      Status: 'Not Started',
      OwnerId: org.org.userId
    });
  });

  it('writes through the UI API as the components do, with UI API error bodies', async () => {
    const opp = data.records.Opportunity[1];
    const created = await call<{
      id: string;
      apiName: string;
      fields: Record<string, { value: unknown; displayValue: string | null }>;
    }>(org, 'POST', `${V}/ui-api/records`, {
      apiName: 'SPM_Action__c',
      fields: {
        Name: 'Send revised proposal',
        Opportunity__c: opp.Id,
        Due_Date__c: '2026-11-30',
        OwnerId: opp.OwnerId
      }
    });
    expect(created.status).toBe(201);
    expect(created.body.apiName).toBe('SPM_Action__c');
    expect(created.body.fields.Status__c).toEqual({ value: 'Open', displayValue: 'Open' });
    expect(created.body.fields.Due_Date__c).toEqual({
      value: '2026-11-30',
      displayValue: '30/11/2026'
    });
    const updated = await call<{ fields: Record<string, { value: unknown }> }>(
      org,
      'PATCH',
      `${V}/ui-api/records/${created.body.id}`,
      {
        fields: { Status__c: 'Done', Completed_Date__c: '2026-11-23' }
      }
    );
    expect(updated.status).toBe(200);
    expect(updated.body.fields.Status__c.value).toBe('Done');
    const bad = await call<{
      enhancedErrorType: string;
      output: { fieldErrors: Record<string, Array<{ errorCode: string }>> };
    }>(org, 'PATCH', `${V}/ui-api/records/${created.body.id}`, { fields: { Status__c: 'Maybe' } });
    expect(bad.status).toBe(400);
    expect(bad.body.enhancedErrorType).toBe('RecordError');
    expect(bad.body.output.fieldErrors.Status__c[0].errorCode).toBe(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
    );
  });
});

describe('fault control endpoint', () => {
  it('injects faults over HTTP for out-of-process clients', async () => {
    const set = await call(org, 'POST', '/__faults', {
      kind: 'unavailable',
      path: '/limits',
      times: 2
    });
    expect(set.status).toBe(200);
    await expect(call(org, 'GET', `${V}/limits`)).resolves.toMatchObject({
      status: 503,
      body: [{ errorCode: 'SERVER_UNAVAILABLE' }]
    });
    await expect(call(org, 'GET', `${V}/limits`)).resolves.toMatchObject({ status: 503 });
    await expect(call(org, 'GET', `${V}/limits`)).resolves.toMatchObject({ status: 200 });
    await call(org, 'POST', '/__faults', { failRecord: { key: 'Blocked' } });
    await expect(
      call(org, 'POST', `${V}/sobjects/SPM_Stage_Policy__c`, { Key__c: 'Blocked', Name: 'Blocked' })
    ).resolves.toMatchObject({
      status: 400,
      body: [{ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }]
    });
    await call(org, 'POST', '/__faults', { clear: true });
    await expect(
      call(org, 'POST', `${V}/sobjects/SPM_Stage_Policy__c`, { Key__c: 'Blocked', Name: 'Blocked' })
    ).resolves.toMatchObject({ status: 201 });
    await expect(call(org, 'POST', '/__faults', { kind: 'meteor' })).resolves.toMatchObject({
      status: 400,
      body: [{ errorCode: 'INVALID_FIELD' }]
    });
  });
});
