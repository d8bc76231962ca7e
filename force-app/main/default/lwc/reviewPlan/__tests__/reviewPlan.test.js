import { buildReviewPlan, MAX_PLAN_DOCUMENTS, PANEL_KEYS } from 'c/reviewPlan';
import {
  reviewModelFromResponses,
  reviewModelFromRecords,
  reviewModelFromDataSet,
  responsesFromRecords
} from 'c/reviewModel';
import { subqueryGroup, MAX_SUBQUERIES } from 'c/queryCompiler';

const fc = require('fast-check');
const { addDays } = require('c/periods');
const { parse, visit } = require('graphql');
const { documentErrors } = require('@pacer/local-schema');
const { answerPlan } = require('./support/graphqlEvaluator');
const {
  AS_OF,
  TZ,
  id,
  at,
  user,
  opp,
  event,
  task,
  history,
  emptyData,
  menuWithIds,
  stagePolicy,
  dataSetArbitrary,
  menu
} = require('./support/engineFixtures');

const M = id('005', 10);
const A = id('005', 11);
const B = id('005', 12);
const users = [
  user(10, { Name: 'Maria Manager', Title: 'Sales Manager' }),
  user(11, { Name: 'Ana Rep', ManagerId: M }),
  user(12, { Name: 'Ben Rep', ManagerId: M })
];
const X1 = id('001', 1);
const X2 = id('001', 2);
const kpis = menuWithIds();
const kpiId = (key) => kpis.find((k) => k.key === key).id;

function planFor(extra) {
  return buildReviewPlan({
    subjectUserIds: [A, B],
    users,
    kpis,
    stagePolicy,
    asOf: AS_OF,
    orgTimeZone: TZ,
    fiscalYearStartMonth: 1,
    periodType: 'Month',
    lastReviewDate: '2026-11-09',
    ...extra
  });
}

/** A hand-made team: every expected number below is computed by hand from these records. */
function teamData() {
  const data = emptyData();
  data.User = users;
  data.Account = [
    { Id: X1, Name: 'Fresh Foods', OwnerId: A },
    { Id: X2, Name: 'Known Tools', OwnerId: B }
  ];
  const a1 = opp({
    Name: 'a1',
    OwnerId: A,
    AccountId: X1,
    StageName: 'Prospecting',
    Amount: 10000,
    Probability: 10,
    CloseDate: '2026-11-20',
    CreatedDate: at('2026-10-01', 600),
    LastStageChangeDate: at('2026-11-12', 600)
  });
  const a2 = opp({
    Name: 'a2',
    OwnerId: A,
    AccountId: X1,
    StageName: 'Proposal/Price Quote',
    Amount: 50000,
    Probability: 70,
    CloseDate: '2026-11-28',
    CreatedDate: at('2026-07-01', 600),
    LastModifiedDate: at('2026-09-01', 600),
    LastStageChangeDate: at('2026-09-01', 600),
    SPM_Offer_Check_Date__c: '2026-11-20',
    SPM_Flag_Snoozed_Until__c: '2026-11-30',
    SPM_Flag_Snooze_Reason__c: 'Customer on holiday'
  });
  const a3 = opp({
    Name: 'a3',
    OwnerId: A,
    AccountId: X1,
    StageName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    Amount: 30000,
    Probability: 100,
    CloseDate: '2026-11-10',
    CreatedDate: at('2026-08-12', 600),
    LastStageChangeDate: at('2026-11-10', 600)
  });
  const a4 = opp({
    Name: 'a4',
    OwnerId: A,
    AccountId: X1,
    StageName: 'Closed Lost',
    IsClosed: true,
    Amount: 20000,
    Probability: 0,
    CloseDate: '2026-11-05',
    CreatedDate: at('2026-09-01', 600),
    LastStageChangeDate: at('2026-11-05', 600)
  });
  const a5 = opp({
    Name: 'a5',
    OwnerId: A,
    AccountId: X2,
    StageName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    Amount: 40000,
    Probability: 100,
    CloseDate: '2026-10-15',
    CreatedDate: at('2026-09-01', 600),
    LastStageChangeDate: at('2026-10-15', 600)
  });
  const b1 = opp({
    Name: 'b1',
    OwnerId: B,
    AccountId: X2,
    StageName: 'Qualification',
    Amount: null,
    Probability: 20,
    CloseDate: '2026-12-10',
    CreatedDate: at('2026-11-02', 600),
    LastStageChangeDate: null
  });
  const b2 = opp({
    Name: 'b2',
    OwnerId: B,
    AccountId: X2,
    StageName: 'Negotiation/Review',
    Amount: 80000,
    Probability: 90,
    CloseDate: '2027-01-15',
    CreatedDate: at('2026-06-01', 600),
    LastStageChangeDate: at('2026-11-15', 600)
  });
  const b3 = opp({
    Name: 'b3',
    OwnerId: B,
    AccountId: X2,
    StageName: 'Closed Won',
    IsClosed: true,
    IsWon: true,
    Amount: 20000,
    Probability: 100,
    CloseDate: '2026-11-03',
    CreatedDate: at('2026-10-04', 600),
    LastStageChangeDate: at('2026-11-03', 600)
  });
  data.Opportunity = [a1, a2, a3, a4, a5, b1, b2, b3];
  data.OpportunityHistory = [
    ...['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Closed Won'].map((s) =>
      history(a3, s, '2026-08-12')
    ),
    ...['Prospecting', 'Closed Lost'].map((s) => history(a4, s, '2026-09-01')),
    ...['Prospecting', 'Qualification', 'Closed Won'].map((s) => history(b3, s, '2026-10-04')),
    ...['Prospecting', 'Closed Won'].map((s) => history(a5, s, '2026-09-01')),
    history(a1, 'Prospecting', '2026-10-01')
  ];
  data.Event = [
    event({ OwnerId: A, AccountId: X1, ActivityDate: '2026-11-04', DurationInMinutes: 60 }),
    event({ OwnerId: A, AccountId: X1, ActivityDate: '2026-11-18', DurationInMinutes: 90 }),
    event({ OwnerId: B, AccountId: X2, ActivityDate: '2026-11-12', DurationInMinutes: 30 }),
    event({ OwnerId: B, AccountId: X2, ActivityDate: '2026-10-30', DurationInMinutes: 600 }),
    // Planned, not held: later this month, next month, and beyond the next period.
    event({ OwnerId: A, AccountId: X1, ActivityDate: '2026-11-26', DurationInMinutes: 60 }),
    event({ OwnerId: B, AccountId: X2, ActivityDate: '2026-12-10', DurationInMinutes: 60 }),
    event({ OwnerId: B, AccountId: X2, ActivityDate: '2027-01-15', DurationInMinutes: 60 })
  ];
  data.Task = [
    task({ OwnerId: A, AccountId: X1, ActivityDate: '2026-11-05', TaskSubtype: 'Call' }),
    task({ OwnerId: B, AccountId: X2, ActivityDate: '2026-11-06', TaskSubtype: 'Email' })
  ];
  data.SPM_Forecast_Snapshot__c = [
    {
      Id: id('a07', 1),
      User__c: A,
      Month_Start__c: '2026-10-01',
      Commit_Amount__c: 50000,
      Weighted_Amount__c: 30000,
      Pipeline_Amount__c: 90000
    },
    {
      Id: id('a07', 2),
      User__c: B,
      Month_Start__c: '2026-10-01',
      Commit_Amount__c: 10000,
      Weighted_Amount__c: 5000,
      Pipeline_Amount__c: 20000
    },
    {
      Id: id('a07', 3),
      User__c: B,
      Month_Start__c: '2026-09-01',
      Commit_Amount__c: 99999,
      Weighted_Amount__c: 1,
      Pipeline_Amount__c: 1
    }
  ];
  const target = (n, assignee, key, type, start, end, value) => ({
    Id: id('a02', n),
    KPI__c: kpiId(key),
    Assignee__c: assignee,
    Period_Type__c: type,
    Period_Start__c: start,
    Period_End__c: end,
    Value__c: value
  });
  data.SPM_Target__c = [
    target(1, A, 'sales_won', 'Month', '2026-11-01', '2026-11-30', 60000),
    target(2, B, 'sales_won', 'Month', '2026-11-01', '2026-11-30', 40000),
    target(3, A, 'sales_won', 'Year', '2026-01-01', '2026-12-31', 700000),
    target(4, A, 'new_opportunities', 'Week', '2026-11-02', '2026-11-08', 2),
    target(5, A, 'new_opportunities', 'Week', '2026-11-09', '2026-11-15', 3),
    target(6, A, 'win_rate', 'Week', '2026-11-09', '2026-11-15', 30)
  ];
  data.SPM_Action__c = [
    {
      Id: id('a06', 1),
      Name: 'Call Fresh Foods CFO',
      OwnerId: A,
      Due_Date__c: '2026-11-20',
      Status__c: 'Open',
      KPI__c: kpiId('past_close_date'),
      Opportunity__c: a1.Id,
      Account__c: X1,
      Review__c: null
    },
    {
      Id: id('a06', 2),
      Name: 'Send case study',
      OwnerId: B,
      Due_Date__c: '2026-11-30',
      Status__c: 'Open',
      KPI__c: null,
      Opportunity__c: null,
      Account__c: null,
      Review__c: null
    },
    {
      Id: id('a06', 3),
      Name: 'Done already',
      OwnerId: B,
      Due_Date__c: '2026-11-01',
      Status__c: 'Done',
      KPI__c: null,
      Opportunity__c: null,
      Account__c: null,
      Review__c: null
    }
  ];
  return data;
}

const cellOf = (model, key) => model.kpis.find((k) => k.key === key);
const userCell = (model, key, userId) => cellOf(model, key).byUser.find((c) => c.userId === userId);

describe('the review plan', () => {
  const plan = planFor();

  it('loads a whole review in documents of one group each, at most ten subqueries apiece', () => {
    expect(plan.documents.length).toBeLessThanOrEqual(MAX_PLAN_DOCUMENTS);
    expect(plan.documents.map((d) => d.operationName)).toEqual([
      'spmReviewCore1',
      'spmReviewCore2',
      'spmReviewCore3',
      'spmReviewCore4',
      'spmReviewActivity1',
      'spmReviewActivity2',
      'spmReviewJoins1'
    ]);
    for (const document of plan.documents) {
      expect(document.aliases.length).toBeLessThanOrEqual(MAX_SUBQUERIES);
      expect(() => parse(document.query)).not.toThrow();
      expect(document.query).not.toContain('totalCount');
    }
    expect(plan.unplanned).toEqual([]);
    const lists = plan.specs.filter((s) => s.kind === 'records');
    expect(lists.map((s) => s.alias)).toEqual(['openList', 'closedList', 'actions', 'reviews']);
    expect(lists.every((s) => s.first <= 200)).toBe(true);
    const aggregates = plan.specs.filter((s) => s.kind === 'aggregate' && !s.local);
    expect(
      aggregates.every((s) => s.object === 'OpportunityHistory' || s.groupBy[0] === s.owner)
    ).toBe(true);
  });

  it('stays within the documents a plan may hold for a hundred reps', () => {
    const many = Array.from({ length: 100 }, (_, i) => user(100 + i, { ManagerId: M }));
    for (const periodType of ['Month', 'Quarter', 'Year', 'Week']) {
      const big = buildReviewPlan({
        subjectUserIds: many.map((u) => u.Id),
        users: [users[0], ...many],
        kpis,
        stagePolicy,
        asOf: AS_OF,
        orgTimeZone: TZ,
        periodType,
        lastReviewDate: null
      });
      expect(big.documents.length).toBeLessThanOrEqual(MAX_PLAN_DOCUMENTS);
      for (const d of big.documents) expect(d.aliases.length).toBeLessThanOrEqual(MAX_SUBQUERIES);
      expect(big.unplanned).toEqual([]);
      expect(big.documents[0].variables.userIds).toHaveLength(100);
      expect(big.context.lastReviewDate).toBe(addDays(big.context.period.start, -1));
    }
  });

  it('builds each need with its own date window, read from its own variables', () => {
    const needs = new Map(
      plan.specs.flatMap((spec) => spec.consumers.map((c) => [c.need.id, c.need]))
    );
    expect(needs.get('closed').window).toEqual({
      field: 'CloseDate',
      from: 'periodStart',
      to: 'periodEnd'
    });
    // Each trend month has its own bounds: nothing widens the period's filter afterwards.
    plan.context.forecastMonths.forEach((month, i) => {
      const window = needs.get(`forecastWon:${i}`).window;
      expect(window).toEqual({
        field: 'CloseDate',
        from: `wonMonth${i + 1}Start`,
        to: `wonMonth${i + 1}End`
      });
      expect(plan.variables[window.from].value).toBe(month.start);
      expect(plan.variables[window.to].value).toBe(month.end);
    });
    expect(needs.get('pastEvents:0').window.from).toBe('pastPeriod1Start');
    // A state as of the review day has no window; a menu KPI with a dateField has the period's.
    expect(needs.get('open').window).toBeNull();
    expect(needs.get('kpi:sales_won').window).toEqual({
      field: 'CloseDate',
      from: 'periodStart',
      to: 'periodEnd'
    });
  });

  it('compiles the data-trust flags from their builtins and says which needs each KPI reads', () => {
    expect(plan.builtinKpis).toMatchObject({
      pastCloseDate: 'past_close_date',
      stalled: 'stalled_deals',
      offersPastCheck: 'offers_past_check'
    });
    expect(plan.reads.past_close_date).toEqual(['pastCloseDate', 'targets']);
    expect(plan.reads.offers_past_check).toEqual(['openList', 'targets']);
    expect(plan.reads.win_rate).toEqual(
      expect.arrayContaining(['kpi:deals_won', 'kpi:deals_closed'])
    );
    // The menu's KPI and the data-trust panel read one need per flag.
    const flagNeeds = plan.specs.flatMap((s) => s.consumers).filter((c) => c.need.id === 'stalled');
    expect(flagNeeds).toHaveLength(1);
  });

  it('does not query targets that were given', () => {
    const given = planFor({ targets: [] });
    expect(given.specs.find((s) => s.alias === 'targets').local).toBe(true);
    expect(given.documents.flatMap((d) => d.aliases)).not.toContain('targets');
  });

  it('reports the KPIs that do not fit in the documents a plan may hold instead of sending more', () => {
    const extra = Array.from({ length: 30 }, (_, i) => ({
      ...menu.kpis[1],
      key: `extra_${i}`,
      sortOrder: 900 + i,
      definition: {
        object: 'Opportunity',
        measure: 'count',
        filter: { Amount: { gte: (i + 1) * 1000 } }
      }
    }));
    const crowded = planFor({ kpis: [...kpis, ...extra] });
    expect(crowded.documents).toHaveLength(MAX_PLAN_DOCUMENTS);
    // The past reviews (data-trust trend) are the first subquery left out, then the last KPIs.
    expect(crowded.specs.map((s) => s.alias)).not.toContain('reviews');
    const left = Array.from({ length: 30 - 15 }, (_, i) => `extra_${15 + i}`);
    expect(crowded.unplanned.map((u) => u.key)).toEqual(left);
    expect(crowded.unplanned[0].reason).toBe(
      'not loaded: the review already sends 8 documents of up to 10 subqueries'
    );
    const model = reviewModelFromRecords(crowded, teamData());
    expect(cellOf(model, 'extra_15').total).toMatchObject({ value: null, note: 'not loaded' });
    expect(cellOf(model, 'extra_0').total.value).toBe(7); // every deal but b1 (no amount)
    expect(model.trust.history[4].pastCloseDate).toBeNull();
    expect(cellOf(model, 'sales_won').total.value).toBe(50000);
  });

  it('leaves out a KPI whose definition the org holds broken, and what is computed from it, with the reason', () => {
    const edited = kpis.map((k) => {
      // Definition__c edited in the org after seeding: one not JSON, one naming a field Pacer does not know.
      if (k.key === 'deals_won')
        return {
          ...k,
          definition: undefined,
          definitionError: 'Definition__c is not valid JSON (Unexpected token)'
        };
      if (k.key === 'sales_won')
        return { ...k, definition: { ...k.definition, field: 'Amount_Typo__c' } };
      return k;
    });
    const broken = planFor({ kpis: edited });
    const left = Object.fromEntries(broken.unplanned.map((u) => [u.key, u.reason]));
    expect(left.deals_won).toBe(
      'definition refused: Definition__c is not valid JSON (Unexpected token)'
    );
    expect(left.sales_won).toBe(
      'definition refused: definition.field must name a field of Opportunity (got "Amount_Typo__c")'
    );
    // win_rate is deals_won / deals_closed: computed from a refused KPI, so out too, never 0%.
    expect(left.win_rate).toBe('computed from deals_won, whose definition is refused');
    expect(broken.documents.map((d) => d.query).join(' ')).not.toContain('Amount_Typo__c');
    expect(broken.kpis.map((k) => k.key)).toEqual(
      kpis.filter((k) => k.active !== false).map((k) => k.key)
    );

    const model = reviewModelFromRecords(broken, teamData());
    expect(cellOf(model, 'win_rate').total).toMatchObject({
      value: null,
      unavailable: 'computed from deals_won, whose definition is refused'
    });
    expect(cellOf(model, 'sales_won').total.value).toBeNull();
    // The rest of the review is computed as without the broken records.
    const whole = reviewModelFromRecords(planFor(), teamData());
    expect(cellOf(model, 'deals_closed').total.value).toBe(
      cellOf(whole, 'deals_closed').total.value
    );
    expect(model.funnel).toEqual(whole.funnel);
  });

  it('builds the review around definitions that cannot be computed: a cycle of ratios, a coverage of nothing, an unknown measure', () => {
    const edited = kpis.map((k) => {
      if (k.key === 'deals_won')
        return {
          ...k,
          definition: { measure: 'ratio', numerator: 'win_rate', denominator: 'deals_closed' }
        };
      if (k.key === 'coverage')
        return { ...k, definition: { measure: 'builtin', builtin: 'coverage' } };
      if (k.key === 'calls') return { ...k, definition: { object: 'Task', measure: 'magic' } };
      return k;
    });
    const cyclic = planFor({ kpis: edited });
    const left = new Map(cyclic.unplanned.map((u) => [u.key, u.reason]));
    expect([...left.keys()]).toEqual(
      expect.arrayContaining(['deals_won', 'win_rate', 'coverage', 'calls'])
    );
    expect(left.get('calls')).toMatch(/^definition refused: definition.measure must be one of/);
    const model = reviewModelFromRecords(cyclic, teamData());
    for (const key of ['deals_won', 'win_rate', 'coverage', 'calls']) {
      expect(cellOf(model, key).total).toMatchObject({ value: null, unavailable: left.get(key) });
    }
    expect(cellOf(model, 'sales_won').total.value).toBe(50000);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => planFor({ asOf: '2026-11-31' })).toThrow(
      'Review plan: asOf must be a YYYY-MM-DD date (got "2026-11-31")'
    );
    expect(() => planFor({ subjectUserIds: [] })).toThrow(
      'Review plan: subjectUserIds must list at least one user id'
    );
    expect(() => planFor({ periodType: 'Day' })).toThrow(
      'Review plan: periodType must be one of Year, Quarter, Month, Week (got "Day")'
    );
  });
});

describe('the review model of a hand-made team', () => {
  const data = teamData();
  const plan = planFor();
  const model = reviewModelFromRecords(plan, data);

  it('describes the scope', () => {
    expect(model.scope).toMatchObject({
      asOf: AS_OF,
      lastReviewDate: '2026-11-09',
      period: {
        type: 'Month',
        start: '2026-11-01',
        end: '2026-11-30',
        label: 'Nov 2026',
        daysTotal: 30,
        daysElapsed: 23,
        fraction: 0.7667
      },
      forecastMonth: { start: '2026-10-01', end: '2026-10-31', label: 'Oct 2026' }
    });
    expect(model.people.map((p) => [p.name, p.depth, p.isSubject, p.isManager])).toEqual([
      ['Maria Manager', 0, false, true],
      ['Ana Rep', 1, true, false],
      ['Ben Rep', 1, true, false]
    ]);
  });

  it('computes sales, targets and attainment per rep, for the team, and in total', () => {
    expect(userCell(model, 'sales_won', A)).toMatchObject({
      value: 30000,
      target: 60000,
      attainment: 50,
      status: 'red'
    });
    expect(userCell(model, 'sales_won', B)).toMatchObject({
      value: 20000,
      target: 40000,
      attainment: 50
    });
    expect(cellOf(model, 'sales_won').byTeam).toEqual([
      {
        userId: M,
        value: 50000,
        target: 100000,
        attainment: 50,
        // Half the target 76.67% into the month: 65% of the pace, still off track.
        pacing: 65.2174,
        status: 'red',
        parts: { sum: 50000 }
      }
    ]);
    expect(cellOf(model, 'sales_won').total).toMatchObject({ value: 50000, target: 100000 });
    expect(userCell(model, 'gross_margin', A).value).toBe(10500);
  });

  it('sums finer targets for additive KPIs only', () => {
    expect(userCell(model, 'new_opportunities', A).target).toBe(5);
    expect(userCell(model, 'win_rate', A).target).toBeNull();
  });

  it('recomputes ratios from summed parts, never averaging percentages', () => {
    expect(userCell(model, 'win_rate', A)).toMatchObject({
      value: 50,
      parts: { numerator: 1, denominator: 2 }
    });
    expect(userCell(model, 'win_rate', B).value).toBe(100);
    expect(cellOf(model, 'win_rate').total).toMatchObject({
      value: 66.6667,
      parts: { numerator: 2, denominator: 3 }
    });
    expect(cellOf(model, 'avg_deal_value').total.value).toBe(25000);
    expect(cellOf(model, 'sales_cycle').total).toMatchObject({
      value: 60,
      parts: { days: 120, deals: 2, complete: true }
    });
    expect(userCell(model, 'sales_cycle', A).value).toBe(90);
    expect(userCell(model, 'cost_of_sales_pct', A).value).toBe(1);
    expect(userCell(model, 'hours_per_win', A).value).toBe(2.5);
  });

  it('paces and covers against the pro-rated and remaining target, showing their own goal', () => {
    // Computed against sales_won's targets (100000 team, 60000 Ana), but the target shown is the
    // ratio's own goal: the green threshold of the menu (pacing 100 %, coverage 3).
    expect(cellOf(model, 'pacing').total).toMatchObject({
      value: 65.2174,
      target: 100,
      attainment: null,
      status: 'red'
    });
    expect(userCell(model, 'coverage', A)).toMatchObject({
      value: 1.6667,
      target: 3,
      attainment: null,
      status: 'red',
      parts: { open: 50000, won: 30000 }
    });
    expect(cellOf(model, 'coverage').byTeam[0].target).toBe(3);
    expect(userCell(model, 'coverage', B).value).toBe(0);
    expect(cellOf(model, 'coverage').total.value).toBe(1);
  });

  it('computes the pipeline and the funnel with conversion over closed deals', () => {
    expect(cellOf(model, 'open_pipeline').total.value).toBe(140000);
    expect(cellOf(model, 'weighted_pipeline').total.value).toBe(108000);
    const stages = model.funnel.stages.map((s) => [
      s.stage,
      s.count,
      s.amount,
      s.weighted,
      s.reached,
      s.conversionToNext
    ]);
    // Closed deals: a3 went P → Q → Proposal → Won, b3 P → Q → Won, a5 P → Won, a4 P → Lost. Reached
    // Qualification or later: a3, b3 and a5 (3 of the 4), and all three reached every later stage, since
    // they were won: skipped stages count as reached.
    expect(stages).toEqual([
      ['Prospecting', 1, 10000, 1000, 4, 75],
      ['Qualification', 1, 0, 0, 2, 100],
      ['Needs Analysis', 0, 0, 0, 0, 100],
      ['Value Proposition', 0, 0, 0, 0, 100],
      ['Proposal/Price Quote', 1, 50000, 35000, 1, 100],
      ['Negotiation/Review', 1, 80000, 72000, 0, 100]
    ]);
    expect(model.funnel.total).toEqual({ count: 4, amount: 140000, weighted: 108000 });
    expect(model.funnel.wonReached).toBe(3);
    expect(model.funnel.byUser.find((u) => u.userId === B).total).toEqual({
      count: 2,
      amount: 80000,
      weighted: 72000
    });
  });

  it('counts the data-trust measures with snoozed flags apart', () => {
    const trust = Object.fromEntries(model.trust.measures.map((m) => [m.key, m]));
    expect(trust.forecastDeviation).toMatchObject({
      value: -33.3333,
      won: 40000,
      forecast: 60000,
      status: 'red'
    });
    expect(trust.pastCloseDate).toMatchObject({
      count: 1,
      amount: 10000,
      snoozed: 0,
      status: 'amber'
    });
    expect(trust.notUpdated).toMatchObject({ count: 0, snoozed: 1, status: 'green' });
    expect(trust.earlyStageClosingSoon).toMatchObject({ count: 1, snoozed: 0 });
    expect(trust.stalled).toMatchObject({ count: 0, snoozed: 1 });
    expect(userCell(model, 'offers_past_check', A).parts).toEqual({
      count: 0,
      amount: 0,
      snoozed: 1,
      complete: true
    });
    expect(model.trust.byUser.find((u) => u.userId === A)).toEqual({
      userId: A,
      forecastDeviation: -20,
      snoozed: 2,
      pastCloseDate: 1,
      notUpdated: 0,
      earlyStageClosingSoon: 0,
      stalled: 0,
      offersPastCheck: 0
    });
  });

  it('tells which deals moved since the last review', () => {
    expect(model.movement).toMatchObject({ movedOpen: 2, movedWon: 1, movedLost: 0, notMoved: 2 });
    expect(model.lists.moved.map((d) => d.Name)).toEqual(['b2', 'a1', 'a3']);
    expect(model.lists.notMoved.map((d) => d.Name)).toEqual(['a2', 'b1']);
    expect(cellOf(model, 'deals_moved').total.value).toBe(3);
  });

  it('measures activity, including contacts with new customers, and the meetings planned', () => {
    // Held before 23 Nov: three meetings; planned from then to the end of December: two (the
    // January one is beyond the next period).
    expect(model.activity.total).toEqual({
      meetings: 3,
      customerHours: 3,
      calls: 1,
      newOpportunities: 1,
      newPipeline: 0,
      newCustomerContacts: 3,
      plannedMeetings: 2
    });
    expect(model.activity.plannedUntil).toMatchObject({ start: '2026-12-01', end: '2026-12-31' });
    expect(model.activity.byUser.find((u) => u.userId === B)).toMatchObject({
      meetings: 1,
      customerHours: 0.5,
      newCustomerContacts: 0
    });
  });

  it("compares last month's won amount with the forecast taken at its start", () => {
    expect(model.forecast).toMatchObject({
      month: { type: 'Month', start: '2026-10-01', end: '2026-10-31', label: 'Oct 2026' },
      basis: 'commit',
      total: { forecast: 60000, won: 40000, deviationPct: -33.3333 },
      byUser: [
        { userId: A, forecast: 50000, won: 40000, deviationPct: -20 },
        { userId: B, forecast: 10000, won: 0, deviationPct: -100 }
      ]
    });
  });

  it('lists the top deals, flagged deals, closed deals and open actions', () => {
    // a1 closed on 20 Nov on paper: past its close date, it is flagged, not ranked.
    expect(model.lists.top.map((d) => d.Name)).toEqual(['b2', 'a2', 'b1']);
    expect(model.lists.topPastCloseDate).toBe(1);
    const a2 = model.lists.top[1];
    expect(a2).toMatchObject({
      AccountName: 'Fresh Foods',
      OwnerName: 'Ana Rep',
      weighted: 35000,
      flags: ['notUpdated', 'stalled', 'offersPastCheck'],
      snoozed: true,
      SPM_Flag_Snooze_Reason__c: 'Customer on holiday',
      daysInStage: 83
    });
    expect(model.lists.flagged.map((d) => [d.Name, d.flags])).toEqual([
      ['a2', ['notUpdated', 'stalled', 'offersPastCheck']],
      ['a1', ['pastCloseDate']],
      ['b1', ['earlyStageClosingSoon']]
    ]);
    expect(model.lists.closed.map((d) => d.Name)).toEqual(['a3', 'a4', 'b3']);
    expect(
      model.lists.actions.map((a) => [a.Name, a.overdue, a.kpiKey, a.OpportunityName])
    ).toEqual([
      ['Call Fresh Foods CFO', true, 'past_close_date', 'a1'],
      ['Send case study', false, null, null]
    ]);
    expect(model.lists.complete).toEqual({ open: true, closed: true, actions: true });
  });

  it('gives the same model from the GraphQL responses as from the records', () => {
    const fromResponses = reviewModelFromResponses(plan, answerPlan(plan, data));
    expect(fromResponses).toEqual(model);
  });

  it('gives the same model whether targets are queried or given', () => {
    const given = planFor({ targets: data.SPM_Target__c });
    expect(reviewModelFromResponses(given, answerPlan(given, data))).toEqual(model);
  });
});

describe('trends and the forecast of the period (hand-made team)', () => {
  // Variant of the team: a2 (Ana, 50000, closes 28 Nov) is in Commit; snapshots carry their source.
  const data = teamData();
  data.Opportunity.find((o) => o.Name === 'a2').ForecastCategoryName = 'Commit';
  data.Opportunity.find((o) => o.Name === 'b2').ForecastCategoryName = 'Commit'; // closes in Jan: not this period
  const sources = ['Live', 'Backfill', 'Live'];
  data.SPM_Forecast_Snapshot__c.forEach((s, i) => {
    s.Source__c = sources[i];
  });
  const plan = planFor();
  const model = reviewModelFromRecords(plan, data);
  const month = (start, end, label) => ({ type: 'Month', start, end, label });

  it('gives forecast accuracy for the last six complete months, null where no snapshot', () => {
    expect(model.forecast.months).toEqual([
      {
        month: month('2026-05-01', '2026-05-31', 'May 2026'),
        forecast: null,
        won: 0,
        deviationPct: null,
        source: null
      },
      {
        month: month('2026-06-01', '2026-06-30', 'Jun 2026'),
        forecast: null,
        won: 0,
        deviationPct: null,
        source: null
      },
      {
        month: month('2026-07-01', '2026-07-31', 'Jul 2026'),
        forecast: null,
        won: 0,
        deviationPct: null,
        source: null
      },
      {
        month: month('2026-08-01', '2026-08-31', 'Aug 2026'),
        forecast: null,
        won: 0,
        deviationPct: null,
        source: null
      },
      // Ben's September snapshot: 99999 forecast, nothing won → −100 %.
      {
        month: month('2026-09-01', '2026-09-30', 'Sep 2026'),
        forecast: 99999,
        won: 0,
        deviationPct: -100,
        source: 'Live'
      },
      // October: 50000 + 10000 forecast, a5 won 40000 on 15 Oct; one snapshot backfilled.
      {
        month: month('2026-10-01', '2026-10-31', 'Oct 2026'),
        forecast: 60000,
        won: 40000,
        deviationPct: -33.3333,
        source: 'Backfill'
      }
    ]);
    const last = model.forecast.months[5];
    expect({ forecast: last.forecast, won: last.won, deviationPct: last.deviationPct }).toEqual(
      model.forecast.total
    );
  });

  it('forecasts the review period: won so far plus commit closing in the rest of it, against the sales target', () => {
    // Won in Nov: a3 30000 + b3 20000. Open, closing 23–30 Nov: a2 only (Commit, 50000 × 70 %).
    expect(model.forecast.period).toEqual({
      period: { type: 'Month', start: '2026-11-01', end: '2026-11-30', label: 'Nov 2026' },
      won: 50000,
      commit: 50000,
      weighted: 35000,
      forecast: 100000,
      target: 100000,
      // The team forecasts its target: on track, nothing to find.
      gap: 0,
      status: 'green',
      toClose: null,
      byUser: [
        {
          userId: A,
          won: 30000,
          commit: 50000,
          weighted: 35000,
          forecast: 80000,
          target: 60000,
          gap: 0,
          status: 'green',
          toClose: null
        },
        {
          userId: B,
          won: 20000,
          commit: 0,
          weighted: 0,
          forecast: 20000,
          target: 40000,
          gap: 20000,
          status: 'red',
          // B won the one deal B closed (100%, €20,000): one more deal, one more opportunity; a
          // 30-day cycle no longer fits in the 7 days left.
          toClose: {
            basis: 'own',
            winRate: 100,
            averageDealValue: 20000,
            cycleDays: 30,
            dealsToWin: 1,
            opportunitiesToCreate: 1,
            createInTime: false
          }
        }
      ]
    });
    const weighted = reviewModelFromRecords(
      planFor({ options: { forecastBasis: 'weighted' } }),
      data
    );
    expect(weighted.forecast.period.forecast).toBe(85000);
    // The coverage part the forecast panel reads stays the open amount closing in the rest of the period.
    expect(cellOf(model, 'coverage').total.parts.open).toBe(50000);
  });

  it('lists offers past their check date among the data-trust measures', () => {
    // a2's offer check date (20 Nov) has passed, but its flags are snoozed until 30 Nov.
    expect(model.trust.measures.map((m) => m.key)).toEqual([
      'forecastDeviation',
      'pastCloseDate',
      'notUpdated',
      'earlyStageClosingSoon',
      'stalled',
      'offersPastCheck'
    ]);
    expect(model.trust.measures[5]).toEqual({
      key: 'offersPastCheck',
      label: 'Offers past check date',
      unit: 'Count',
      value: 0,
      count: 0,
      amount: 0,
      snoozed: 1,
      status: 'green',
      // The deals behind it carry this flag; the menu KPI carrying the builtin, from its definition.
      flag: 'offersPastCheck',
      kpiKey: 'offers_past_check',
      complete: true
    });
  });

  it('keeps six trust periods: the current values last, deviation as known at each end, unknown counts null', () => {
    const period = (start, end, label) => ({ type: 'Month', start, end, label });
    const unknown = {
      pastCloseDate: null,
      notUpdated: null,
      earlyStageClosingSoon: null,
      stalled: null,
      offersPastCheck: null
    };
    expect(model.trust.history).toEqual([
      {
        period: period('2026-06-01', '2026-06-30', 'Jun 2026'),
        forecastDeviation: null,
        ...unknown
      },
      {
        period: period('2026-07-01', '2026-07-31', 'Jul 2026'),
        forecastDeviation: null,
        ...unknown
      },
      {
        period: period('2026-08-01', '2026-08-31', 'Aug 2026'),
        forecastDeviation: null,
        ...unknown
      },
      {
        period: period('2026-09-01', '2026-09-30', 'Sep 2026'),
        forecastDeviation: -100,
        ...unknown
      },
      {
        period: period('2026-10-01', '2026-10-31', 'Oct 2026'),
        forecastDeviation: -33.3333,
        ...unknown
      },
      {
        period: period('2026-11-01', '2026-11-30', 'Nov 2026'),
        forecastDeviation: -33.3333,
        pastCloseDate: 1,
        notUpdated: 0,
        earlyStageClosingSoon: 1,
        stalled: 0,
        offersPastCheck: 0
      }
    ]);
  });

  it('keeps six activity periods ending with the current one, equal to the activity total', () => {
    const trend = model.activity.history;
    expect(trend.map((h) => h.period.label)).toEqual([
      'Jun 2026',
      'Jul 2026',
      'Aug 2026',
      'Sep 2026',
      'Oct 2026',
      'Nov 2026'
    ]);
    expect(trend[5].total).toEqual(model.activity.total);
    expect(trend[5].byUser).toEqual(model.activity.byUser);
    // Past months: meetings, hours and calls counted; new opportunities and contacts not loaded.
    const notLoaded = {
      newOpportunities: null,
      newPipeline: null,
      newCustomerContacts: null,
      plannedMeetings: null
    };
    expect(trend[0].total).toEqual({ meetings: 0, customerHours: 0, calls: 0, ...notLoaded });
    // Ben's 600-minute meeting on 30 Oct; Ben's task in November is an email, not a call.
    expect(trend[4].total).toEqual({ meetings: 1, customerHours: 10, calls: 0, ...notLoaded });
    expect(trend[4].byUser).toEqual([
      { userId: A, meetings: 0, customerHours: 0, calls: 0, ...notLoaded },
      { userId: B, meetings: 1, customerHours: 10, calls: 0, ...notLoaded }
    ]);
    // The current month stays exactly November: Ana 2 meetings (2.5 h) and 1 call, Ben 1 (0.5 h).
    expect(model.activity.total).toMatchObject({ meetings: 3, customerHours: 3, calls: 1 });
    expect(cellOf(model, 'customer_meetings').total.value).toBe(3);
  });

  it('builds quarter histories across fiscal years', () => {
    // Fiscal year from February: the quarter of 23 Nov 2026 is Nov 2026 – Jan 2027.
    const q = reviewModelFromRecords(
      planFor({ periodType: 'Quarter', fiscalYearStartMonth: 2 }),
      data
    );
    expect(q.activity.history.map((h) => [h.period.start, h.period.end])).toEqual([
      ['2025-08-01', '2025-10-31'],
      ['2025-11-01', '2026-01-31'],
      ['2026-02-01', '2026-04-30'],
      ['2026-05-01', '2026-07-31'],
      ['2026-08-01', '2026-10-31'],
      ['2026-11-01', '2027-01-31']
    ]);
    expect(q.trust.history.map((h) => h.period.end)).toEqual(
      q.activity.history.map((h) => h.period.end)
    );
    // Deviation as known at each quarter's end: October is the latest snapshot month ending by 31 Oct.
    expect(q.trust.history.map((h) => h.forecastDeviation)).toEqual([
      null,
      null,
      null,
      null,
      -33.3333,
      -33.3333
    ]);
  });

  it('asks for each forecast month and each past month in its own subquery, with the same model from GraphQL', () => {
    const text = plan.documents.map((d) => d.query).join('\n');
    expect(text).not.toContain('function');
    expect(text).toContain(
      'forecastWon1: Opportunity(where: { OwnerId: { in: $userIds }, CloseDate: { gte: { value: $wonMonth1Start }, lte: { value: $wonMonth1End } }, IsWon: { eq: true } }, groupBy: { OwnerId: { group: true } }'
    );
    expect(text).toContain(
      'pastEvents1: Event(where: { OwnerId: { in: $userIds }, ActivityDate: { gte: { value: $pastPeriod1Start }, lte: { value: $pastPeriod1End } } }'
    );
    expect(text).toContain('MonthStart: Month_Start__c { value }');
    expect(text).toContain('ForecastCategoryName: { group: true }');
    expect(plan.variables.wonMonth1Start.value).toBe('2026-05-01');
    expect(plan.variables.pastPeriod5End.value).toBe('2026-10-31');
    expect(reviewModelFromResponses(plan, answerPlan(plan, data))).toEqual(model);
  });

  it('stays within the plan documents of at most ten subqueries', () => {
    expect(plan.documents.length).toBeLessThanOrEqual(MAX_PLAN_DOCUMENTS);
    for (const doc of plan.documents) expect(doc.aliases.length).toBeLessThanOrEqual(10);
    expect(plan.unplanned).toEqual([]);
  });
});

describe('the data-trust trend from past reviews', () => {
  const snapshot = (subjectUserIds, counts) =>
    JSON.stringify({
      version: 1,
      subjectUserIds,
      kpis: [],
      trust: Object.entries(counts).map(([key, value]) => ({ key, value, snoozed: 0 }))
    });
  const review = (n, subject, date, text) => ({
    Id: id('a05', n),
    Subject_User__c: subject,
    Review_Date__c: date,
    KPI_Snapshot__c: text
  });
  const data = teamData();
  data.SPM_Review__c = [
    // October: a team review of exactly Ana and Ben (held by Maria), before offers were counted.
    review(
      1,
      M,
      '2026-10-12',
      snapshot([A, B], { pastCloseDate: 4, notUpdated: 2, earlyStageClosingSoon: 1, stalled: 0 })
    ),
    // September: individual reviews; Ana's latest (10 Sep) wins over her 3 Sep one.
    review(
      2,
      A,
      '2026-09-03',
      snapshot([A], {
        pastCloseDate: 9,
        notUpdated: 9,
        earlyStageClosingSoon: 9,
        stalled: 9,
        offersPastCheck: 9
      })
    ),
    review(
      3,
      A,
      '2026-09-10',
      snapshot([A], {
        pastCloseDate: 1,
        notUpdated: 0,
        earlyStageClosingSoon: 2,
        stalled: 1,
        offersPastCheck: 0
      })
    ),
    review(
      4,
      B,
      '2026-09-20',
      snapshot([B], {
        pastCloseDate: 2,
        notUpdated: 1,
        earlyStageClosingSoon: 0,
        stalled: 0,
        offersPastCheck: 1
      })
    ),
    // August: only Ana was reviewed → the team's counts are unknown.
    review(
      5,
      A,
      '2026-08-05',
      snapshot([A], {
        pastCloseDate: 5,
        notUpdated: 5,
        earlyStageClosingSoon: 5,
        stalled: 5,
        offersPastCheck: 5
      })
    ),
    // July: a snapshot that is not JSON tells nothing.
    review(6, M, '2026-07-15', '{not json'),
    // May: before the six periods (Jun–Nov), not read.
    review(
      7,
      M,
      '2026-05-20',
      snapshot([A, B], {
        pastCloseDate: 7,
        notUpdated: 7,
        earlyStageClosingSoon: 7,
        stalled: 7,
        offersPastCheck: 7
      })
    )
  ];
  const plan = planFor();
  const model = reviewModelFromRecords(plan, data);
  const counts = (h) => [
    h.pastCloseDate,
    h.notUpdated,
    h.earlyStageClosingSoon,
    h.stalled,
    h.offersPastCheck
  ];

  it('reads counts as of each past period from the reviews held in it', () => {
    expect(model.trust.history.map((h) => [h.period.label, ...counts(h)])).toEqual([
      ['Jun 2026', null, null, null, null, null],
      ['Jul 2026', null, null, null, null, null],
      ['Aug 2026', null, null, null, null, null],
      ['Sep 2026', 3, 1, 2, 1, 1],
      ['Oct 2026', 4, 2, 1, 0, null],
      ['Nov 2026', 1, 0, 1, 0, 0]
    ]);
  });

  it('reads the reviews in the plan documents, and the same trend from GraphQL', () => {
    const aliases = plan.documents.flatMap((d) => d.aliases);
    expect(aliases).toContain('reviews');
    const text = plan.documents.map((d) => d.query).join('\n');
    expect(text).toContain('reviews: SPM_Review__c(where: { Subject_User__c: { in: $peopleIds }');
    expect(text).toContain('SubjectUser: Subject_User__c { value }');
    expect(plan.variables.historyStart.value).toBe('2026-06-01');
    expect(reviewModelFromResponses(plan, answerPlan(plan, data))).toEqual(model);
  });

  it('reads the trend of a weekly review too; its activity trend is not loaded', () => {
    const weekly = planFor({ periodType: 'Week' });
    expect(weekly.specs.map((s) => s.alias)).toContain('reviews');
    const withWeekly = {
      ...data,
      SPM_Review__c: [
        ...data.SPM_Review__c,
        review(
          8,
          M,
          '2026-11-10',
          snapshot([A, B], {
            pastCloseDate: 6,
            notUpdated: 5,
            earlyStageClosingSoon: 4,
            stalled: 3,
            offersPastCheck: 2
          })
        )
      ]
    };
    const m = reviewModelFromRecords(weekly, withWeekly);
    expect(m.trust.history.map((h) => [h.period.start, ...counts(h)])).toEqual([
      ['2026-10-19', null, null, null, null, null],
      ['2026-10-26', null, null, null, null, null],
      ['2026-11-02', null, null, null, null, null],
      ['2026-11-09', 6, 5, 4, 3, 2],
      ['2026-11-16', null, null, null, null, null],
      ['2026-11-23', 1, 0, 1, 0, 0]
    ]);
    expect(m.activity.history[0].total.meetings).toBeNull();
    // The forecast months still come from their own subqueries.
    expect(m.forecast.months[5]).toMatchObject({ forecast: 60000, won: 40000 });
    expect(reviewModelFromResponses(weekly, answerPlan(weekly, withWeekly))).toEqual(m);
  });

  it('reads the trend for a quarterly review too, with the forecast months from their subqueries', () => {
    const quarterly = planFor({ periodType: 'Quarter' });
    expect(quarterly.specs.map((s) => s.alias)).toContain('reviews');
    const q = reviewModelFromRecords(quarterly, data);
    // Q3 (Jul–Sep): the September individual reviews are the latest of the quarter held by both.
    expect(q.trust.history.map((h) => h.period.label).slice(4)).toEqual(['Q3 FY2026', 'Q4 FY2026']);
    expect(counts(q.trust.history[4])).toEqual([3, 1, 2, 1, 1]);
    expect(q.forecast.months.map((mo) => mo.won)).toEqual([0, 0, 0, 0, 0, 40000]);
    // Q4 so far: a3 30000 + b3 20000 won; a5 (15 Oct) too.
    expect(cellOf(q, 'sales_won').total.value).toBe(90000);
    expect(reviewModelFromResponses(quarterly, answerPlan(quarterly, data))).toEqual(q);
  });
});

describe('a review of one account', () => {
  const data = teamData();
  const plan = planFor({ accountId: X1 });
  const model = reviewModelFromRecords(plan, data);

  it('filters every query by the account and drops targets and forecasts', () => {
    const text = plan.documents.map((d) => d.query).join('\n');
    expect(text).not.toContain('SPM_Target__c(');
    expect(text).not.toContain('SPM_Forecast_Snapshot__c(');
    expect(text).toContain('$accountId: ID');
    expect(text).toContain('Account__c: { eq: $accountId }');
    expect(text).toMatch(
      /OpportunityHistory\(where: \{ Opportunity: \{ OwnerId: \{ in: \$userIds \}, AccountId: \{ eq: \$accountId \}/
    );
    const scoped = plan.specs.filter(
      (s) => !s.local && ['Opportunity', 'Task', 'Event'].includes(s.object)
    );
    expect(scoped.length).toBeGreaterThan(10);
    for (const spec of scoped)
      expect(JSON.stringify(spec.where)).toContain('"field":"AccountId","op":"eq"');
    expect(plan.documents.every((d) => d.variables.accountId === X1)).toBe(true);
  });

  it("computes the account's numbers only, without targets", () => {
    expect(model.scope.accountId).toBe(X1);
    // Fresh Foods: a1 (10000 Prospecting), a2 (50000 Proposal) open; a3 won 30000; a4 lost.
    expect(model.funnel.total).toEqual({ count: 2, amount: 60000, weighted: 36000 });
    expect(cellOf(model, 'sales_won').total).toMatchObject({
      value: 30000,
      target: null,
      attainment: null
    });
    expect(cellOf(model, 'win_rate').total.value).toBe(50);
    // Ana's two meetings (60 + 90 minutes) and one call with Fresh Foods; Ben has none there.
    expect(model.activity.total).toMatchObject({ meetings: 2, customerHours: 2.5, calls: 1 });
    expect(model.lists.actions.map((a) => a.Name)).toEqual(['Call Fresh Foods CFO']);
    expect(model.forecast.total).toEqual({ forecast: null, won: 0, deviationPct: null });
    expect(model.forecast.period.target).toBeNull();
    expect(model.lists.open.every((d) => d.AccountId === X1)).toBe(true);
  });

  it('has no forecast deviation and no conversion rate resting on a handful of deals', () => {
    expect(model.trust.measures.map((m) => m.key)).not.toContain('forecastDeviation');
    expect(model.trust.byUser.every((row) => !('forecastDeviation' in row))).toBe(true);
    expect(model.trust.history.every((entry) => !('forecastDeviation' in entry))).toBe(true);
    // Fresh Foods has two closed deals: every stage rests on fewer than MIN_CONVERSION_DEALS.
    expect(model.funnel.stages.every((s) => s.tooFewDeals && s.conversionToNext === null)).toBe(
      true
    );
    // A person's review keeps every rate and the deviation.
    const whole = reviewModelFromRecords(planFor(), data);
    expect(whole.trust.measures.map((m) => m.key)).toContain('forecastDeviation');
    expect(whole.funnel.stages.some((s) => s.tooFewDeals)).toBe(false);
  });

  it('gives the same model from the GraphQL responses as from the records', () => {
    expect(reviewModelFromResponses(plan, answerPlan(plan, data))).toEqual(model);
  });

  it('rejects an id that is not an account id', () => {
    expect(() => planFor({ accountId: A })).toThrow(/accountId must be an Account id/);
  });
});

describe('identical numbers from records and from GraphQL responses', () => {
  it('holds for any data set', () => {
    fc.assert(
      fc.property(dataSetArbitrary({ owners: [A, B] }), (data) => {
        data.User = users;
        const plan = planFor();
        expect(reviewModelFromResponses(plan, answerPlan(plan, data))).toEqual(
          reviewModelFromRecords(plan, data)
        );
      }),
      { numRuns: 40 }
    );
  });
});

describe('roll-ups', () => {
  const team = [A, B, id('005', 13)];
  const teamUsers = [...users, user(13, { ManagerId: M })];
  const X = id('005', 99);
  const reassign = (data) => {
    const union = JSON.parse(JSON.stringify(data));
    for (const object of ['Opportunity', 'Task', 'Event', 'SPM_Action__c']) {
      for (const r of union[object]) if (team.includes(r.OwnerId)) r.OwnerId = X;
    }
    for (const s of union.SPM_Forecast_Snapshot__c) if (team.includes(s.User__c)) s.User__c = X;
    return union;
  };
  it("equal computing on the union of the team's records, for every KPI and section", () => {
    fc.assert(
      fc.property(dataSetArbitrary({ owners: team, maxOpps: 25 }), (data) => {
        const base = {
          kpis,
          stagePolicy,
          asOf: AS_OF,
          orgTimeZone: TZ,
          periodType: 'Month',
          lastReviewDate: '2026-11-09'
        };
        const teamModel = reviewModelFromRecords(
          buildReviewPlan({ ...base, subjectUserIds: team, users: teamUsers }),
          data
        );
        const unionModel = reviewModelFromRecords(
          buildReviewPlan({ ...base, subjectUserIds: [X], users: [user(99)] }),
          reassign(data)
        );
        for (const k of teamModel.kpis) {
          const managerRow = k.byTeam.find((c) => c.userId === M);
          const single = unionModel.kpis.find((u) => u.key === k.key).byUser[0];
          expect({ key: k.key, value: managerRow.value, parts: managerRow.parts }).toEqual({
            key: k.key,
            value: single.value,
            parts: single.parts
          });
          expect(k.total.value).toEqual(single.value);
        }
        expect(teamModel.funnel.total).toEqual(unionModel.funnel.total);
        expect(teamModel.trust.measures).toEqual(unionModel.trust.measures);
        expect(teamModel.activity.total).toEqual(unionModel.activity.total);
        expect(teamModel.forecast.total).toEqual(unionModel.forecast.total);
      }),
      { numRuns: 40 }
    );
  });
});

describe('responses with errors', () => {
  const plan = planFor();
  const data = teamData();
  const full = reviewModelFromResponses(plan, answerPlan(plan, data));
  const indexOf = (name) => plan.documents.findIndex((d) => d.operationName === name);
  const reason =
    "Validation error of type FieldUndefined: Field 'DurationInMinutes' in type 'Event' is undefined @ 'uiapi/aggregate/Event'";
  const withFailed = (names, failure) =>
    answerPlan(plan, data).map((response, i) => {
      return names.includes(plan.documents[i].operationName) ? failure : response;
    });

  it('blanks only what reads the failed documents: the activity documents fail, every other number stays', () => {
    // Task and Event aggregates (Beta) rejected: both activity documents of a Month review fail.
    const activityDocuments = plan.documents.filter((d) => d.group === 'activity');
    expect(activityDocuments.map((d) => d.operationName)).toEqual([
      'spmReviewActivity1',
      'spmReviewActivity2'
    ]);
    const responses = withFailed(
      activityDocuments.map((d) => d.operationName),
      { data: null, errors: [{ message: reason, locations: [] }] }
    );
    const model = reviewModelFromResponses(plan, responses);
    expect(model.unavailable).toEqual([
      {
        operationName: 'spmReviewActivity1',
        group: 'activity',
        panels: ['scorecard', 'rollup', 'activity'],
        reason
      },
      // The menu's activity KPIs count meetings held, as the activity panel does: the subqueries
      // they share land in both documents.
      {
        operationName: 'spmReviewActivity2',
        group: 'activity',
        panels: ['scorecard', 'rollup', 'activity'],
        reason
      }
    ]);
    // The activity KPIs read the failed subqueries: no value, the reason instead, in every cell.
    const activityKpis = [
      'customer_meetings',
      'customer_hours',
      'calls',
      'customer_facing_cost',
      'cost_of_sales_pct',
      'hours_per_win'
    ];
    for (const key of activityKpis) {
      const kpi = cellOf(model, key);
      for (const cell of [kpi.total, ...kpi.byUser, ...kpi.byTeam]) {
        expect(cell).toMatchObject({ value: null, status: 'none', unavailable: reason });
        expect(Object.values(cell.parts).every((v) => v === null)).toBe(true);
      }
    }
    expect(model.activity.total).toMatchObject({
      meetings: null,
      customerHours: null,
      calls: null,
      newOpportunities: full.activity.total.newOpportunities,
      newCustomerContacts: full.activity.total.newCustomerContacts
    });
    for (const entry of model.activity.history)
      expect(entry.total).toMatchObject({ meetings: null, customerHours: null, calls: null });
    // Everything else equals the full model.
    const others = model.kpis.filter((k) => !activityKpis.includes(k.key));
    expect(others).toEqual(full.kpis.filter((k) => !activityKpis.includes(k.key)));
    for (const section of ['funnel', 'trust', 'movement', 'forecast', 'lists', 'scope'])
      expect(model[section]).toEqual(full[section]);
    expect(model.warnings).toEqual([]);
  });

  it('blanks what reads the failed subqueries of a document that answered the others', () => {
    const responses = answerPlan(plan, data);
    const core = indexOf('spmReviewCore1');
    delete responses[core].data.uiapi.aggregate.open;
    responses[core].errors = [
      { message: 'Field not visible', path: ['uiapi', 'aggregate', 'open'] },
      { message: 'Something else' }
    ];
    const model = reviewModelFromResponses(plan, responses);
    expect(model.unavailable).toEqual([
      {
        operationName: 'spmReviewCore1',
        group: 'core',
        panels: ['scorecard', 'rollup', 'funnel'],
        reason: 'Field not visible (at uiapi.aggregate.open)'
      }
    ]);
    // The message about nothing that failed is kept, as a warning.
    expect(model.warnings).toEqual(['spmReviewCore1: Something else']);
    expect(cellOf(model, 'open_pipeline').total).toMatchObject({
      value: null,
      unavailable: 'Field not visible (at uiapi.aggregate.open)'
    });
    // The weighted pipeline reads its own subqueries (amounts by probability), which answered.
    expect(cellOf(model, 'weighted_pipeline').total).toEqual(
      cellOf(full, 'weighted_pipeline').total
    );
    expect(cellOf(model, 'sales_won').total).toEqual(cellOf(full, 'sales_won').total);
  });

  it('makes the trust flags of a failed subquery unknown, never 0, for the team and each person', () => {
    const responses = answerPlan(plan, data);
    const flags = plan.documents.findIndex((d) => d.aliases.includes('pastCloseDate'));
    delete responses[flags].data.uiapi.aggregate.pastCloseDate;
    responses[flags].errors = [
      { message: 'Field not visible', path: ['uiapi', 'aggregate', 'pastCloseDate'] }
    ];
    const model = reviewModelFromResponses(plan, responses);
    const measure = (m, key) => m.trust.measures.find((x) => x.key === key);
    expect(measure(full, 'pastCloseDate').count).toBeGreaterThan(0);
    expect(measure(model, 'pastCloseDate')).toMatchObject({
      value: null,
      count: null,
      amount: null,
      snoozed: null
    });
    for (const row of model.trust.byUser) {
      expect(row.pastCloseDate).toBeNull();
      expect(row.snoozed).toBeNull();
    }
    expect(model.trust.history.at(-1).pastCloseDate).toBeNull();
    // The other flags, read from subqueries that answered, are the full model's.
    for (const key of ['notUpdated', 'earlyStageClosingSoon', 'stalled', 'offersPastCheck'])
      expect(measure(model, key)).toEqual(measure(full, key));
    expect(model.trust.byUser.map((r) => r.notUpdated)).toEqual(
      full.trust.byUser.map((r) => r.notUpdated)
    );
  });

  it('keeps the numbers and warns when the errors stopped no subquery', () => {
    const responses = answerPlan(plan, data);
    responses[0].errors = [{ message: 'Deprecated field' }];
    const model = reviewModelFromResponses(plan, responses);
    expect(model.unavailable).toEqual([]);
    expect(model.warnings).toEqual(['spmReviewCore1: Deprecated field']);
    expect(model.kpis).toEqual(full.kpis);
  });

  it('throws with every GraphQL error only when every document failed', () => {
    const failure = { data: null, errors: [{ message: 'No such column Amount' }] };
    const responses = plan.documents.map(() => failure);
    let caught;
    try {
      reviewModelFromResponses(plan, responses);
    } catch (e) {
      caught = e;
    }
    expect(caught.message).toBe(
      plan.documents.map((d) => `${d.operationName} failed: No such column Amount`).join('; ')
    );
    expect(caught.errors).toHaveLength(plan.documents.length);
  });

  it('gives no unavailable entry from records, nor from complete responses', () => {
    expect(full.unavailable).toEqual([]);
    expect(reviewModelFromRecords(plan, data).unavailable).toEqual([]);
  });

  it('shapes the answers the org would give from records, under the aliases of the documents', () => {
    const responses = responsesFromRecords(plan, data);
    expect(responses).toHaveLength(plan.documents.length);
    const flags = plan.documents.findIndex((d) => d.aliases.includes('pastCloseDate'));
    const aggregate = responses[flags].data.uiapi.aggregate;
    expect(Object.keys(aggregate)).toEqual(plan.documents[flags].aliases);
    expect(JSON.stringify(aggregate.pastCloseDate)).toContain('"SPMFlagSnoozedUntil"');
    expect(reviewModelFromResponses(plan, responses)).toEqual(full);
  });

  it('needs one response per document', () => {
    expect(() => reviewModelFromResponses(plan, [])).toThrow(
      `Review model: expected ${plan.documents.length} responses, got 0`
    );
  });
});

describe('documents in the real UI API grammar, for every period, scope and size', () => {
  const many = Array.from({ length: 100 }, (_, i) => user(100 + i, { ManagerId: M }));
  const scopes = [
    { name: 'a rep', subjectUserIds: [A], users },
    { name: 'a team', subjectUserIds: [A, B], users },
    { name: 'a hundred reps', subjectUserIds: many.map((u) => u.Id), users: [users[0], ...many] },
    { name: 'an account', subjectUserIds: [A], users, accountId: X1 }
  ];
  const plans = scopes.flatMap((scope) =>
    ['Month', 'Quarter', 'Year', 'Week'].map((periodType) => ({
      name: `${scope.name}, ${periodType}`,
      plan: buildReviewPlan({
        ...scope,
        kpis,
        stagePolicy,
        asOf: AS_OF,
        orgTimeZone: TZ,
        periodType,
        lastReviewDate: '2026-11-09'
      })
    }))
  );
  const fieldsOf = (query) => {
    const fields = [];
    visit(parse(query), {
      Field(node) {
        fields.push(node);
      }
    });
    return fields;
  };

  it('applies no date function anywhere (Date fields take { group } only)', () => {
    for (const { name, plan } of plans) {
      for (const document of plan.documents) {
        expect({ name, function: /function\s*:/.test(document.query) }).toEqual({
          name,
          function: false
        });
      }
      for (const spec of plan.specs) expect(spec.groupFunctions).toBeUndefined();
    }
  });

  it('reads no field real orgs hide by default, and no currentUser', () => {
    for (const { plan } of plans) {
      for (const document of plan.documents) {
        const names = fieldsOf(document.query).map((f) => f.name.value);
        expect(names).not.toContain('ExpectedRevenue');
        expect(names).not.toContain('currentUser');
        expect(names).not.toContain('Type');
      }
    }
  });

  it('aliases every custom field and relationship it selects', () => {
    for (const { plan } of plans) {
      for (const document of plan.documents) {
        const custom = fieldsOf(document.query).filter((f) => /__[cr]$/.test(f.name.value));
        expect(custom.filter((f) => !f.alias).map((f) => f.name.value)).toEqual([]);
      }
      expect(plan.documents.map((d) => d.query).join(' ')).toContain(
        'SPMFlagSnoozedUntil: SPM_Flag_Snoozed_Until__c { value }'
      );
    }
  });

  it('puts each subquery in its group, at most ten per document, with the panels that read it', () => {
    for (const { name, plan } of plans) {
      expect({ name, documents: plan.documents.length <= MAX_PLAN_DOCUMENTS }).toEqual({
        name,
        documents: true
      });
      expect(plan.unplanned).toEqual([]);
      for (const document of plan.documents) {
        expect(document.aliases.length).toBeLessThanOrEqual(MAX_SUBQUERIES);
        const specs = plan.specs.filter((spec) => document.aliases.includes(spec.alias));
        expect(specs.map(subqueryGroup).every((g) => g === document.group)).toBe(true);
        expect(document.operationName).toMatch(
          new RegExp(`^spmReview${document.group[0].toUpperCase()}${document.group.slice(1)}\\d+$`)
        );
        expect(document.panels.length).toBeGreaterThan(0);
        expect(document.panels.every((p) => PANEL_KEYS.includes(p))).toBe(true);
        const isActivity = (spec) => ['Task', 'Event'].includes(spec.object);
        // Joins travel alone; Task and Event only in the activity and joins groups.
        expect({
          group: document.group,
          joins: /\bn?inq\b/.test(document.query),
          activity: specs.every(isActivity),
          someActivity: specs.some(isActivity)
        }).toEqual({
          group: document.group,
          joins: document.group === 'joins',
          activity:
            document.group === 'activity' ||
            (document.group === 'joins' && specs.every(isActivity)),
          someActivity: document.group !== 'core'
        });
      }
      const panels = new Set(plan.documents.flatMap((d) => d.panels));
      expect([...panels].sort()).toEqual([...PANEL_KEYS].sort());
    }
  });

  it('sends documents that the org answers without a validation error', () => {
    const data = teamData();
    for (const { name, plan } of plans) {
      const errors = answerPlan(plan, data).flatMap((r) => r.errors);
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });

  it('sends documents that the local org schema accepts, variables included', () => {
    for (const { name, plan } of plans.filter((p) => !p.name.startsWith('a hundred'))) {
      for (const document of plan.documents) {
        expect({
          name,
          operation: document.operationName,
          errors: documentErrors(document)
        }).toEqual({ name, operation: document.operationName, errors: [] });
      }
    }
  });
});

describe('a review from a sample-data file', () => {
  it('finds the team under a manager and reads meta and config from the file', () => {
    const data = teamData();
    data.SPM_KPI__c = [];
    const { plan, model } = reviewModelFromDataSet(
      {
        meta: { asOf: AS_OF, orgTimeZone: TZ, fiscalYearStartMonth: 1, currency: 'EUR' },
        records: data
      },
      { managerId: M, lastReviewDate: '2026-11-09', kpis, stagePolicy }
    );
    expect(plan.context.subjectUserIds.sort()).toEqual([A, B].sort());
    expect(model.scope.currency).toBe('EUR');
    expect(cellOf(model, 'sales_won').total).toMatchObject({ value: 50000, target: 100000 });
  });
});
