import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/formatters';
import { panelView, panelErrors } from 'c/panelModel';
import { formatDate } from 'c/formatters';
import TITLE from '@salesforce/label/c.SPM_Top_Title';
import EMPTY from '@salesforce/label/c.SPM_Top_Empty';
import SINCE from '@salesforce/label/c.SPM_Top_Since';
import SINCE_START from '@salesforce/label/c.SPM_Top_SincePeriodStart';
import PAST_CLOSE_DATE from '@salesforce/label/c.SPM_Top_PastCloseDate';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'top';

/**
 * The largest open opportunities still ahead of their close date (lists.top, TOP N by amount; the
 * larger ones past it are counted, not ranked) and what happened since the last review: stage moved
 * or not, next step, close date. Each name links to the opportunity; each row
 * fires `createaction` ({ opportunityId, accountId, name }).
 */
export default class SpmTopOpportunities extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;

  labels = { TITLE, EMPTY };

  get deals() {
    const top = this.model?.lists?.top;
    return Array.isArray(top) ? top : [];
  }

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: this.deals.length > 0
    });
  }

  /** How many larger deals were left out for being past their close date (model.lists). */
  get pastCloseDateText() {
    const count = this.model?.lists?.topPastCloseDate;
    return typeof count === 'number' && count > 0 ? formatLabel(PAST_CLOSE_DATE, count) : '';
  }

  /** In an agenda item (it has a focus) the workspace's header states the "since" date, once. */
  get showSince() {
    return !this.focus;
  }

  /** "Since the last review on …", or since the period started when there was no review. */
  get sinceText() {
    const last = this.model?.scope?.lastReviewDate;
    return last ? formatLabel(SINCE, formatDate(last)) : SINCE_START;
  }
}
