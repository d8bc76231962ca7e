import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  panelView,
  panelErrors,
  listLimit,
  numberOrNull,
  statusBadgeClass,
  statusLabel,
  createActionEvent
} from 'c/panelModel';
import { errorText } from 'c/errors';
import {
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  todayIn,
  formatLabel
} from 'c/formatters';
import { validateSnooze, snoozeRecordInput, SNOOZE_ERRORS, REASON_MAX_LENGTH } from './snooze';
import TITLE from '@salesforce/label/c.SPM_Trust_Title';
import EMPTY from '@salesforce/label/c.SPM_Trust_Empty';
import FORECAST_DEVIATION from '@salesforce/label/c.SPM_Trust_ForecastDeviation';
import PAST_CLOSE_DATE from '@salesforce/label/c.SPM_Trust_PastCloseDate';
import NOT_UPDATED from '@salesforce/label/c.SPM_Trust_NotUpdated';
import EARLY_STAGE from '@salesforce/label/c.SPM_Trust_EarlyStageClosingSoon';
import STALLED from '@salesforce/label/c.SPM_Trust_Stalled';
import OFFERS_PAST_CHECK from '@salesforce/label/c.SPM_Trust_OffersPastCheck';
import COL_MEASURE from '@salesforce/label/c.SPM_Col_Measure';
import COL_AMOUNT from '@salesforce/label/c.SPM_Col_Amount';
import COL_SNOOZED from '@salesforce/label/c.SPM_Col_Snoozed';
import COL_TREND from '@salesforce/label/c.SPM_Col_Trend';
import COL_ACTIONS from '@salesforce/label/c.SPM_Col_Actions';
import VALUE from '@salesforce/label/c.SPM_Value';
import STATUS from '@salesforce/label/c.SPM_Status';
import NO_TREND from '@salesforce/label/c.SPM_Panel_NoTrend';
import SHOW_DEALS_OF from '@salesforce/label/c.SPM_Trust_ShowDealsOf';
import NO_DEALS_LISTED from '@salesforce/label/c.SPM_Panel_NoDeals';
import SNOOZED_TITLE from '@salesforce/label/c.SPM_Trust_SnoozedTitle';
import SNOOZE_TITLE from '@salesforce/label/c.SPM_Snooze_Title';
import SNOOZE_UNTIL from '@salesforce/label/c.SPM_Snooze_Until';
import SNOOZE_REASON from '@salesforce/label/c.SPM_Snooze_Reason';
import SNOOZE_SAVE from '@salesforce/label/c.SPM_Snooze_Save';
import SNOOZE_CANCEL from '@salesforce/label/c.SPM_Snooze_Cancel';
import SNOOZE_REASON_REQUIRED from '@salesforce/label/c.SPM_Snooze_ReasonRequired';
import SNOOZE_REASON_TOO_LONG from '@salesforce/label/c.SPM_Snooze_ReasonTooLong';
import SNOOZE_DATE_REQUIRED from '@salesforce/label/c.SPM_Snooze_DateRequired';
import SNOOZE_DATE_FUTURE from '@salesforce/label/c.SPM_Snooze_DateFuture';
import SNOOZE_DONE from '@salesforce/label/c.SPM_Snooze_Done';
import SNOOZE_DONE_MESSAGE from '@salesforce/label/c.SPM_Snooze_DoneMessage';
import SNOOZE_FAILED from '@salesforce/label/c.SPM_Snooze_Failed';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_TRUST from '@salesforce/label/c.SPM_NewAction_Trust';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'trust';

const PERCENT = 'Percent';

/**
 * The words of each data-trust measure, by the key the model gives it (c/reviewModel trust.measures:
 * docs/engine.md, "Definitions every number follows": the four data-trust measures, then stalled in
 * stage and offers past check date).
 * Everything else about a measure (value, status, the deal flag behind it, the menu KPI carrying it)
 * is the model's.
 */
const LABELS = {
  forecastDeviation: FORECAST_DEVIATION,
  pastCloseDate: PAST_CLOSE_DATE,
  notUpdated: NOT_UPDATED,
  earlyStageClosingSoon: EARLY_STAGE,
  stalled: STALLED,
  offersPastCheck: OFFERS_PAST_CHECK
};

const SNOOZE_MESSAGES = {
  until: {
    [SNOOZE_ERRORS.REQUIRED]: SNOOZE_DATE_REQUIRED,
    [SNOOZE_ERRORS.NOT_FUTURE]: SNOOZE_DATE_FUTURE
  },
  reason: {
    [SNOOZE_ERRORS.REQUIRED]: SNOOZE_REASON_REQUIRED,
    [SNOOZE_ERRORS.TOO_LONG]: SNOOZE_REASON_TOO_LONG
  }
};

/**
 * Can these numbers be trusted? Forecast deviation, past close date, not updated, early stage closing
 * soon, stalled in stage and offers past check date: count, trend and the deals behind each; a flag
 * can be snoozed with a reason and a date (Opportunity update through lightning/uiRecordApi), and
 * snoozed flags stay visible in their own group.
 * Fires `createaction` ({ kpiKey | opportunityId, accountId, name }) and `refresh` after a snooze.
 */
export default class SpmDataTrustPanel extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel; scripts/lib/kpi-engine.ts ReviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;

  labels = {
    TITLE,
    EMPTY,
    COL_MEASURE,
    COL_AMOUNT,
    COL_SNOOZED,
    COL_TREND,
    COL_ACTIONS,
    VALUE,
    STATUS,
    NO_TREND,
    NO_DEALS_LISTED,
    SNOOZED_TITLE,
    SNOOZE_UNTIL,
    SNOOZE_REASON,
    SNOOZE_SAVE,
    SNOOZE_CANCEL
  };

  reasonMaxLength = REASON_MAX_LENGTH;
  openMeasure = null;
  snoozeDealId = null;
  snoozeUntil = null;
  snoozeReason = '';
  snoozeErrors = [];
  saving = false;
  focusForm = false;

  // ---- branches -------------------------------------------------------------------------------

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  /** One account's review (the coaching panel): its deal lists need no Account column. */
  get accountScoped() {
    return Boolean(this.model?.scope?.accountId);
  }

  get asOf() {
    return this.model?.scope?.asOf ?? todayIn();
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const hasData =
      this.rows.some((r) => r.value !== null && r.value !== 0) || this.snoozedDeals.length > 0;
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: Boolean(this.model) && hasData
    });
  }

  // ---- measures -------------------------------------------------------------------------------

  list(name) {
    const list = this.model?.lists?.[name];
    return Array.isArray(list) ? list : [];
  }

  /** The model's data-trust measures, in its order. */
  get measures() {
    const measures = this.model?.trust?.measures;
    return Array.isArray(measures) ? measures : [];
  }

  /** The deals behind a measure: the flagged deals carrying its flag, snoozed ones apart. */
  dealsOf(measure) {
    if (!measure.flag) {
      return [];
    }
    return this.list('flagged').filter(
      (d) => !d.snoozed && Array.isArray(d.flags) && d.flags.includes(measure.flag)
    );
  }

  get history() {
    const history = this.model?.trust?.history;
    return Array.isArray(history) ? history : [];
  }

  formatValue(value, unit) {
    return unit === PERCENT
      ? formatPercent(value, 1)
      : formatNumber(value, { maximumFractionDigits: 0 });
  }

  get rows() {
    return this.measures.map((measure) => {
      const label = LABELS[measure.key] ?? measure.label;
      const value = numberOrNull(measure.value);
      const valueText = this.formatValue(value, measure.unit);
      const deals = this.dealsOf(measure);
      const points = this.history.map((entry) => {
        const v = numberOrNull(entry[measure.key]);
        return {
          label: entry.period?.label ?? '',
          value: v,
          display: this.formatValue(v, measure.unit)
        };
      });
      const expanded = this.openMeasure === measure.key;
      return {
        key: measure.key,
        label,
        value,
        valueText,
        amountText: formatCurrency(numberOrNull(measure.amount), this.currency),
        snoozedText: formatNumber(numberOrNull(measure.snoozed), { maximumFractionDigits: 0 }),
        statusText: statusLabel(measure.status),
        statusClass: statusBadgeClass(measure.status),
        points,
        hasTrend: points.filter((p) => p.value !== null).length >= 2,
        hasDeals: Boolean(measure.flag),
        deals,
        expanded,
        ariaExpanded: String(expanded),
        showDealsLabel: formatLabel(SHOW_DEALS_OF, label, deals.length),
        kpiKey: measure.kpiKey ?? null,
        createActionLabel: formatLabel(CREATE_ACTION_FOR, label),
        actionName: formatLabel(ACTION_NAME_TRUST, label, valueText)
      };
    });
  }

  get openRow() {
    return this.rows.find((r) => r.key === this.openMeasure && r.hasDeals);
  }

  get openDeals() {
    return this.openRow ? this.openRow.deals : [];
  }

  get hasOpenDeals() {
    return this.openDeals.length > 0;
  }

  /** Where the open list stopped at its size: the deal lists say so (c/panelModel listLimit). */
  get openLimit() {
    return listLimit(this.model, 'open');
  }

  // ---- snoozed group --------------------------------------------------------------------------

  /** Below the line in an agenda item (it has a focus); shown as it is on its own page. */
  get detailsInline() {
    return !this.focus;
  }

  get snoozedDetailsLabel() {
    return `${SNOOZED_TITLE} (${this.snoozedDeals.length})`;
  }

  get snoozedDeals() {
    return this.list('flagged').filter((d) => d.snoozed);
  }

  get hasSnoozed() {
    return this.snoozedDeals.length > 0;
  }

  // ---- the snooze form ------------------------------------------------------------------------

  get snoozeDeal() {
    return this.list('flagged').find((d) => d.Id === this.snoozeDealId);
  }

  get showSnoozeForm() {
    return Boolean(this.snoozeDeal);
  }

  get snoozeTitle() {
    return formatLabel(SNOOZE_TITLE, this.snoozeDeal?.Name ?? '');
  }

  /** The earliest date the form accepts: the day after asOf. */
  get minUntil() {
    const [y, m, d] = this.asOf.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  }

  get hasSnoozeErrors() {
    return this.snoozeErrors.length > 0;
  }

  get saveDisabled() {
    return this.saving;
  }

  renderedCallback() {
    if (this.focusForm) {
      this.focusForm = false;
      const input = this.template.querySelector('lightning-input.snooze-until');
      if (input && typeof input.focus === 'function') {
        input.focus();
      }
    }
  }

  // ---- handlers -------------------------------------------------------------------------------

  handleToggleDeals(event) {
    const key = event.currentTarget.dataset.key;
    this.openMeasure = this.openMeasure === key ? null : key;
  }

  handleMeasureAction(event) {
    const row = this.rows.find((r) => r.key === event.currentTarget.dataset.key);
    if (row) {
      this.dispatchEvent(
        createActionEvent({ kpiKey: row.kpiKey ?? undefined, name: row.actionName })
      );
    }
  }

  handleSnoozeRequest(event) {
    this.snoozeDealId = event.detail.opportunityId;
    this.snoozeUntil = null;
    this.snoozeReason = '';
    this.snoozeErrors = [];
    this.focusForm = true;
  }

  handleUntilChange(event) {
    this.snoozeUntil = event.detail.value;
  }

  handleReasonChange(event) {
    this.snoozeReason = event.detail.value;
  }

  handleCancel() {
    this.snoozeDealId = null;
    this.snoozeErrors = [];
  }

  async handleSave() {
    const result = validateSnooze({
      until: this.snoozeUntil,
      reason: this.snoozeReason,
      asOf: this.asOf
    });
    const untilMessage = result.until ? SNOOZE_MESSAGES.until[result.until] : '';
    const reasonMessage = result.reason ? SNOOZE_MESSAGES.reason[result.reason] : '';
    this.reportField('lightning-input.snooze-until', untilMessage);
    this.reportField('lightning-textarea.snooze-reason', reasonMessage);
    this.snoozeErrors = [untilMessage, reasonMessage].filter(Boolean);
    if (!result.valid) {
      return;
    }
    const deal = this.snoozeDeal;
    this.saving = true;
    try {
      await updateRecord(snoozeRecordInput(deal.Id, this.snoozeUntil, this.snoozeReason));
      this.dispatchEvent(
        new ShowToastEvent({
          title: SNOOZE_DONE,
          message: formatLabel(SNOOZE_DONE_MESSAGE, deal.Name ?? '', formatDate(this.snoozeUntil)),
          variant: 'success'
        })
      );
      this.snoozeDealId = null;
      // The container reloads the model: the deal moves to the snoozed group.
      this.dispatchEvent(new CustomEvent('refresh'));
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: SNOOZE_FAILED,
          message: errorText(error, SNOOZE_FAILED),
          variant: 'error'
        })
      );
    } finally {
      this.saving = false;
    }
  }

  /** Shows the message on the field itself (the base component renders it), or clears it. */
  reportField(selector, message) {
    const field = this.template.querySelector(selector);
    if (field) {
      field.setCustomValidity(message);
      field.reportValidity();
    }
  }
}
