/**
 * Each subject's base quantities, read once from the needs' rows: open pipeline by stage, won and
 * closed, coverage, created, the data-trust flags (snoozed ones apart), movement, activity (and per
 * past month), the forecast months and the sales cycle. Every section of the model sums these.
 */
import { SNOOZE_FIELD, FLAG_BUILTINS, trendNeedId } from 'c/reviewPlan';
import { salesCycle } from 'c/metrics';
import { rowsOf } from './answers';
import { sumRows, groupRows } from './numbers';

/** The forecast category counted as "commit" in the current period's forecast. */
const COMMIT_CATEGORY = 'Commit';

/** Whether a flag is snoozed on the review day (`SPM_Flag_Snoozed_Until__c ≥ asOf`). */
function isSnoozedValue(value, asOf) {
  return typeof value === 'string' && value >= asOf;
}

/**
 * The base quantities of every subject.
 * @param {object} plan
 * @param {Map<string, object>} needs each need's answer (./answers consumersByNeed)
 * @param {{ open: Array<object>, closed: Array<object> }} lists (./lists buildLists)
 * @returns {Map<string, object>} user id → base quantities
 */
export function subjectBases(plan, needs, lists) {
  const { context } = plan;
  const asOf = context.asOf;
  const subjects = context.subjectUserIds;
  const byOwner = (needId) => {
    const entry = needs.get(needId);
    const owner = entry && entry.spec.owner;
    return owner ? groupRows(rowsOf(entry), owner) : new Map();
  };
  const ownerRows = (map, userId) => map.get(userId) || [];

  // Base quantities per subject.
  const open = byOwner('open');
  const closed = byOwner('closed');
  const coverage = byOwner('coverage');
  const created = byOwner('created');
  const moved = byOwner('moved');
  const events = byOwner('events');
  const planned = byOwner('plannedEvents');
  const calls = byOwner('calls');
  const pastEvents = context.historyPeriods
    .slice(0, -1)
    .map((p, i) => byOwner(trendNeedId('pastEvents', i)));
  const pastCalls = context.historyPeriods
    .slice(0, -1)
    .map((p, i) => byOwner(trendNeedId('pastCalls', i)));
  const newEvents = byOwner('newCustomerEvents');
  const newCalls = byOwner('newCustomerCalls');
  const forecast = byOwner('forecast');
  const forecastWon = context.forecastMonths.map((m, i) => byOwner(trendNeedId('forecastWon', i)));
  const flagMaps = {};
  for (const key of FLAG_BUILTINS) flagMaps[key] = byOwner(key);

  const basisField =
    context.options.forecastBasis === 'weighted'
      ? 'sum(Weighted_Amount__c)'
      : 'sum(Commit_Amount__c)';
  // One subject's forecast snapshot and won amount for forecast month i (null forecast: no snapshot).
  const monthFigures = (userId, i) => {
    const month = context.forecastMonths[i];
    const snapshots = ownerRows(forecast, userId).filter((r) => r.Month_Start__c === month.start);
    const sources = new Set(snapshots.map((r) => r.Source__c || null));
    return {
      forecast: snapshots.length ? sumRows(snapshots, basisField) : null,
      won: sumRows(ownerRows(forecastWon[i], userId), 'sum(Amount)'),
      sources
    };
  };
  const lastMonth = context.forecastMonths.length - 1;

  const base = new Map();
  for (const userId of subjects) {
    const flags = {};
    for (const key of Object.keys(flagMaps)) {
      const rows = ownerRows(flagMaps[key], userId);
      const active = rows.filter((r) => !isSnoozedValue(r[SNOOZE_FIELD], asOf));
      flags[key] = {
        count: sumRows(active, 'count(Id)'),
        amount: sumRows(active, 'sum(Amount)'),
        snoozed: sumRows(rows, 'count(Id)') - sumRows(active, 'count(Id)')
      };
    }
    // Offers past check come from the open list (≤ listSize deals): `lists.complete.open` says if exact.
    const offers = lists.open.filter(
      (d) => d.OwnerId === userId && d.flags.includes('offersPastCheck')
    );
    flags.offersPastCheck = {
      count: offers.filter((d) => !d.snoozed).length,
      amount: offers.filter((d) => !d.snoozed).reduce((t, d) => t + (d.Amount || 0), 0),
      snoozed: offers.filter((d) => d.snoozed).length
    };
    const openRows = ownerRows(open, userId);
    const movedRows = ownerRows(moved, userId);
    const closedRows = ownerRows(closed, userId);
    const movedOpen = sumRows(
      movedRows.filter((r) => r.IsClosed === false),
      'count(Id)'
    );
    const won = closedRows.filter((r) => r.IsWon === true);
    const cycle = salesCycle(
      lists.closed.filter((d) => d.OwnerId === userId),
      context.orgTimeZone
    );
    base.set(userId, {
      openCount: sumRows(openRows, 'count(Id)'),
      openByStage: groupRows(openRows, 'StageName'),
      wonAmount: sumRows(won, 'sum(Amount)'),
      coverageOpen: sumRows(ownerRows(coverage, userId), 'sum(Amount)'),
      createdCount: sumRows(ownerRows(created, userId), 'count(Id)'),
      createdAmount: sumRows(ownerRows(created, userId), 'sum(Amount)'),
      flags,
      stalledByStage: groupRows(
        ownerRows(flagMaps.stalled, userId).filter((r) => !isSnoozedValue(r[SNOOZE_FIELD], asOf)),
        'StageName'
      ),
      movedOpen,
      movedWon: sumRows(
        movedRows.filter((r) => r.IsClosed === true && r.IsWon === true),
        'count(Id)'
      ),
      movedLost: sumRows(
        movedRows.filter((r) => r.IsClosed === true && r.IsWon !== true),
        'count(Id)'
      ),
      meetings: sumRows(ownerRows(events, userId), 'count(Id)'),
      minutes: sumRows(ownerRows(events, userId), 'sum(DurationInMinutes)'),
      calls: sumRows(ownerRows(calls, userId), 'count(Id)'),
      plannedMeetings: sumRows(ownerRows(planned, userId), 'count(Id)'),
      newCustomerContacts:
        sumRows(ownerRows(newEvents, userId), 'count(Id)') +
        sumRows(ownerRows(newCalls, userId), 'count(Id)'),
      forecast: monthFigures(userId, lastMonth).forecast,
      forecastWon: monthFigures(userId, lastMonth).won,
      months: context.forecastMonths.map((month, i) => monthFigures(userId, i)),
      commitRest: sumRows(
        ownerRows(coverage, userId).filter((r) => r.ForecastCategoryName === COMMIT_CATEGORY),
        'sum(Amount)'
      ),
      weightedRest: sumRows(ownerRows(coverage, userId), 'sum(ExpectedRevenue)'),
      // Activity of each past period (null when the plan has no activity trend).
      activityByPeriod: context.historyPeriods.slice(0, -1).map((p, i) => {
        if (!context.activityByMonth) return null;
        return {
          meetings: sumRows(ownerRows(pastEvents[i], userId), 'count(Id)'),
          minutes: sumRows(ownerRows(pastEvents[i], userId), 'sum(DurationInMinutes)'),
          calls: sumRows(ownerRows(pastCalls[i], userId), 'count(Id)')
        };
      }),
      cycle
    });
  }
  return base;
}
