import { prepareSteps, sampleTargetsCsv, SALES_KPI_KEY } from './prepareOrg';
import type { SampleDataSet } from '../sample-data/types';

const DATA: SampleDataSet = {
  meta: {
    seed: 1,
    generatedAt: '2026-11-23',
    asOf: '2026-11-23',
    orgTimeZone: 'Europe/Paris',
    currency: 'EUR',
    fiscalYearStartMonth: 1
  },
  records: {
    User: [
      { Id: '005M', Name: 'Mo Manager', ManagerId: null, IsActive: true },
      { Id: '005A', Name: 'Ann Rep', ManagerId: '005M', IsActive: true },
      { Id: '005B', Name: 'Bob Rep', ManagerId: '005M', IsActive: true },
      { Id: '005C', Name: 'Cy New', ManagerId: '005M', IsActive: true }
    ],
    Opportunity: [
      { Id: '0061', OwnerId: '005A', IsWon: true, Amount: 100_000, CloseDate: '2026-03-01' },
      { Id: '0062', OwnerId: '005A', IsWon: true, Amount: 20_400, CloseDate: '2026-11-23' },
      { Id: '0063', OwnerId: '005A', IsWon: true, Amount: 999_999, CloseDate: '2025-11-01' },
      { Id: '0064', OwnerId: '005B', IsWon: false, Amount: 50_000, CloseDate: '2026-06-01' },
      { Id: '0065', OwnerId: '005B', IsWon: true, Amount: 50_000, CloseDate: '2026-06-01' },
      { Id: '0066', OwnerId: '005M', IsWon: true, Amount: 70_000, CloseDate: '2026-06-01' }
    ]
  }
};

describe('sampleTargetsCsv', () => {
  it("gives each rep with wins a yearly sales target: the last twelve months' wins plus growth", () => {
    expect(sampleTargetsCsv(DATA).trim().split('\n')).toEqual([
      'user,year,kpi,value',
      `005A,2026,${SALES_KPI_KEY},132000`,
      `005B,2026,${SALES_KPI_KEY},55000`
    ]);
  });
});

describe('prepareSteps', () => {
  it('seeds first, then backfills forecasts and plans targets for the data set day, all against the local org', () => {
    const steps = prepareSteps('2026-11-23', 'targets.csv');
    expect(steps.map((step) => step.argv)).toEqual([
      ['--target-org', 'local'],
      ['--target-org', 'local', '--backfill', '12', '--as-of', '2026-11-23'],
      ['--target-org', 'local', '--file', 'targets.csv', '--as-of', '2026-11-23']
    ]);
  });
});
