import { decompose, dealsFor, targetRecords, formatNumber } from 'c/decomposition';

const stages = [
  { stage: 'Prospecting', conversionToNext: 50 },
  { stage: 'Proposal/Price Quote', conversionToNext: 60 },
  { stage: 'Negotiation/Review', conversionToNext: 80 }
];

describe('target decomposition', () => {
  const result = decompose({
    yearlyTarget: 1200000,
    winRate: 25,
    averageDealValue: 25000,
    salesCycleDays: 61,
    fiscalYearStartMonth: 4,
    fiscalYear: 2027,
    stages,
    currency: 'EUR'
  });

  it('spreads the yearly target over the months of the fiscal year', () => {
    expect(result.months).toHaveLength(12);
    expect(result.months[0]).toMatchObject({
      start: '2026-04-01',
      label: 'Apr 2026',
      wonAmount: 100000,
      dealsToWin: 4,
      opportunitiesToCreate: 16,
      pipelineNeeded: 400000
    });
    expect(result.months[11]).toMatchObject({ start: '2027-03-01', end: '2027-03-31' });
  });
  it('creates opportunities one sales cycle ahead', () => {
    expect(result.assumptions.leadMonths).toBe(2);
    expect(result.months[2].createBy).toBe('2026-04-01');
    expect(result.months[0].opportunitiesToCreateThisMonth).toBe(16);
  });
  it('walks back from won through each stage conversion', () => {
    // 4 deals to win ÷ 80% = 5 at Negotiation; ÷ 60% = 8.3333 at Proposal; ÷ 50% = 16.6667 at Prospecting.
    expect(result.months[0].pipelineByStage).toEqual([
      { stage: 'Prospecting', deals: 16.6667, amount: 416666.6667 },
      { stage: 'Proposal/Price Quote', deals: 8.3333, amount: 208333.3333 },
      { stage: 'Negotiation/Review', deals: 5, amount: 125000 }
    ]);
  });
  it('writes the arithmetic out', () => {
    expect(result.lines).toEqual([
      'Yearly target EUR 1,200,000 for FY2027 (2026-04-01 to 2027-03-31).',
      'Average deal value EUR 25,000, win rate 25%, sales cycle 61 days ≈ 2 month(s) between creating and winning a deal.',
      'Per month (Apr 2026): EUR 1,200,000 × 1 ÷ 12 = EUR 100,000 to win.',
      'Deals to win: EUR 100,000 ÷ EUR 25,000 = 4 deals.',
      'Opportunities to create: 4 ÷ 25% = 16, created from 2026-02-01 (2 month(s) ahead).',
      'New pipeline needed: 16 × EUR 25,000 = EUR 400,000.',
      'At Prospecting: 4 × 4.17 = 16.67 deals (EUR 416,666.67), converting 50% to the next stage.',
      'At Proposal/Price Quote: 4 × 2.08 = 8.33 deals (EUR 208,333.33), converting 60% to the next stage.',
      'At Negotiation/Review: 4 × 1.25 = 5 deals (EUR 125,000), converting 80% to the next stage.'
    ]);
  });
  it('spreads the win rate evenly over stages without known conversion', () => {
    const even = decompose({
      yearlyTarget: 120,
      winRate: 25,
      averageDealValue: 10,
      salesCycleDays: 0,
      startDate: '2026-05-01',
      stages: [{ stage: 'A' }, { stage: 'B' }]
    });
    expect(even.months[0].pipelineByStage).toEqual([
      { stage: 'A', deals: 4, amount: 40 },
      { stage: 'B', deals: 2, amount: 20 }
    ]);
    expect(even.months[0].start).toBe('2026-01-01');
  });
  it('weights months and covers a leap February', () => {
    const weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const weighted = decompose({
      yearlyTarget: 1300,
      winRate: 50,
      averageDealValue: 100,
      salesCycleDays: 30,
      fiscalYear: 2028,
      monthlyWeights: weights
    });
    expect(weighted.months[11].wonAmount).toBe(200);
    expect(weighted.months[1]).toMatchObject({
      start: '2028-02-01',
      end: '2028-02-29',
      wonAmount: 100
    });
  });
  it('rejects impossible inputs with the reason', () => {
    expect(() =>
      decompose({
        yearlyTarget: 0,
        winRate: 20,
        averageDealValue: 1,
        salesCycleDays: 1,
        fiscalYear: 2026
      })
    ).toThrow('Decomposition: yearlyTarget must be a positive number (got 0)');
    expect(() =>
      decompose({
        yearlyTarget: 1,
        winRate: 120,
        averageDealValue: 1,
        salesCycleDays: 1,
        fiscalYear: 2026
      })
    ).toThrow('Decomposition: winRate must be a percentage above 0 and at most 100 (got 120)');
    expect(() =>
      decompose({ yearlyTarget: 1, winRate: 20, averageDealValue: 1, salesCycleDays: 1 })
    ).toThrow('Decomposition: give fiscalYear or startDate');
  });
  it('produces monthly SPM_Target__c values with the arithmetic', () => {
    const records = targetRecords(result, {
      assigneeId: '005000000000000011',
      kpiIds: { deals_won: 'a01000000000000002', new_opportunities: 'a01000000000000016' },
      keyPrefix: 'FY2027-005000000000000011'
    });
    expect(records).toHaveLength(24);
    expect(records[0]).toMatchObject({
      Key__c: 'FY2027-005000000000000011-deals_won-2026-04',
      Period_Type__c: 'Month',
      Period_Start__c: '2026-04-01',
      Period_End__c: '2026-04-30',
      Value__c: 4,
      Source__c: 'Decomposed'
    });
    expect(records[0].Arithmetic__c).toContain('Deals to win: EUR 100,000 ÷ EUR 25,000 = 4 deals.');
  });
  it('sums the months into fiscal quarters', () => {
    // FY2027 starts in April: Q1 = Apr–Jun 2026, each month 100000 → 300000, 12 deals, 48 opportunities.
    expect(result.quarters.map((q) => [q.start, q.end, q.label])).toEqual([
      ['2026-04-01', '2026-06-30', 'Q1 FY2027'],
      ['2026-07-01', '2026-09-30', 'Q2 FY2027'],
      ['2026-10-01', '2026-12-31', 'Q3 FY2027'],
      ['2027-01-01', '2027-03-31', 'Q4 FY2027']
    ]);
    expect(result.quarters[0]).toMatchObject({
      months: ['Apr 2026', 'May 2026', 'Jun 2026'],
      wonAmount: 300000,
      dealsToWin: 12,
      opportunitiesToCreate: 48,
      pipelineNeeded: 1200000,
      opportunitiesToCreateThisPeriod: 48,
      pipelineToCreateThisPeriod: 1200000
    });
    // 3 × 5 deals at Negotiation; 3 × 16.6667 at Prospecting.
    expect(result.quarters[0].pipelineByStage[2]).toEqual({
      stage: 'Negotiation/Review',
      deals: 15,
      amount: 375000
    });
    expect(result.quarters[0].pipelineByStage[0].deals).toBe(50.0001);
  });
  it('produces quarterly SPM_Target__c values, each the sum of its months', () => {
    const options = {
      assigneeId: '005000000000000011',
      kpiIds: { deals_won: 'a01000000000000002', sales_won: 'a01000000000000001' },
      keyPrefix: 'FY2027-005000000000000011'
    };
    const records = targetRecords(result, { ...options, periodType: 'Quarter' });
    expect(records).toHaveLength(8);
    const dealsQ1 = records.find(
      (r) => r.Key__c === 'FY2027-005000000000000011-deals_won-2026-04-Q'
    );
    expect(dealsQ1).toMatchObject({
      Name: 'deals_won Q1 FY2027',
      Period_Type__c: 'Quarter',
      Period_Start__c: '2026-04-01',
      Period_End__c: '2026-06-30',
      Value__c: 12,
      Source__c: 'Decomposed'
    });
    expect(dealsQ1.Arithmetic__c).toContain('Q1 FY2027 = 4 + 4 + 4 = 12 (sum of its months).');
    const monthly = targetRecords(result, options);
    const total = (list) => list.reduce((t, r) => t + r.Value__c, 0);
    expect(total(records)).toBeCloseTo(total(monthly), 6);
    expect(() => targetRecords(result, { ...options, periodType: 'Week' })).toThrow(
      'periodType must be Month or Quarter'
    );
  });
  it('formats numbers the same everywhere', () => {
    expect([formatNumber(1234567.891), formatNumber(-0.5), formatNumber(12)]).toEqual([
      '1,234,567.89',
      '-0.5',
      '12'
    ]);
  });
});

describe('what winning an amount takes', () => {
  it('is the deals to win at the average deal value and the opportunities at the win rate', () => {
    expect(dealsFor(100000, { winRate: 25, averageDealValue: 20000 })).toEqual({
      dealsToWin: 5,
      opportunitiesToCreate: 20,
      pipelineNeeded: 400000
    });
  });
});
