/**
 * Jest mock of lightning/platformShowToastEvent: a plain CustomEvent named `lightning__showtoast`,
 * as the platform dispatches, so tests can listen for it.
 */
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(ShowToastEventName, {
      composed: true,
      cancelable: true,
      bubbles: true,
      detail: toast
    });
  }
}
