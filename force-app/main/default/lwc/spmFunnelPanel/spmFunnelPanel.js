import { LightningElement, api } from 'lwc';
import { panelView, panelErrors, kpiByKey, numberOrNull, createActionEvent } from 'c/panelModel';
import {
  formatCurrency,
  formatNumber,
  formatPercent,
  formatKpiValue,
  formatLabel
} from 'c/formatters';
import { layoutFunnel, funnelHeight, FUNNEL_WIDTH } from './funnelLayout';
import TITLE from '@salesforce/label/c.SPM_Funnel_Title';
import EMPTY from '@salesforce/label/c.SPM_Funnel_Empty';
import BY_AMOUNT from '@salesforce/label/c.SPM_Funnel_ByAmount';
import BY_COUNT from '@salesforce/label/c.SPM_Funnel_ByCount';
import SIZE_BY from '@salesforce/label/c.SPM_Funnel_SizeBy';
import ARIA from '@salesforce/label/c.SPM_Funnel_Aria';
import ARIA_STAGE from '@salesforce/label/c.SPM_Funnel_AriaStage';
import COL_STAGE from '@salesforce/label/c.SPM_Col_Stage';
import COL_COUNT from '@salesforce/label/c.SPM_Col_Count';
import COL_AMOUNT from '@salesforce/label/c.SPM_Col_Amount';
import COL_WEIGHTED from '@salesforce/label/c.SPM_Col_Weighted';
import COL_CONVERSION from '@salesforce/label/c.SPM_Col_Conversion';
import COL_ACTIONS from '@salesforce/label/c.SPM_Col_Actions';
import TOTAL from '@salesforce/label/c.SPM_Panel_Total';
import FUNNEL_VALUE from '@salesforce/label/c.SPM_Funnel_Value';
import TARGET from '@salesforce/label/c.SPM_Target';
import COVERAGE from '@salesforce/label/c.SPM_Funnel_Coverage';
import ATTAINMENT from '@salesforce/label/c.SPM_Attainment';
import MOVED_SINCE from '@salesforce/label/c.SPM_Funnel_Moved';
import NOT_MOVED_SINCE from '@salesforce/label/c.SPM_Funnel_NotMoved';
import STAGE_DEALS from '@salesforce/label/c.SPM_Funnel_StageDeals';
import SHOW_DEALS_OF from '@salesforce/label/c.SPM_Funnel_ShowDealsOf';
import NO_DEALS_LISTED from '@salesforce/label/c.SPM_Panel_NoDeals';
import LIST_INCOMPLETE from '@salesforce/label/c.SPM_Panel_ListIncomplete';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_STAGE from '@salesforce/label/c.SPM_NewAction_Stage';
import ACTION_NAME_NOT_MOVED from '@salesforce/label/c.SPM_NewAction_NotMoved';
import CREATE_ACTION from '@salesforce/label/c.SPM_Panel_CreateAction';
import TOO_FEW_DEALS from '@salesforce/label/c.SPM_Funnel_TooFewDeals';
import ARIA_STAGE_FEW_DEALS from '@salesforce/label/c.SPM_Funnel_AriaStageFewDeals';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'funnel';

const MEASURE_AMOUNT = 'amount';
const MEASURE_COUNT = 'count';
const LIST_MOVED = 'moved';
const LIST_NOT_MOVED = 'notMoved';

/**
 * Open opportunities by stage as an SVG funnel (bars sized by amount or count), with count, amount,
 * weighted amount and stage-to-stage conversion; funnel value against target and coverage; deals
 * moved and not moved since the last review. Each stage opens its deals.
 * Fires `createaction` ({ kpiKey | opportunityId, accountId, name }).
 */
export default class SpmFunnelPanel extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;
  /** KPI whose value and target are the funnel value against target. */
  @api pipelineKpiKey = 'open_pipeline';
  /** KPI holding pipeline coverage. */
  @api coverageKpiKey = 'coverage';

  labels = {
    TITLE,
    EMPTY,
    BY_AMOUNT,
    BY_COUNT,
    SIZE_BY,
    COL_STAGE,
    COL_COUNT,
    COL_AMOUNT,
    COL_WEIGHTED,
    COL_CONVERSION,
    COL_ACTIONS,
    TOTAL,
    FUNNEL_VALUE,
    TARGET,
    COVERAGE,
    ATTAINMENT,
    MOVED_SINCE,
    NOT_MOVED_SINCE,
    NO_DEALS_LISTED,
    CREATE_ACTION
  };

  _measure = MEASURE_AMOUNT;
  selectedStage = null;
  openList = null;

  /** What the bars are sized by at first: 'amount' (default) or 'count'. */
  @api
  get measure() {
    return this._measure;
  }
  set measure(value) {
    this._measure = value === MEASURE_COUNT ? MEASURE_COUNT : MEASURE_AMOUNT;
  }

  // ---- branches -------------------------------------------------------------------------------

  get stages() {
    const stages = this.model?.funnel?.stages;
    return Array.isArray(stages) ? stages : [];
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const total = numberOrNull(this.model?.funnel?.total?.count);
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: this.stages.length > 0 && total !== null && total > 0
    });
  }

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  /** One account's review (the coaching panel): its deal lists need no Account column. */
  get accountScoped() {
    return Boolean(this.model?.scope?.accountId);
  }

  // ---- the funnel -----------------------------------------------------------------------------

  get byAmount() {
    return this._measure === MEASURE_AMOUNT;
  }
  get amountPressed() {
    return String(this.byAmount);
  }
  get countPressed() {
    return String(!this.byAmount);
  }
  get amountButtonClass() {
    return `slds-button ${this.byAmount ? 'slds-button_brand' : 'slds-button_neutral'} measure-amount`;
  }
  get countButtonClass() {
    return `slds-button ${this.byAmount ? 'slds-button_neutral' : 'slds-button_brand'} measure-count`;
  }

  stageText(stage) {
    return this.byAmount
      ? formatCurrency(numberOrNull(stage.amount), this.currency, { compact: true })
      : formatNumber(numberOrNull(stage.count), { maximumFractionDigits: 0 });
  }

  get viewBox() {
    return `0 0 ${FUNNEL_WIDTH} ${funnelHeight(this.stages.length)}`;
  }

  get bars() {
    const layout = layoutFunnel(
      this.stages.map((s) => ({
        stage: s.stage,
        value: numberOrNull(this.byAmount ? s.amount : s.count),
        valueText: this.stageText(s)
      }))
    );
    return layout.map((bar) => ({ ...bar, key: bar.stage }));
  }

  get funnelAriaLabel() {
    const parts = this.stages.map((s) =>
      formatLabel(
        s.tooFewDeals ? ARIA_STAGE_FEW_DEALS : ARIA_STAGE,
        s.stage,
        formatNumber(numberOrNull(s.count), { maximumFractionDigits: 0 }),
        formatCurrency(numberOrNull(s.amount), this.currency),
        formatPercent(numberOrNull(s.conversionToNext))
      )
    );
    return formatLabel(ARIA, this.byAmount ? BY_AMOUNT : BY_COUNT, parts.join('; '));
  }

  /** A stage's conversion to the next; a model may mark it as resting on too few deals to mean much. */
  conversionText(stage) {
    return stage.tooFewDeals ? TOO_FEW_DEALS : formatPercent(numberOrNull(stage.conversionToNext));
  }

  get rows() {
    return this.stages.map((s) => {
      const expanded = this.selectedStage === s.stage;
      return {
        key: s.stage,
        stage: s.stage,
        countText: formatNumber(numberOrNull(s.count), { maximumFractionDigits: 0 }),
        amountText: formatCurrency(numberOrNull(s.amount), this.currency),
        weightedText: formatCurrency(numberOrNull(s.weighted), this.currency),
        conversionText: this.conversionText(s),
        expanded,
        ariaExpanded: String(expanded),
        showLabel: formatLabel(SHOW_DEALS_OF, s.stage),
        createActionLabel: formatLabel(CREATE_ACTION_FOR, s.stage)
      };
    });
  }

  get totalCountText() {
    return formatNumber(numberOrNull(this.model?.funnel?.total?.count), {
      maximumFractionDigits: 0
    });
  }
  get totalAmountText() {
    return formatCurrency(numberOrNull(this.model?.funnel?.total?.amount), this.currency);
  }
  get totalWeightedText() {
    return formatCurrency(numberOrNull(this.model?.funnel?.total?.weighted), this.currency);
  }

  // ---- value against target, coverage -------------------------------------------------------

  get pipelineKpi() {
    return kpiByKey(this.model, this.pipelineKpiKey);
  }
  get coverageKpi() {
    return kpiByKey(this.model, this.coverageKpiKey);
  }

  get funnelValueText() {
    const kpi = this.pipelineKpi;
    return kpi
      ? formatKpiValue(numberOrNull(kpi.total?.value), kpi.unit, this.currency)
      : this.totalAmountText;
  }
  get funnelTargetText() {
    const kpi = this.pipelineKpi;
    return formatKpiValue(numberOrNull(kpi?.total?.target), kpi?.unit ?? 'Currency', this.currency);
  }
  get funnelAttainmentText() {
    return formatPercent(numberOrNull(this.pipelineKpi?.total?.attainment));
  }
  get coverageText() {
    const kpi = this.coverageKpi;
    return formatKpiValue(numberOrNull(kpi?.total?.value), kpi?.unit ?? 'Ratio', this.currency);
  }

  // ---- moved / not moved --------------------------------------------------------------------

  get movedCountText() {
    const m = this.model?.movement;
    const parts = [m?.movedOpen, m?.movedWon, m?.movedLost].map(numberOrNull);
    const total = parts.every((p) => p === null) ? null : parts.reduce((a, p) => a + (p ?? 0), 0);
    return formatNumber(total, { maximumFractionDigits: 0 });
  }
  get notMovedCountText() {
    return formatNumber(numberOrNull(this.model?.movement?.notMoved), { maximumFractionDigits: 0 });
  }
  get movedExpanded() {
    return String(this.openList === LIST_MOVED);
  }
  get notMovedExpanded() {
    return String(this.openList === LIST_NOT_MOVED);
  }
  get movedButtonLabel() {
    return `${MOVED_SINCE} (${this.movedCountText})`;
  }
  get notMovedButtonLabel() {
    return `${NOT_MOVED_SINCE} (${this.notMovedCountText})`;
  }

  // ---- the deals behind the selection ---------------------------------------------------------

  list(name) {
    const list = this.model?.lists?.[name];
    return Array.isArray(list) ? list : [];
  }

  get shownDeals() {
    if (this.selectedStage) {
      return this.list('open').filter((d) => d.StageName === this.selectedStage);
    }
    if (this.openList) {
      return this.list(this.openList);
    }
    return [];
  }

  get showDeals() {
    return this.selectedStage !== null || this.openList !== null;
  }

  get hasShownDeals() {
    return this.shownDeals.length > 0;
  }

  get dealsCaption() {
    if (this.selectedStage) {
      return formatLabel(STAGE_DEALS, this.selectedStage);
    }
    return this.openList === LIST_MOVED ? MOVED_SINCE : NOT_MOVED_SINCE;
  }

  /** The open list stops at listSize: say so rather than let a short list look complete. */
  get listIncompleteText() {
    const complete = this.model?.lists?.complete?.open;
    return complete === false ? formatLabel(LIST_INCOMPLETE, this.list('open').length) : null;
  }

  // ---- handlers -------------------------------------------------------------------------------

  handleMeasure(event) {
    this._measure =
      event.currentTarget.dataset.measure === MEASURE_COUNT ? MEASURE_COUNT : MEASURE_AMOUNT;
  }

  handleStage(event) {
    const stage = event.currentTarget.dataset.stage;
    this.openList = null;
    this.selectedStage = this.selectedStage === stage ? null : stage;
  }

  handleMovement(event) {
    const list = event.currentTarget.dataset.list;
    this.selectedStage = null;
    this.openList = this.openList === list ? null : list;
  }

  handleStageAction(event) {
    const stage = event.currentTarget.dataset.stage;
    this.dispatchEvent(
      createActionEvent({
        kpiKey: this.pipelineKpi ? this.pipelineKpiKey : undefined,
        name: formatLabel(ACTION_NAME_STAGE, stage)
      })
    );
  }

  handleNotMovedAction() {
    this.dispatchEvent(
      createActionEvent({
        kpiKey: this.pipelineKpi ? this.pipelineKpiKey : undefined,
        name: formatLabel(ACTION_NAME_NOT_MOVED, this.notMovedCountText)
      })
    );
  }
}
