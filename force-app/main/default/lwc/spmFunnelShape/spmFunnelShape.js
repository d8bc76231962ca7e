import { LightningElement, api } from 'lwc';
import { numberOrNull, createActionEvent } from 'c/panelModel';
import { formatCurrency, formatNumber, formatPercent, formatLabel } from 'c/formatters';
import { layoutFunnel, funnelHeight, FUNNEL_WIDTH } from './funnelLayout';
import TITLE from '@salesforce/label/c.SPM_Funnel_Title';
import BY_AMOUNT from '@salesforce/label/c.SPM_Funnel_ByAmount';
import BY_COUNT from '@salesforce/label/c.SPM_Funnel_ByCount';
import SIZE_BY from '@salesforce/label/c.SPM_Funnel_SizeBy';
import ARIA from '@salesforce/label/c.SPM_Funnel_Aria';
import ARIA_STAGE from '@salesforce/label/c.SPM_Funnel_AriaStage';
import ARIA_STAGE_FEW_DEALS from '@salesforce/label/c.SPM_Funnel_AriaStageFewDeals';
import COL_STAGE from '@salesforce/label/c.SPM_Col_Stage';
import COL_COUNT from '@salesforce/label/c.SPM_Col_Count';
import COL_AMOUNT from '@salesforce/label/c.SPM_Col_Amount';
import COL_WEIGHTED from '@salesforce/label/c.SPM_Col_Weighted';
import COL_CONVERSION from '@salesforce/label/c.SPM_Col_Conversion';
import COL_ACTIONS from '@salesforce/label/c.SPM_Col_Actions';
import TOTAL from '@salesforce/label/c.SPM_Panel_Total';
import STAGE_DEALS from '@salesforce/label/c.SPM_Funnel_StageDeals';
import SHOW_DEALS_OF from '@salesforce/label/c.SPM_Funnel_ShowDealsOf';
import NO_DEALS_LISTED from '@salesforce/label/c.SPM_Panel_NoDeals';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_STAGE from '@salesforce/label/c.SPM_NewAction_Stage';
import TOO_FEW_DEALS from '@salesforce/label/c.SPM_Funnel_TooFewDeals';

const MEASURE_AMOUNT = 'amount';
const MEASURE_COUNT = 'count';

/**
 * The funnel's shape: open opportunities by stage as an SVG funnel (bars sized by amount or count),
 * with count, amount, weighted amount and stage-to-stage conversion; each stage opens its deals.
 * Part of c-spm-funnel-panel, which places it above the line or below it by the agenda item's focus.
 * Fires `createaction` ({ kpiKey, name }) for a stage.
 */
export default class SpmFunnelShape extends LightningElement {
  /** The review model (c/reviewModel), with a non-empty funnel. */
  @api model;
  /** KPI an action on a stage is about (the funnel value's). */
  @api pipelineKpiKey;
  /** Where the open list stopped at its size (c/panelModel listLimit), for the stage's deal list. */
  @api limit;

  labels = {
    TITLE,
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
    NO_DEALS_LISTED
  };

  _measure = MEASURE_AMOUNT;
  selectedStage = null;

  /** What the bars are sized by at first: 'amount' (default) or 'count'. */
  @api
  get measure() {
    return this._measure;
  }
  set measure(value) {
    this._measure = value === MEASURE_COUNT ? MEASURE_COUNT : MEASURE_AMOUNT;
  }

  get stages() {
    const stages = this.model?.funnel?.stages;
    return Array.isArray(stages) ? stages : [];
  }

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  /** One account's review (the coaching panel): its deal lists need no Account column. */
  get accountScoped() {
    return Boolean(this.model?.scope?.accountId);
  }

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

  // ---- the deals of the selected stage --------------------------------------------------------

  get shownDeals() {
    const open = this.model?.lists?.open;
    return this.selectedStage && Array.isArray(open)
      ? open.filter((d) => d.StageName === this.selectedStage)
      : [];
  }

  get showDeals() {
    return this.selectedStage !== null;
  }

  get hasShownDeals() {
    return this.shownDeals.length > 0;
  }

  get dealsCaption() {
    return formatLabel(STAGE_DEALS, this.selectedStage);
  }

  /** The selected stage's count (the org's), which its deal list is held to. */
  get stageTotal() {
    const stage = this.stages.find((s) => s.stage === this.selectedStage);
    return stage ? numberOrNull(stage.count) : null;
  }

  // ---- handlers -------------------------------------------------------------------------------

  handleMeasure(event) {
    this._measure =
      event.currentTarget.dataset.measure === MEASURE_COUNT ? MEASURE_COUNT : MEASURE_AMOUNT;
  }

  handleStage(event) {
    const stage = event.currentTarget.dataset.stage;
    this.selectedStage = this.selectedStage === stage ? null : stage;
  }

  handleStageAction(event) {
    const stage = event.currentTarget.dataset.stage;
    this.dispatchEvent(
      createActionEvent({
        kpiKey: this.pipelineKpiKey || undefined,
        name: formatLabel(ACTION_NAME_STAGE, stage)
      })
    );
  }
}
