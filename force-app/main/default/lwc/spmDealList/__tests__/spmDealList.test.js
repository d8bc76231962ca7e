import SpmDealList from 'c/spmDealList';
import { renderer, $, $$, flushPromises, resetDOM } from '@pacer/test-utils';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock('@salesforce/label/c.SPM_NewAction_Deal', () => ({ default: 'Follow up {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_Panel_ShowAllDeals', () => ({ default: 'Show all {0} deals' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_Panel_ShowFewerDeals',
  () => ({ default: 'Show the first {0} only' }),
  { virtual: true }
);

jest.mock('@salesforce/label/c.SPM_DealList_PartOf', () => ({ default: '{0} of {1} listed.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_DealList_ClosedLimit',
  () => ({ default: 'The review lists the {0} most recently closed deals.' }),
  { virtual: true }
);

const render = renderer('c-spm-deal-list', SpmDealList, () => ({
  deals: MODEL.lists.flagged,
  currency: 'EUR',
  caption: 'Flagged deals'
}));

/** `count` copies of a flagged deal with their own ids and names (`tag` tells lists apart). */
const dealsNamed = (count, tag) =>
  Array.from({ length: count }, (_, i) => ({
    ...MODEL.lists.flagged[0],
    Id: `006TEST${tag}${String(i).padStart(10, '0')}`,
    Name: `Deal ${tag}${i + 1}`
  }));

describe('c-spm-deal-list', () => {
  afterEach(() => {
    resetDOM();
    resetNavigation();
    jest.clearAllMocks();
  });

  it('renders one row per deal with a generated record URL', async () => {
    const element = await render();
    const links = $$(element, 'a.deal-link');
    expect(links).toHaveLength(MODEL.lists.flagged.length);
    expect(links[0].getAttribute('href')).toBe(`/lightning/r/${MODEL.lists.flagged[0].Id}/view`);
  });

  it('navigates on click instead of following the href', async () => {
    const element = await render();
    const link = $$(element, 'a.deal-link')[1];
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(getNavigateCalledWith().attributes.recordId).toBe(MODEL.lists.flagged[1].Id);
  });

  it("names each deal's owner when the list holds several people's deals, and only then", async () => {
    const one = await render();
    expect($(one, '.deal-owner')).toBeNull();
    const [first, second] = MODEL.lists.flagged;
    const team = await render({
      deals: [
        { ...first, OwnerId: '005TEAM000000001AAA', OwnerName: 'Ana Rep' },
        { ...second, OwnerId: '005TEAM000000002AAA', OwnerName: 'Ben Rep' }
      ]
    });
    expect($$(team, '.deal-owner').map((td) => td.textContent)).toEqual(['Ana Rep', 'Ben Rep']);
    expect($(team, 'thead').textContent).toContain('c.SPM_Col_Owner');
  });

  it('shows optional columns only when asked', async () => {
    const plain = await render();
    expect($(plain, '.deal-next-step')).toBeNull();
    expect($(plain, 'lightning-button-icon.snooze')).toBeNull();
    const full = await render({
      showNextStep: true,
      showMovement: true,
      showSnooze: true,
      snoozable: true
    });
    expect($(full, '.deal-next-step')).not.toBeNull();
    expect($(full, '.deal-movement')).not.toBeNull();
    expect($(full, '.deal-snooze-reason')).not.toBeNull();
    expect($$(full, 'lightning-button-icon.snooze')).toHaveLength(MODEL.lists.flagged.length);
  });

  it("leaves out the Account column for one account's deals", async () => {
    const shown = await render();
    expect($$(shown, 'td.deal-account')).toHaveLength(MODEL.lists.flagged.length);
    const headers = (element) => $$(element, 'thead th').map((th) => th.textContent.trim());
    const hidden = await render({ hideAccount: true });
    expect($$(hidden, 'td.deal-account')).toHaveLength(0);
    expect(headers(hidden)).toHaveLength(headers(shown).length - 1);
    // Each row keeps as many cells as there are headers.
    $$(hidden, 'tr.deal-row').forEach((row) =>
      expect(row.children).toHaveLength(headers(hidden).length)
    );
  });

  it('draws the first rows of a long list and the rest on request, each with its link', async () => {
    const many = dealsNamed(14, 'A');
    const element = await render({ deals: many });
    expect($$(element, 'tr.deal-row')).toHaveLength(10);
    const button = $(element, 'lightning-button.show-all');
    expect(button.label).toBe('Show all 14 deals');
    expect(button.ariaExpanded).toBe('false');
    button.click();
    await flushPromises();
    const links = $$(element, 'a.deal-link');
    expect(links).toHaveLength(14);
    expect(links[13].getAttribute('href')).toBe(`/lightning/r/${many[13].Id}/view`);
    // The same button folds the list back, so the keyboard focus is never dropped to the page.
    expect($(element, 'lightning-button.show-all')).toBe(button);
    expect(button.label).toBe('Show the first 10 only');
    expect(button.ariaExpanded).toBe('true');
    button.click();
    await flushPromises();
    expect($$(element, 'tr.deal-row')).toHaveLength(10);
    // A short list has no button; visibleRows 0 draws every row.
    expect($(await render(), 'lightning-button.show-all')).toBeNull();
    const all = await render({ deals: many, visibleRows: 0 });
    expect($$(all, 'tr.deal-row')).toHaveLength(14);
    expect($(all, 'lightning-button.show-all')).toBeNull();
  });

  it('folds again for another list, not for the same deals in a new array', async () => {
    const element = await render({ deals: dealsNamed(14, 'A') });
    $(element, 'lightning-button.show-all').click();
    await flushPromises();
    element.deals = dealsNamed(14, 'A');
    await flushPromises();
    expect($$(element, 'tr.deal-row')).toHaveLength(14);
    element.deals = dealsNamed(30, 'B');
    await flushPromises();
    expect($$(element, 'tr.deal-row')).toHaveLength(10);
    expect($(element, 'lightning-button.show-all').label).toBe('Show all 30 deals');
  });

  it('keeps the links of the other deals when one URL cannot be generated', async () => {
    const deals = dealsNamed(3, 'A');
    deals[1] = { ...deals[1], Id: '006NOURL0000000001' };
    const element = await render({ deals });
    const hrefs = $$(element, 'a.deal-link').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      `/lightning/r/${deals[0].Id}/view`,
      null,
      `/lightning/r/${deals[2].Id}/view`
    ]);
  });

  it('scrolls in a named region that the keyboard can reach', async () => {
    const region = $(await render(), 'div.deal-list');
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-label')).toBe('Flagged deals');
  });

  it('fires snooze (not composed) with the opportunity id', async () => {
    const element = await render({ snoozable: true });
    const handler = jest.fn();
    element.addEventListener('snooze', handler);
    $$(element, 'lightning-button-icon.snooze')[2].click();
    expect(handler.mock.calls[0][0].detail).toEqual({ opportunityId: MODEL.lists.flagged[2].Id });
    expect(handler.mock.calls[0][0].composed).toBe(false);
  });

  it('fires createaction with the deal and its account', async () => {
    const element = await render();
    const handler = jest.fn();
    element.addEventListener('createaction', handler);
    $(element, 'lightning-button-icon.create-action').click();
    const deal = MODEL.lists.flagged[0];
    expect(handler.mock.calls[0][0].detail).toEqual({
      opportunityId: deal.Id,
      accountId: deal.AccountId,
      name: `Follow up ${deal.Name}`
    });
  });

  it('is accessible', async () => {
    const element = await render({
      showNextStep: true,
      showMovement: true,
      showSnooze: true,
      snoozable: true
    });
    await expect(element).toBeAccessible();
  });
});

describe('c-spm-deal-list against its count', () => {
  afterEach(resetDOM);
  const note = (element) => $(element, '.part-of');

  it('says nothing when the list holds every deal its count counts', async () => {
    const deals = dealsNamed(6, 'a');
    expect(note(await render({ deals, total: 6 }))).toBeNull();
    resetDOM();
    // A list that is whole although its source stopped at its size: nothing to say either.
    expect(note(await render({ deals, total: 6, limit: { size: 20, kind: 'open' } }))).toBeNull();
  });

  it('says how many of how many it lists, and why when its source list stopped at its size', async () => {
    const deals = dealsNamed(6, 'b');
    expect(note(await render({ deals, total: 9 })).textContent.trim()).toBe('6 of 9 listed.');
    resetDOM();
    const limited = await render({ deals, total: 9, limit: { size: 200, kind: 'closed' } });
    expect(note(limited).textContent.trim()).toBe(
      '6 of 9 listed. The review lists the 200 most recently closed deals.'
    );
    resetDOM();
    // No count to hold it to: the limit alone is said.
    const uncounted = await render({ deals, limit: { size: 200, kind: 'closed' } });
    expect(note(uncounted).textContent.trim()).toBe(
      'The review lists the 200 most recently closed deals.'
    );
  });
});

