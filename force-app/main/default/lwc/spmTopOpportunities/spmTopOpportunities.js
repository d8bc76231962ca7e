import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/formatters';
import { panelView, panelErrors } from 'c/panelModel';
import { formatDate } from 'c/formatters';
import TITLE from '@salesforce/label/c.SPM_Top_Title';
import EMPTY from '@salesforce/label/c.SPM_Top_Empty';
import SINCE from '@salesforce/label/c.SPM_Top_Since';
import SINCE_START from '@salesforce/label/c.SPM_Top_SincePeriodStart';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'top';

/**
 * The largest open opportunities (lists.top, TOP N by amount) and what happened since the last
 * review: stage moved or not, next step, close date. Each name links to the opportunity; each row
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
