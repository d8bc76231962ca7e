import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errors';
import ERROR_TITLE from '@salesforce/label/c.SPM_Error_Title';
import SHOW_DETAILS from '@salesforce/label/c.SPM_Error_ShowDetails';
import HIDE_DETAILS from '@salesforce/label/c.SPM_Error_HideDetails';

/**
 * The one error panel of Pacer: a friendly title, the first readable message, and the others behind a
 * "Show details" button. Accepts errors of any shape (`c/errors`), already reduced string lists included.
 */
export default class SpmErrorPanel extends LightningElement {
  /** Errors of any shape: UI API, GraphQL `errors`, JS `Error`, strings, or lists of them. */
  @api errors;
  /** Title shown above the messages; defaults to a generic "Something went wrong". */
  @api friendlyMessage;

  showDetails = false;

  get title() {
    return this.friendlyMessage || ERROR_TITLE;
  }

  get messages() {
    return reduceErrors(this.errors);
  }

  get firstMessage() {
    return this.messages[0];
  }

  get moreMessages() {
    return this.messages.slice(1);
  }

  get hasMore() {
    return this.moreMessages.length > 0;
  }

  get toggleLabel() {
    return this.showDetails ? HIDE_DETAILS : SHOW_DETAILS;
  }

  get ariaExpanded() {
    return String(this.showDetails);
  }

  handleToggle() {
    this.showDetails = !this.showDetails;
  }
}
