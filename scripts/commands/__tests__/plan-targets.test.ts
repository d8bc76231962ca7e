import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as planTargets } from '../plan-targets';
import { run as seed } from '../seed';
import { startTestOrg, type TestOrg } from '../../test-support/local-org';

function csvFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'pacer-targets-')), 'targets.csv');
  writeFileSync(file, text);
  return file;
}

describe('plan-targets against the local org', () => {
  let t: TestOrg;
  let reps: Array<Record<string, unknown>>;
  beforeAll(async () => {
    t = await startTestOrg();
    expect((await t.run(seed, [])).code).toBe(0);
    reps = t.org.store.table('User').records.filter((u) => u.Title === 'Account Executive');
  });
  afterAll(() => t.close());

  const targets = () => t.org.store.table('SPM_Target__c').records;
  const goodCsv = () =>
    csvFile(
      `user,year,kpi,value\n${reps[0].Username},2027,sales_won,1200000\n${reps[1].Id},2027,sales_won,900000\n${reps[1].Id},2027,calls,400\n`
    );

  it('prints the plan with its arithmetic on a dry run and writes nothing', async () => {
    const before = t.serialize();
    const mark = t.org.requests.length;
    const { code, io } = await t.run(planTargets, [
      '--file',
      goodCsv(),
      '--as-of',
      '2026-11-23',
      '--dry-run'
    ]);
    expect(code).toBe(0);
    expect(io.out).toMatch(/Deals to win: 100,000 ÷ [\d,.]+ = [\d.]+ deals\./);
    expect(io.out).toMatch(/SPM_Target__c: 99 to create, 0 to update, 0 unchanged/);
    expect(t.writeCalls(mark)).toEqual([]);
    expect(t.serialize()).toBe(before);
  });

  it('prints quarterly arithmetic and quarters with --period quarter, and a line for every target of the file', async () => {
    const { code, io } = await t.run(planTargets, [
      '--file',
      goodCsv(),
      '--as-of',
      '2026-11-23',
      '--period',
      'quarter',
      '--dry-run'
    ]);
    expect(code).toBe(0);
    expect(io.out).toContain(
      'Per quarter (Q1 FY2027: Jan 2027 – Mar 2027): 1,200,000 × 3 ÷ 12 = 300,000 to win.'
    );
    expect(io.out).toMatch(/Deals to win: 300,000 ÷ [\d,.]+ = [\d.]+ deals\./);
    expect(io.out).not.toContain('Per month');
    expect(io.out).toMatch(/^ {2}quarter +sales_won +deals_won +new_opportunities +new_pipeline$/m);
    expect(io.out).toMatch(/^ {2}Q1 FY2027 +300,000 +[\d.]+ +[\d.]+ +[\d,]+$/m);
    expect(io.out).toMatch(/^ {2}Q4 FY2027 /m);
    // The calls target is not decomposed, and still has its line.
    expect(io.out).toContain(`${reps[1].Username} — calls FY2027: 400\n`);
    expect(io.out).toContain('A yearly target (Source Manual), as given');
  });

  it('writes the yearly targets and the decomposed monthly ones linked to them, then nothing on a second run', async () => {
    const mark = t.org.requests.length;
    const { code, io } = await t.run(planTargets, ['--file', goodCsv(), '--as-of', '2026-11-23']);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    // 3 yearly + 2 reps × 12 months × 4 KPIs; yearly first, then the derived ones: 2 calls.
    expect(targets()).toHaveLength(99);
    expect(t.writeCalls(mark)).toHaveLength(2);
    const yearly = targets().find((r) => r.Key__c === `${reps[0].Id}-sales_won-FY2027`);
    expect(yearly).toMatchObject({
      Source__c: 'Manual',
      Period_Type__c: 'Year',
      Period_Start__c: '2027-01-01',
      Period_End__c: '2027-12-31',
      Value__c: 1200000
    });
    const derived = targets().filter((r) => r.Derived_From__c === yearly?.Id);
    expect(derived).toHaveLength(48);
    expect(
      derived.every(
        (r) =>
          r.Source__c === 'Decomposed' &&
          r.Period_Type__c === 'Month' &&
          String(r.Arithmetic__c).includes('Yearly target')
      )
    ).toBe(true);
    const salesMonths = derived.filter((r) => String(r.Key__c).includes('-sales_won-'));
    expect(salesMonths.reduce((sum, r) => sum + Number(r.Value__c), 0)).toBeCloseTo(1200000, 2);

    const again = t.org.requests.length;
    expect((await t.run(planTargets, ['--file', goodCsv(), '--as-of', '2026-11-23'])).code).toBe(0);
    expect(t.writeCalls(again)).toEqual([]);
  });

  describe('stops before any write on bad input, naming file, line and column', () => {
    it.each([
      [
        'an unknown KPI key',
        () => `user,year,kpi,value\n${reps[0].Username},2027,sales_wonn,1\n`,
        /targets\.csv:2:\d+: unknown KPI key "sales_wonn"/
      ],
      [
        'an unknown user',
        () => `user,year,kpi,value\nnobody@acme.test,2027,sales_won,1\n`,
        /targets\.csv:2:1: unknown user "nobody@acme\.test"/
      ],
      [
        'a wrong type',
        () => `user,year,kpi,value\n${reps[0].Username},2027,sales_won,1.2m\n`,
        /targets\.csv:2:\d+: value must be a number/
      ],
      [
        'a duplicate row (one user by Id and by Username)',
        () => `user,year,kpi,value\n${reps[0].Username},2027,calls,1\n${reps[0].Id},2027,calls,2\n`,
        /targets\.csv:3:1: duplicate target: same user .* as line 2/
      ]
    ])('%s', async (_name, text, message) => {
      const before = t.serialize();
      const mark = t.org.requests.length;
      const { code, io } = await t.run(planTargets, [
        '--file',
        csvFile(text()),
        '--as-of',
        '2026-11-23'
      ]);
      expect(code).toBe(2);
      expect(io.err).toMatch(/Invalid input, nothing was written/);
      expect(io.err).toMatch(message);
      expect(t.writeCalls(mark)).toEqual([]);
      expect(t.serialize()).toBe(before);
    });
  });
});
