/**
 * Test support: record builders in the record shape of docs/data-model.md, the default config files, and
 * fast-check arbitraries of small but complete data sets (users, accounts, opportunities with history,
 * tasks, events, forecast snapshots, targets, actions) around a fixed asOf.
 */
const fc = require('fast-check');
const { addDays, startOfDayUtc } = require('c/periods');
const menu = require('../../../../../../../config/kpi-menu.json');
const stagePolicyConfig = require('../../../../../../../config/stage-policy.json');
const cadences = require('../../../../../../../config/cadences.json');

const TZ = 'Europe/Paris';
const AS_OF = '2026-11-23';
const STAGES = [
  ['Prospecting', 10],
  ['Qualification', 20],
  ['Needs Analysis', 30],
  ['Value Proposition', 50],
  ['Proposal/Price Quote', 70],
  ['Negotiation/Review', 90]
];

function id(prefix, n) {
  return `${prefix}${String(n).padStart(15, '0')}`;
}

/** An instant `minutes` after the start of `date` in the org time zone. */
function at(date, minutes) {
  return new Date(Date.parse(startOfDayUtc(date, TZ)) + (minutes || 0) * 60000).toISOString();
}

let seq = 0;
function nextId(prefix) {
  seq += 1;
  return id(prefix, seq);
}

function user(n, fields) {
  return {
    Id: id('005', n),
    Name: `User ${n}`,
    FirstName: 'User',
    LastName: String(n),
    IsActive: true,
    ManagerId: null,
    Title: 'Account Executive',
    ...fields
  };
}

function opp(fields) {
  return {
    Id: nextId('006'),
    Name: 'Deal',
    AccountId: id('001', 1),
    OwnerId: id('005', 1),
    StageName: 'Prospecting',
    Amount: 1000,
    Probability: 10,
    CloseDate: addDays(AS_OF, 40),
    IsClosed: false,
    IsWon: false,
    ForecastCategoryName: 'Pipeline',
    Type: 'New Business',
    CreatedDate: at(addDays(AS_OF, -20), 600),
    LastModifiedDate: at(addDays(AS_OF, -1), 600),
    LastStageChangeDate: null,
    LastActivityDate: null,
    NextStep: null,
    SPM_Offer_Check_Date__c: null,
    SPM_Flag_Snoozed_Until__c: null,
    SPM_Flag_Snooze_Reason__c: null,
    ...fields
  };
}

function event(fields) {
  return {
    Id: nextId('00U'),
    Subject: 'Meeting',
    OwnerId: id('005', 1),
    WhatId: null,
    WhoId: null,
    AccountId: id('001', 1),
    ActivityDate: AS_OF,
    StartDateTime: at(AS_OF, 600),
    EndDateTime: at(AS_OF, 660),
    DurationInMinutes: 60,
    Type: 'Meeting',
    CreatedDate: at(addDays(AS_OF, -3), 600),
    ...fields
  };
}

function task(fields) {
  return {
    Id: nextId('00T'),
    Subject: 'Call',
    OwnerId: id('005', 1),
    WhatId: null,
    WhoId: null,
    AccountId: id('001', 1),
    ActivityDate: AS_OF,
    Status: 'Completed',
    Type: 'Call',
    TaskSubtype: 'Call',
    CreatedDate: at(AS_OF, 600),
    ...fields
  };
}

function history(opportunity, stage, date) {
  return {
    Id: nextId('008'),
    OpportunityId: opportunity.Id,
    StageName: stage,
    Amount: opportunity.Amount,
    Probability: 10,
    CloseDate: opportunity.CloseDate,
    ForecastCategory: 'Pipeline',
    CreatedDate: at(date, 600),
    CreatedById: opportunity.OwnerId
  };
}

function emptyData(extra) {
  return {
    User: [],
    Account: [],
    Opportunity: [],
    OpportunityHistory: [],
    Task: [],
    Event: [],
    SPM_Target__c: [],
    SPM_Forecast_Snapshot__c: [],
    SPM_Action__c: [],
    ...extra
  };
}

/** The default menu's KPIs with ids, as the org would hold them. */
function menuWithIds() {
  return menu.kpis.map((k, i) => ({ ...k, id: id('a01', i + 1) }));
}

const dayOffset = (min, max) => fc.integer({ min, max });
const maybe = (arb) => fc.option(arb, { nil: null, freq: 3 });

/**
 * A fast-check arbitrary of a small data set for the given users (owners) and accounts.
 * Amounts are whole numbers so sums are exact in any order.
 * @param {{ owners: string[], accounts?: number, maxOpps?: number }} options
 */
function dataSetArbitrary(options) {
  const owners = options.owners;
  const accountIds = Array.from({ length: options.accounts || 4 }, (_, i) => id('001', i + 1));
  const stageIndex = fc.integer({ min: 0, max: STAGES.length - 1 });
  const oppArb = fc
    .record({
      owner: fc.constantFrom(...owners),
      account: fc.constantFrom(...accountIds),
      stage: stageIndex,
      outcome: fc.constantFrom('open', 'open', 'won', 'lost'),
      amount: maybe(fc.integer({ min: 1, max: 500 }).map((n) => n * 100)),
      probability: maybe(fc.constantFrom(10, 20, 30, 50, 70, 90)),
      close: dayOffset(-200, 120),
      createdAgo: dayOffset(0, 300),
      createdMinute: fc.integer({ min: 0, max: 1439 }),
      modifiedAgo: dayOffset(0, 200),
      modifiedMinute: fc.integer({ min: 0, max: 1439 }),
      stageChangeAgo: maybe(dayOffset(0, 150)),
      stageChangeMinute: fc.integer({ min: 0, max: 1439 }),
      offerCheck: maybe(dayOffset(-30, 30)),
      snooze: maybe(dayOffset(-10, 20)),
      category: fc.constantFrom('Pipeline', 'Best Case', 'Commit')
    })
    .map((o) => {
      const [stageName, defaultProbability] = STAGES[o.stage];
      const closed = o.outcome !== 'open';
      const created = addDays(AS_OF, -Math.max(o.createdAgo, 1));
      const opportunity = opp({
        OwnerId: o.owner,
        AccountId: o.account,
        StageName: closed ? (o.outcome === 'won' ? 'Closed Won' : 'Closed Lost') : stageName,
        Amount: o.amount,
        Probability: closed
          ? o.outcome === 'won'
            ? 100
            : 0
          : o.probability === null
            ? defaultProbability
            : o.probability,
        CloseDate: addDays(AS_OF, o.close),
        IsClosed: closed,
        IsWon: o.outcome === 'won',
        ForecastCategoryName: closed ? (o.outcome === 'won' ? 'Closed' : 'Omitted') : o.category,
        CreatedDate: at(created, o.createdMinute),
        LastModifiedDate: at(addDays(AS_OF, -o.modifiedAgo), o.modifiedMinute),
        LastStageChangeDate:
          o.stageChangeAgo === null
            ? null
            : at(addDays(AS_OF, -o.stageChangeAgo), o.stageChangeMinute),
        SPM_Offer_Check_Date__c: o.offerCheck === null ? null : addDays(AS_OF, o.offerCheck),
        SPM_Flag_Snoozed_Until__c: o.snooze === null ? null : addDays(AS_OF, o.snooze),
        SPM_Flag_Snooze_Reason__c: o.snooze === null ? null : 'Waiting for budget'
      });
      const path = STAGES.slice(0, o.stage + 1).map(([s]) => s);
      if (closed) path.push(opportunity.StageName);
      const rows = path.map((s) => history(opportunity, s, created));
      return { opportunity, rows };
    });
  const activityArb = fc.record({
    owner: fc.constantFrom(...owners),
    account: fc.option(fc.constantFrom(...accountIds), { nil: null, freq: 5 }),
    day: dayOffset(-60, 5),
    minutes: fc.constantFrom(15, 30, 45, 60, 90),
    kind: fc.constantFrom('event', 'call', 'email')
  });
  return fc
    .record({
      opps: fc.array(oppArb, { maxLength: options.maxOpps || 30 }),
      activities: fc.array(activityArb, { maxLength: 30 }),
      commits: fc.array(
        fc.integer({ min: 0, max: 200 }).map((n) => n * 100),
        {
          minLength: owners.length,
          maxLength: owners.length
        }
      )
    })
    .map(({ opps, activities, commits }) => {
      const data = emptyData();
      data.Account = accountIds.map((a, i) => ({
        Id: a,
        Name: `Account ${i + 1}`,
        OwnerId: owners[0]
      }));
      for (const { opportunity, rows } of opps) {
        data.Opportunity.push(opportunity);
        data.OpportunityHistory.push(...rows);
      }
      for (const a of activities) {
        const date = addDays(AS_OF, a.day);
        if (a.kind === 'event') {
          data.Event.push(
            event({
              OwnerId: a.owner,
              AccountId: a.account,
              ActivityDate: date,
              DurationInMinutes: a.minutes
            })
          );
        } else {
          data.Task.push(
            task({
              OwnerId: a.owner,
              AccountId: a.account,
              ActivityDate: date,
              TaskSubtype: a.kind === 'call' ? 'Call' : 'Email'
            })
          );
        }
      }
      // Snapshots in two of the six forecast months (Aug live, Oct backfilled for every other owner).
      owners.forEach((owner, i) => {
        for (const [month, source] of [
          ['2026-08', 'Live'],
          ['2026-10', i % 2 ? 'Live' : 'Backfill']
        ]) {
          data.SPM_Forecast_Snapshot__c.push({
            Id: nextId('a07'),
            Key__c: `${owner}-${month}`,
            User__c: owner,
            Month_Start__c: `${month}-01`,
            Commit_Amount__c: commits[i],
            Weighted_Amount__c: commits[i] / 2,
            Pipeline_Amount__c: commits[i] * 3,
            Won_Amount__c: null,
            Source__c: source,
            Taken_At__c: at(`${month}-01`, 60)
          });
        }
      });
      return data;
    });
}

module.exports = {
  TZ,
  AS_OF,
  STAGES,
  menu,
  stagePolicy: stagePolicyConfig.stages,
  stagePolicyConfig,
  cadences,
  id,
  at,
  user,
  opp,
  event,
  task,
  history,
  emptyData,
  menuWithIds,
  dataSetArbitrary
};
