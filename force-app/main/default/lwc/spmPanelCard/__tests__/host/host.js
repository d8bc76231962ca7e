import { LightningElement, api } from 'lwc';

/** A panel as the card shell's tests need one: content in the default slot, a button in `actions`. */
export default class Host extends LightningElement {
  @api loading = false;
  @api errors;
  @api empty = false;
  @api loadingText;
}
