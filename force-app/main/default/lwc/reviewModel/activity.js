/** Activity: meetings, customer hours, calls, new opportunities and pipeline, new-customer contacts, and their trend. */
import { trendNeedId } from 'c/reviewPlan';
import { round, sumFields } from './numbers';

const MINUTES_PER_HOUR = 60;

/**
 * The activity section: `total`, `byUser`, `byTeam` (each manager's team, like the KPI cells, so
 * c/reviewModel kpiCell finds one person's or one team's numbers in both) and `history`.
 * @param {object} context the plan's context
 * @param {Array<object>} people the plan's people (c/rollup buildHierarchy)
 * @param {Map<string, object>} base each subject's quantities (./base)
 * @param {Map<string, string>} failedNeeds need id → why its subquery failed
 * @returns {{ total: object, byUser: Array<object>, byTeam: Array<object>, history: Array<object> }}
 */
export function buildActivity(context, people, base, failedNeeds) {
  const subjects = context.subjectUserIds;
  const teams = people.filter((p) => p.isManager);
  // A measure read from a failed subquery is unknown (null), never 0.
  const known = (needIds, value) => (needIds.some((id) => failedNeeds.has(id)) ? null : value);
  const rowFor = (userIds) => {
    const t = sumFields(
      userIds.map((id) => base.get(id)),
      [
        'meetings',
        'minutes',
        'calls',
        'createdCount',
        'createdAmount',
        'newCustomerContacts',
        'plannedMeetings'
      ]
    );
    return {
      meetings: known(['events'], t.meetings),
      customerHours: known(['events'], round(t.minutes / MINUTES_PER_HOUR)),
      calls: known(['calls'], t.calls),
      newOpportunities: known(['created'], t.createdCount),
      newPipeline: known(['created'], round(t.createdAmount)),
      newCustomerContacts: known(['newCustomerEvents', 'newCustomerCalls'], t.newCustomerContacts),
      // Planning: meetings dated from the review day to the end of the next period.
      plannedMeetings: known(['plannedEvents'], t.plannedMeetings)
    };
  };
  const total = rowFor(subjects);
  const byUser = subjects.map((userId) => ({ userId, ...rowFor([userId]) }));
  const byTeam = teams.map((p) => ({ userId: p.userId, ...rowFor(p.teamUserIds) }));
  // Past periods: meetings, hours and calls of Month reviews (one subquery per month); new
  // opportunities/pipeline and new-customer contacts (defined against each period's start) are not
  // loaded: null, never 0.
  const pastRow = (userIds, index) => {
    const unknown = {
      meetings: null,
      customerHours: null,
      calls: null,
      newOpportunities: null,
      newPipeline: null,
      newCustomerContacts: null,
      plannedMeetings: null
    };
    if (!context.activityByMonth) return unknown;
    const t = sumFields(
      userIds.map((id) => base.get(id).activityByPeriod[index]),
      ['meetings', 'minutes', 'calls']
    );
    const events = [trendNeedId('pastEvents', index)];
    return {
      ...unknown,
      meetings: known(events, t.meetings),
      customerHours: known(events, round(t.minutes / MINUTES_PER_HOUR)),
      calls: known([trendNeedId('pastCalls', index)], t.calls)
    };
  };
  const periods = context.historyPeriods;
  const history = periods.map((period, i) => {
    if (i === periods.length - 1)
      return {
        period,
        total: { ...total },
        byUser: byUser.map((row) => ({ ...row })),
        byTeam: byTeam.map((row) => ({ ...row }))
      };
    return {
      period,
      total: pastRow(subjects, i),
      byUser: subjects.map((userId) => ({ userId, ...pastRow([userId], i) })),
      byTeam: teams.map((p) => ({ userId: p.userId, ...pastRow(p.teamUserIds, i) }))
    };
  });
  const { type, start, end, label } = context.plannedUntil;
  // The meetings planned run from the review day to the end of this period.
  return { total, byUser, byTeam, history, plannedUntil: { type, start, end, label } };
}
