/**
 * Jest mock of lightning/navigation: records the last page reference navigated to,
 * so tests can assert on where a click leads. GenerateUrl fails for a record id containing
 * `NOURL`, as the platform's may for a record the user cannot open. `CurrentPageReference` is a
 * test wire adapter: `CurrentPageReference.emit(pageReference)` gives the page a reference.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter();

let lastPageReference;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) => {
  return class extends Base {
    [Navigate](pageReference, replace) {
      lastPageReference = { pageReference, replace };
    }
    [GenerateUrl](pageReference) {
      if (String(pageReference?.attributes?.recordId).includes('NOURL')) {
        return Promise.reject(new Error('No URL for this record'));
      }
      return Promise.resolve(`/lightning/r/${pageReference?.attributes?.recordId ?? 'page'}/view`);
    }
  };
};
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The last page reference passed to NavigationMixin.Navigate, for assertions. */
export const getNavigateCalledWith = () => lastPageReference?.pageReference;
/** Whether the last navigation replaced the current history entry. */
export const getNavigateReplaced = () => lastPageReference?.replace === true;
/** Forget the recorded navigation between tests. */
export const resetNavigation = () => {
  lastPageReference = undefined;
};
