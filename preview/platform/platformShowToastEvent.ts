/**
 * Preview implementation of `lightning/platformShowToastEvent`: the event the platform listens
 * for. The preview's page shell shows it as an SLDS toast.
 */

/** The event's name, as on the platform. */
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

/** What a toast shows. */
export interface ToastConfig {
  title?: string;
  message?: string;
  messageData?: Array<string | { url: string; label: string }>;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

/** `this.dispatchEvent(new ShowToastEvent({ title, message, variant }))`. */
export class ShowToastEvent extends CustomEvent<ToastConfig> {
  constructor(config: ToastConfig) {
    super(SHOW_TOAST_EVENT_NAME, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: config
    });
  }
}
