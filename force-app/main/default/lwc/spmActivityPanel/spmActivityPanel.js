import { LightningElement, api } from 'lwc';
import {
  panelView,
  panelErrors,
  kpiByKey,
  numberOrNull,
  statusBadgeClass,
  statusLabel,
  createActionEvent
} from 'c/panelModel';
import { formatKpiValue, formatNumber, formatPercent, formatLabel } from 'c/formatters';
import { kpiCell } from 'c/reviewModel';
import PLANNED from '@salesforce/label/c.SPM_Activity_Planned';
import TITLE from '@salesforce/label/c.SPM_Activity_Title';
import EMPTY from '@salesforce/label/c.SPM_Activity_Empty';
import MEETINGS from '@salesforce/label/c.SPM_Activity_Meetings';
import HOURS from '@salesforce/label/c.SPM_Activity_Hours';
import CALLS from '@salesforce/label/c.SPM_Activity_Calls';
import NEW_CONTACTS from '@salesforce/label/c.SPM_Activity_NewCustomerContacts';
import NEW_OPPORTUNITIES from '@salesforce/label/c.SPM_Activity_NewOpportunities';
import COL_MEASURE from '@salesforce/label/c.SPM_Col_Measure';
import COL_TREND from '@salesforce/label/c.SPM_Col_Trend';
import COL_ACTIONS from '@salesforce/label/c.SPM_Col_Actions';
import VALUE from '@salesforce/label/c.SPM_Value';
import TARGET from '@salesforce/label/c.SPM_Target';
import ATTAINMENT from '@salesforce/label/c.SPM_Attainment';
import STATUS from '@salesforce/label/c.SPM_Status';
import NO_TREND from '@salesforce/label/c.SPM_Panel_NoTrend';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_KPI from '@salesforce/label/c.SPM_NewAction_Kpi';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'activity';

/**
 * The activity measures of docs/engine.md ("Definitions every number follows"), in agenda order:
 * the field of `model.activity` that holds the value and the KPI of the menu that holds its target:
 * a count or sum KPI of the menu by its key (org data, SPM_KPI__c.Key__c), or for a builtin the KPI
 * the model names (`model.builtinKpis`, from the definitions), so no builtin has a menu key here.
 */
const MEASURES = [
  { measure: 'meetings', kpiKey: 'customer_meetings', label: MEETINGS, unit: 'Count' },
  { measure: 'customerHours', kpiKey: 'customer_hours', label: HOURS, unit: 'Hours' },
  { measure: 'calls', kpiKey: 'calls', label: CALLS, unit: 'Count' },
  {
    measure: 'newCustomerContacts',
    builtin: 'newCustomerContacts',
    label: NEW_CONTACTS,
    unit: 'Count'
  },
  {
    measure: 'newOpportunities',
    kpiKey: 'new_opportunities',
    label: NEW_OPPORTUNITIES,
    unit: 'Count'
  }
];

/**
 * Customer meetings, customer-facing hours, calls, contacts with new customers and new
 * opportunities, each against its target, with the last periods as a sparkline when the model
 * holds the series (`model.activity.history`). Fires `createaction` ({ kpiKey, name }).
 */
export default class SpmActivityPanel extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel; scripts/lib/kpi-engine.ts ReviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;
  /** One subject's numbers (a user id of the scope); empty for the whole scope. */
  @api userId;

  labels = {
    TITLE,
    EMPTY,
    COL_MEASURE,
    COL_TREND,
    COL_ACTIONS,
    VALUE,
    TARGET,
    ATTAINMENT,
    STATUS,
    NO_TREND
  };

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  /**
   * The activity numbers of the person (their team's for a manager), or of everyone: the same
   * look-up as the KPI cells beside them (c/reviewModel kpiCell), so value and target are one
   * person's or one team's.
   */
  get activity() {
    return kpiCell(this.model?.activity, this.userId);
  }

  /** Six periods, oldest first, when the engine provides them; otherwise no trend is drawn. */
  /** Planning: the meetings planned from the review day to the end of the next period. */
  get plannedText() {
    const planned = numberOrNull(this.activity?.plannedMeetings);
    const until = this.model?.activity?.plannedUntil;
    return planned === null || !until
      ? ''
      : formatLabel(PLANNED, formatNumber(planned, { maximumFractionDigits: 0 }), until.label);
  }

  get history() {
    const history = this.model?.activity?.history;
    return Array.isArray(history) ? history : [];
  }

  historyValue(entry, measure) {
    return numberOrNull(kpiCell(entry, this.userId)?.[measure]);
  }

  get rows() {
    const activity = this.activity ?? {};
    return MEASURES.map((m) => {
      const kpiKey = m.builtin ? (this.model?.builtinKpis?.[m.builtin] ?? null) : m.kpiKey;
      const kpi = kpiByKey(this.model, kpiKey);
      const cell = kpiCell(kpi, this.userId) ?? {};
      const unit = kpi?.unit ?? m.unit;
      // The engine's activity block is the value; the KPI's cell is the fallback and holds the target.
      const value = numberOrNull(activity[m.measure]) ?? numberOrNull(cell.value);
      const valueText = formatKpiValue(value, unit, this.currency);
      const targetText = formatKpiValue(numberOrNull(cell.target), unit, this.currency);
      const points = this.history.map((entry) => {
        const v = this.historyValue(entry, m.measure);
        return {
          label: entry.period?.label ?? '',
          value: v,
          display: formatKpiValue(v, unit, this.currency)
        };
      });
      return {
        key: m.measure,
        measure: m.measure,
        kpiKey: kpi ? kpiKey : null,
        label: m.label,
        value,
        target: numberOrNull(cell.target),
        valueText,
        targetText,
        attainmentText: formatPercent(numberOrNull(cell.attainment)),
        statusText: statusLabel(cell.status),
        statusClass: statusBadgeClass(cell.status),
        points,
        hasTrend: points.filter((p) => p.value !== null).length >= 2,
        createActionLabel: formatLabel(CREATE_ACTION_FOR, m.label),
        actionName: formatLabel(ACTION_NAME_KPI, m.label, valueText, targetText)
      };
    });
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const rows = this.activity ? this.rows : [];
    // No activity and no target to measure it against: nothing to discuss.
    const hasData = rows.some((r) => (r.value !== null && r.value !== 0) || r.target !== null);
    return panelView({ loading: this.loading, error: this.cardErrors, hasData });
  }

  handleCreateAction(event) {
    const row = this.rows.find((r) => r.measure === event.currentTarget.dataset.measure);
    if (!row) {
      return;
    }
    this.dispatchEvent(
      createActionEvent({ kpiKey: row.kpiKey ?? undefined, name: row.actionName })
    );
  }
}
