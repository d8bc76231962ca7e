import { LightningElement, api } from 'lwc';
import {
  panelView,
  panelErrors,
  kpiByKey,
  listLimit,
  numberOrNull,
  createActionEvent
} from 'c/panelModel';
import {
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  formatKpiValue,
  formatLabel
} from 'c/formatters';
import { funnelBlocks, offerLists, stalledDeals, nextPeriodDeals } from './funnelFocus';
import TITLE from '@salesforce/label/c.SPM_Funnel_Title';
import EMPTY from '@salesforce/label/c.SPM_Funnel_Empty';
import FUNNEL_VALUE from '@salesforce/label/c.SPM_Funnel_Value';
import TARGET from '@salesforce/label/c.SPM_Target';
import COVERAGE from '@salesforce/label/c.SPM_Funnel_Coverage';
import ATTAINMENT from '@salesforce/label/c.SPM_Attainment';
import MOVED_SINCE from '@salesforce/label/c.SPM_Funnel_Moved';
import NOT_MOVED_SINCE from '@salesforce/label/c.SPM_Funnel_NotMoved';
import NO_DEALS_LISTED from '@salesforce/label/c.SPM_Panel_NoDeals';
import ACTION_NAME_NOT_MOVED from '@salesforce/label/c.SPM_NewAction_NotMoved';
import CREATE_ACTION from '@salesforce/label/c.SPM_Panel_CreateAction';
import SUMMARY from '@salesforce/label/c.SPM_Funnel_Summary';
import SHAPE_DETAILS from '@salesforce/label/c.SPM_Funnel_ShapeDetails';
import STALLED from '@salesforce/label/c.SPM_Funnel_Stalled';
import OFFERS_SENT from '@salesforce/label/c.SPM_Funnel_OffersSent';
import OFFERS_PAST_CHECK from '@salesforce/label/c.SPM_Funnel_OffersPastCheck';
import NO_OFFERS from '@salesforce/label/c.SPM_Funnel_NoOffers';
import NEXT_PERIOD from '@salesforce/label/c.SPM_Funnel_NextPeriod';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'funnel';

const LIST_MOVED = 'moved';
const LIST_NOT_MOVED = 'notMoved';
const LIST_STALLED = 'stalled';

/**
 * The funnel: its shape (c-spm-funnel-shape: stages, conversion and their deals), funnel value against
 * target and coverage, deals moved, not moved and stalled since the last review, offers made and past
 * their check date, and the deals closing next period. The agenda item's focus puts one view above
 * the line and the rest one click below (./funnelFocus); without one the panel shows the funnel whole.
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
    FUNNEL_VALUE,
    TARGET,
    COVERAGE,
    ATTAINMENT,
    MOVED_SINCE,
    NOT_MOVED_SINCE,
    NO_DEALS_LISTED,
    CREATE_ACTION,
    SUMMARY,
    SHAPE_DETAILS
  };

  openList = null;

  /** What the funnel's bars are sized by at first: 'amount' (default) or 'count' (c-spm-funnel-shape). */
  @api measure;

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

  // ---- the focus ----------------------------------------------------------------------------

  get blocks() {
    return funnelBlocks(this.focus);
  }

  get summaryInline() {
    return this.blocks.summary === 'inline';
  }

  /** The funnel's total amount, the funnel value when the menu has no pipeline KPI. */
  get totalAmountText() {
    return formatCurrency(numberOrNull(this.model?.funnel?.total?.amount), this.currency);
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

  get movedCount() {
    const m = this.model?.movement;
    const parts = [m?.movedOpen, m?.movedWon, m?.movedLost].map(numberOrNull);
    return parts.every((p) => p === null) ? null : parts.reduce((a, p) => a + (p ?? 0), 0);
  }
  get notMovedCount() {
    return numberOrNull(this.model?.movement?.notMoved);
  }
  get movedCountText() {
    return formatNumber(this.movedCount, { maximumFractionDigits: 0 });
  }
  get notMovedCountText() {
    return formatNumber(this.notMovedCount, { maximumFractionDigits: 0 });
  }
  /** Stalled deals: the trust measure's count (the org's), the list from the open list. */
  get stalledCount() {
    const measure = (this.model?.trust?.measures || []).find((m) => m.key === LIST_STALLED);
    return numberOrNull(measure?.value);
  }
  get stalledCountText() {
    return formatNumber(this.stalledCount, { maximumFractionDigits: 0 });
  }
  get stalledExpanded() {
    return String(this.openList === LIST_STALLED);
  }
  get stalledButtonLabel() {
    return `${STALLED} (${this.stalledCountText})`;
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

  // ---- the deals behind the selected movement -----------------------------------------------

  list(name) {
    const list = this.model?.lists?.[name];
    return Array.isArray(list) ? list : [];
  }

  get shownDeals() {
    if (this.openList === LIST_STALLED) {
      return stalledDeals(this.list('open'));
    }
    return this.openList ? this.list(this.openList) : [];
  }

  get showDeals() {
    return this.openList !== null;
  }

  get hasShownDeals() {
    return this.shownDeals.length > 0;
  }

  get dealsCaption() {
    if (this.openList === LIST_STALLED) {
      return STALLED;
    }
    return this.openList === LIST_MOVED ? MOVED_SINCE : NOT_MOVED_SINCE;
  }

  /** Where the open list stopped at its size: the deal lists say so (c/panelModel listLimit). */
  get openLimit() {
    return listLimit(this.model, 'open');
  }

  /** What the count next to the open movement list counts (the org's figures). */
  get shownTotal() {
    if (this.openList === LIST_STALLED) {
      return this.stalledCount;
    }
    return this.openList === LIST_MOVED ? this.movedCount : this.notMovedCount;
  }

  // ---- offers, next period --------------------------------------------------------------------

  /**
   * The deal lists the focus shows besides the funnel's own: offers made since the last review and
   * offers past their check date ('New offers'), or the deals closing next period ('Next period').
   */
  get focusLists() {
    const sections = [];
    const section = (key, caption, deals, emptyText) => ({
      key,
      sectionClass: `${key} slds-m-bottom_medium`,
      caption,
      deals,
      hasDeals: deals.length > 0,
      emptyText
    });
    if (this.blocks.offers) {
      const offers = offerLists(this.list('open'));
      const since = formatLabel(OFFERS_SENT, formatDate(this.model?.scope?.lastReviewDate));
      sections.push(section('offers-sent', since, offers.sent, NO_OFFERS));
      sections.push(section('offers-past-check', OFFERS_PAST_CHECK, offers.pastCheck, NO_OFFERS));
    }
    if (this.blocks.next) {
      const next = nextPeriodDeals(this.model?.scope, this.list('open'));
      const caption = next.period ? formatLabel(NEXT_PERIOD, next.period.label) : '';
      sections.push(section('next-period', caption, next.deals, NO_DEALS_LISTED));
    }
    return sections;
  }

  // ---- handlers -------------------------------------------------------------------------------

  handleMovement(event) {
    const list = event.currentTarget.dataset.list;
    this.openList = this.openList === list ? null : list;
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
