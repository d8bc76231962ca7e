import SpmTopOpportunities from 'c/spmTopOpportunities';
import {
  clone,
  renderer,
  $,
  text,
  flushPromises,
  resetDOM,
  expectLoadingCard,
  expectEmptyCard,
  expectErrorCard
} from '@pacer/test-utils';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock(
  '@salesforce/label/c.SPM_Top_Since',
  () => ({ default: 'Since the last review on {0}' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.SPM_Panel_Moved', () => ({ default: 'Moved' }), { virtual: true });
jest.mock('@salesforce/label/c.SPM_Panel_NotMoved', () => ({ default: 'Not moved' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_NewAction_Deal', () => ({ default: 'Follow up {0}' }), {
  virtual: true
});

const render = renderer('c-spm-top-opportunities', SpmTopOpportunities, () => ({
  model: clone(MODEL)
}));

const rowsOf = (element) =>
  Array.from($(element, 'c-spm-deal-list').shadowRoot.querySelectorAll('tr.deal-row'));

describe('c-spm-top-opportunities', () => {
  afterEach(() => {
    resetDOM();
    resetNavigation();
    jest.clearAllMocks();
  });

  it('lists the five largest open deals with stage, amount, close date and next step', async () => {
    const element = await render();
    const rows = rowsOf(element);
    expect(rows).toHaveLength(5);
    const first = rows[0];
    expect(text(first.querySelector('a.deal-link'))).toBe(
      'Fairmont Farms SA - Integration project'
    );
    expect(text(first.querySelector('.deal-account'))).toBe('Fairmont Farms SA');
    expect(text(first.querySelector('.deal-stage'))).toBe('Negotiation/Review');
    expect(text(first.querySelector('.deal-amount'))).toBe('€123,200');
    expect(text(first.querySelector('.deal-close-date'))).toBe('Nov 25, 2026');
    expect(text(first.querySelector('.deal-next-step'))).toBe('Chase procurement');
    expect(text($(element, 'p.since'))).toBe('Since the last review on Nov 9, 2026');
  });

  it('says which deals moved stage since the last review and which did not', async () => {
    const element = await render();
    const movement = rowsOf(element).map((r) => text(r.querySelector('.deal-movement')));
    expect(movement).toEqual(['Moved', 'Not moved', 'Not moved', 'Moved', 'Moved']);
  });

  it('ranks the deals still ahead of their close date, and says how many larger ones are past it', async () => {
    expect(MODEL.lists.topPastCloseDate).toBe(3);
    expect(MODEL.lists.top.every((d) => !d.flags.includes('pastCloseDate'))).toBe(true);
    const element = await render();
    expect(text($(element, 'p.past-close-date'))).toBe('c.SPM_Top_PastCloseDate');
    const model = clone(MODEL);
    model.lists.topPastCloseDate = 0;
    resetDOM();
    expect($(await render({ model }), 'p.past-close-date')).toBeNull();
  });

  it('navigates to the opportunity from its link, which carries a real href', async () => {
    const element = await render();
    await flushPromises();
    const link = rowsOf(element)[1].querySelector('a.deal-link');
    expect(link.getAttribute('href')).toBe('/lightning/r/0068N000000004WQAQ/view');
    link.click();
    expect(getNavigateCalledWith()).toEqual({
      type: 'standard__recordPage',
      attributes: {
        recordId: '0068N000000004WQAQ',
        objectApiName: 'Opportunity',
        actionName: 'view'
      }
    });
  });

  it('fires createaction with the deal and its account', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    rowsOf(element)[0].querySelector('lightning-button-icon.create-action').click();
    const event = handler.mock.calls[0][0];
    expect(event.bubbles && event.composed).toBe(true);
    expect(event.detail).toEqual({
      opportunityId: '0068N000000005bQAA',
      accountId: '0018N000000000YQAQ',
      name: 'Follow up Fairmont Farms SA - Integration project'
    });
    document.body.removeEventListener('createaction', handler);
  });

  it('renders a dash for fields hidden by field-level security', async () => {
    const model = clone(MODEL);
    model.lists.top.forEach((d) => {
      delete d.NextStep;
      d.Amount = null;
      delete d.AccountName;
    });
    const element = await render({ model });
    const first = rowsOf(element)[0];
    expect(text(first.querySelector('.deal-next-step'))).toBe('—');
    expect(text(first.querySelector('.deal-amount'))).toBe('—');
    expect(text(first.querySelector('.deal-account'))).toBe('—');
  });

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, 'c-spm-deal-list'));

  it('says so when there is no open deal', () =>
    expectEmptyCard(render, 'c.SPM_Top_Empty', 'c-spm-deal-list'));

  it('shows the error through the shared error panel', () =>
    expectErrorCard(render, 'c-spm-deal-list'));

  it('is accessible', async () => {
    const element = await render();
    await expect(element).toBeAccessible();
  });
});

describe('c-spm-top-opportunities in an agenda item', () => {
  afterEach(resetDOM);

  it('leaves the "since" date to the workspace header, which states it once', async () => {
    const alone = await render();
    expect(alone.shadowRoot.querySelector('p.since')).not.toBeNull();
    resetDOM();
    const inAgenda = await render({ focus: 'Since last review' });
    expect(inAgenda.shadowRoot.querySelector('p.since')).toBeNull();
  });
});
