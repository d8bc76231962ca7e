import SpmDataTrustPanel from 'c/spmDataTrustPanel';
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
import { updateRecord } from 'lightning/uiRecordApi';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import { validateSnooze, snoozeRecordInput } from '../snooze';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock(
  '@salesforce/label/c.SPM_Trust_ShowDealsOf',
  () => ({ default: 'Show the {1} deals: {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Snooze_DoneMessage',
  () => ({ default: '{0} snoozed until {1}' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.SPM_DealList_PartOf', () => ({ default: '{0} of {1} listed.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_DealList_OpenLimit',
  () => ({
    default: 'The review lists the {0} largest open deals; the counts cover all of them.'
  }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.SPM_NewAction_Trust', () => ({ default: '{0}: {1}' }), {
  virtual: true
});

const render = renderer('c-spm-data-trust-panel', SpmDataTrustPanel, () => ({
  model: clone(MODEL)
}));

const row = (element, key) => $$(element, 'tr.measure-row').find((r) => r.dataset.key === key);

async function openMeasure(element, key) {
  row(element, key).querySelector('button.measure-toggle').click();
  await flushPromises();
  return $(element, 'c-spm-deal-list.flagged-list');
}

async function openSnoozeForm(element) {
  const list = await openMeasure(element, 'stalled');
  list.shadowRoot.querySelector('lightning-button-icon.snooze').click();
  await flushPromises();
  return $(element, 'section.snooze-form');
}

async function fillForm(element, { until, reason }) {
  if (until !== undefined) {
    $(element, 'lightning-input.snooze-until').dispatchEvent(
      new CustomEvent('change', { detail: { value: until } })
    );
  }
  if (reason !== undefined) {
    $(element, 'lightning-textarea.snooze-reason').dispatchEvent(
      new CustomEvent('change', { detail: { value: reason } })
    );
  }
  await flushPromises();
}

describe('c-spm-data-trust-panel', () => {
  afterEach(() => {
    resetDOM();
    resetNavigation();
    jest.clearAllMocks();
  });

  it('shows the four data-trust measures, stalled and offers past check with count, amount and status', async () => {
    const element = await render();
    expect($$(element, 'tr.measure-row').map((r) => r.dataset.key)).toEqual([
      'forecastDeviation',
      'pastCloseDate',
      'notUpdated',
      'earlyStageClosingSoon',
      'stalled',
      'offersPastCheck'
    ]);
    const deviation = row(element, 'forecastDeviation');
    expect(text(deviation.querySelector('.measure-value'))).toBe('256.3%');
    expect(deviation.querySelector('.slds-badge').className).toContain('slds-theme_error');
    // One of the six deals past their close date is snoozed: counted apart, not hidden.
    const past = row(element, 'pastCloseDate');
    expect(text(past.querySelector('.measure-value'))).toBe('5');
    expect(text(past.querySelector('.measure-snoozed'))).toBe('1');
    const stalled = row(element, 'stalled');
    expect(text(stalled.querySelector('.measure-value'))).toBe('4');
    expect(text(stalled.querySelector('.measure-amount'))).toBe('€36,700');
    expect(stalled.querySelector('.slds-badge').className).toContain('slds-theme_warning');
    // Offers past check is a trust measure of the model like the others: its value is read there.
    expect(text(row(element, 'offersPastCheck').querySelector('.measure-value'))).toBe('2');
  });

  it("shows the model's value of each measure and ties actions to the menu KPI the model names", async () => {
    const model = clone(MODEL);
    const offers = model.trust.measures.find((m) => m.key === 'offersPastCheck');
    offers.value = 7;
    // A menu without the builtin: the model names no KPI, the action carries none.
    offers.kpiKey = null;
    const element = await render({ model });
    expect(text(row(element, 'offersPastCheck').querySelector('.measure-value'))).toBe('7');
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    row(element, 'offersPastCheck').querySelector('lightning-button-icon.create-action').click();
    expect(handler.mock.calls[0][0].detail).toEqual({ name: 'c.SPM_Trust_OffersPastCheck: 7' });
    document.body.removeEventListener('createaction', handler);
  });

  it('opens the deals behind a measure and links to each opportunity', async () => {
    const element = await render();
    const toggle = row(element, 'pastCloseDate').querySelector('button.measure-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const list = await openMeasure(element, 'pastCloseDate');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(list.deals.map((d) => d.Name)).toEqual([
      'Evergreen Furniture plc - Security audit',
      'Fairmont Farms SA - Security audit',
      'Falcon Robotics BV - Field rollout',
      'Fairmont Farms SA - Analytics add-on',
      'Fairmont Robotics AB - Security audit'
    ]);
    await flushPromises();
    list.shadowRoot.querySelector('a.deal-link').click();
    expect(getNavigateCalledWith().attributes.recordId).toBe('0068N0000000052QAA');
  });

  it('leaves snoozed deals out of the deals behind a measure', async () => {
    const element = await render();
    const list = await openMeasure(element, 'stalled');
    // Fairmont Robotics AB - Expansion is stalled too, but snoozed: it is in the snoozed group instead.
    expect(list.deals.map((d) => d.Name)).toEqual([
      'Falcon Robotics BV - Field rollout',
      'Fairmont Farms SA - Analytics add-on',
      'Horizon Airlines plc - Expansion',
      'Fairmont Robotics AB - Security audit'
    ]);
  });

  it('keeps snoozed flags visible in their own group with reason and date', async () => {
    const element = await render();
    const snoozed = $(element, 'c-spm-deal-list.snoozed-list');
    expect(snoozed.deals.map((d) => d.Name)).toEqual(['Fairmont Robotics AB - Expansion']);
    expect(snoozed.showSnooze).toBe(true);
    const cells = snoozed.shadowRoot;
    expect(text(cells.querySelector('.deal-snooze-reason'))).toBe(
      'Customer budget freeze until mid-December'
    );
    expect(text(cells.querySelector('.deal-snoozed-until'))).toBe('Dec 15, 2026');
  });

  it("drops the Account column from its deal lists in one account's review", async () => {
    const team = await render();
    expect($(team, 'c-spm-deal-list.snoozed-list').hideAccount).toBe(false);
    expect((await openMeasure(team, 'stalled')).hideAccount).toBe(false);
    const model = clone(MODEL);
    model.scope.accountId = '0018N000000000QQAQ';
    const account = await render({ model });
    const snoozed = $(account, 'c-spm-deal-list.snoozed-list');
    expect(snoozed.hideAccount).toBe(true);
    expect(snoozed.shadowRoot.querySelector('.deal-account')).toBeNull();
    const flagged = await openMeasure(account, 'stalled');
    expect(flagged.hideAccount).toBe(true);
    expect(flagged.shadowRoot.querySelector('.deal-account')).toBeNull();
  });

  it('says the snoozed group may be partial when the open list stopped at its size', async () => {
    const complete = await render();
    expect($(complete, 'c-spm-deal-list.snoozed-list').limit).toBeUndefined();
    resetDOM();
    const model = clone(MODEL);
    model.lists.complete.open = false;
    const partial = await render({ model });
    expect($(partial, 'c-spm-deal-list.snoozed-list').limit).toEqual({
      size: MODEL.lists.open.length,
      kind: 'open'
    });
  });

  it('holds every count to its list, or says how many of how many are listed and why, on a team larger than one page', async () => {
    // The team fixture's open list stopped at 20 of the team's open deals (the engine's listSize).
    const TEAM = require('@pacer/fixtures/teamModel.json');
    expect(TEAM.lists.complete.open).toBe(false);
    expect(TEAM.funnel.total.count).toBeGreaterThan(TEAM.lists.open.length);
    const element = await render({ model: clone(TEAM) });
    const measures = TEAM.trust.measures.filter((m) => m.flag && m.count > 0);
    const shown = [];
    // One measure open at a time, as a user clicks them: each waits for the last to render.
    for (const measure of measures) {
      // eslint-disable-next-line no-await-in-loop
      const list = await openMeasure(element, measure.key);
      const note = list.shadowRoot.querySelector('.part-of');
      shown.push({ total: list.total, listed: list.deals.length, note: note && text(note) });
      row(element, measure.key).querySelector('button.measure-toggle').click();
      // eslint-disable-next-line no-await-in-loop
      await flushPromises();
    }
    const said = (count, listed) => {
      if (listed === count) return null;
      return `${listed} of ${count} listed. The review lists the ${TEAM.lists.open.length} largest open deals; the counts cover all of them.`;
    };
    expect(shown).toEqual(
      measures.map((measure, i) => ({
        total: measure.count,
        listed: shown[i].listed,
        note: said(measure.count, shown[i].listed)
      }))
    );
    // Never more listed than counted, and on this team some lists are partial, and say so.
    expect(shown.every((s, i) => s.listed <= measures[i].count)).toBe(true);
    expect(shown.some((s) => s.note !== null)).toBe(true);
  });

  it('snoozes a flag: updateRecord with the date and reason, a success toast and refresh', async () => {
    const element = await render();
    const toast = jest.fn();
    const refresh = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('refresh', refresh);
    const form = await openSnoozeForm(element);
    expect(text(form.querySelector('h3'))).toContain('c.SPM_Snooze_Title');
    expect($(element, 'lightning-input.snooze-until').min).toBe('2026-11-24');
    await fillForm(element, {
      until: '2026-12-31',
      reason: '  Customer on holiday until January  '
    });
    $(element, 'lightning-button.snooze-save').click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: '0068N0000000057QAA',
        SPM_Flag_Snoozed_Until__c: '2026-12-31',
        SPM_Flag_Snooze_Reason__c: 'Customer on holiday until January'
      }
    });
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
    expect(toast.mock.calls[0][0].detail.message).toBe(
      'Falcon Robotics BV - Field rollout snoozed until Dec 31, 2026'
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    expect($(element, 'section.snooze-form')).toBeNull();
  });

  it('refuses to snooze without a reason', async () => {
    const element = await render();
    await openSnoozeForm(element);
    await fillForm(element, { until: '2026-12-31', reason: '   ' });
    $(element, 'lightning-button.snooze-save').click();
    await flushPromises();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(text($(element, '.snooze-errors'))).toBe('c.SPM_Snooze_ReasonRequired');
    expect($(element, 'section.snooze-form')).not.toBeNull();
  });

  it('refuses a snooze date that is not in the future', async () => {
    const element = await render();
    await openSnoozeForm(element);
    await fillForm(element, { until: '2026-11-23', reason: 'Waiting for budget' });
    $(element, 'lightning-button.snooze-save').click();
    await flushPromises();
    expect(updateRecord).not.toHaveBeenCalled();
    expect(text($(element, '.snooze-errors'))).toBe('c.SPM_Snooze_DateFuture');
  });

  it('shows an error toast with the reduced message when the update fails, and keeps the form', async () => {
    updateRecord.mockRejectedValueOnce({
      body: { message: 'You do not have access to the field SPM_Flag_Snooze_Reason__c' },
      status: 403
    });
    const element = await render();
    const toast = jest.fn();
    const refresh = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('refresh', refresh);
    await openSnoozeForm(element);
    await fillForm(element, { until: '2027-01-15', reason: 'Reorganisation at the customer' });
    $(element, 'lightning-button.snooze-save').click();
    await flushPromises();
    expect(toast.mock.calls[0][0].detail.variant).toBe('error');
    expect(toast.mock.calls[0][0].detail.message).toBe(
      'You do not have access to the field SPM_Flag_Snooze_Reason__c'
    );
    expect(refresh).not.toHaveBeenCalled();
    expect($(element, 'section.snooze-form')).not.toBeNull();
  });

  it('fires createaction with the KPI for a measure and with the deal for a flagged deal', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    row(element, 'stalled').querySelector('lightning-button-icon.create-action').click();
    expect(handler.mock.calls[0][0].detail).toEqual({
      kpiKey: 'stalled_deals',
      name: 'c.SPM_Trust_Stalled: 4'
    });
    const list = await openMeasure(element, 'stalled');
    list.shadowRoot.querySelector('lightning-button-icon.create-action').click();
    expect(handler.mock.calls[1][0].detail).toMatchObject({
      opportunityId: '0068N0000000057QAA',
      accountId: '0018N0000000004QAA'
    });
    document.body.removeEventListener('createaction', handler);
  });

  it('draws the trend of each measure once the model has the series', async () => {
    const element = await render();
    const spark = row(element, 'pastCloseDate').querySelector('c-spm-sparkline');
    // Five past reviews' counts, then this period's.
    expect(spark.points.map((p) => p.value)).toEqual([4, 5, 3, 4, 5, 5]);
    // June's forecast had nothing in commit: no deviation, a gap.
    expect(
      row(element, 'forecastDeviation').querySelector('c-spm-sparkline').points[0].value
    ).toBeNull();
  });

  it('draws no trend while the model has no series', async () => {
    const model = clone(MODEL);
    delete model.trust.history;
    const element = await render({ model });
    expect($(element, 'c-spm-sparkline')).toBeNull();
  });

  it('renders a dash for an amount hidden by field-level security', async () => {
    const model = clone(MODEL);
    model.trust.measures.forEach((m) => {
      m.amount = null;
    });
    model.lists.flagged.forEach((d) => {
      d.Amount = null;
    });
    const element = await render({ model });
    expect(text(row(element, 'stalled').querySelector('.measure-amount'))).toBe('—');
    const list = await openMeasure(element, 'stalled');
    expect(text(list.shadowRoot.querySelector('.deal-amount'))).toBe('—');
  });

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, 'table'));

  it('says so when no deal is flagged', () =>
    expectEmptyCard(render, 'c.SPM_Trust_Empty', 'table'));

  it('shows the error through the shared error panel', () => expectErrorCard(render, 'table'));

  it('is accessible, with the deals and the snooze form open', async () => {
    const element = await render();
    await openSnoozeForm(element);
    await expect(element).toBeAccessible();
  });
});

describe('snooze rules', () => {
  const asOf = '2026-11-23';

  it('accepts a reason and a date after asOf', () => {
    expect(validateSnooze({ until: '2026-11-24', reason: 'Budget in January', asOf })).toEqual({
      valid: true,
      until: null,
      reason: null
    });
  });

  it('names each refused field and why', () => {
    expect(validateSnooze({ until: null, reason: '', asOf })).toEqual({
      valid: false,
      until: 'required',
      reason: 'required'
    });
    expect(validateSnooze({ until: '2026-11-01', reason: 'x'.repeat(256), asOf })).toEqual({
      valid: false,
      until: 'notFuture',
      reason: 'tooLong'
    });
  });

  it('writes the two snooze fields of the opportunity, the reason trimmed', () => {
    expect(snoozeRecordInput('006000000000001AAA', '2027-01-01', ' why ')).toEqual({
      fields: {
        Id: '006000000000001AAA',
        SPM_Flag_Snoozed_Until__c: '2027-01-01',
        SPM_Flag_Snooze_Reason__c: 'why'
      }
    });
  });
});

describe('c-spm-data-trust-panel in an agenda item', () => {
  afterEach(resetDOM);

  it('keeps the snoozed flags one click below the line, and shows them on its own page', async () => {
    const focused = await render({ focus: 'Data trust' });
    const details = focused.shadowRoot.querySelector('c-spm-details.snoozed-details');
    expect(details).not.toBeNull();
    expect(details.inline).toBe(false);
    resetDOM();
    const alone = await render();
    expect(alone.shadowRoot.querySelector('c-spm-details.snoozed-details').inline).toBe(true);
  });
});
