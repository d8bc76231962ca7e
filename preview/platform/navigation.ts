/**
 * Preview implementation of `lightning/navigation`: `NavigationMixin` navigates between the
 * preview's pages (a page load, keeping the chosen user and locale) and `CurrentPageReference`
 * emits the page reference of the current URL.
 */
import { previewContext } from './context';
import { pageReferenceToUrl, urlToPageReference, type PageReference } from './routes';

const Navigate = Symbol('NavigationMixin.Navigate');
const GenerateUrl = Symbol('NavigationMixin.GenerateUrl');

function urlFor(reference: PageReference): string {
  return pageReferenceToUrl(reference, previewContext().preservedParams);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin takes any class
type Constructor = new (...args: any[]) => object;

function mixin<T extends Constructor>(Base: T) {
  return class extends Base {
    [Navigate](reference: PageReference, replace = false): void {
      const url = urlFor(reference);
      if (reference?.type === 'standard__webPage') {
        window.open(url, '_blank', 'noopener');
      } else if (replace) {
        window.location.replace(url);
      } else {
        window.location.assign(url);
      }
    }

    [GenerateUrl](reference: PageReference): Promise<string> {
      return Promise.resolve(urlFor(reference));
    }
  };
}

/** `NavigationMixin(LightningElement)`, with `NavigationMixin.Navigate` and `.GenerateUrl`. */
export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

type PageReferenceCallback = (reference: PageReference) => void;

/** The `CurrentPageReference` wire adapter. */
export class CurrentPageReference {
  private readonly dataCallback: PageReferenceCallback;

  constructor(dataCallback: PageReferenceCallback) {
    this.dataCallback = dataCallback;
  }

  update(): void {}

  connect(): void {
    this.dataCallback(
      Object.freeze(urlToPageReference(window.location.pathname, window.location.search))
    );
  }

  disconnect(): void {}
}
