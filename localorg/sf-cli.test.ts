/**
 * The Salesforce CLI itself logs in to the local org with an access token and queries it, in a
 * throw-away HOME so nothing touches the developer's own sf auth files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generateSampleData } from '../sample-data/generate';
import { startLocalOrg, type LocalOrg } from './server';

const run = promisify(execFile);
const SF = resolve('node_modules/.bin/sf');
let org: LocalOrg;
let home: string;

beforeAll(async () => {
  org = await startLocalOrg({ data: generateSampleData({ reps: 2, opportunities: 40 }) });
  home = mkdtempSync(join(tmpdir(), 'pacer-sf-home-'));
  mkdirSync(join(home, '.sfdx'));
  writeFileSync(join(home, '.sfdx', 'alias.json'), '{"orgs":{}}');
});
afterAll(async () => {
  await org.close();
  rmSync(home, { recursive: true, force: true });
});

async function sf(args: string[]): Promise<{ status: number; result: Record<string, unknown> }> {
  const env = {
    ...process.env,
    HOME: home,
    // The CLI must run on the project's Node 22 (node_modules/.bin), whatever node started jest.
    PATH: `${resolve('node_modules/.bin')}:${process.env.PATH ?? ''}`,
    SF_ACCESS_TOKEN: org.accessToken,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    // The two costs of each sf start that this test does not need, about a third of its CPU:
    // the log file (written through a worker thread) and the search for the system keychain.
    SF_DISABLE_LOG_FILE: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
  };
  const { stdout } = await run(SF, [...args, '--json'], { env, cwd: home, timeout: 90_000 });
  return JSON.parse(stdout) as { status: number; result: Record<string, unknown> };
}

it('logs in with sf org login access-token and runs sf data query', async () => {
  const login = await sf([
    'org',
    'login',
    'access-token',
    '--instance-url',
    org.url,
    '--alias',
    'pacer-local',
    '--no-prompt'
  ]);
  expect(login.status).toBe(0);
  expect(login.result).toMatchObject({
    orgId: '00D000000000001EAA',
    isDevHub: false,
    instanceName: 'LOCAL'
  });
  const query = await sf([
    'data',
    'query',
    '--query',
    'SELECT Name, Owner.Name FROM Opportunity ORDER BY Name LIMIT 3',
    '--target-org',
    'pacer-local'
  ]);
  expect(query.status).toBe(0);
  expect(query.result.totalSize).toBe(3);
  // sf stores the instance URL with a trailing slash, so these requests arrived as //services/….
  expect(
    org.requests.some((r) => r.path === '/services/data/v66.0/query' && r.status === 200)
  ).toBe(true);
}, 120_000);
