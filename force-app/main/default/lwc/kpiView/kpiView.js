/**
 * KPI cells for display (scorecard, team roll-up) from the review model: which KPIs a level sees, above or
 * below the line, each cell formatted (pacing is the model's, for KPIs that accumulate over the period).
 */
import { formatKpiValue, formatPercent, formatLabel } from 'c/formatters';
import { panelErrors, STATUS_STYLES } from 'c/panelModel';
import { kpiCell } from 'c/reviewModel';

/**
 * Why a cell has no value when the document its value reads failed (`cell.unavailable`, the org's
 * message), else ''.
 * @param {object} cell KpiCell
 * @returns {string}
 */
export function unavailableReason(cell) {
  const reason = cell && cell.unavailable;
  return typeof reason === 'string' ? reason : '';
}

/**
 * The card's error of a table of KPI cells (scorecard, roll-up): the container's error; else, when no
 * cell it shows could be loaded, their reasons (each once); else nothing, the cells saying one by one
 * what is missing. A failed document thus leaves the other documents' numbers on the card.
 * @param {*} error the container's error, any shape
 * @param {Array<{ unavailable: string }>} cells what the table shows
 * @returns {*} the error, the reasons, or undefined
 */
export function cardErrorsOf(error, cells) {
  const container = panelErrors(error);
  if (container !== undefined || cells.length === 0 || !cells.every((c) => c.unavailable)) {
    return container;
  }
  return [...new Set(cells.map((c) => c.unavailable))];
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

/** Builtins that judge the pipeline against the period's target. */
const COVERAGE_BUILTINS = ['coverage', 'pacing'];
const ACCUMULATING_MEASURES = ['count', 'sum'];

/**
 * Which KPIs an agenda item's focus (SPM_Agenda_Item__c.Focus__c, c/kpiDefinitions FOCUSES) puts
 * above the line, read from what each KPI measures, so a company's own menu KPIs fall in place:
 * - 'New opportunities': what is counted on the day a deal is created (CreatedDate);
 * - 'Coverage and pacing': the open pipeline (Opportunity sums and counts without a date field) and
 *   the coverage and pacing builtins;
 * - 'Leading targets': the leading KPIs a target can be set on (counts and sums);
 * - 'Targets', or no focus: the menu's own above-the-line KPIs.
 * @param {object} kpi a KPI of the review model
 * @param {string} [focus]
 * @returns {boolean}
 */
export function inFocus(kpi, focus) {
  switch (focus) {
    case 'New opportunities':
      return kpi.dateField === 'CreatedDate';
    case 'Coverage and pacing':
      return (
        COVERAGE_BUILTINS.includes(kpi.builtin) ||
        (kpi.category === 'Pipeline' &&
          ACCUMULATING_MEASURES.includes(kpi.measure) &&
          !kpi.dateField)
      );
    case 'Leading targets':
      return kpi.kind === 'Leading' && ACCUMULATING_MEASURES.includes(kpi.measure);
    default:
      return kpi.aboveTheLine === true;
  }
}

/**
 * Display rows for the scorecard. A cell whose document failed shows a dash, says it was not loaded,
 * and carries the reason (`unavailable`, '' otherwise) for screen readers and the tooltip. Above the
 * line: the KPIs of the agenda item's focus ({@link inFocus}); the rest below.
 * @param {object} model review model
 * @param {{ level?: string, userId?: string, focus?: string, labels: object }} options labels: status texts, notLoaded
 * @returns {{ above: object[], below: object[] }}
 */
export function scorecardRows(model, { level, userId, focus, labels }) {
  const kpis = (model && Array.isArray(model.kpis) ? model.kpis : []).filter((kpi) =>
    appliesToLevel(kpi, level)
  );
  const scope = (model && model.scope) || {};
  const currency = scope.currency || undefined;
  const rows = kpis.map((kpi) => {
    // The one look-up of a KPI's cell (c/reviewModel kpiCell): a person not in the scope shows dashes.
    const cell = kpiCell(kpi, userId) ?? {};
    const status = STATUS_STYLES[cell.status] ? cell.status : 'none';
    const unavailable = unavailableReason(cell);
    const notLoaded = cell.note === 'not loaded' || unavailable !== '';
    const statusText = notLoaded ? labels.notLoaded : labels.status[status];
    return {
      key: kpi.key,
      name: kpi.name,
      description: kpi.description || '',
      aboveTheLine: inFocus(kpi, focus),
      valueText: formatKpiValue(cell.value, kpi.unit, currency),
      targetText: formatKpiValue(cell.target, kpi.unit, currency),
      attainmentText: formatPercent(cell.attainment),
      pacingText: formatPercent(typeof cell.pacing === 'number' ? cell.pacing : null),
      status,
      statusText,
      unavailable,
      badgeClass: `status-badge ${STATUS_STYLES[status].theme}`,
      iconName: STATUS_STYLES[status].icon,
      actionLabel: formatLabel(labels.addAction, kpi.name)
    };
  });
  return { above: rows.filter((r) => r.aboveTheLine), below: rows.filter((r) => !r.aboveTheLine) };
}
