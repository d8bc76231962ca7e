/**
 * The one look-up of a KPI's cell, used by every panel (scorecard, roll-up, activity, …), so that two
 * panels can never show different people's numbers for the same choice.
 *
 * Precedence, for a user id: the team's cell when the person leads a team in the scope (`byTeam`),
 * else their own (`byUser`); no user id: the total; a user id the scope does not hold: nothing (a
 * panel shows a dash rather than someone else's numbers). Team first because a manager answers for
 * the team's numbers, which include their own deals: the cell is then the same whether or not the
 * manager owns deals. `own: true` asks for the person's own cell only (the roll-up's row of the
 * leader's own deals, beside the team's).
 */

function find(list, userId) {
  return Array.isArray(list) ? list.find((c) => c.userId === userId) : undefined;
}

/**
 * A KPI's cell (or any block of the model shaped `{ total, byUser, byTeam }`, such as
 * `model.activity`) for one person, their team, or everyone.
 * @param {{ total?: object, byUser?: Array<object>, byTeam?: Array<object> }|undefined} kpi a KPI of
 *   the review model (scripts/lib/kpi-engine.ts ModelKpi)
 * @param {string|null} [userId] a person of the scope; nothing for the total
 * @param {{ own?: boolean }} [options] `own`: the person's own cell, never their team's
 * @returns {object|undefined} the cell (scripts/lib/kpi-engine.ts KpiCell), undefined when there is none
 */
export function kpiCell(kpi, userId, options) {
  if (!kpi) return undefined;
  if (!userId) return kpi.total;
  if (options && options.own) return find(kpi.byUser, userId);
  return find(kpi.byTeam, userId) ?? find(kpi.byUser, userId);
}
