/**
 * KPI cells for display (scorecard, team roll-up) from the review model: which KPIs a level sees, above or below the line, each cell
 * formatted, pacing computed for KPIs that accumulate over the period.
 */
import { formatKpiValue, formatPercent, formatLabel } from 'c/formatters';
import { pacing } from 'c/metrics';

/** Status → SLDS theme and utility icon; colour is never the only signal (the text says it too). */
export const STATUS_STYLES = {
  green: { theme: 'slds-theme_success', icon: 'utility:success' },
  amber: { theme: 'slds-theme_warning', icon: 'utility:warning' },
  red: { theme: 'slds-theme_error', icon: 'utility:error' },
  none: { theme: 'slds-theme_default', icon: 'utility:dash' }
};

/** Parts of a cell that accumulate through a period (count and sum measures): pacing applies. */
const ACCUMULATING_PARTS = ['count', 'sum'];

function isAccumulating(cell) {
  const keys = Object.keys((cell && cell.parts) || {});
  return keys.length > 0 && keys.every((key) => ACCUMULATING_PARTS.includes(key));
}

/**
 * The cell of a KPI to show: one user's or one team's when asked and present, else the total.
 * @param {object} kpi model KPI
 * @param {string} [userId]
 * @returns {object} KpiCell
 */
export function cellFor(kpi, userId) {
  if (userId) {
    const team = (kpi.byTeam || []).find((c) => c.userId === userId);
    if (team) {
      return team;
    }
    const own = (kpi.byUser || []).find((c) => c.userId === userId);
    if (own) {
      return own;
    }
  }
  return kpi.total || {};
}

/**
 * Whether a KPI of the menu applies to a level (no level given, or a KPI without levels: always).
 * @param {object} kpi
 * @param {string} [level]
 * @returns {boolean}
 */
export function appliesToLevel(kpi, level) {
  return (
    !level || !Array.isArray(kpi.levels) || kpi.levels.length === 0 || kpi.levels.includes(level)
  );
}

/**
 * Display rows for the scorecard.
 * @param {object} model review model
 * @param {{ level?: string, userId?: string, labels: object }} options labels: status texts, notLoaded
 * @returns {{ above: object[], below: object[] }}
 */
export function scorecardRows(model, { level, userId, labels }) {
  const kpis = (model && Array.isArray(model.kpis) ? model.kpis : []).filter((kpi) =>
    appliesToLevel(kpi, level)
  );
  const scope = (model && model.scope) || {};
  const currency = scope.currency || undefined;
  const fraction = scope.period ? scope.period.fraction : null;
  const rows = kpis.map((kpi) => {
    const cell = cellFor(kpi, userId);
    const status = STATUS_STYLES[cell.status] ? cell.status : 'none';
    const notLoaded = cell.note === 'not loaded';
    const pace =
      isAccumulating(cell) && typeof fraction === 'number' && fraction > 0
        ? pacing(cell.value, cell.target, fraction)
        : null;
    const statusText = notLoaded ? labels.notLoaded : labels.status[status];
    return {
      key: kpi.key,
      name: kpi.name,
      description: kpi.description || '',
      aboveTheLine: kpi.aboveTheLine === true,
      valueText: formatKpiValue(cell.value, kpi.unit, currency),
      targetText: formatKpiValue(cell.target, kpi.unit, currency),
      attainmentText: formatPercent(cell.attainment),
      pacingText: formatPercent(pace),
      status,
      statusText,
      badgeClass: `status-badge ${STATUS_STYLES[status].theme}`,
      iconName: STATUS_STYLES[status].icon,
      actionLabel: formatLabel(labels.addAction, kpi.name)
    };
  });
  return { above: rows.filter((r) => r.aboveTheLine), below: rows.filter((r) => !r.aboveTheLine) };
}
