import { objectOfRecordId, pageReferenceToUrl, urlToPageReference } from './routes';

const KEEP = { user: '005000000000000AAA' };

describe('pageReferenceToUrl', () => {
  it('maps the page references components use to Lightning-style preview URLs, keeping the user', () => {
    expect(
      pageReferenceToUrl(
        { type: 'standard__navItemPage', attributes: { apiName: 'Performance_Review' } },
        KEEP
      )
    ).toBe('/lightning/n/Performance_Review?user=005000000000000AAA');
    expect(
      pageReferenceToUrl(
        {
          type: 'standard__recordPage',
          attributes: { recordId: '001000000000001AAA', actionName: 'view' }
        },
        KEEP
      )
    ).toBe('/lightning/r/Account/001000000000001AAA/view?user=005000000000000AAA');
    expect(
      pageReferenceToUrl({
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Opportunity', actionName: 'home' }
      })
    ).toBe('/lightning/o/Opportunity/home');
  });

  it('carries page state in the query string', () => {
    expect(
      pageReferenceToUrl({
        type: 'standard__navItemPage',
        attributes: { apiName: 'Performance_Review' },
        state: { c__subject: '005X' }
      })
    ).toBe('/lightning/n/Performance_Review?c__subject=005X');
  });

  it('refuses page types the preview cannot show', () => {
    expect(() =>
      pageReferenceToUrl({ type: 'comm__namedPage', attributes: { name: 'Home' } })
    ).toThrow('cannot navigate to a page reference of type comm__namedPage');
  });
});

describe('urlToPageReference', () => {
  it('reads a record page URL back, with namespaced state only', () => {
    expect(
      urlToPageReference(
        '/lightning/r/Account/001000000000001AAA/view',
        '?user=005X&c__tab=actions'
      )
    ).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '001000000000001AAA', objectApiName: 'Account', actionName: 'view' },
      state: { c__tab: 'actions' }
    });
  });

  it('reads tab and list URLs, and anything else as home', () => {
    expect(urlToPageReference('/lightning/n/Performance_Review').attributes).toEqual({
      apiName: 'Performance_Review'
    });
    expect(urlToPageReference('/lightning/o/Account/list').attributes).toEqual({
      objectApiName: 'Account',
      actionName: 'list'
    });
    expect(urlToPageReference('/elsewhere').type).toBe('standard__namedPage');
  });
});

describe('objectOfRecordId', () => {
  it("knows Pacer's objects by key prefix", () => {
    expect(objectOfRecordId('006000000000001AAA')).toBe('Opportunity');
    expect(objectOfRecordId('a06000000000001AAA')).toBe('SPM_Action__c');
    expect(objectOfRecordId('zzz000000000001AAA')).toBeUndefined();
  });
});
