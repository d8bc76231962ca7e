import {
  isOpen,
  isPastCloseDate,
  isNotUpdated,
  isEarlyStageClosingSoon,
  isStalled,
  daysInStage,
  isMovedSince,
  isNotMovedSince,
  isOffersPastCheck,
  isSnoozed,
  flagsOf,
  dataTrust,
  funnel,
  stagesReached,
  conversionRates,
  ratio,
  winRate,
  averageDealValue,
  salesCycle,
  pipelineCoverage,
  pacing,
  forecastDeviation,
  activity,
  weightedAmount
} from 'c/metrics';

const {
  opp,
  event,
  task,
  history,
  at,
  stagePolicy,
  TZ
} = require('../../reviewPlan/__tests__/support/engineFixtures');

// asOf Monday 23 November 2026, Paris (UTC+1 in winter, UTC+2 until 25 October).
const ctx = { asOf: '2026-11-23', orgTimeZone: TZ, stagePolicy, lastReviewDate: '2026-11-09' };

describe('open', () => {
  it('is IsClosed = false', () => {
    expect(isOpen(opp({ IsClosed: false }))).toBe(true);
    expect(isOpen(opp({ IsClosed: true, IsWon: true }))).toBe(false);
  });
});

describe('past close date (open, CloseDate < asOf)', () => {
  it('flags an open deal whose close date was yesterday', () => {
    expect(isPastCloseDate(opp({ CloseDate: '2026-11-22' }), ctx)).toBe(true);
  });
  it('does not flag a deal closing today', () => {
    expect(isPastCloseDate(opp({ CloseDate: '2026-11-23' }), ctx)).toBe(false);
  });
  it('excludes closed deals', () => {
    expect(
      isPastCloseDate(opp({ CloseDate: '2026-01-05', IsClosed: true, IsWon: false }), ctx)
    ).toBe(false);
  });
});

describe('not updated for N days (LastModifiedDate before the start of day asOf − N)', () => {
  // asOf − 60 = Thursday 24 September 2026; Paris is UTC+2 then.
  it('does not flag a deal modified exactly 60 days ago, at local midnight', () => {
    expect(isNotUpdated(opp({ LastModifiedDate: at('2026-09-24', 0) }), ctx)).toBe(false);
    expect(at('2026-09-24', 0)).toBe('2026-09-23T22:00:00.000Z');
  });
  it('flags a deal modified one minute earlier (61 days ago, 23:59 local)', () => {
    expect(isNotUpdated(opp({ LastModifiedDate: '2026-09-23T21:59:00.000Z' }), ctx)).toBe(true);
  });
  it('uses the org time zone, not the UTC day', () => {
    // 22:30 UTC on the 23rd is 00:30 on the 24th in Paris: exactly 60 days, not flagged.
    expect(isNotUpdated(opp({ LastModifiedDate: '2026-09-23T22:30:00.000Z' }), ctx)).toBe(false);
  });
  it('honours another number of days', () => {
    const deal = opp({ LastModifiedDate: at('2026-10-20', 600) });
    expect(isNotUpdated(deal, { ...ctx, staleDays: 30 })).toBe(true);
    expect(isNotUpdated(deal, ctx)).toBe(false);
  });
  it('excludes closed deals', () => {
    expect(isNotUpdated(opp({ LastModifiedDate: at('2025-01-01', 0), IsClosed: true }), ctx)).toBe(
      false
    );
  });
});

describe('early stage closing soon (asOf ≤ CloseDate ≤ asOf + 30, early stage)', () => {
  it('flags an early-stage deal closing today', () => {
    expect(
      isEarlyStageClosingSoon(opp({ StageName: 'Prospecting', CloseDate: '2026-11-23' }), ctx)
    ).toBe(true);
  });
  it('flags one closing in exactly 30 days and not in 31', () => {
    expect(
      isEarlyStageClosingSoon(opp({ StageName: 'Qualification', CloseDate: '2026-12-23' }), ctx)
    ).toBe(true);
    expect(
      isEarlyStageClosingSoon(opp({ StageName: 'Qualification', CloseDate: '2026-12-24' }), ctx)
    ).toBe(false);
  });
  it('does not flag a deal already past its close date (that is another flag)', () => {
    expect(
      isEarlyStageClosingSoon(opp({ StageName: 'Prospecting', CloseDate: '2026-11-22' }), ctx)
    ).toBe(false);
  });
  it('does not flag a later stage, whatever its probability', () => {
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Needs Analysis', Probability: 5, CloseDate: '2026-11-30' }),
        ctx
      )
    ).toBe(false);
  });
  it('without a stage policy, uses Probability ≤ 20 (exactly 20 is early)', () => {
    const noPolicy = { ...ctx, stagePolicy: [] };
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Needs Analysis', Probability: 20, CloseDate: '2026-11-30' }),
        noPolicy
      )
    ).toBe(true);
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Prospecting', Probability: 21, CloseDate: '2026-11-30' }),
        noPolicy
      )
    ).toBe(false);
  });
  it('uses the probability for a stage the policy does not list', () => {
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Discovery', Probability: 20, CloseDate: '2026-11-30' }),
        ctx
      )
    ).toBe(true);
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Discovery', Probability: 25, CloseDate: '2026-11-30' }),
        ctx
      )
    ).toBe(false);
  });
  it('excludes closed deals', () => {
    expect(
      isEarlyStageClosingSoon(
        opp({ StageName: 'Prospecting', CloseDate: '2026-11-30', IsClosed: true }),
        ctx
      )
    ).toBe(false);
  });
});

describe('stalled in stage (days since the stage began > the stage maximum)', () => {
  // Prospecting allows 30 days: asOf − 30 = 24 October 2026.
  it('does not flag exactly 30 days in stage, flags 31', () => {
    expect(
      isStalled(opp({ StageName: 'Prospecting', LastStageChangeDate: at('2026-10-24', 600) }), ctx)
    ).toBe(false);
    expect(
      isStalled(opp({ StageName: 'Prospecting', LastStageChangeDate: at('2026-10-23', 1430) }), ctx)
    ).toBe(true);
  });
  it('counts from CreatedDate when the stage never changed', () => {
    expect(
      isStalled(
        opp({
          StageName: 'Prospecting',
          LastStageChangeDate: null,
          CreatedDate: at('2026-10-20', 60)
        }),
        ctx
      )
    ).toBe(true);
    expect(
      isStalled(
        opp({
          StageName: 'Prospecting',
          LastStageChangeDate: null,
          CreatedDate: at('2026-11-01', 60)
        }),
        ctx
      )
    ).toBe(false);
  });
  it('applies each stage its own maximum (Negotiation/Review: 21 days)', () => {
    const changed = at('2026-10-31', 600); // 23 days ago
    expect(
      isStalled(opp({ StageName: 'Negotiation/Review', LastStageChangeDate: changed }), ctx)
    ).toBe(true);
    expect(isStalled(opp({ StageName: 'Needs Analysis', LastStageChangeDate: changed }), ctx)).toBe(
      false
    );
  });
  it('never flags closed deals or stages without a maximum', () => {
    expect(
      isStalled(
        opp({ StageName: 'Prospecting', IsClosed: true, CreatedDate: at('2025-01-01', 0) }),
        ctx
      )
    ).toBe(false);
    expect(isStalled(opp({ StageName: 'Unlisted', CreatedDate: at('2025-01-01', 0) }), ctx)).toBe(
      false
    );
  });
  it('counts days in stage between org-time-zone days', () => {
    expect(daysInStage(opp({ LastStageChangeDate: '2026-11-21T23:30:00.000Z' }), ctx)).toBe(1); // 22 Nov 00:30 Paris
    expect(
      daysInStage(opp({ LastStageChangeDate: null, CreatedDate: at('2026-10-24', 0) }), ctx)
    ).toBe(30);
  });
});

describe('moved / not moved since the last review (9 November 2026)', () => {
  it('counts a stage change on a later day as moved', () => {
    expect(isMovedSince(opp({ LastStageChangeDate: at('2026-11-10', 480) }), ctx)).toBe(true);
  });
  it('does not count a change on the review day itself', () => {
    const deal = opp({ LastStageChangeDate: at('2026-11-09', 1380) });
    expect(isMovedSince(deal, ctx)).toBe(false);
    expect(isNotMovedSince(deal, ctx)).toBe(true);
  });
  it('counts deals closed since as moved, and never as not moved', () => {
    const closed = opp({
      IsClosed: true,
      IsWon: true,
      StageName: 'Closed Won',
      LastStageChangeDate: at('2026-11-15', 600)
    });
    expect(isMovedSince(closed, ctx)).toBe(true);
    expect(
      isNotMovedSince(opp({ IsClosed: true, LastStageChangeDate: at('2026-10-01', 0) }), ctx)
    ).toBe(false);
  });
  it('treats a deal with no stage change as not moved', () => {
    const deal = opp({ LastStageChangeDate: null });
    expect(isMovedSince(deal, ctx)).toBe(false);
    expect(isNotMovedSince(deal, ctx)).toBe(true);
  });
});

describe('outstanding offer past its check date', () => {
  it('flags a check date before asOf, not on it', () => {
    expect(isOffersPastCheck(opp({ SPM_Offer_Check_Date__c: '2026-11-22' }), ctx)).toBe(true);
    expect(isOffersPastCheck(opp({ SPM_Offer_Check_Date__c: '2026-11-23' }), ctx)).toBe(false);
    expect(isOffersPastCheck(opp({ SPM_Offer_Check_Date__c: null }), ctx)).toBe(false);
  });
  it('excludes closed deals', () => {
    expect(
      isOffersPastCheck(opp({ SPM_Offer_Check_Date__c: '2026-11-01', IsClosed: true }), ctx)
    ).toBe(false);
  });
});

describe('snoozed flags are counted apart, not hidden', () => {
  it('is snoozed until asOf inclusive', () => {
    expect(isSnoozed(opp({ SPM_Flag_Snoozed_Until__c: '2026-11-23' }), ctx)).toBe(true);
    expect(isSnoozed(opp({ SPM_Flag_Snoozed_Until__c: '2026-11-22' }), ctx)).toBe(false);
    expect(isSnoozed(opp({ SPM_Flag_Snoozed_Until__c: null }), ctx)).toBe(false);
  });
  it('keeps the flags of a snoozed deal and counts them in the snoozed column', () => {
    const snoozed = opp({
      CloseDate: '2026-11-01',
      Amount: 500,
      SPM_Flag_Snoozed_Until__c: '2026-12-01'
    });
    const active = opp({ CloseDate: '2026-11-02', Amount: 700 });
    const lapsed = opp({
      CloseDate: '2026-11-03',
      Amount: null,
      SPM_Flag_Snoozed_Until__c: '2026-11-20'
    });
    expect(flagsOf(snoozed, ctx)).toEqual(['pastCloseDate']);
    const trust = dataTrust([snoozed, active, lapsed], ctx);
    expect(trust.pastCloseDate).toEqual({ count: 2, amount: 700, snoozed: 1 });
    expect(trust.notUpdated).toEqual({ count: 0, amount: 0, snoozed: 0 });
  });
});

describe('funnel', () => {
  const deals = [
    opp({ StageName: 'Prospecting', Amount: 1000, Probability: 10 }),
    opp({ StageName: 'Prospecting', Amount: null, Probability: 10 }),
    opp({ StageName: 'Proposal/Price Quote', Amount: 5000, Probability: 70 }),
    opp({ StageName: 'Discovery', Amount: 200, Probability: 15 }),
    opp({ StageName: 'Closed Won', Amount: 9000, Probability: 100, IsClosed: true, IsWon: true })
  ];
  it('counts open deals by stage in policy order, with amount and weighted amount', () => {
    const result = funnel(deals, stagePolicy);
    expect(result.stages.map((s) => s.stage)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Discovery'
    ]);
    expect(result.stages[0]).toEqual({
      stage: 'Prospecting',
      count: 2,
      amount: 1000,
      weighted: 100
    });
    expect(result.stages[4]).toEqual({
      stage: 'Proposal/Price Quote',
      count: 1,
      amount: 5000,
      weighted: 3500
    });
    expect(result.stages[1]).toEqual({ stage: 'Qualification', count: 0, amount: 0, weighted: 0 });
    expect(result.total).toEqual({ count: 4, amount: 6200, weighted: 3630 });
  });
  it('gives no weighted amount to a deal without an amount', () => {
    expect(weightedAmount(opp({ Amount: null, Probability: 50 }))).toBeNull();
  });
  it('converts from each stage to the next over closed deals, from their history', () => {
    const won = opp({
      IsClosed: true,
      IsWon: true,
      StageName: 'Closed Won',
      CloseDate: '2026-10-01'
    });
    const lostEarly = opp({ IsClosed: true, StageName: 'Closed Lost', CloseDate: '2026-09-01' });
    const lostLate = opp({ IsClosed: true, StageName: 'Closed Lost', CloseDate: '2026-08-01' });
    const tooOld = opp({
      IsClosed: true,
      IsWon: true,
      StageName: 'Closed Won',
      CloseDate: '2024-01-01'
    });
    const stillOpen = opp({ StageName: 'Qualification' });
    const rows = [
      ...['Prospecting', 'Qualification', 'Qualification', 'Closed Won'].map((s) =>
        history(won, s, '2026-06-01')
      ),
      ...['Prospecting', 'Closed Lost'].map((s) => history(lostEarly, s, '2026-06-01')),
      ...['Prospecting', 'Qualification', 'Closed Lost'].map((s) =>
        history(lostLate, s, '2026-06-01')
      ),
      ...['Prospecting', 'Qualification', 'Closed Won'].map((s) =>
        history(tooOld, s, '2023-06-01')
      ),
      ...['Prospecting', 'Qualification'].map((s) => history(stillOpen, s, '2026-06-01'))
    ];
    const reached = stagesReached([won, lostEarly, lostLate, tooOld, stillOpen], rows, {
      start: '2025-11-24',
      end: '2026-11-23'
    });
    expect(reached).toEqual({
      Prospecting: 3,
      Qualification: 2,
      'Closed Won': 1,
      'Closed Lost': 2
    });
    // Prospecting → Qualification 2/3, Qualification → won 1/2.
    const rates = conversionRates(['Prospecting', 'Qualification', 'Closed Won'], reached);
    expect(rates[0]).toBeCloseTo(66.6667, 3);
    expect(rates.slice(1)).toEqual([50, null]);
  });

  it('counts deals that skipped a stage as having reached it, so no rate passes 100%', () => {
    // Four deals reached Proposal, but only two went through Qualification: two skipped it.
    const reached = { Prospecting: 5, Qualification: 2, Proposal: 4, 'Closed Won': 3 };
    const rates = conversionRates(
      ['Prospecting', 'Qualification', 'Proposal', 'Closed Won'],
      reached
    );
    // Reached Qualification or later: 4 (the Proposal count), not 2 (which would give 200%).
    expect(rates).toEqual([80, 100, 75, null]);
    rates.filter((r) => r !== null).forEach((r) => expect(r).toBeLessThanOrEqual(100));
  });

  it('has no rate from a stage that no closed deal reached, nor beyond', () => {
    expect(conversionRates(['A', 'B', 'Won'], { Won: 0 })).toEqual([null, null, null]);
    expect(conversionRates(['A', 'B', 'Won'], { A: 4 })).toEqual([0, null, null]);
  });
});

describe('win rate, average deal value, sales cycle', () => {
  it('divides won by closed (count)', () => {
    expect(winRate(3, 4)).toBe(75);
    expect(winRate(0, 0)).toBeNull();
  });
  it('divides won amount by won count', () => {
    expect(averageDealValue(90000, 3)).toBe(30000);
    expect(averageDealValue(0, 0)).toBeNull();
  });
  it('averages days from creation (org day) to close over won deals only', () => {
    const deals = [
      opp({
        IsClosed: true,
        IsWon: true,
        CreatedDate: '2026-01-09T23:30:00.000Z',
        CloseDate: '2026-03-01'
      }), // created 10 Jan Paris: 50 days
      opp({
        IsClosed: true,
        IsWon: true,
        CreatedDate: at('2026-02-01', 0),
        CloseDate: '2026-02-11'
      }), // 10 days
      opp({
        IsClosed: true,
        IsWon: false,
        CreatedDate: at('2025-01-01', 0),
        CloseDate: '2026-02-11'
      })
    ];
    expect(salesCycle(deals, TZ)).toEqual({ value: 30, days: 60, deals: 2 });
  });
  it('counts the leap day', () => {
    const leap = opp({
      IsClosed: true,
      IsWon: true,
      CreatedDate: at('2028-02-28', 600),
      CloseDate: '2028-03-01'
    });
    const common = opp({
      IsClosed: true,
      IsWon: true,
      CreatedDate: at('2027-02-28', 600),
      CloseDate: '2027-03-01'
    });
    expect(salesCycle([leap], TZ).value).toBe(2);
    expect(salesCycle([common], TZ).value).toBe(1);
  });
});

describe('coverage, pacing, forecast deviation', () => {
  it('divides open amount closing in the period by what is left of the target', () => {
    expect(pipelineCoverage(300000, 500000, 200000)).toBe(1);
    expect(pipelineCoverage(300000, 400000, 100000)).toBe(1);
  });
  it('has no coverage without a target or once the target is met', () => {
    expect(pipelineCoverage(1000, null, 0)).toBeNull();
    expect(pipelineCoverage(1000, 500, 500)).toBeNull();
  });
  it('compares actual with the target pro-rated to the days elapsed', () => {
    expect(pacing(50000, 100000, 15 / 30)).toBe(100);
    expect(pacing(25000, 100000, 0.5)).toBe(50);
    expect(pacing(10, null, 0.5)).toBeNull();
  });
  it('measures the forecast deviation in percent of the forecast', () => {
    expect(forecastDeviation(90000, 100000)).toBe(-10);
    expect(forecastDeviation(125000, 100000)).toBe(25);
    expect(forecastDeviation(100, 0)).toBeNull();
    expect(forecastDeviation(100, null)).toBeNull();
  });
  it('returns null for a ratio with a zero denominator', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(1, 4, 100)).toBe(25);
  });
});

describe('activity', () => {
  const period = { start: '2026-11-01', end: '2026-11-30' };
  const known = 'known-account';
  const fresh = 'fresh-account';
  const opportunities = [
    opp({
      AccountId: known,
      IsClosed: true,
      IsWon: true,
      CloseDate: '2026-10-31',
      CreatedDate: at('2026-06-01', 0)
    }),
    opp({
      AccountId: fresh,
      IsClosed: true,
      IsWon: true,
      CloseDate: '2026-11-05',
      CreatedDate: '2026-10-31T23:30:00.000Z'
    }),
    opp({ AccountId: fresh, CreatedDate: '2026-11-30T23:30:00.000Z', Amount: 4000 })
  ];
  it('counts meetings, hours, calls, new opportunities and contacts with new customers', () => {
    const events = [
      event({ AccountId: known, ActivityDate: '2026-11-02', DurationInMinutes: 90 }),
      event({ AccountId: fresh, ActivityDate: '2026-11-30', DurationInMinutes: 30 }),
      event({ AccountId: null, ActivityDate: '2026-11-10', DurationInMinutes: 60 }),
      event({ AccountId: fresh, ActivityDate: '2026-10-31', DurationInMinutes: 600 })
    ];
    const tasks = [
      task({ AccountId: fresh, ActivityDate: '2026-11-03', TaskSubtype: 'Call' }),
      task({ AccountId: known, ActivityDate: '2026-11-04', TaskSubtype: 'Call' }),
      task({ AccountId: fresh, ActivityDate: '2026-11-05', TaskSubtype: 'Email' })
    ];
    expect(activity({ events, tasks, opportunities }, { period, orgTimeZone: TZ })).toEqual({
      meetings: 3,
      customerHours: 3,
      calls: 2,
      // created 31 Oct 23:30 UTC = 1 Nov Paris (in); 30 Nov 23:30 UTC = 1 Dec Paris (out)
      newOpportunities: 1,
      newPipeline: 1000,
      // the fresh account won only during the period: still new; the known one won before
      newCustomerContacts: 2
    });
  });
});
