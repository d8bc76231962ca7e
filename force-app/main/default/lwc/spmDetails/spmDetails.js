import { LightningElement, api } from 'lwc';
import DETAILS from '@salesforce/label/c.SPM_Details_Label';

let nextId = 0;

/**
 * Below the line (the method's "details one click away, never in the way"): a disclosure button and,
 * once opened, its slotted content. Closed, the content is not rendered at all, so a panel's details
 * neither take room nor cost rendering until someone asks for them. `inline` shows the content with no
 * button, so a panel can place one block above or below the line by its focus without writing it twice.
 */
export default class SpmDetails extends LightningElement {
  /** What the button opens, e.g. "Stages, conversion and deals"; "Details" when empty. */
  @api label;
  /** Above the line after all (an agenda item whose focus this content is): shown, no button. */
  @api inline = false;
  /** Open on first render. */
  @api
  get open() {
    return this.isOpen;
  }
  set open(value) {
    this.isOpen = Boolean(value);
  }

  isOpen = false;
  regionId = `spm-details-${(nextId += 1)}`;

  get buttonLabel() {
    return this.label || DETAILS;
  }

  get ariaExpanded() {
    return String(this.isOpen);
  }

  get iconName() {
    return this.isOpen ? 'utility:chevrondown' : 'utility:chevronright';
  }

  handleToggle() {
    this.isOpen = !this.isOpen;
    this.dispatchEvent(new CustomEvent('toggle', { detail: { open: this.isOpen } }));
  }
}
