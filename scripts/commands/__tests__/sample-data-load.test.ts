import '../../test-support/realm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../../localorg/server';
import { generateSampleData } from '../../../sample-data/generate';
import { captureIo } from '../../../cli/io';
import { PROJECT_DIR } from '../../test-support/local-org';
import { run as load } from '../sample-data-load';

describe('sample-data --load into the local org', () => {
  let org: LocalOrg;
  const data = generateSampleData({ seed: 7, reps: 3, opportunities: 200 });
  const user = data.records.User[3];
  data.records.SPM_KPI__c = [
    {
      Id: 'a01000000000001AAA',
      Key__c: 'calls',
      Name: 'Calls',
      Menu_Year__c: 2026,
      Category__c: 'Activity',
      Kind__c: 'Leading',
      Unit__c: 'Count',
      Direction__c: 'Higher is better',
      Definition__c: '{}',
      Active__c: true
    }
  ];
  data.records.SPM_Target__c = [
    {
      Id: 'a02000000000001AAA',
      Key__c: `${user.Id}-calls-FY2027`,
      Name: 'Calls FY2027',
      KPI__c: 'a01000000000001AAA',
      Assignee__c: user.Id,
      Period_Type__c: 'Year',
      Period_Start__c: '2027-01-01',
      Period_End__c: '2027-12-31',
      Value__c: 400,
      Source__c: 'Manual'
    }
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'pacer-load-')), 'data.json');
  writeFileSync(file, JSON.stringify(data));

  beforeEach(async () => {
    // An org that holds only its admin user.
    const admin = generateSampleData({ reps: 1, opportunities: 0 }).records.User[0];
    org = await startLocalOrg({
      port: 0,
      data: { meta: data.meta, records: { User: [admin] } },
      projectDir: PROJECT_DIR
    });
  });
  afterEach(() => org.close());

  const runLoad = async (args: string[]) => {
    const io = captureIo({
      env: { PACER_LOCAL_ORG_URL: org.url, PACER_LOCAL_ORG_TOKEN: org.accessToken },
      cwd: PROJECT_DIR
    });
    return {
      code: await load(['--load', '--target-org', 'local', '--data', file, ...args], io),
      io
    };
  };

  it('loads parents before children, remapping references, and upserts custom objects by Key__c', async () => {
    const { code, io } = await runLoad([]);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const counts = org.store.counts();
    expect(counts.Account).toBe(data.records.Account.length);
    expect(counts.Opportunity).toBe(data.records.Opportunity.length);
    expect(counts.Task).toBe(data.records.Task.length);
    // Every opportunity points at a loaded account and owner, with the same names as in the file.
    const accountName = new Map(data.records.Account.map((a) => [a.Id, a.Name]));
    const fileOpp = new Map(data.records.Opportunity.map((o) => [o.Name, o]));
    for (const opp of org.store.table('Opportunity').records.slice(0, 50)) {
      const account = org.store.getById(String(opp.AccountId));
      expect(account?.Name).toBe(accountName.get(String(fileOpp.get(String(opp.Name))?.AccountId)));
      expect(org.store.getById(String(opp.OwnerId))?.Username).toBeDefined();
    }
    // The manager hierarchy survives the new ids.
    const loadedRep = org.store.table('User').records.find((u) => u.Username === user.Username);
    const fileManager = data.records.User.find((u) => u.Id === user.ManagerId);
    expect(org.store.getById(String(loadedRep?.ManagerId))?.Username).toBe(fileManager?.Username);
    // The target references its KPI by Key__c and its assignee by the new id.
    const target = org.store.table('SPM_Target__c').records[0];
    expect(org.store.getById(String(target.KPI__c))?.Key__c).toBe('calls');
    expect(target.Assignee__c).toBe(loadedRep?.Id);
    expect(io.out).toMatch(/OpportunityHistory: not writable through the API/);

    // Custom objects are matched by Key__c the second time: updated, not duplicated.
    const again = await runLoad(['--json']);
    expect(again.code).toBe(0);
    const outcomes = JSON.parse(again.io.out).outcomes as Array<{
      type: string;
      created: number;
      updated: number;
    }>;
    expect(outcomes.find((o) => o.type === 'SPM_Target__c')).toMatchObject({
      created: 0,
      updated: 1
    });
    expect(outcomes.find((o) => o.type === 'User')).toMatchObject({ created: 0 });
    expect(org.store.table('SPM_Target__c').records).toHaveLength(1);
  });

  it('writes nothing on a dry run', async () => {
    const before = JSON.stringify(org.store.counts());
    const { code, io } = await runLoad(['--dry-run']);
    expect(code).toBe(0);
    expect(io.out).toMatch(/Would load into local org/);
    expect(JSON.stringify(org.store.counts())).toBe(before);
    expect(org.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
