import SpmWonLost from 'c/spmWonLost';
import {
  clone,
  renderer,
  $,
  $$,
  text,
  flushPromises,
  resetDOM,
  expectLoadingCard,
  expectEmptyCard,
  expectErrorCard
} from '@pacer/test-utils';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock('@salesforce/label/c.SPM_WonLost_DealsAmount', () => ({ default: '{0} deals, {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_NewAction_Kpi', () => ({ default: '{0}: {1} against {2}' }), {
  virtual: true
});

const render = renderer('c-spm-won-lost', SpmWonLost, () => ({ model: clone(MODEL) }));

const metric = (element, key) => $$(element, '.metric').find((m) => m.dataset.key === key);

describe('c-spm-won-lost', () => {
  afterEach(() => {
    resetDOM();
    resetNavigation();
    jest.clearAllMocks();
  });

  it('shows won and lost in the period with win rate, average deal value and sales cycle', async () => {
    const element = await render();
    expect(text($(element, '.won-summary'))).toBe('1 deals, €16,600');
    // Lost: 9 closed − 1 won; the amount summed over the complete list of closed deals.
    expect(text($(element, '.lost-summary'))).toBe('8 deals, €115,100');
    expect(text(metric(element, 'win_rate').querySelector('.metric-value'))).toBe('11.1%');
    expect(text(metric(element, 'win_rate').querySelector('.metric-target'))).toBe('40.0%');
    expect(text(metric(element, 'avg_deal_value').querySelector('.metric-value'))).toBe('€16,600');
    expect(text(metric(element, 'sales_cycle').querySelector('.metric-value'))).toBe('38');
  });

  it('lists the won deals and the lost deals apart, each linking to its opportunity', async () => {
    const element = await render();
    const won = $(element, 'c-spm-deal-list.won-list');
    const lost = $(element, 'c-spm-deal-list.lost-list');
    expect(won.deals.map((d) => d.Name)).toEqual(['Highland Cosmetics plc - Support renewal']);
    expect(lost.deals.every((d) => d.IsWon === false)).toBe(true);
    expect(lost.deals).toHaveLength(8);
    await flushPromises();
    won.shadowRoot.querySelector('a.deal-link').click();
    expect(getNavigateCalledWith().attributes.recordId).toBe(won.deals[0].Id);
  });

  it('does not sum a lost amount from a list that stopped at its size limit', async () => {
    const model = clone(MODEL);
    model.lists.complete.closed = false;
    const element = await render({ model });
    expect(text($(element, '.lost-summary'))).toBe('8 deals, —');
    expect(text($(element, '.won-summary'))).toBe('1 deals, €16,600');
  });

  it('fires createaction with the KPI and its value against target', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    metric(element, 'win_rate').querySelector('lightning-button-icon.create-action').click();
    expect(handler.mock.calls[0][0].detail).toEqual({
      kpiKey: 'win_rate',
      name: 'c.SPM_WonLost_WinRate: 11.1% against 40.0%'
    });
    $(element, 'c-spm-deal-list.lost-list')
      .shadowRoot.querySelector('lightning-button-icon.create-action')
      .click();
    expect(handler.mock.calls[1][0].detail.opportunityId).toBe(
      $(element, 'c-spm-deal-list.lost-list').deals[0].Id
    );
    document.body.removeEventListener('createaction', handler);
  });

  it('renders a dash for amounts hidden by field-level security', async () => {
    const model = clone(MODEL);
    model.lists.closed.forEach((d) => {
      d.Amount = null;
    });
    model.kpis.find((k) => k.key === 'avg_deal_value').total.value = null;
    const element = await render({ model });
    expect(text($(element, '.lost-summary'))).toBe('8 deals, —');
    expect(text(metric(element, 'avg_deal_value').querySelector('.metric-value'))).toBe('—');
    const won = $(element, 'c-spm-deal-list.won-list');
    expect(text(won.shadowRoot.querySelector('.deal-amount'))).toBe('—');
  });

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, '.won-summary'));

  it('says so when nothing closed in the period', () =>
    expectEmptyCard(render, 'c.SPM_WonLost_Empty', '.won-summary'));

  it('shows the error through the shared error panel', () =>
    expectErrorCard(render, '.won-summary'));

  it('is accessible', async () => {
    const element = await render();
    await expect(element).toBeAccessible();
  });
});

describe('c-spm-won-lost in an agenda item', () => {
  afterEach(resetDOM);

  it('keeps the won and lost deals one click below the line, and shows them on its own page', async () => {
    const focused = await render({ focus: 'Won and lost' });
    const details = focused.shadowRoot.querySelector('c-spm-details.deals-details');
    expect(details).not.toBeNull();
    expect(details.inline).toBe(false);
    resetDOM();
    const alone = await render();
    expect(alone.shadowRoot.querySelector('c-spm-details.deals-details').inline).toBe(true);
  });
});
