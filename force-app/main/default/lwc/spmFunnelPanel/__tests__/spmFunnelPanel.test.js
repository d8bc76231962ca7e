import { createElement } from 'lwc';
import SpmFunnelPanel from 'c/spmFunnelPanel';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { reduceErrors } from 'c/errors';

const MODEL = require('./data/reviewModel.json');
const EMPTY_MODEL = require('./data/reviewModelEmpty.json');
const ERROR_RESPONSE = require('./data/reviewError.json');

// Labels that carry placeholders get their real text, so the filled-in numbers can be asserted.
jest.mock(
  '@salesforce/label/c.SPM_Funnel_Aria',
  () => ({ default: 'Open pipeline by stage, {0}: {1}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Funnel_AriaStage',
  () => ({ default: '{0} {1} deals {2}, {3} convert' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SPM_Funnel_AriaStageFewDeals',
  () => ({ default: '{0}: {1} deals, {2}, too few closed deals' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.SPM_NewAction_Stage', () => ({ default: 'Review stage {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_NewAction_Deal', () => ({ default: 'Follow up {0}' }), {
  virtual: true
});

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

async function render(props = {}) {
  const element = createElement('c-spm-funnel-panel', { is: SpmFunnelPanel });
  Object.assign(element, { model: clone(MODEL) }, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));
const text = (node) => node.textContent.trim();

describe('c-spm-funnel-panel', () => {
  afterEach(() => {
    resetDOM();
    resetNavigation();
    jest.clearAllMocks();
  });

  it('shows count, amount, weighted amount and conversion of every open stage, in stage order', async () => {
    const element = await render();
    const rows = $$(element, 'tr.stage-row');
    expect(rows.map((r) => r.dataset.stage)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Proposal/Price Quote',
      'Negotiation/Review'
    ]);
    const needs = rows[2];
    expect(text(needs.querySelector('.stage-count'))).toBe('7');
    expect(text(needs.querySelector('.stage-amount'))).toBe('€120,300');
    expect(text(needs.querySelector('.stage-weighted'))).toBe('€36,090');
    expect(text(needs.querySelector('.stage-conversion'))).toBe('73%');
    expect(text(rows[5].querySelector('.stage-conversion'))).toBe('89%');
    expect(text($(element, '.total-count'))).toBe('23');
    expect(text($(element, '.total-amount'))).toBe('€413,600');
    expect(text($(element, '.total-weighted'))).toBe('€176,270');
  });

  it('shows funnel value against target and coverage from the model KPIs', async () => {
    const element = await render();
    expect(text($(element, '.funnel-value'))).toBe('€413,600');
    expect(text($(element, '.funnel-target'))).toBe('€250,000');
    expect(text($(element, '.funnel-attainment'))).toBe('165%');
    // Won already exceeds the target: no remaining target to cover, so no coverage ratio.
    expect(text($(element, '.coverage'))).toBe('—');
  });

  it('shows coverage as a ratio when the model has one', async () => {
    const model = clone(MODEL);
    model.kpis.find((k) => k.key === 'coverage').total.value = 2.4;
    const element = await render({ model });
    expect(text($(element, '.coverage'))).toBe('2.40');
  });

  it('draws one bar per stage, sized by amount, and reads the numbers to screen readers', async () => {
    const element = await render();
    const svg = $(element, 'svg.funnel');
    expect(svg.getAttribute('role')).toBe('img');
    const aria = svg.getAttribute('aria-label');
    expect(aria).toContain('Needs Analysis 7 deals €120,300, 73% convert');
    const widths = $$(element, 'svg.funnel rect').map((r) => Number(r.getAttribute('width')));
    expect(widths).toHaveLength(6);
    // Needs Analysis holds the largest amount: the widest bar; Prospecting €60,300 about half of it.
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(widths[0] / widths[2]).toBeCloseTo(60300 / 120300, 3);
    // Each stage's name and value are written beside and on its bar.
    const labels = $$(element, 'svg.funnel text.funnel__label').map((t) => t.textContent.trim());
    expect(labels[2]).toBe('Needs Analysis');
    const values = $$(element, 'svg.funnel text.funnel__value').map((t) => t.textContent.trim());
    expect(values).toHaveLength(6);
    expect(values[2]).toBe('€120.3K');
  });

  it('sizes the bars by count when the count toggle is pressed', async () => {
    const element = await render();
    const countButton = $(element, 'button.measure-count');
    expect(countButton.getAttribute('aria-pressed')).toBe('false');
    countButton.click();
    await flushPromises();
    expect(countButton.getAttribute('aria-pressed')).toBe('true');
    expect($(element, 'button.measure-amount').getAttribute('aria-pressed')).toBe('false');
    // Needs Analysis has the most deals (7); Prospecting 3 of 7.
    const widths = $$(element, 'svg.funnel rect').map((r) => Number(r.getAttribute('width')));
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(widths[0] / widths[2]).toBeCloseTo(3 / 7, 3);
    const values = $$(element, 'svg.funnel text.funnel__value').map((t) => t.textContent.trim());
    expect(values[2]).toBe('7');
  });

  it('opens the deals of a stage and navigates to the opportunity from its link', async () => {
    const element = await render();
    const button = $$(element, 'button.stage-button').find(
      (b) => b.dataset.stage === 'Proposal/Price Quote'
    );
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await flushPromises();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const list = $(element, 'c-spm-deal-list');
    expect(list.deals.map((d) => d.Name)).toEqual([
      'Evergreen Aerospace SAS - Training programme',
      'Fairmont Robotics AB - Hardware refresh'
    ]);
    await flushPromises();
    const link = list.shadowRoot.querySelector('a.deal-link');
    expect(link.getAttribute('href')).toBe('/lightning/r/0068N0000000059QAA/view');
    link.click();
    expect(getNavigateCalledWith()).toEqual({
      type: 'standard__recordPage',
      attributes: {
        recordId: '0068N0000000059QAA',
        objectApiName: 'Opportunity',
        actionName: 'view'
      }
    });
    // A second press closes the list again.
    button.click();
    await flushPromises();
    expect($(element, 'c-spm-deal-list')).toBeNull();
  });

  it('lists the deals moved and not moved since the last review', async () => {
    const element = await render();
    const moved = $(element, 'button.movement-moved');
    // 12 open deals moved stage, 0 won, 2 lost since the last review; 11 open deals did not move.
    expect(text(moved)).toContain('(14)');
    expect(text($(element, 'button.movement-not-moved'))).toContain('(11)');
    moved.click();
    await flushPromises();
    expect($(element, 'c-spm-deal-list').deals).toHaveLength(14);
    $(element, 'button.movement-not-moved').click();
    await flushPromises();
    const notMoved = $(element, 'c-spm-deal-list').deals;
    expect(notMoved).toHaveLength(11);
    expect(notMoved.every((d) => d.movedSinceReview === false)).toBe(true);
  });

  it('fires createaction with the pipeline KPI for a stage, and with the deal for a deal', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    $$(element, 'lightning-button-icon.stage-action')
      .find((b) => b.dataset.stage === 'Qualification')
      .click();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({
      kpiKey: 'open_pipeline',
      name: 'Review stage Qualification'
    });

    $$(element, 'button.stage-button')[1].click();
    await flushPromises();
    const list = $(element, 'c-spm-deal-list');
    list.shadowRoot.querySelector('lightning-button-icon.create-action').click();
    expect(handler).toHaveBeenCalledTimes(2);
    expect(handler.mock.calls[1][0].detail).toEqual({
      opportunityId: '0068N0000000055QAA',
      accountId: '0018N0000000002QAA',
      name: 'Follow up Fairmont Robotics AB - Security audit'
    });
    document.body.removeEventListener('createaction', handler);
  });

  it('says "too few deals" for a conversion the model marks as resting on too few deals', async () => {
    const model = clone(MODEL);
    model.funnel.stages[2] = {
      ...model.funnel.stages[2],
      conversionToNext: null,
      tooFewDeals: true
    };
    const element = await render({ model });
    const rows = $$(element, 'tr.stage-row');
    expect(text(rows[2].querySelector('.stage-conversion'))).toBe('c.SPM_Funnel_TooFewDeals');
    expect(text(rows[5].querySelector('.stage-conversion'))).toBe('89%');
    const aria = $(element, 'svg.funnel').getAttribute('aria-label');
    expect(aria).toContain('Needs Analysis: 7 deals, €120,300, too few closed deals');
    expect(aria).toContain('Negotiation/Review 4 deals €83,900, 89% convert');
  });

  it('renders a dash for amounts hidden by field-level security', async () => {
    const model = clone(MODEL);
    model.funnel.stages.forEach((s) => {
      s.amount = null;
      s.weighted = null;
    });
    model.funnel.total.amount = null;
    model.funnel.total.weighted = null;
    model.lists.open.forEach((d) => {
      delete d.Amount;
    });
    const element = await render({ model });
    expect(text($$(element, 'tr.stage-row')[0].querySelector('.stage-amount'))).toBe('—');
    expect(text($(element, '.total-amount'))).toBe('—');
    expect(text($$(element, 'tr.stage-row')[0].querySelector('.stage-count'))).toBe('3');
    $$(element, 'button.stage-button')[0].click();
    await flushPromises();
    const list = $(element, 'c-spm-deal-list');
    expect(text(list.shadowRoot.querySelector('.deal-amount'))).toBe('—');
  });

  it('shows a spinner with alternative text while loading', async () => {
    const element = await render({ loading: true });
    const spinner = inPanelCard(element, 'lightning-spinner');
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBeTruthy();
    expect($(element, 'svg.funnel')).toBeNull();
  });

  it('says so when there is no open opportunity', async () => {
    const element = await render({ model: clone(EMPTY_MODEL) });
    expect(inPanelCard(element, 'p.empty').textContent).toBe('c.SPM_Funnel_Empty');
    expect($(element, 'svg.funnel')).toBeNull();
  });

  it('shows the error through the shared error panel', async () => {
    const errors = reduceErrors(ERROR_RESPONSE.errors);
    const element = await render({ error: errors });
    const panel = inPanelCard(element, 'c-spm-error-panel');
    expect(panel.errors).toEqual(errors);
    expect($(element, 'svg.funnel')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render();
    $$(element, 'button.stage-button')[4].click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
