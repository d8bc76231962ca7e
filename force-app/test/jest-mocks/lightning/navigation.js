/**
 * Jest mock of lightning/navigation: records the last page reference navigated to,
 * so tests can assert on where a click leads.
 */
export const CurrentPageReference = jest.fn();

let lastPageReference;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) => {
  return class extends Base {
    [Navigate](pageReference, replace) {
      lastPageReference = { pageReference, replace };
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(`/lightning/r/${pageReference?.attributes?.recordId ?? 'page'}/view`);
    }
  };
};
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The last page reference passed to NavigationMixin.Navigate, for assertions. */
export const getNavigateCalledWith = () => lastPageReference?.pageReference;
/** Forget the recorded navigation between tests. */
export const resetNavigation = () => {
  lastPageReference = undefined;
};
