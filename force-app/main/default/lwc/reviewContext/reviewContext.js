/**
 * What a Performance Review needs before the engine can plan it, in ONE GraphQL request (the text is
 * c/spmDocuments' CONTEXT_QUERY; {@link readContext} reads its answer): the users
 * (for the person picker and the roll-ups), the cadences with their agenda, the KPI menu, the stage
 * policy and the date of the latest review per subject and cadence (aggregated in the org, so it does
 * not grow with the number of reviews held). Plus the pure helpers the workspace uses on that context:
 * who can be picked, which level a person is, which subjects a choice covers, which cadences fit,
 * the KPI snapshot saved with a review, and unique keys for new records.
 *
 * Targets are not part of the context: the review plan loads them aggregated for its own period and
 * people (a year of targets for a 100-rep team would not fit one page of records).
 */
import { flattenConnection, flattenAggregate } from 'c/graphqlResults';
import { fiscalYearOf } from 'c/periods';
import { LEVELS } from 'c/kpiDefinitions';
import { descendantsOf } from 'c/rollup';
import { unaliased } from 'c/spmDocuments';

/** The period a cadence reviews, by its frequency. */
const PERIOD_BY_FREQUENCY = {
  Weekly: 'Week',
  Monthly: 'Month',
  Quarterly: 'Quarter',
  Annual: 'Year'
};

/** Person choices: the kind is the prefix of the option value (`team:005…`). */
const PERSON_KINDS = Object.freeze({
  SELF: 'self',
  REPORT: 'report',
  TEAM: 'team',
  UP: 'up'
});

/**
 * Variables of the context query.
 * @param {{ asOf: string }} input
 * @returns {{ asOf: string }}
 */
export function contextVariables({ asOf }) {
  return { asOf };
}

function byNumber(field) {
  return (a, b) => (a[field] ?? 0) - (b[field] ?? 0);
}

/**
 * The context from the query's response data (`{ uiapi: … }`, custom fields under their aliases).
 * Fields hidden by field-level security come back null or missing and are read as null.
 * @param {object} data the wire's `data`
 * @returns {{ users: object[], cadences: object[], kpis: object[], stagePolicy: object[],
 *             lastReviews: Object<string, string>, warnings: string[] }}
 */
export function readContext(data) {
  const answer = unaliased(data);
  const uiapi = (answer && answer.uiapi) || {};
  const query = uiapi.query || {};
  const aggregate = uiapi.aggregate || {};
  const warnings = [];
  if (query.User && query.User.pageInfo && query.User.pageInfo.hasNextPage) {
    warnings.push('More than 2000 active users: the person picker shows the first 2000.');
  }
  const users = flattenConnection(query.User);
  const cadences = flattenConnection(query.SPM_Cadence__c).map((cadence) => ({
    ...cadence,
    agenda: (Array.isArray(cadence.Agenda_Items__r) ? cadence.Agenda_Items__r : [])
      .slice()
      .sort(byNumber('Order__c'))
  }));
  const kpis = flattenConnection(query.SPM_KPI__c);
  const stagePolicy = flattenConnection(query.SPM_Stage_Policy__c).filter(
    (entry) => entry.Stage_Name__c || entry.Key__c
  );
  const lastReviews = {};
  for (const row of flattenAggregate(aggregate.SPM_Review__c)) {
    const date = row['max(Review_Date__c)'];
    if (row.Subject_User__c && row.Cadence__c && typeof date === 'string') {
      lastReviews[`${row.Subject_User__c}|${row.Cadence__c}`] = date;
    }
  }
  return { users, cadences, kpis, stagePolicy, lastReviews, warnings };
}

/**
 * The KPI menu in force on a date: the records of the menu year of that fiscal year, or of the latest
 * earlier year when that year has no menu yet (records without a year count for every year). A KPI whose
 * key or definition the user cannot read (field-level security) cannot be computed and is left out.
 * @param {object[]} kpiRecords SPM_KPI__c flat records
 * @param {string} asOf
 * @param {number} fiscalYearStartMonth
 * @returns {object[]}
 */
export function menuInForce(kpiRecords, asOf, fiscalYearStartMonth) {
  const readable = kpiRecords.filter((k) => k.Key__c && k.Definition__c);
  const year = fiscalYearOf(asOf, fiscalYearStartMonth).fiscalYear;
  const years = [
    ...new Set(readable.map((k) => k.Menu_Year__c).filter((y) => typeof y === 'number'))
  ];
  const candidates = years.filter((y) => y <= year);
  const chosen = candidates.length
    ? Math.max(...candidates)
    : years.length
      ? Math.min(...years)
      : null;
  return readable.filter(
    (k) => k.Menu_Year__c === null || k.Menu_Year__c === undefined || k.Menu_Year__c === chosen
  );
}

function childrenIndex(users) {
  const children = new Map();
  for (const user of users) {
    if (user.ManagerId) {
      if (!children.has(user.ManagerId)) {
        children.set(user.ManagerId, []);
      }
      children.get(user.ManagerId).push(user);
    }
  }
  return children;
}

/**
 * The level of a person from the height of the hierarchy below them: nobody below → Rep, reps below →
 * Manager, managers below → Director, directors below → Executive.
 * @param {object[]} users
 * @param {string} userId
 * @returns {string} one of LEVELS
 */
export function levelOf(users, userId) {
  const children = childrenIndex(users);
  const height = (id, seen) => {
    const below = (children.get(id) || []).filter((u) => !seen.has(u.Id));
    if (!below.length) {
      return 0;
    }
    const next = new Set(seen).add(id);
    return 1 + Math.max(...below.map((u) => height(u.Id, next)));
  };
  return LEVELS[Math.min(height(userId, new Set([userId])), LEVELS.length - 1)];
}

/**
 * Who can be reviewed from the current user's seat: themselves, each direct report, their whole team,
 * and the team of each manager up the ManagerId chain ("a level up").
 * @param {object[]} users
 * @param {string} currentUserId
 * @param {{ me: string, wholeTeam: string, levelUp: string }} templates label templates with `{0}` = name
 * @param {(template: string, ...args: *[]) => string} format
 * @returns {Array<{ value: string, label: string, kind: string, userId: string }>}
 */
export function personOptions(users, currentUserId, templates, format) {
  const byId = new Map(users.map((u) => [u.Id, u]));
  const nameOf = (id) => (byId.get(id) && byId.get(id).Name) || id;
  const options = [
    {
      value: `${PERSON_KINDS.SELF}:${currentUserId}`,
      label: format(templates.me, nameOf(currentUserId)),
      kind: PERSON_KINDS.SELF,
      userId: currentUserId
    }
  ];
  const reports = users
    .filter((u) => u.ManagerId === currentUserId && u.Id !== currentUserId)
    .sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
  if (reports.length) {
    options.push({
      value: `${PERSON_KINDS.TEAM}:${currentUserId}`,
      label: format(templates.wholeTeam, nameOf(currentUserId)),
      kind: PERSON_KINDS.TEAM,
      userId: currentUserId
    });
  }
  for (const report of reports) {
    options.push({
      value: `${PERSON_KINDS.REPORT}:${report.Id}`,
      label: report.Name || report.Id,
      kind: PERSON_KINDS.REPORT,
      userId: report.Id
    });
  }
  const seen = new Set([currentUserId]);
  let managerId = byId.get(currentUserId) ? byId.get(currentUserId).ManagerId : null;
  while (managerId && !seen.has(managerId)) {
    seen.add(managerId);
    options.push({
      value: `${PERSON_KINDS.UP}:${managerId}`,
      label: format(templates.levelUp, nameOf(managerId)),
      kind: PERSON_KINDS.UP,
      userId: managerId
    });
    managerId = byId.get(managerId) ? byId.get(managerId).ManagerId : null;
  }
  return options;
}

/**
 * The subjects (owners of the numbers) a person choice covers: one user, or a leader and everyone
 * below them. The leader comes first: managers who own deals count with their team. The others come in
 * the order of c/rollup's one walk down the hierarchy, which `report --team` uses too.
 * @param {{ kind: string, userId: string }} option
 * @param {object[]} users
 * @returns {string[]}
 */
export function subjectsOf(option, users) {
  if (option.kind === PERSON_KINDS.TEAM || option.kind === PERSON_KINDS.UP) {
    return [option.userId, ...descendantsOf(users, option.userId)];
  }
  return [option.userId];
}

/**
 * Whether a choice reviews a team (roll-up shown) rather than one person.
 * @param {{ kind: string }} option
 * @returns {boolean}
 */
export function isTeamChoice(option) {
  return Boolean(option) && (option.kind === PERSON_KINDS.TEAM || option.kind === PERSON_KINDS.UP);
}

/** The level of the meetings whoever sits at the top of the hierarchy runs (annual planning). */
const TOP_LEVEL = 'Executive';

/**
 * Whether a user sits at the top of the hierarchy: people report to them and they report to nobody
 * among the users (a company without an "Executive" still has someone at its top).
 * @param {object[]} users
 * @param {string} userId
 * @returns {boolean}
 */
export function isTopOfHierarchy(users, userId) {
  const user = users.find((u) => u.Id === userId);
  if (!user || !users.some((u) => u.ManagerId === userId && u.Id !== userId)) {
    return false;
  }
  return !user.ManagerId || !users.some((u) => u.Id === user.ManagerId);
}

/**
 * The cadences that fit a level (all of them when none does), in their sort order; at the top of the
 * hierarchy, the Executive level's too, whatever the level the hierarchy's height gives.
 * @param {object[]} cadences
 * @param {string} level
 * @param {boolean} [atTop] the person sits at the top of the hierarchy ({@link isTopOfHierarchy})
 * @returns {object[]}
 */
export function cadencesForLevel(cadences, level, atTop = false) {
  const fitting = cadences.filter(
    (c) => c.Level__c === level || (atTop && c.Level__c === TOP_LEVEL)
  );
  return (fitting.length ? fitting : cadences).slice().sort(byNumber('Sort_Order__c'));
}

/**
 * The cadence to open first: the first of the given meeting type, else the first.
 * @param {object[]} cadences already filtered for the level
 * @param {string} [meetingType] e.g. 'Individual coaching' (design attribute)
 * @returns {object|undefined}
 */
export function defaultCadence(cadences, meetingType) {
  return cadences.find((c) => c.Meeting_Type__c === meetingType) || cadences[0];
}

/**
 * The period type a cadence reviews (Monthly → Month …); Month when the frequency is unknown or hidden.
 * @param {object} cadence
 * @returns {string}
 */
export function periodTypeOf(cadence) {
  return PERIOD_BY_FREQUENCY[cadence && cadence.Frequency__c] || 'Month';
}

/**
 * The date of the latest review of this subject in this cadence, or null for a first review.
 * @param {Object<string, string>} lastReviews from {@link readContext}
 * @param {string} subjectId
 * @param {string} cadenceId
 * @returns {string|null}
 */
export function lastReviewDateOf(lastReviews, subjectId, cadenceId) {
  return lastReviews[`${subjectId}|${cadenceId}`] || null;
}

/**
 * The KPI values shown in a review, as saved in SPM_Review__c.KPI_Snapshot__c: the review's totals,
 * compact and JSON-safe, so a later review can compare.
 * @param {object} model the review model
 * @param {{ subjectUserId: string, cadenceKey?: string|null, level?: string|null }} meta
 * @returns {string} JSON text
 */
export function kpiSnapshot(model, meta) {
  const scope = (model && model.scope) || {};
  const period = scope.period || {};
  return JSON.stringify({
    version: 1,
    subjectUserId: meta.subjectUserId,
    subjectUserIds: scope.subjectUserIds || [],
    cadence: meta.cadenceKey || null,
    level: meta.level || null,
    asOf: scope.asOf || null,
    lastReviewDate: scope.lastReviewDate || null,
    period: { type: period.type || null, start: period.start || null, end: period.end || null },
    currency: scope.currency || null,
    kpis: ((model && model.kpis) || []).map((kpi) => ({
      key: kpi.key,
      value: kpi.total ? kpi.total.value : null,
      target: kpi.total ? kpi.total.target : null,
      attainment: kpi.total ? kpi.total.attainment : null,
      status: kpi.total ? kpi.total.status : 'none'
    })),
    trust: ((model && model.trust && model.trust.measures) || []).map((m) => ({
      key: m.key,
      value: m.value,
      snoozed: m.snoozed
    }))
  });
}

/**
 * A new unique Key__c for a record created from the UI (custom objects' external id).
 * @param {string} prefix e.g. 'review' or 'action'
 * @returns {string}
 */
export function newRecordKey(prefix) {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `${prefix}-${random}`;
}
