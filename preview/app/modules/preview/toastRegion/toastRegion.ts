/**
 * Shows the toasts components raise with `ShowToastEvent`, as SLDS toasts at the top of the page
 * (the platform's toast container does the same in Lightning Experience).
 */
import { LightningElement } from 'lwc';
import {
  SHOW_TOAST_EVENT_NAME,
  type ToastConfig
} from '../../../../platform/platformShowToastEvent';

/** How long a dismissible toast stays, as in Lightning Experience. */
const DISMISS_AFTER_MS = 5000;
const ICONS: Record<string, string> = {
  success: 'utility:success',
  warning: 'utility:warning',
  error: 'utility:error',
  info: 'utility:info'
};

interface MessagePart {
  key: string;
  text: string;
  url?: string;
}

interface Toast {
  id: number;
  title: string;
  parts: MessagePart[];
  variant: string;
  className: string;
  iconName: string;
  iconVariant: string;
}

/** Splits `message` on `{0}`, `{1}`… placeholders filled from `messageData` (text or links). */
export function messageParts(
  message: string,
  data: ToastConfig['messageData'] = []
): MessagePart[] {
  return message.split(/(\{\d+\})/).flatMap((piece, index) => {
    const match = /^\{(\d+)\}$/.exec(piece);
    const item = match ? data[Number(match[1])] : undefined;
    if (item === undefined) return piece ? [{ key: `t${index}`, text: piece }] : [];
    return typeof item === 'string'
      ? [{ key: `d${index}`, text: item }]
      : [{ key: `l${index}`, text: item.label, url: item.url }];
  });
}

let nextToastId = 1;

export default class ToastRegion extends LightningElement {
  toasts: Toast[] = [];

  private readonly onToast = (event: Event): void => {
    const config = (event as CustomEvent<ToastConfig>).detail ?? {};
    const variant = config.variant ?? 'info';
    const toast: Toast = {
      id: nextToastId++,
      title: config.title ?? '',
      parts: messageParts(config.message ?? '', config.messageData),
      variant,
      className: `slds-notify slds-notify_toast slds-theme_${variant}`,
      iconName: ICONS[variant] ?? ICONS.info,
      // The warning theme has dark text; the other themes are dark backgrounds.
      iconVariant: variant === 'warning' ? '' : 'inverse'
    };
    this.toasts = [...this.toasts, toast];
    if ((config.mode ?? 'dismissible') !== 'sticky') {
      setTimeout(() => this.dismiss(toast.id), DISMISS_AFTER_MS);
    }
  };

  get hasToasts(): boolean {
    return this.toasts.length > 0;
  }

  override connectedCallback(): void {
    window.addEventListener(SHOW_TOAST_EVENT_NAME, this.onToast);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(SHOW_TOAST_EVENT_NAME, this.onToast);
  }

  handleClose(event: Event): void {
    this.dismiss(Number((event.currentTarget as HTMLElement).dataset.id));
  }

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }
}
