import SpmFunnelPanel from 'c/spmFunnelPanel';
import {
  clone,
  renderer,
  text,
  flushPromises,
  resetDOM,
  expectLoadingCard,
  expectEmptyCard,
  expectErrorCard
} from '@pacer/test-utils';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';

const MODEL = require('@pacer/fixtures/reviewModel.json');

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

// The panel and its shape (c-spm-funnel-shape) are one view to the user: query both shadows.
function roots(element) {
  const shapes = Array.from(element.shadowRoot.querySelectorAll('c-spm-funnel-shape'));
  return [element.shadowRoot, ...shapes.map((shape) => shape.shadowRoot)];
}
const $$ = (element, selector) =>
  roots(element).flatMap((root) => Array.from(root.querySelectorAll(selector)));
const $ = (element, selector) => $$(element, selector)[0] || null;

const render = renderer('c-spm-funnel-panel', SpmFunnelPanel, () => ({ model: clone(MODEL) }));

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
    expect(text(needs.querySelector('.stage-count'))).toBe('4');
    expect(text(needs.querySelector('.stage-amount'))).toBe('€30,700');
    expect(text(needs.querySelector('.stage-weighted'))).toBe('€9,210');
    expect(text(needs.querySelector('.stage-conversion'))).toBe('59%');
    expect(text(rows[5].querySelector('.stage-conversion'))).toBe('87%');
    expect(text($(element, '.total-count'))).toBe('19');
    expect(text($(element, '.total-amount'))).toBe('€441,800');
    expect(text($(element, '.total-weighted'))).toBe('€276,690');
  });

  it('shows funnel value against target and coverage from the model KPIs', async () => {
    const element = await render();
    expect(text($(element, '.funnel-value'))).toBe('€441,800');
    expect(text($(element, '.funnel-target'))).toBe('€250,000');
    expect(text($(element, '.funnel-attainment'))).toBe('177%');
    // Open closing this period over what is left of the sales target: €176,700 / (€60,000 − €16,600).
    expect(text($(element, '.coverage'))).toBe('4.07');
  });

  it('shows coverage as a ratio when the model has one, and a dash when it has none', async () => {
    const model = clone(MODEL);
    model.kpis.find((k) => k.key === 'coverage').total.value = 2.4;
    const element = await render({ model });
    expect(text($(element, '.coverage'))).toBe('2.40');
    // Won already exceeds the target: no remaining target to cover, so no coverage ratio.
    model.kpis.find((k) => k.key === 'coverage').total.value = null;
    const covered = await render({ model });
    expect(text($(covered, '.coverage'))).toBe('—');
  });

  it('draws one bar per stage, sized by amount, and reads the numbers to screen readers', async () => {
    const element = await render();
    const svg = $(element, 'svg.funnel');
    expect(svg.getAttribute('role')).toBe('img');
    const aria = svg.getAttribute('aria-label');
    expect(aria).toContain('Needs Analysis 4 deals €30,700, 59% convert');
    const widths = $$(element, 'svg.funnel rect').map((r) => Number(r.getAttribute('width')));
    expect(widths).toHaveLength(6);
    // Negotiation/Review holds the largest amount: the widest bar; Prospecting €18,300 about a ninth of it.
    expect(Math.max(...widths)).toBe(widths[5]);
    expect(widths[0] / widths[5]).toBeCloseTo(18300 / 160300, 3);
    // Each stage's name and value are written beside and on its bar.
    const labels = $$(element, 'svg.funnel text.funnel__label').map((t) => t.textContent.trim());
    expect(labels[2]).toBe('Needs Analysis');
    const values = $$(element, 'svg.funnel text.funnel__value').map((t) => t.textContent.trim());
    expect(values).toHaveLength(6);
    expect(values[2]).toBe('€30.7K');
  });

  it('sizes the bars by count when the count toggle is pressed', async () => {
    const element = await render();
    const countButton = $(element, 'button.measure-count');
    expect(countButton.getAttribute('aria-pressed')).toBe('false');
    countButton.click();
    await flushPromises();
    expect(countButton.getAttribute('aria-pressed')).toBe('true');
    expect($(element, 'button.measure-amount').getAttribute('aria-pressed')).toBe('false');
    // Needs Analysis has the most deals (4, as many as Value Proposition); Prospecting 3 of 4.
    const widths = $$(element, 'svg.funnel rect').map((r) => Number(r.getAttribute('width')));
    expect(Math.max(...widths)).toBe(widths[2]);
    expect(widths[0] / widths[2]).toBeCloseTo(3 / 4, 3);
    const values = $$(element, 'svg.funnel text.funnel__value').map((t) => t.textContent.trim());
    expect(values[2]).toBe('4');
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
      'Evergreen Aerospace SAS - Security audit',
      'Fairmont Robotics AB - Expansion',
      'Pinnacle Hotels AG - Integration project'
    ]);
    await flushPromises();
    const link = list.shadowRoot.querySelector('a.deal-link');
    expect(link.getAttribute('href')).toBe('/lightning/r/0068N000000004kQAA/view');
    link.click();
    expect(getNavigateCalledWith()).toEqual({
      type: 'standard__recordPage',
      attributes: {
        recordId: '0068N000000004kQAA',
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
    // 7 open deals moved stage, 0 won, 6 lost since the last review; 12 open deals did not move.
    expect(text(moved)).toContain('(13)');
    expect(text($(element, 'button.movement-not-moved'))).toContain('(12)');
    moved.click();
    await flushPromises();
    expect($(element, 'c-spm-deal-list').deals).toHaveLength(13);
    $(element, 'button.movement-not-moved').click();
    await flushPromises();
    const notMoved = $(element, 'c-spm-deal-list').deals;
    expect(notMoved).toHaveLength(12);
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
      opportunityId: '0068N0000000057QAA',
      accountId: '0018N0000000004QAA',
      name: 'Follow up Falcon Robotics BV - Field rollout'
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
    expect(text(rows[5].querySelector('.stage-conversion'))).toBe('87%');
    const aria = $(element, 'svg.funnel').getAttribute('aria-label');
    expect(aria).toContain('Needs Analysis: 4 deals, €30,700, too few closed deals');
    expect(aria).toContain('Negotiation/Review 2 deals €160,300, 87% convert');
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

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, 'svg.funnel'));

  it('says so when there is no open opportunity', () =>
    expectEmptyCard(render, 'c.SPM_Funnel_Empty', 'svg.funnel'));

  it('shows the error through the shared error panel', () => expectErrorCard(render, 'svg.funnel'));

  it('is accessible', async () => {
    const element = await render();
    $$(element, 'button.stage-button')[4].click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  describe('by focus', () => {
    const dealIds = (list) => list.deals.map((d) => d.Id);
    const open = MODEL.lists.open;
    const unsnoozed = (flag) => open.filter((d) => d.flags.includes(flag) && !d.snoozed);

    it("'Shape and conversion' shows the stages above the line and the value and movement one click below", async () => {
      const element = await render({ focus: 'Shape and conversion' });
      expect($(element, '[data-focus-view="Shape and conversion"]')).not.toBeNull();
      expect($$(element, 'tr.stage-row').length).toBe(MODEL.funnel.stages.length);
      const summary = $(element, 'c-spm-details.summary');
      expect(summary.inline).toBe(false);
      expect($(element, 'c-spm-details.shape-details')).toBeNull();
    });

    it("'Movement' shows moved, not moved and stalled above the line and the stages one click below", async () => {
      const element = await render({ focus: 'Movement' });
      expect($(element, 'c-spm-details.summary').inline).toBe(true);
      expect($(element, '.funnel-value')).toBeNull();
      expect(text($(element, 'button.movement-stalled'))).toContain(
        `(${MODEL.trust.measures.find((m) => m.key === 'stalled').value})`
      );
      // The shape is behind its button: not rendered until opened.
      expect($(element, 'c-spm-details.shape-details')).not.toBeNull();
      expect($(element, 'c-spm-details.shape-details c-spm-funnel-shape')).toBeNull();
      $(element, 'button.movement-stalled').click();
      await flushPromises();
      // The list shows what the count counts: the stalled deals nobody snoozed.
      expect(dealIds($(element, 'c-spm-deal-list'))).toEqual(unsnoozed('stalled').map((d) => d.Id));
    });

    it("'New offers' lists the offers made since the last review and those past their check date", async () => {
      const element = await render({ focus: 'New offers' });
      expect($(element, 'c-spm-details.summary')).toBeNull();
      expect(text($(element, '.offers-sent h3'))).toContain('c.SPM_Funnel_OffersSent');
      expect(dealIds($(element, '.offers-sent c-spm-deal-list'))).toEqual(
        open.filter((d) => d.SPM_Offer_Check_Date__c && d.movedSinceReview).map((d) => d.Id)
      );
      expect(dealIds($(element, '.offers-past-check c-spm-deal-list'))).toEqual(
        unsnoozed('offersPastCheck').map((d) => d.Id)
      );
      expect($$(element, 'tr.stage-row')).toHaveLength(0);
    });

    it("'Next period' shows the funnel value and coverage with the deals closing next period", async () => {
      const element = await render({ focus: 'Next period' });
      expect($(element, '.funnel-value')).not.toBeNull();
      expect($(element, 'button.movement-moved')).toBeNull();
      // The fixture's review is in November 2026: next period is December.
      expect(dealIds($(element, '.next-period c-spm-deal-list'))).toEqual(
        open
          .filter((d) => d.CloseDate >= '2026-12-01' && d.CloseDate <= '2026-12-31')
          .map((d) => d.Id)
      );
    });
  });
});
