import {
  buildReviewPlan,
  reviewModelFromResponses,
  reviewModelFromRecords,
  reviewModelFromDataSet,
  MAX_DOCUMENTS
} from 'c/reviewPlan';

const fc = require('fast-check');
const { parse } = require('graphql');
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
    event({ OwnerId: B, AccountId: X2, ActivityDate: '2026-10-30', DurationInMinutes: 600 })
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

  it('loads a whole review with at most two documents of at most ten subqueries', () => {
    expect(plan.documents.length).toBeLessThanOrEqual(MAX_DOCUMENTS);
    expect(plan.documents.map((d) => d.operationName)).toEqual([
      'spmReviewPart1',
      'spmReviewPart2'
    ]);
    for (const document of plan.documents) {
      expect(document.aliases.length).toBeLessThanOrEqual(10);
      expect(() => parse(document.query)).not.toThrow();
      expect(document.query).not.toContain('totalCount');
    }
    expect(plan.unplanned).toEqual([]);
    const lists = plan.specs.filter((s) => s.kind === 'records');
    expect(lists.map((s) => s.alias)).toEqual(['openList', 'closedList', 'actions']);
    expect(lists.every((s) => s.first <= 200)).toBe(true);
    const aggregates = plan.specs.filter((s) => s.kind === 'aggregate' && !s.local);
    expect(
      aggregates.every((s) => s.object === 'OpportunityHistory' || s.groupBy[0] === s.owner)
    ).toBe(true);
  });

  it('plans the same two documents for a hundred reps', () => {
    const many = Array.from({ length: 100 }, (_, i) => user(100 + i, { ManagerId: M }));
    const big = buildReviewPlan({
      subjectUserIds: many.map((u) => u.Id),
      users: [users[0], ...many],
      kpis,
      stagePolicy,
      asOf: AS_OF,
      orgTimeZone: TZ,
      periodType: 'Quarter',
      lastReviewDate: null
    });
    expect(big.documents).toHaveLength(2);
    expect(big.documents[0].variables.userIds).toHaveLength(100);
    expect(big.context.lastReviewDate).toBe('2026-09-30');
  });

  it('does not query targets that were given', () => {
    const given = planFor({ targets: [] });
    expect(given.specs.find((s) => s.alias === 'targets').local).toBe(true);
    expect(given.documents.flatMap((d) => d.aliases)).not.toContain('targets');
  });

  it('reports the KPIs that do not fit in two requests instead of sending a third', () => {
    const extra = Array.from({ length: 4 }, (_, i) => ({
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
    expect(crowded.documents).toHaveLength(2);
    expect(crowded.unplanned.map((u) => u.key)).toEqual([
      'extra_0',
      'extra_1',
      'extra_2',
      'extra_3'
    ]);
    const model = reviewModelFromRecords(crowded, teamData());
    expect(cellOf(model, 'extra_0').total).toMatchObject({ value: null, note: 'not loaded' });
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

  it('paces and covers against the pro-rated and remaining target', () => {
    expect(cellOf(model, 'pacing').total).toMatchObject({
      value: 65.2174,
      target: 100000,
      status: 'red'
    });
    expect(userCell(model, 'coverage', A)).toMatchObject({
      value: 1.6667,
      target: 60000,
      status: 'red'
    });
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
    expect(stages).toEqual([
      ['Prospecting', 1, 10000, 1000, 4, 50],
      ['Qualification', 1, 0, 0, 2, 0],
      ['Needs Analysis', 0, 0, 0, 0, null],
      ['Value Proposition', 0, 0, 0, 0, null],
      ['Proposal/Price Quote', 1, 50000, 35000, 1, 0],
      ['Negotiation/Review', 1, 80000, 72000, 0, null]
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
      stalled: 0
    });
  });

  it('tells which deals moved since the last review', () => {
    expect(model.movement).toMatchObject({ movedOpen: 2, movedWon: 1, movedLost: 0, notMoved: 2 });
    expect(model.lists.moved.map((d) => d.Name)).toEqual(['b2', 'a1', 'a3']);
    expect(model.lists.notMoved.map((d) => d.Name)).toEqual(['a2', 'b1']);
    expect(cellOf(model, 'deals_moved').total.value).toBe(3);
  });

  it('measures activity, including contacts with new customers', () => {
    expect(model.activity.total).toEqual({
      meetings: 3,
      customerHours: 3,
      calls: 1,
      newOpportunities: 1,
      newPipeline: 0,
      newCustomerContacts: 3
    });
    expect(model.activity.byUser.find((u) => u.userId === B)).toMatchObject({
      meetings: 1,
      customerHours: 0.5,
      newCustomerContacts: 0
    });
  });

  it("compares last month's won amount with the forecast taken at its start", () => {
    expect(model.forecast).toEqual({
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
    expect(model.lists.top.map((d) => d.Name)).toEqual(['b2', 'a2', 'a1', 'b1']);
    const a2 = model.lists.top[1];
    expect(a2).toMatchObject({
      AccountName: 'Fresh Foods',
      OwnerName: 'Ana Rep',
      weighted: 35000,
      flags: ['notUpdated', 'stalled', 'offerPastCheck'],
      snoozed: true,
      SPM_Flag_Snooze_Reason__c: 'Customer on holiday',
      daysInStage: 83
    });
    expect(model.lists.flagged.map((d) => [d.Name, d.flags])).toEqual([
      ['a2', ['notUpdated', 'stalled', 'offerPastCheck']],
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
  it('throws with the GraphQL errors when a document has no data', () => {
    const ok = answerPlan(plan, teamData());
    const failed = [
      ok[0],
      { errors: [{ message: 'No such column Amount', path: ['uiapi', 'aggregate', 'open'] }] }
    ];
    let caught;
    try {
      reviewModelFromResponses(plan, failed);
    } catch (e) {
      caught = e;
    }
    expect(caught.message).toBe(
      'spmReviewPart2 failed: No such column Amount (at uiapi.aggregate.open)'
    );
    expect(caught.errors).toEqual(failed[1].errors);
  });
  it('keeps partial data and warns', () => {
    const responses = answerPlan(plan, teamData());
    delete responses[0].data.uiapi.aggregate.open;
    responses[0].errors = [{ message: 'Field not visible' }];
    const model = reviewModelFromResponses(plan, responses);
    expect(model.warnings).toEqual([
      'spmReviewPart1: Field not visible',
      'open: missing from the response'
    ]);
    expect(model.funnel.total.count).toBe(0);
  });
  it('needs one response per document', () => {
    expect(() => reviewModelFromResponses(plan, [])).toThrow(
      'Review plan: expected 2 responses, got 0'
    );
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
