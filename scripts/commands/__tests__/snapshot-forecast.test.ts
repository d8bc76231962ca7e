import { run as snapshotForecast } from '../snapshot-forecast';
import { startTestOrg, type TestOrg } from '../../test-support/local-org';

type Row = Record<string, string | number | boolean | null>;
const AMOUNTS = ['Commit_Amount__c', 'Weighted_Amount__c', 'Pipeline_Amount__c'] as const;

describe('snapshot-forecast against the local org', () => {
  let t: TestOrg;
  afterEach(() => t.close());

  const snapshots = () => t.org.store.table('SPM_Forecast_Snapshot__c').records;
  const amountsOf = (rows: Row[]) =>
    Object.fromEntries(
      rows.map((r) => [r.Key__c, Object.fromEntries(AMOUNTS.map((f) => [f, r[f]]))])
    );

  /** A month passes: deals move, one is won, one slips to December, one is created — each with its history row. */
  function simulateNovember(): { wonByOwner: Map<string, number> } {
    const store = t.org.store;
    const opps = store
      .table('Opportunity')
      .records.filter((o) => !o.IsClosed && String(o.CloseDate).startsWith('2026-11'));
    expect(opps.length).toBeGreaterThan(5);
    const change = (opp: Row, values: Row, when: string) => {
      store.assign('Opportunity', opp, values);
      store.insert('OpportunityHistory', {
        Id: store.newId('OpportunityHistory'),
        OpportunityId: opp.Id,
        StageName: opp.StageName,
        Amount: opp.Amount,
        Probability: opp.Probability,
        CloseDate: opp.CloseDate,
        ForecastCategory:
          values.ForecastCategoryName === 'Commit'
            ? 'Forecast'
            : values.ForecastCategoryName === 'Omitted'
              ? 'Omitted'
              : String(opp.ForecastCategoryName).replace(' ', ''),
        CreatedDate: when,
        CreatedById: opp.OwnerId
      });
    };
    const wonByOwner = new Map<string, number>();
    change(
      opps[0],
      {
        StageName: 'Closed Won',
        Probability: 100,
        ForecastCategoryName: 'Closed',
        IsClosed: true,
        IsWon: true,
        CloseDate: '2026-11-12',
        Amount: 50000
      },
      '2026-11-12T10:00:00.000Z'
    );
    wonByOwner.set(String(opps[0].OwnerId), 50000);
    change(
      opps[1],
      { StageName: 'Negotiation/Review', Probability: 90, ForecastCategoryName: 'Commit' },
      '2026-11-05T09:00:00.000Z'
    );
    change(opps[2], { CloseDate: '2026-12-15' }, '2026-11-20T15:30:00.000Z');
    change(
      opps[3],
      {
        StageName: 'Closed Lost',
        Probability: 0,
        ForecastCategoryName: 'Omitted',
        IsClosed: true,
        IsWon: false
      },
      '2026-11-08T08:00:00.000Z'
    );
    return { wonByOwner };
  }

  it('rebuilds from history alone, with --backfill, the snapshots taken live at the start of a simulated month', async () => {
    // The data set as it stood at the start of 1 November.
    t = await startTestOrg({ asOf: '2026-11-01', reps: 4, opportunities: 600 });
    const live = await t.run(snapshotForecast, ['--as-of', '2026-11-01'], {
      now: new Date('2026-11-01T06:00:00Z')
    });
    expect(live.io.err).toBe('');
    expect(live.code).toBe(0);
    const taken = snapshots()
      .filter((s) => s.Month_Start__c === '2026-11-01')
      .map((s) => ({ ...s }));
    expect(taken.length).toBe(4);
    expect(taken.every((s) => s.Source__c === 'Live' && Number(s.Pipeline_Amount__c) > 0)).toBe(
      true
    );

    const { wonByOwner } = simulateNovember();

    // On 2 December, rebuild November (and December) from OpportunityHistory, replacing the live ones.
    const backfill = await t.run(
      snapshotForecast,
      ['--backfill', '2', '--as-of', '2026-12-02', '--replace'],
      { now: new Date('2026-12-02T06:00:00Z') }
    );
    expect(backfill.code).toBe(0);
    const rebuilt = snapshots().filter((s) => s.Month_Start__c === '2026-11-01');
    expect(rebuilt.every((s) => s.Source__c === 'Backfill')).toBe(true);
    expect(amountsOf(rebuilt)).toEqual(amountsOf(taken));
    // November has closed: each snapshot has its won amount (the deal won on 12 November among it).
    for (const s of rebuilt) {
      const owner = String(s.User__c);
      const won = t.org.store
        .table('Opportunity')
        .records.filter(
          (o) => o.OwnerId === owner && o.IsWon && String(o.CloseDate).startsWith('2026-11')
        )
        .reduce((sum, o) => sum + Number(o.Amount ?? 0), 0);
      expect(s.Won_Amount__c).toBeCloseTo(won, 2);
      if (wonByOwner.has(owner)) expect(Number(s.Won_Amount__c)).toBeGreaterThanOrEqual(50000);
    }
  });

  it('keeps a live snapshot, sets its won amount when the month closes, and writes nothing the second time', async () => {
    t = await startTestOrg({ asOf: '2026-11-01', reps: 4, opportunities: 600 });
    await t.run(snapshotForecast, ['--as-of', '2026-11-01'], {
      now: new Date('2026-11-01T06:00:00Z')
    });
    simulateNovember();
    const december = await t.run(snapshotForecast, ['--as-of', '2026-12-01'], {
      now: new Date('2026-12-01T06:00:00Z')
    });
    expect(december.code).toBe(0);
    expect(december.io.out).toMatch(/Won amount set on 4 snapshot\(s\) of closed months/);
    const november = snapshots().filter((s) => s.Month_Start__c === '2026-11-01');
    expect(
      november.every((s) => s.Source__c === 'Live' && typeof s.Won_Amount__c === 'number')
    ).toBe(true);
    expect(snapshots().filter((s) => s.Month_Start__c === '2026-12-01').length).toBeGreaterThan(0);

    const backfill = await t.run(
      snapshotForecast,
      ['--backfill', '2', '--as-of', '2026-12-02', '--json'],
      { now: new Date('2026-12-02T06:00:00Z') }
    );
    const plan = JSON.parse(backfill.io.out);
    expect(
      plan.snapshots
        .filter((s: { month: string; action: string }) => s.month === '2026-11')
        .every((s: { action: string }) => s.action === 'keep live')
    ).toBe(true);

    const mark = t.org.requests.length;
    expect(
      (
        await t.run(snapshotForecast, ['--as-of', '2026-12-01'], {
          now: new Date('2026-12-01T07:00:00Z')
        })
      ).code
    ).toBe(0);
    expect(t.writeCalls(mark)).toEqual([]);
  });

  it('prints its call budget before a 12-month backfill and stays within it (counted on the server)', async () => {
    t = await startTestOrg({ reps: 20, opportunities: 20_000, activitiesPerRepPerWeek: 1 });
    const mark = t.org.requests.length;
    const { code, io } = await t.run(
      snapshotForecast,
      ['--backfill', '12', '--as-of', '2026-11-23'],
      { now: new Date('2026-11-23T06:00:00Z') }
    );
    expect(code).toBe(0);
    const budget = Number(/Call budget: at most (\d+) calls/.exec(io.out)?.[1]);
    expect(io.out.indexOf('Call budget')).toBeLessThan(io.out.indexOf('month '));
    expect(budget).toBeGreaterThan(10);
    // The one Organization query before the budget is part of it ("so far"); the local org's
    // userinfo (read once for its day) is OAuth, not a REST API call, as in Salesforce.
    const apiCalls = t.org.requests.slice(mark).filter((r) => r.path.startsWith('/services/data/'));
    expect(apiCalls.length).toBeLessThanOrEqual(budget);
    expect(snapshots().filter((s) => s.Source__c === 'Backfill').length).toBeGreaterThan(
      12 * 20 - 20
    );
  }, 60_000);

  it('stops before starting when the budget would pass the allowed share of the daily API calls', async () => {
    t = await startTestOrg();
    t.org.limits.used = 49_996;
    const before = t.serialize();
    const { code, io } = await t.run(snapshotForecast, [
      '--backfill',
      '12',
      '--as-of',
      '2026-11-23'
    ]);
    expect(code).toBe(3);
    expect(io.err).toMatch(/Stopped: .*(--max-api-share|exceed 50%)/);
    expect(t.serialize()).toBe(before);
  });
});
