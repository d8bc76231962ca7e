/**
 * The filter language shared by the GraphQL compiler and the record evaluator, the fields Pacer reads,
 * and the conditions of docs/engine.md ("Definitions every number follows") written once in that language.
 *
 * A filter is a tree of plain objects:
 *   { and: [node, …] } | { or: [node, …] }
 *   { field, op: 'eq'|'ne'|'lt'|'lte'|'gt'|'gte'|'in'|'nin', value }   value: literal, array, or { $var: name }
 *   { field: 'Opportunity', parent: node }                             a parent-relationship filter
 *   { field: 'AccountId', op: 'ninq', object: 'Opportunity', apiName: 'AccountId', where: node }   anti-join
 * The same tree becomes a UI API `where` argument (queryCompiler) and a record predicate
 * (recordQueries), so a definition cannot mean one thing in the org and another in a data file.
 */
import { addDays, startOfDayUtc } from 'c/periods';

/** Field types of the objects Pacer reads, by API name (the UI API scalar family of each field). */
export const OBJECT_FIELDS = {
  User: {
    Id: 'id',
    Name: 'string',
    FirstName: 'string',
    LastName: 'string',
    IsActive: 'boolean',
    ManagerId: 'reference',
    Title: 'string',
    UserRoleId: 'reference'
  },
  Account: {
    Id: 'id',
    Name: 'string',
    OwnerId: 'reference',
    Industry: 'picklist',
    Type: 'picklist',
    CreatedDate: 'datetime',
    LastModifiedDate: 'datetime'
  },
  Opportunity: {
    Id: 'id',
    Name: 'string',
    AccountId: 'reference',
    OwnerId: 'reference',
    StageName: 'picklist',
    Amount: 'currency',
    Probability: 'percent',
    ExpectedRevenue: 'currency',
    CloseDate: 'date',
    IsClosed: 'boolean',
    IsWon: 'boolean',
    ForecastCategoryName: 'picklist',
    Type: 'picklist',
    CreatedDate: 'datetime',
    LastModifiedDate: 'datetime',
    LastStageChangeDate: 'datetime',
    LastActivityDate: 'date',
    NextStep: 'string',
    SPM_Offer_Check_Date__c: 'date',
    SPM_Flag_Snoozed_Until__c: 'date',
    SPM_Flag_Snooze_Reason__c: 'string'
  },
  OpportunityHistory: {
    Id: 'id',
    OpportunityId: 'reference',
    StageName: 'picklist',
    Amount: 'currency',
    Probability: 'percent',
    CloseDate: 'date',
    ForecastCategory: 'picklist',
    CreatedDate: 'datetime',
    CreatedById: 'reference'
  },
  Task: {
    Id: 'id',
    Subject: 'string',
    OwnerId: 'reference',
    WhatId: 'reference',
    WhoId: 'reference',
    AccountId: 'reference',
    ActivityDate: 'date',
    Status: 'picklist',
    TaskSubtype: 'picklist',
    CreatedDate: 'datetime'
  },
  Event: {
    Id: 'id',
    Subject: 'string',
    OwnerId: 'reference',
    WhatId: 'reference',
    WhoId: 'reference',
    AccountId: 'reference',
    ActivityDate: 'date',
    StartDateTime: 'datetime',
    EndDateTime: 'datetime',
    DurationInMinutes: 'int',
    CreatedDate: 'datetime'
  },
  SPM_Target__c: {
    Id: 'id',
    Name: 'string',
    Key__c: 'string',
    KPI__c: 'reference',
    Assignee__c: 'reference',
    Period_Type__c: 'picklist',
    Period_Start__c: 'date',
    Period_End__c: 'date',
    Value__c: 'double',
    Source__c: 'picklist',
    Derived_From__c: 'reference'
  },
  SPM_Forecast_Snapshot__c: {
    Id: 'id',
    Name: 'string',
    Key__c: 'string',
    User__c: 'reference',
    Month_Start__c: 'date',
    Commit_Amount__c: 'currency',
    Weighted_Amount__c: 'currency',
    Pipeline_Amount__c: 'currency',
    Won_Amount__c: 'currency',
    Source__c: 'picklist',
    Taken_At__c: 'datetime'
  },
  SPM_Review__c: {
    Id: 'id',
    Name: 'string',
    Key__c: 'string',
    Cadence__c: 'reference',
    Subject_User__c: 'reference',
    Facilitator__c: 'reference',
    Review_Date__c: 'date',
    Notes__c: 'string',
    KPI_Snapshot__c: 'string'
  },
  SPM_Action__c: {
    Id: 'id',
    Name: 'string',
    Key__c: 'string',
    OwnerId: 'reference',
    Review__c: 'reference',
    KPI__c: 'reference',
    Opportunity__c: 'reference',
    Account__c: 'reference',
    Due_Date__c: 'date',
    Status__c: 'picklist',
    Completed_Date__c: 'date'
  }
};

/** Opportunity.Probability is a Percent(3, 0): a whole number from 0 to 100. */
const PROBABILITY_VALUES = Array.from({ length: 101 }, (_, p) => p);

/**
 * Fields Pacer computes instead of reading, because orgs hide them by field-level security unless an
 * admin grants them. `Opportunity.ExpectedRevenue` is Amount × Probability / 100 on every deal. The UI
 * API cannot group by a percent field, so the sum over a group of deals is taken from subqueries
 * that filter Probability instead: with S(k) = sum(Amount) over the deals whose Probability has bit k
 * set (`Probability: { in: [...] }`, k = 0…6 since Probability ≤ 100 < 2⁷), Σ Amount × Probability =
 * Σₖ 2ᵏ × S(k), exactly. Its count is the count of Amount where Probability is set. Such a field may
 * be summed or counted (a sum or an average KPI), never filtered or grouped on.
 */
export const DERIVED_FIELDS = {
  Opportunity: {
    ExpectedRevenue: {
      field: 'Amount',
      by: 'Probability',
      values: PROBABILITY_VALUES,
      divisor: 100
    }
  }
};

/**
 * How a derived field is computed, or undefined for a field the org is asked for.
 * @param {string} object
 * @param {string} field
 * @returns {{ field: string, by: string, values: number[], divisor: number }|undefined}
 */
export function derivedField(object, field) {
  const fields = DERIVED_FIELDS[object];
  return fields ? fields[field] : undefined;
}

/** Parent relationships the filters may traverse: object → relationship name → { object, idField }. */
export const RELATIONSHIPS = {
  Opportunity: {
    Account: { object: 'Account', idField: 'AccountId' },
    Owner: { object: 'User', idField: 'OwnerId' }
  },
  OpportunityHistory: { Opportunity: { object: 'Opportunity', idField: 'OpportunityId' } },
  SPM_Action__c: {
    Opportunity__r: { object: 'Opportunity', idField: 'Opportunity__c' },
    Account__r: { object: 'Account', idField: 'Account__c' }
  },
  SPM_Target__c: { KPI__r: { object: 'SPM_KPI__c', idField: 'KPI__c' } }
};

const CUSTOM_NAME = /^(.+?)__([cr])$/;

/**
 * The name a document gives a field or relationship in its selections: custom ones (`Month_Start__c`,
 * `Opportunity__r`) are aliased (`MonthStart`, `OpportunityRef`), as Salesforce's samples do, so that
 * reading a response never depends on a custom API name; standard names stay as they are.
 * @param {string} name API name of a field or a relationship
 * @returns {string}
 */
export function fieldAlias(name) {
  const match = CUSTOM_NAME.exec(name);
  if (!match) return name;
  const words = match[1].split('_').filter(Boolean);
  const base = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return match[2] === 'r' ? `${base}Ref` : base;
}

const apiNamesByAlias = new Map();

/**
 * Alias → API name of the fields and parent relationships of one object (see {@link fieldAlias}).
 * Throws when two names of the object would share an alias, which would make a response ambiguous.
 * @param {string} object
 * @returns {Map<string, string>}
 */
export function apiNames(object) {
  let names = apiNamesByAlias.get(object);
  if (names) return names;
  names = new Map();
  const all = [
    ...Object.keys(OBJECT_FIELDS[object] || {}),
    ...Object.keys(RELATIONSHIPS[object] || {})
  ];
  for (const name of all) {
    const alias = fieldAlias(name);
    if (names.has(alias) && names.get(alias) !== name)
      throw new Error(
        `${object}.${name} and ${object}.${names.get(alias)} share the alias ${alias}`
      );
    names.set(alias, name);
  }
  apiNamesByAlias.set(object, names);
  return names;
}

/** Comparison operators of the filter language. */
export const OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin'];

/** Default number of days without update after which an open opportunity is "not updated". */
export const DEFAULT_STALE_DAYS = 60;
/** Default window, in days from asOf, for "early stage closing soon". */
export const DEFAULT_CLOSING_SOON_DAYS = 30;
/** Without a stage policy, a stage is early when its probability is at most this. */
const EARLY_STAGE_MAX_PROBABILITY = 20;

/**
 * A conjunction; nested conjunctions are flattened and empty ones dropped.
 * @param {...object} nodes
 * @returns {object}
 */
export function and(...nodes) {
  const parts = [];
  for (const node of nodes) {
    if (!node) continue;
    if (node.and) parts.push(...node.and);
    else parts.push(node);
  }
  return { and: parts };
}

/**
 * A disjunction.
 * @param {...object} nodes
 * @returns {object}
 */
export function or(...nodes) {
  return { or: nodes.filter(Boolean) };
}

/**
 * A comparison leaf.
 * @param {string} field
 * @param {string} op
 * @param {*} value literal, array or variable reference
 * @returns {object}
 */
export function cmp(field, op, value) {
  return { field, op, value };
}

/**
 * A reference to a scope variable (user ids, period bounds, asOf-relative days).
 * @param {string} name
 * @returns {{ $var: string }}
 */
export function variable(name) {
  return { $var: name };
}

/** True when `value` is a variable reference made by {@link variable}. */
export function isVariable(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof value.$var === 'string'
  );
}

function stageVariableName(index) {
  return `stalledBefore${index}`;
}

/**
 * The stage policy in one shape, ordered: accepts config entries ({ stage, maxDaysInStage, earlyStage, sortOrder })
 * or SPM_Stage_Policy__c records.
 * @param {Array<object>} policy
 * @returns {Array<{ stage: string, maxDaysInStage: number|null, earlyStage: boolean, sortOrder: number }>}
 */
export function normalizeStagePolicy(policy) {
  return (policy || [])
    .map((entry, index) => {
      const stage = entry.stage !== undefined ? entry.stage : entry.Stage_Name__c || entry.Key__c;
      const max =
        entry.maxDaysInStage !== undefined ? entry.maxDaysInStage : entry.Max_Days_In_Stage__c;
      const early = entry.earlyStage !== undefined ? entry.earlyStage : entry.Early_Stage__c;
      const order = entry.sortOrder !== undefined ? entry.sortOrder : entry.Sort_Order__c;
      return {
        stage,
        maxDaysInStage: max === undefined || max === null ? null : Number(max),
        earlyStage: Boolean(early),
        sortOrder: order === undefined || order === null ? index : Number(order)
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * The variable values that the conditions of docs/engine.md ("Definitions every number follows")
 * refer to, for one context.
 * Date variables are days in the org time zone; DateTime variables are the UTC instants at which the
 * corresponding local days begin, so "LastModifiedDate earlier than asOf − 60 days" compares instants.
 * @param {{ asOf: string, orgTimeZone?: string, staleDays?: number, closingSoonDays?: number,
 *           lastReviewDate: string, stagePolicy?: Array<object> }} context
 * @returns {Object<string, { type: 'Date'|'DateTime', value: string }>}
 */
export function conditionVariables(context) {
  const tz = context.orgTimeZone || 'UTC';
  const staleDays = context.staleDays === undefined ? DEFAULT_STALE_DAYS : context.staleDays;
  const soonDays =
    context.closingSoonDays === undefined ? DEFAULT_CLOSING_SOON_DAYS : context.closingSoonDays;
  const vars = {
    asOf: { type: 'Date', value: context.asOf },
    closingSoonEnd: { type: 'Date', value: addDays(context.asOf, soonDays) },
    staleBefore: { type: 'DateTime', value: startOfDayUtc(addDays(context.asOf, -staleDays), tz) },
    reviewedBefore: {
      type: 'DateTime',
      value: startOfDayUtc(addDays(context.lastReviewDate, 1), tz)
    }
  };
  normalizeStagePolicy(context.stagePolicy).forEach((entry, index) => {
    if (entry.maxDaysInStage !== null) {
      vars[stageVariableName(index)] = {
        type: 'DateTime',
        value: startOfDayUtc(addDays(context.asOf, -entry.maxDaysInStage), tz)
      };
    }
  });
  return vars;
}

/** Open: `IsClosed = false`. */
export function openCondition() {
  return cmp('IsClosed', 'eq', false);
}

/** Past close date: open and `CloseDate < asOf`. */
export function pastCloseDateCondition() {
  return and(openCondition(), cmp('CloseDate', 'lt', variable('asOf')));
}

/**
 * Not updated for N days: open and `LastModifiedDate` earlier than the start of day `asOf − N`
 * (modified exactly N days ago is not flagged; N + 1 days ago is).
 */
export function notUpdatedCondition() {
  return and(openCondition(), cmp('LastModifiedDate', 'lt', variable('staleBefore')));
}

/**
 * Early stage closing soon: open, `asOf ≤ CloseDate ≤ asOf + 30`, in an early stage of the policy; a stage
 * the policy does not list (or no policy at all) is early when `Probability ≤ 20`.
 * @param {Array<object>} stagePolicy
 */
export function earlyStageClosingSoonCondition(stagePolicy) {
  const policy = normalizeStagePolicy(stagePolicy);
  const early = policy.filter((s) => s.earlyStage).map((s) => s.stage);
  const known = policy.map((s) => s.stage);
  const byProbability = and(
    known.length ? cmp('StageName', 'nin', known) : null,
    cmp('Probability', 'lte', EARLY_STAGE_MAX_PROBABILITY)
  );
  const stageTest = early.length ? or(cmp('StageName', 'in', early), byProbability) : byProbability;
  return and(
    openCondition(),
    cmp('CloseDate', 'gte', variable('asOf')),
    cmp('CloseDate', 'lte', variable('closingSoonEnd')),
    stageTest
  );
}

/**
 * Stalled in stage: open, and the days since `LastStageChangeDate` (or `CreatedDate` when the stage never
 * changed) exceed the stage's maximum — i.e. the stage began before the start of day `asOf − max`.
 * Stages without a maximum never stall. With no maximum anywhere the condition matches nothing.
 * @param {Array<object>} stagePolicy
 */
export function stalledCondition(stagePolicy) {
  const branches = [];
  normalizeStagePolicy(stagePolicy).forEach((entry, index) => {
    if (entry.maxDaysInStage === null) return;
    const before = variable(stageVariableName(index));
    branches.push(
      and(
        cmp('StageName', 'eq', entry.stage),
        or(
          cmp('LastStageChangeDate', 'lt', before),
          and(cmp('LastStageChangeDate', 'eq', null), cmp('CreatedDate', 'lt', before))
        )
      )
    );
  });
  if (!branches.length) {
    // Id is never null: an impossible condition keeps the query valid when nothing can stall.
    return and(openCondition(), cmp('Id', 'eq', null));
  }
  return and(openCondition(), or(...branches));
}

/** Moved since last review: open or closed, `LastStageChangeDate` on a day after `lastReview`. */
export function movedSinceCondition() {
  return cmp('LastStageChangeDate', 'gte', variable('reviewedBefore'));
}

/** Not moved since last review: open, with no stage change after `lastReview` (or never changed). */
export function notMovedSinceCondition() {
  return and(
    openCondition(),
    or(
      cmp('LastStageChangeDate', 'eq', null),
      cmp('LastStageChangeDate', 'lt', variable('reviewedBefore'))
    )
  );
}

/** Outstanding offer past its check date: open and `SPM_Offer_Check_Date__c < asOf`. */
export function offersPastCheckCondition() {
  return and(openCondition(), cmp('SPM_Offer_Check_Date__c', 'lt', variable('asOf')));
}

/** A snoozed flag: `SPM_Flag_Snoozed_Until__c ≥ asOf`. */
export function snoozedCondition() {
  return cmp('SPM_Flag_Snoozed_Until__c', 'gte', variable('asOf'));
}

/**
 * The flags an open opportunity can carry, with the condition of each (docs/engine.md, "Definitions
 * every number follows"; a snoozed flag is counted apart, not hidden).
 */
export const FLAG_KEYS = [
  'pastCloseDate',
  'notUpdated',
  'earlyStageClosingSoon',
  'stalled',
  'offersPastCheck'
];

/**
 * The condition of each flag for a stage policy.
 * @param {Array<object>} stagePolicy
 * @returns {Object<string, object>}
 */
export function flagConditions(stagePolicy) {
  return {
    pastCloseDate: pastCloseDateCondition(),
    notUpdated: notUpdatedCondition(),
    earlyStageClosingSoon: earlyStageClosingSoonCondition(stagePolicy),
    stalled: stalledCondition(stagePolicy),
    offersPastCheck: offersPastCheckCondition()
  };
}

/**
 * A stable text for a filter tree (keys sorted, conjunction order ignored): two filters that mean the same
 * by construction get the same key, which is how the compiler finds KPIs it can merge.
 * @param {object} node
 * @returns {string}
 */
export function filterKey(node) {
  if (!node) return 'true';
  if (node.and) {
    const parts = node.and.map(filterKey).sort();
    return parts.length ? `and(${parts.join(',')})` : 'true';
  }
  if (node.or) {
    return `or(${node.or.map(filterKey).sort().join(',')})`;
  }
  if (node.parent) {
    return `${node.field}.(${filterKey(node.parent)})`;
  }
  if (node.op === 'ninq' || node.op === 'inq') {
    return `${node.field} ${node.op} ${node.object}.${node.apiName}(${filterKey(node.where)})`;
  }
  return `${node.field} ${node.op} ${JSON.stringify(node.value)}`;
}

/**
 * Names of the variables a filter tree refers to.
 * @param {object} node
 * @param {Set<string>} [into]
 * @returns {Set<string>}
 */
export function variablesOf(node, into) {
  const names = into || new Set();
  if (!node) return names;
  if (node.and || node.or) {
    for (const child of node.and || node.or) variablesOf(child, names);
  } else if (node.parent) {
    variablesOf(node.parent, names);
  } else if (node.where) {
    variablesOf(node.where, names);
  } else if (isVariable(node.value)) {
    names.add(node.value.$var);
  }
  return names;
}
