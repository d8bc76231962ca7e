import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { dealRow, createActionEvent, formatLabel } from 'c/spmPanelModel';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import COL_OPPORTUNITY from '@salesforce/label/c.SPM_Col_Opportunity';
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

  labels = {
    COL_OPPORTUNITY,
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

  /** Deals of the review model (lists.top, lists.open, lists.flagged…). */
  @api
  get deals() {
    return this._deals;
  }
  set deals(value) {
    this._deals = Array.isArray(value) ? value : [];
    this.generateUrls();
  }

  get rows() {
    return this._deals.map((deal) => {
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

  /** Real hrefs, so a link can be opened in a new tab; the click itself goes through Navigate. */
  generateUrls() {
    const deals = this._deals;
    deals.forEach((deal) => {
      if (!deal.Id || this.urls[deal.Id]) {
        return;
      }
      this[NavigationMixin.GenerateUrl](this.pageReference(deal.Id)).then((url) => {
        this.urls = { ...this.urls, [deal.Id]: url };
      });
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
