import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { formatLabel } from 'c/formatters';
import { dealRow, createActionEvent } from 'c/panelModel';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import COL_OPPORTUNITY from '@salesforce/label/c.SPM_Col_Opportunity';
import COL_OWNER from '@salesforce/label/c.SPM_Col_Owner';
import COL_ACCOUNT from '@salesforce/label/c.SPM_Col_Account';
import COL_STAGE from '@salesforce/label/c.SPM_Col_Stage';
import COL_AMOUNT from '@salesforce/label/c.SPM_Col_Amount';
import COL_CLOSE_DATE from '@salesforce/label/c.SPM_Col_CloseDate';
import COL_NEXT_STEP from '@salesforce/label/c.SPM_Col_NextStep';
import COL_SINCE_REVIEW from '@salesforce/label/c.SPM_Col_SinceReview';
import COL_SNOOZED_UNTIL from '@salesforce/label/c.SPM_Col_SnoozedUntil';
import COL_SNOOZE_REASON from '@salesforce/label/c.SPM_Col_SnoozeReason';
import COL_ACTIONS from '@salesforce/label/c.SPM_Col_Actions';
import MOVED from '@salesforce/label/c.SPM_Panel_Moved';
import NOT_MOVED from '@salesforce/label/c.SPM_Panel_NotMoved';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_DEAL from '@salesforce/label/c.SPM_NewAction_Deal';
import SNOOZE_FLAG_FOR from '@salesforce/label/c.SPM_Snooze_FlagFor';
import SHOW_ALL from '@salesforce/label/c.SPM_Panel_ShowAllDeals';
import SHOW_FEWER from '@salesforce/label/c.SPM_Panel_ShowFewerDeals';
import PART_OF from '@salesforce/label/c.SPM_DealList_PartOf';
import OPEN_LIMIT from '@salesforce/label/c.SPM_DealList_OpenLimit';
import CLOSED_LIMIT from '@salesforce/label/c.SPM_DealList_ClosedLimit';

/**
 * Rows drawn before "Show all": a meeting reads the first deals of a list, and a 200-deal list drawn in
 * full is most of what a review page costs to render.
 */
const DEFAULT_VISIBLE_ROWS = 10;

/** The deals' ids in order: tells another list from the same list in a new array. */
function idsOf(deals) {
  return deals.map((deal) => deal.Id).join(',');
}

/** Fired (not composed) when the user asks to snooze the flags of a deal; the panel owns the form. */
const SNOOZE_EVENT = 'snooze';

/**
 * A table of deals of the review model: each name a link to the Opportunity (NavigationMixin),
 * each row a button to create an action for the deal, and optionally one to snooze its flags.
 */
export default class SpmDealList extends NavigationMixin(LightningElement) {
  /** Accessible name of the table (what the deals are). */
  @api caption = '';
  /** The review's currency (model.scope.currency). */
  @api currency;
  @api showNextStep = false;
  @api showMovement = false;
  @api showSnooze = false;
  @api snoozable = false;
  /** Leaves out the Account column, for lists of one account's deals (the coaching panel). */
  @api hideAccount = false;
  /** How many deals the count next to the list counts (the org's figure), when it has one. */
  @api total;
  /**
   * The list the deals come from stopped at its size (model.lists.complete): `{ size, kind }`, kind
   * 'open' (largest first) or 'closed' (latest first); undefined when it holds every deal.
   */
  @api limit;
  _visibleRows = DEFAULT_VISIBLE_ROWS;

  showingAll = false;

  labels = {
    COL_OPPORTUNITY,
    COL_OWNER,
    COL_ACCOUNT,
    COL_STAGE,
    COL_AMOUNT,
    COL_CLOSE_DATE,
    COL_NEXT_STEP,
    COL_SINCE_REVIEW,
    COL_SNOOZED_UNTIL,
    COL_SNOOZE_REASON,
    COL_ACTIONS
  };

  _deals = [];
  urls = {};

  get showAccount() {
    return !this.hideAccount;
  }

  /** A list of several people's deals (a team's review) says whose each one is. */
  get showOwner() {
    return new Set(this._deals.map((d) => d.OwnerId).filter(Boolean)).size > 1;
  }

  /** Deals of the review model (lists.top, lists.open, lists.flagged…). */
  @api
  get deals() {
    return this._deals;
  }
  set deals(value) {
    const deals = Array.isArray(value) ? value : [];
    // Another list (the funnel reuses one table for each stage) starts folded; the same deals in a
    // new array (a re-render of the panel) keep what the user chose.
    if (idsOf(deals) !== idsOf(this._deals)) {
      this.showingAll = false;
    }
    this._deals = deals;
    this.generateUrls();
  }

  /** Rows shown until the user asks for all of them (0: all). */
  @api
  get visibleRows() {
    return this._visibleRows;
  }
  set visibleRows(value) {
    this._visibleRows = value;
    this.generateUrls();
  }

  /** The deals drawn now: the first `visibleRows`, or all once asked. */
  get shownDeals() {
    const limit = Number(this.visibleRows);
    return this.showingAll || !(limit > 0) ? this._deals : this._deals.slice(0, limit);
  }

  /** Whether the list is longer than `visibleRows`, so the user can unfold and fold it. */
  get foldable() {
    const limit = Number(this.visibleRows);
    return limit > 0 && this._deals.length > limit;
  }

  /**
   * One button that unfolds and folds the list, so it keeps the keyboard focus after a click (a
   * button that disappeared would drop the focus to the page).
   */
  get toggleLabel() {
    return this.showingAll
      ? formatLabel(SHOW_FEWER, this.visibleRows)
      : formatLabel(SHOW_ALL, this._deals.length);
  }

  /**
   * What the list cannot show, said under it: "46 of 64 listed." when the count counts more deals
   * than the list holds, and why, when the list it comes from stopped at its size. Nothing when they
   * agree.
   */
  get partText() {
    const shown = this._deals.length;
    const total = typeof this.total === 'number' ? this.total : null;
    const parts = [];
    if (total !== null && total > shown) {
      parts.push(formatLabel(PART_OF, shown, total));
    }
    const limit = this.limit;
    if (limit && limit.size && (total === null || total > shown)) {
      parts.push(formatLabel(limit.kind === 'closed' ? CLOSED_LIMIT : OPEN_LIMIT, limit.size));
    }
    return parts.join(' ');
  }

  get toggleExpanded() {
    return String(this.showingAll);
  }

  handleToggleRows() {
    this.showingAll = !this.showingAll;
    this.generateUrls();
  }

  get rows() {
    return this.shownDeals.map((deal) => {
      const row = dealRow(deal, this.currency);
      return {
        ...row,
        url: this.urls[row.id],
        movementText: row.moved ? MOVED : NOT_MOVED,
        movementClass: row.moved ? 'slds-badge slds-theme_success' : 'slds-badge',
        createActionLabel: formatLabel(CREATE_ACTION_FOR, row.name),
        snoozeLabel: formatLabel(SNOOZE_FLAG_FOR, row.name)
      };
    });
  }

  /**
   * Real hrefs, so a link can be opened in a new tab; the click itself goes through Navigate. The URLs
   * of the shown deals arrive together: one render for the list, not one per deal.
   */
  generateUrls() {
    const missing = this.shownDeals.filter((deal) => deal.Id && !this.urls[deal.Id]);
    if (!missing.length) {
      return;
    }
    // A URL that cannot be generated leaves that row without an href (its click still navigates),
    // not the whole list.
    Promise.all(
      missing.map((deal) =>
        this[NavigationMixin.GenerateUrl](this.pageReference(deal.Id)).catch(() => null)
      )
    ).then((urls) => {
      const next = { ...this.urls };
      missing.forEach((deal, index) => {
        if (urls[index]) {
          next[deal.Id] = urls[index];
        }
      });
      this.urls = next;
    });
  }

  pageReference(recordId) {
    return {
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: OPPORTUNITY_OBJECT.objectApiName, actionName: 'view' }
    };
  }

  handleOpen(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.pageReference(event.currentTarget.dataset.id));
  }

  handleCreateAction(event) {
    const deal = this._deals.find((d) => d.Id === event.currentTarget.dataset.id);
    if (!deal) {
      return;
    }
    this.dispatchEvent(
      createActionEvent({
        opportunityId: deal.Id,
        accountId: deal.AccountId,
        name: formatLabel(ACTION_NAME_DEAL, deal.Name ?? '')
      })
    );
  }

  handleSnooze(event) {
    this.dispatchEvent(
      new CustomEvent(SNOOZE_EVENT, { detail: { opportunityId: event.currentTarget.dataset.id } })
    );
  }
}
