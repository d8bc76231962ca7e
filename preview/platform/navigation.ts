/**
 * Preview implementation of `lightning/navigation`: `NavigationMixin` navigates between the
 * preview's pages (a page load, keeping the chosen user and locale) and `CurrentPageReference`
 * emits the page reference of the current URL. As in Lightning Experience, a navigation that only
 * changes the current page's state (`c__…` parameters) loads nothing: the URL changes in place (a
 * history entry, or none with `replace`) and every `CurrentPageReference` wire gets the new reference;
 * so do the browser's back and forward buttons.
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
      } else if (new URL(url, window.location.href).pathname === window.location.pathname) {
        window.history[replace ? 'replaceState' : 'pushState'](null, '', url);
        emitCurrentPage();
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

/** The connected `CurrentPageReference` wires: a change of state in place reaches each. */
const connected = new Set<PageReferenceCallback>();

function currentPage(): PageReference {
  return Object.freeze(urlToPageReference(window.location.pathname, window.location.search));
}

function emitCurrentPage(): void {
  const reference = currentPage();
  for (const callback of connected) callback(reference);
}

if (typeof window !== 'undefined') window.addEventListener('popstate', emitCurrentPage);

/** The `CurrentPageReference` wire adapter. */
export class CurrentPageReference {
  private readonly dataCallback: PageReferenceCallback;

  constructor(dataCallback: PageReferenceCallback) {
    this.dataCallback = dataCallback;
  }

  update(): void {}

  connect(): void {
    connected.add(this.dataCallback);
    this.dataCallback(currentPage());
  }

  disconnect(): void {
    connected.delete(this.dataCallback);
  }
}
