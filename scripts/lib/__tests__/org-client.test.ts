/**
 * OrgClient with the real jsforce client over HTTP against a scripted server: what reaches the
 * wire, retries, the API budget. (The commands' tests run against the local org.)
 */
import '../../test-support/realm';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { ApiBudgetError, OrgRequestError } from '../../../cli/errors';
import { generateSampleData } from '../../../sample-data/generate';
import { startLocalOrg, type LocalOrg } from '../../../localorg/server';
import { ConnectionLike, OrgClient } from '../org-client';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function serve(handlers: Handler[]): Promise<{
  url: string;
  server: Server;
  seen: Array<{ method: string; url: string; body: string }>;
}> {
  const seen: Array<{ method: string; url: string; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      const handler = handlers[Math.min(seen.length - 1, handlers.length - 1)];
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
}

const json =
  (status: number, payload: unknown, usage = '10/1000'): Handler =>
  (_req, _body, res) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'sforce-limit-info': `api-usage=${usage}`
    });
    res.end(JSON.stringify(payload));
  };
const drop: Handler = (req) => req.socket.destroy();

function client(url: string, maxApiShare = 0.5): OrgClient {
  const conn = new Connection({
    instanceUrl: url,
    accessToken: '00D000000000001!TEST',
    version: '62.0'
  });
  return new OrgClient(conn as unknown as ConnectionLike, {
    maxApiShare,
    sleep: async () => undefined,
    random: () => 0.5
  });
}

describe('OrgClient over HTTP', () => {
  let server: Server | undefined;
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  );

  it('retries a 503 and a dropped connection on an upsert, then reads the per-record results', async () => {
    const ok = [{ id: 'a01000000000001AAA', success: true, created: true, errors: [] }];
    const s = await serve([
      json(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }]),
      drop,
      json(200, ok)
    ]);
    server = s.server;
    const c = client(s.url);
    const result = await c.upsert('SPM_KPI__c', 'Key__c', [
      { key: 'k1', fields: { Key__c: 'k1', Name: 'K' } }
    ]);
    expect(result).toEqual({ created: ['k1'], updated: [], failed: [] });
    expect(s.seen.map((r) => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill('PATCH /services/data/v62.0/composite/sobjects/SPM_KPI__c/Key__c')
    );
    expect(JSON.parse(s.seen[2].body)).toEqual({
      allOrNone: false,
      records: [{ attributes: { type: 'SPM_KPI__c' }, Key__c: 'k1', Name: 'K' }]
    });
    expect(c.calls).toEqual({ reads: 0, writes: 3, retries: 2 });
  });

  it('does not retry a validation error', async () => {
    const s = await serve([json(400, [{ errorCode: 'INVALID_FIELD', message: 'No such column' }])]);
    server = s.server;
    await expect(client(s.url).query('SELECT Nope FROM SPM_KPI__c')).rejects.toThrow(
      OrgRequestError
    );
    expect(s.seen).toHaveLength(1);
  });

  it("retries a read once per failure: jsforce's own retry is off, so every attempt is counted", async () => {
    const page = { totalSize: 0, done: true, records: [] };
    const s = await serve([
      json(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }]),
      json(200, page)
    ]);
    server = s.server;
    const c = client(s.url);
    await c.query('SELECT Id FROM User');
    expect(s.seen).toHaveLength(2);
    expect(c.calls).toEqual({ reads: 2, writes: 0, retries: 1 });
  });

  it('sends locked rows again and reports the other failures by key', async () => {
    const s = await serve([
      json(200, [
        { success: false, errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked' }] },
        {
          success: false,
          errors: [
            { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'no', fields: ['Name'] }
          ]
        },
        { success: true, created: true, errors: [] }
      ]),
      json(200, [{ success: true, created: false, errors: [] }])
    ]);
    server = s.server;
    const c = client(s.url);
    const result = await c.upsert(
      'SPM_KPI__c',
      'Key__c',
      ['a', 'b', 'c'].map((key) => ({ key, fields: { Key__c: key } }))
    );
    expect(result).toEqual({
      created: ['c'],
      updated: ['a'],
      failed: [{ key: 'b', message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: no (Name)' }]
    });
    expect(JSON.parse(s.seen[1].body).records).toEqual([
      { attributes: { type: 'SPM_KPI__c' }, Key__c: 'a' }
    ]);
    expect(c.calls.retries).toBe(1);
  });

  it('stops before the call that would pass the allowed share of the daily API calls', async () => {
    const page = { totalSize: 0, done: true, records: [] };
    const s = await serve([json(200, page, '499/1000'), json(200, page, '500/1000')]);
    server = s.server;
    const c = client(s.url, 0.5);
    await c.query('SELECT Id FROM User');
    await c.query('SELECT Id FROM User');
    expect(c.apiUsage).toEqual({ used: 500, limit: 1000 });
    await expect(c.query('SELECT Id FROM User')).rejects.toThrow(ApiBudgetError);
    expect(s.seen).toHaveLength(2);
  });

  it('chunks 450 records into 3 calls of at most 200', async () => {
    const s = await serve([
      (_req, body, res) => {
        const records = JSON.parse(body).records as unknown[];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(records.map(() => ({ success: true, created: false, errors: [] }))));
      }
    ]);
    server = s.server;
    const records = Array.from({ length: 450 }, (_, i) => ({
      key: `k${i}`,
      fields: { Key__c: `k${i}` }
    }));
    const result = await client(s.url).upsert('SPM_KPI__c', 'Key__c', records);
    expect(result.updated).toHaveLength(450);
    expect(s.seen.map((r) => JSON.parse(r.body).records.length)).toEqual([200, 200, 50]);
  });

  it('upserts above 5,000 records through Bulk API 2.0 and reads the per-record results', async () => {
    const csv = (res: ServerResponse, text: string) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(text);
    };
    let uploaded = '';
    const s = await serve([
      json(200, { id: '750000000000001AAA', state: 'Open' }),
      (_req, body, res) => {
        uploaded = body;
        res.writeHead(201);
        res.end();
      },
      json(200, { id: '750000000000001AAA', state: 'UploadComplete' }),
      json(200, { id: '750000000000001AAA', state: 'JobComplete', numberRecordsProcessed: 5001 }),
      (_req, _body, res) =>
        csv(
          res,
          'sf__Id,sf__Created,Key__c\n' +
            Array.from({ length: 5000 }, (_, i) => `a01${i},true,k${i}`).join('\n') +
            '\n'
        ),
      (_req, _body, res) =>
        // Unquoted, with a multi-select value: jsforce's reader (which also splits on ';') gives up.
        csv(
          res,
          'sf__Id,sf__Error,Key__c,Levels__c\n,FIELD_CUSTOM_VALIDATION_EXCEPTION:rejected:--,k5000,Rep;Manager\n'
        )
    ]);
    server = s.server;
    const records = Array.from({ length: 5001 }, (_, i) => ({
      key: `k${i}`,
      fields: { Key__c: `k${i}`, Cadence__r: { Key__c: 'c1' }, Name: i === 0 ? 'a, "b"' : null }
    }));
    const result = await client(s.url).upsert('SPM_Agenda_Item__c', 'Key__c', records);
    expect(s.seen.map((r) => `${r.method} ${r.url.replace('/services/data/v62.0', '')}`)).toEqual([
      'POST /jobs/ingest',
      'PUT /jobs/ingest/750000000000001AAA/batches',
      'PATCH /jobs/ingest/750000000000001AAA',
      'GET /jobs/ingest/750000000000001AAA',
      'GET /jobs/ingest/750000000000001AAA/successfulResults',
      'GET /jobs/ingest/750000000000001AAA/failedResults'
    ]);
    expect(JSON.parse(s.seen[0].body)).toMatchObject({
      object: 'SPM_Agenda_Item__c',
      externalIdFieldName: 'Key__c',
      operation: 'upsert'
    });
    expect(uploaded.split('\n').slice(0, 3)).toEqual([
      'Key__c,Cadence__r.Key__c,Name',
      'k0,c1,"a, ""b"""',
      'k1,c1,#N/A'
    ]);
    expect(result.created).toHaveLength(5000);
    expect(result.failed).toEqual([
      { key: 'k5000', message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION:rejected:--' }
    ]);
  });

  it('falls back to collections when the org has no Bulk API 2.0', async () => {
    const s = await serve([
      json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]),
      (_req, body, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            (JSON.parse(body).records as unknown[]).map(() => ({
              success: true,
              created: true,
              errors: []
            }))
          )
        );
      }
    ]);
    server = s.server;
    const records = Array.from({ length: 5001 }, (_, i) => ({
      key: `k${i}`,
      fields: { Key__c: `k${i}` }
    }));
    const result = await client(s.url).upsert('SPM_KPI__c', 'Key__c', records);
    expect(result.created).toHaveLength(5001);
    expect(s.seen).toHaveLength(1 + Math.ceil(5001 / 200));
  });
});

describe('OrgClient against the local org', () => {
  let org: LocalOrg;
  beforeAll(async () => {
    org = await startLocalOrg({
      data: generateSampleData({ seed: 3, reps: 2, opportunities: 40 })
    });
  });
  afterAll(() => org.close());

  /** A client of the local org that collects its retry warnings. */
  function localClient(): { c: OrgClient; warnings: string[] } {
    const warnings: string[] = [];
    const conn = new Connection({
      instanceUrl: org.url,
      accessToken: org.accessToken,
      version: '62.0'
    });
    const c = new OrgClient(conn, {
      maxApiShare: 0.5,
      sleep: async () => undefined,
      random: () => 0.5,
      onRetry: (message) => warnings.push(message)
    });
    return { c, warnings };
  }

  it('upserts above 5,000 records through Bulk API 2.0, sends locked rows again and reports the rest by key', async () => {
    org.faults.inject({ kind: 'lockRow', path: '/jobs/ingest', method: 'PATCH', records: 3 });
    org.faults.failRecord({ key: 'bulk-17' });
    const { c, warnings } = localClient();
    const records = Array.from({ length: 5001 }, (_, i) => ({
      key: `bulk-${i}`,
      fields: {
        Key__c: `bulk-${i}`,
        Name: i === 0 ? 'Menu, "quoted"' : `KPI ${i}`,
        Menu_Year__c: 2026,
        Category__c: 'Sales',
        Kind__c: 'Leading',
        Unit__c: 'Count',
        Direction__c: 'Higher is better',
        Levels__c: 'Rep;Manager',
        Active__c: true,
        Definition__c: JSON.stringify({ object: 'Opportunity', measure: 'count' })
      }
    }));
    const result = await c.upsert('SPM_KPI__c', 'Key__c', records);
    expect(result.created).toHaveLength(5000);
    expect(result.failed).toEqual([
      { key: 'bulk-17', message: expect.stringMatching(/^FIELD_CUSTOM_VALIDATION_EXCEPTION:/) }
    ]);
    expect(warnings).toEqual([expect.stringMatching(/SPM_KPI__c: 3 locked rows; retry in \d+ ms/)]);
    expect(org.store.lookup('SPM_KPI__c', 'Key__c', 'bulk-0')).toEqual([
      expect.objectContaining({ Name: 'Menu, "quoted"', Levels__c: 'Rep;Manager' })
    ]);
    // Two jobs (the second for the locked rows), none through collections.
    const paths = org.requests.map(
      (r) => `${r.method} ${r.path.replace(/^\/services\/data\/v62\.0/, '')}`
    );
    expect(paths.filter((p) => p === 'POST /jobs/ingest')).toHaveLength(2);
    expect(paths.filter((p) => p.includes('/composite/'))).toEqual([]);
    expect(c.calls.retries).toBe(1);
  });

  it("opens a new job when an upload drops: jsforce takes a job's data once", async () => {
    org.faults.inject({ kind: 'drop', path: '/batches', method: 'PUT' });
    const { c, warnings } = localClient();
    const mark = org.requests.length;
    const records = Array.from({ length: 5001 }, (_, i) => ({
      key: `drop-${i}`,
      fields: { Key__c: `drop-${i}`, Name: `KPI ${i}`, Menu_Year__c: 2026 }
    }));
    const result = await c.upsert('SPM_KPI__c', 'Key__c', records);
    expect(result.created).toHaveLength(5001);
    expect(result.failed).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^Bulk API 2.0 SPM_KPI__c job: connection/)]);
    const paths = org.requests
      .slice(mark)
      .map((r) => `${r.method} ${r.path.replace(/^\/services\/data\/v62\.0/, '')}`);
    expect(paths.filter((p) => p === 'POST /jobs/ingest')).toHaveLength(2);
    expect(new Set(org.store.lookup('SPM_KPI__c', 'Key__c', 'drop-0').map((r) => r.Id)).size).toBe(
      1
    );
  });
});
