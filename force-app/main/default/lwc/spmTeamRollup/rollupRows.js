/**
 * Team roll-up rows from the review model: one row per direct report of the leader (a manager's row
 * is their whole team, rolled up by the engine from summed parts), the leader's own numbers when they
 * own deals, and a total row — every value recomputed by the engine, never an average of rows.
 */
import { formatKpiValue, formatNumber } from 'c/formatters';
import { appliesToLevel, inFocus, unavailableReason } from 'c/kpiView';
import { STATUS_STYLES } from 'c/panelModel';
import { kpiCell } from 'c/reviewModel';

/** The data-trust counts shown per person, in column order. */
export const TRUST_COLUMNS = ['pastCloseDate', 'notUpdated', 'earlyStageClosingSoon', 'stalled'];

function trustCounts(model, userIds) {
  const byUser = new Map(
    ((model.trust && model.trust.byUser) || []).map((row) => [row.userId, row])
  );
  return TRUST_COLUMNS.map((key) => {
    let total = null;
    for (const id of userIds) {
      const value = byUser.get(id) ? byUser.get(id)[key] : null;
      if (typeof value === 'number') {
        total = (total || 0) + value;
      }
    }
    return { key, text: formatNumber(total, { maximumFractionDigits: 0 }) };
  });
}

function kpiCells(kpis, pick, currency, statusLabels) {
  return kpis.map((kpi) => {
    const cell = pick(kpi) || {};
    const status = STATUS_STYLES[cell.status] ? cell.status : 'none';
    return {
      key: kpi.key,
      text: formatKpiValue(cell.value, kpi.unit, currency),
      // Why the value is a dash when its document failed ('' otherwise), for screen readers.
      unavailable: unavailableReason(cell),
      status,
      iconName: STATUS_STYLES[status].icon,
      statusText: statusLabels[status],
      showIcon: status !== 'none'
    };
  });
}

/**
 * The roll-up table. Columns: the KPIs of the agenda item's focus (c/kpiView inFocus), the menu's
 * above-the-line ones without a focus; the trust counts only without a focus (the data-trust item
 * has its own panel).
 * @param {object} model review model
 * @param {{ level?: string, leaderId?: string, focus?: string, statusLabels: object }} options
 * @returns {{ leaderId: string|null, columns: object[], rows: object[], total: object|null }}
 */
export function rollupTable(model, { level, leaderId, focus, statusLabels }) {
  const people = (model && model.people) || [];
  const leader =
    people.find((p) => p.userId === leaderId) || people.find((p) => p.depth === 0) || null;
  if (!leader) {
    return { leaderId: null, columns: [], rows: [], total: null };
  }
  const currency = (model.scope && model.scope.currency) || undefined;
  const kpis = (model.kpis || []).filter((k) => inFocus(k, focus) && appliesToLevel(k, level));
  const columns = kpis.map((k) => ({ key: k.key, name: k.name }));
  const trustOf = (userIds) => (focus ? [] : trustCounts(model, userIds));
  const reports = people.filter(
    (p) => p.managerId === leader.userId && p.userId !== leader.userId && p.teamUserIds.length > 0
  );
  const rowFor = (person, own) => {
    const userIds = own ? [person.userId] : person.teamUserIds;
    // A manager's row is their team's cell, the leader's own row their own deals' (c/reviewModel kpiCell).
    const pick = (kpi) => kpiCell(kpi, person.userId, { own });
    return {
      userId: person.userId,
      name: person.name,
      title: person.title || '',
      isTeam: !own && person.isManager,
      cells: kpiCells(kpis, pick, currency, statusLabels),
      trust: trustOf(userIds)
    };
  };
  const rows = [];
  if (leader.isSubject) {
    rows.push(rowFor(leader, true));
  }
  rows.push(...reports.map((person) => rowFor(person, false)));
  const subjects = (model.scope && model.scope.subjectUserIds) || leader.teamUserIds;
  const total = {
    userId: leader.userId,
    cells: kpiCells(kpis, (kpi) => kpiCell(kpi), currency, statusLabels),
    trust: trustOf(subjects)
  };
  return { leaderId: leader.userId, columns, rows, total };
}
