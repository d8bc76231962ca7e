import { LightningElement, api } from 'lwc';
import {
  panelView,
  panelErrors,
  kpiByKey,
  listLimit,
  numberOrNull,
  createActionEvent
} from 'c/panelModel';
import { formatCurrency, formatKpiValue, formatNumber, formatLabel } from 'c/formatters';
import TITLE from '@salesforce/label/c.SPM_WonLost_Title';
import EMPTY from '@salesforce/label/c.SPM_WonLost_Empty';
import WON from '@salesforce/label/c.SPM_WonLost_Won';
import LOST from '@salesforce/label/c.SPM_WonLost_Lost';
import WIN_RATE from '@salesforce/label/c.SPM_WonLost_WinRate';
import AVERAGE_DEAL from '@salesforce/label/c.SPM_WonLost_AverageDeal';
import SALES_CYCLE from '@salesforce/label/c.SPM_WonLost_SalesCycle';
import DEALS_AMOUNT from '@salesforce/label/c.SPM_WonLost_DealsAmount';
import TARGET from '@salesforce/label/c.SPM_Target';
import NO_DEALS_LISTED from '@salesforce/label/c.SPM_Panel_NoDeals';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_KPI from '@salesforce/label/c.SPM_NewAction_Kpi';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'wonLost';

/**
 * Deals won and lost in the period (lists.closed), with win rate, average deal value and sales cycle
 * from the model's KPIs. Fires `createaction` ({ kpiKey | opportunityId, accountId, name }).
 */
export default class SpmWonLost extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;
  @api winRateKpiKey = 'win_rate';
  @api averageDealKpiKey = 'avg_deal_value';
  @api salesCycleKpiKey = 'sales_cycle';
  @api wonAmountKpiKey = 'sales_won';
  @api wonCountKpiKey = 'deals_won';
  @api closedCountKpiKey = 'deals_closed';

  labels = { TITLE, EMPTY, WON, LOST, TARGET, NO_DEALS_LISTED };

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  get closed() {
    const closed = this.model?.lists?.closed;
    return Array.isArray(closed) ? closed : [];
  }

  /** Below the line in an agenda item (it has a focus); shown as it is on its own page. */
  get detailsInline() {
    return !this.focus;
  }

  get dealsDetailsLabel() {
    return `${WON} (${this.wonDeals.length}) · ${LOST} (${this.lostDeals.length})`;
  }

  get wonDeals() {
    return this.closed.filter((d) => d.IsWon === true);
  }

  get lostDeals() {
    return this.closed.filter((d) => d.IsWon === false);
  }

  get hasWon() {
    return this.wonDeals.length > 0;
  }

  get hasLost() {
    return this.lostDeals.length > 0;
  }

  get listComplete() {
    return this.model?.lists?.complete?.closed !== false;
  }

  /** Where the closed list stopped at its size: the deal lists say so (c/panelModel listLimit). */
  get closedLimit() {
    return listLimit(this.model, 'closed');
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const closedCount = numberOrNull(kpiByKey(this.model, this.closedCountKpiKey)?.total?.value);
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: this.closed.length > 0 || (closedCount !== null && closedCount > 0)
    });
  }

  kpiValue(key) {
    return numberOrNull(kpiByKey(this.model, key)?.total?.value);
  }

  /**
   * Counts come from the KPIs (aggregated in the org, never capped); the lost amount only from the
   * list, and only when the list holds every closed deal.
   */
  /** Deals won in the period: the KPI's count, else the list's when it holds every closed deal. */
  get wonCount() {
    return this.kpiValue(this.wonCountKpiKey) ?? (this.listComplete ? this.wonDeals.length : null);
  }

  /** Deals lost: closed − won from the KPIs, else the list's when it holds every closed deal. */
  get lostCount() {
    const won = this.kpiValue(this.wonCountKpiKey);
    const closed = this.kpiValue(this.closedCountKpiKey);
    if (won !== null && closed !== null) {
      return closed - won;
    }
    return this.listComplete ? this.lostDeals.length : null;
  }

  get wonSummary() {
    const count = this.wonCount;
    const amount = this.kpiValue(this.wonAmountKpiKey) ?? this.listSum(this.wonDeals);
    return formatLabel(
      DEALS_AMOUNT,
      formatNumber(count, { maximumFractionDigits: 0 }),
      formatCurrency(amount, this.currency)
    );
  }

  get lostSummary() {
    return formatLabel(
      DEALS_AMOUNT,
      formatNumber(this.lostCount, { maximumFractionDigits: 0 }),
      formatCurrency(this.listSum(this.lostDeals), this.currency)
    );
  }

  listSum(deals) {
    if (!this.listComplete) {
      return null;
    }
    const amounts = deals.map((d) => numberOrNull(d.Amount));
    // An amount hidden by field-level security makes the sum unknown, not smaller.
    return amounts.some((a) => a === null) ? null : amounts.reduce((a, b) => a + b, 0);
  }

  get metrics() {
    return [
      { key: this.winRateKpiKey, label: WIN_RATE, unit: 'Percent' },
      { key: this.averageDealKpiKey, label: AVERAGE_DEAL, unit: 'Currency' },
      { key: this.salesCycleKpiKey, label: SALES_CYCLE, unit: 'Days' }
    ].map((m) => {
      const kpi = kpiByKey(this.model, m.key);
      const unit = kpi?.unit ?? m.unit;
      const valueText = formatKpiValue(numberOrNull(kpi?.total?.value), unit, this.currency);
      const targetText = formatKpiValue(numberOrNull(kpi?.total?.target), unit, this.currency);
      return {
        key: m.key,
        label: m.label,
        valueText,
        targetText,
        hasKpi: Boolean(kpi),
        createActionLabel: formatLabel(CREATE_ACTION_FOR, m.label),
        actionName: formatLabel(ACTION_NAME_KPI, m.label, valueText, targetText)
      };
    });
  }

  handleMetricAction(event) {
    const metric = this.metrics.find((m) => m.key === event.currentTarget.dataset.key);
    if (metric) {
      this.dispatchEvent(
        createActionEvent({
          kpiKey: metric.hasKpi ? metric.key : undefined,
          name: metric.actionName
        })
      );
    }
  }
}
