import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateSampleData } from '../../../sample-data/generate';
import type { SampleDataSet } from '../../../sample-data/types';
import { sampleStats } from '../sample-stats';

const STAGE_POLICY = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'config', 'stage-policy.json'), 'utf8')
).stages;

const REP = '005000000000000011';

/** One rep: a deal won in October that was committed at 80 on 1 October, and an open deal overdue. */
const HAND_MADE = {
  meta: { asOf: '2026-11-23', orgTimeZone: 'UTC' },
  records: {
    Opportunity: [
      {
        Id: '006000000000000001',
        OwnerId: REP,
        StageName: 'Closed Won',
        Amount: 100,
        CloseDate: '2026-10-20',
        IsClosed: true,
        IsWon: true
      },
      {
        Id: '006000000000000002',
        OwnerId: REP,
        StageName: 'Proposal/Price Quote',
        Amount: 50,
        CloseDate: '2026-11-10',
        IsClosed: false,
        IsWon: false,
        CreatedDate: '2026-11-01T09:00:00.000Z',
        LastModifiedDate: '2026-11-20T09:00:00.000Z',
        LastStageChangeDate: '2026-11-15T09:00:00.000Z'
      }
    ],
    OpportunityHistory: [
      {
        OpportunityId: '006000000000000001',
        CreatedDate: '2026-09-20T09:00:00.000Z',
        StageName: 'Negotiation/Review',
        Amount: 80,
        Probability: 90,
        CloseDate: '2026-10-15',
        ForecastCategory: 'Forecast'
      },
      {
        OpportunityId: '006000000000000001',
        CreatedDate: '2026-10-20T09:00:00.000Z',
        StageName: 'Closed Won',
        Amount: 100,
        Probability: 100,
        CloseDate: '2026-10-20',
        ForecastCategory: 'Closed'
      }
    ]
  }
} as unknown as SampleDataSet;

describe('the sample data statistics', () => {
  it('measures forecast accuracy from the start-of-month commit, and flags on asOf, as the review does', () => {
    const stats = sampleStats(HAND_MADE, STAGE_POLICY);
    // October: 100 won against 80 committed on 1 October, +25%.
    expect(stats.forecast).toEqual({
      repMonths: 1,
      medianAbsDeviationPct: 25,
      shareWithin10Pct: 0,
      shareWithin40Pct: 1
    });
    expect(stats.flags).toMatchObject({
      openDeals: 1,
      anyShare: 1,
      dirtyReps: 1,
      reps: 1,
      mostPastCloseDateOfARep: 1
    });
    expect(stats.flags.byFlag.pastCloseDate).toBe(1);
    expect(stats.flags.byFlag.notUpdated).toBe(0);
  });

  it('gives shares between 0 and 1 on the default data set, the same for the same seed', () => {
    const stats = sampleStats(generateSampleData(), STAGE_POLICY);
    const shares = [
      stats.forecast.shareWithin10Pct,
      stats.forecast.shareWithin40Pct,
      stats.flags.anyShare,
      ...Object.values(stats.flags.byFlag)
    ];
    expect(shares.every((s) => s !== null && s >= 0 && s <= 1)).toBe(true);
    expect(stats.forecast.repMonths).toBeGreaterThan(0);
    expect(sampleStats(generateSampleData(), STAGE_POLICY)).toEqual(stats);
  });
});
