import SpmForecastPanel from 'c/spmForecastPanel';
import {
  clone,
  renderer,
  $,
  $$,
  text,
  resetDOM,
  expectLoadingCard,
  expectEmptyCard,
  expectErrorCard
} from '@pacer/test-utils';
import { layoutBullet, layoutMonths } from '../forecastLayout';

const MODEL = require('@pacer/fixtures/reviewModel.json');

jest.mock(
  '@salesforce/label/c.SPM_Forecast_PeriodHeading',
  () => ({ default: 'Forecast for {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.SPM_Forecast_BulletAria',
  () => ({ default: 'Won {0}, {1} {2}, target {3}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.SPM_Forecast_AccuracyAria', () => ({ default: 'Accuracy: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_Forecast_AccuracyMonthAria',
  () => ({ default: '{0} forecast {1} won {2} deviation {3}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.SPM_Forecast_OpenInPeriod',
  () => ({ default: 'Open, closing this period' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.SPM_Forecast_Forecast', () => ({ default: 'Forecast' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SPM_NewAction_Kpi', () => ({ default: '{0}: {1} against {2}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.SPM_NewAction_Accuracy',
  () => ({ default: 'Forecast accuracy {0} in {1}' }),
  {
    virtual: true
  }
);

const render = renderer('c-spm-forecast-panel', SpmForecastPanel, () => ({ model: clone(MODEL) }));

describe('c-spm-forecast-panel', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
  });

  it('shows won to date and what is still open this period against the sales target', async () => {
    // Without the engine's forecast for the period, the open amount closing in it is what is expected.
    const model = clone(MODEL);
    delete model.forecast.period;
    const element = await render({ model });
    expect(text($(element, 'h3'))).toBe('Forecast for Nov 2026');
    expect(text($(element, '.won'))).toBe('€16,600');
    expect(text($(element, '.expected'))).toBe('€176,700');
    expect(text($(element, '.target'))).toBe('€60,000');
    // Won and the open deals closing this period exceed the target: nothing left to find.
    expect(text($(element, '.gap'))).toBe('€0');
    expect(text($(element, '.pacing'))).toBe('36%');
    expect($(element, 'section.period .slds-badge').className).toContain('slds-theme_error');
  });

  it('draws won, expected and the target marker in an SVG read out to screen readers', async () => {
    const element = await render();
    const svg = $(element, 'svg.bullet');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Won €16,600, Forecast €139,800, target €60,000');
    const target = Number($(element, 'line.bullet__target').getAttribute('x1'));
    const won = Number($(element, 'rect.bullet__won').getAttribute('width'));
    const expected = Number($(element, 'rect.bullet__expected').getAttribute('width'));
    // The target sits past won, inside what is expected to close on top of it.
    expect(target).toBeGreaterThan(won);
    expect(target).toBeLessThan(won + expected);
  });

  it('uses the engine forecast for the period once the model has it', async () => {
    const element = await render();
    expect(text($(element, '.expected'))).toBe('€139,800');
    expect(text($(element, '.target'))).toBe('€60,000');
    expect(text($(element, '.gap'))).toBe('€0');
    // A target above the forecast leaves a gap, target − forecast: the engine's.
    const model = clone(MODEL);
    model.forecast.period.target = 250000;
    model.forecast.period.gap = 110200;
    const short = await render({ model });
    expect(text($(short, '.target'))).toBe('€250,000');
    expect(text($(short, '.gap'))).toBe('€110,200');
  });

  it('shows forecast accuracy for the month the model holds, without inventing others', async () => {
    // Without the engine's monthly series, the one month of the model.
    const model = clone(MODEL);
    delete model.forecast.months;
    const element = await render({ model });
    const rows = $$(element, 'tr.month-row');
    expect(rows).toHaveLength(1);
    expect(text(rows[0].querySelector('th'))).toBe('Oct 2026');
    expect(text(rows[0].querySelector('.month-forecast'))).toBe('€16,700');
    expect(text(rows[0].querySelector('.month-won'))).toBe('€59,500');
    expect(text(rows[0].querySelector('.month-deviation'))).toBe('256.3%');
    const svg = $(element, 'svg.months');
    expect(svg.getAttribute('aria-label')).toBe(
      'Accuracy: Oct 2026 forecast €16,700 won €59,500 deviation 256.3%'
    );
    expect($$(element, 'rect.months__forecast')).toHaveLength(1);
  });

  it('shows accuracy month by month once the model has the monthly series', async () => {
    const months = ['May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct'];
    const element = await render();
    const rows = $$(element, 'tr.month-row');
    expect(rows.map((r) => text(r.querySelector('th')))).toEqual(months.map((m) => `${m} 2026`));
    // A month without snapshot says so; its deviation is a dash.
    expect(text(rows[0].querySelector('.month-forecast'))).toBe('c.SPM_Forecast_NoSnapshot');
    expect(text(rows[0].querySelector('.month-deviation'))).toBe('—');
    expect(Number($$(element, 'rect.months__forecast')[0].getAttribute('height'))).toBe(0);
  });

  it('fires createaction for the period with the sales KPI and for accuracy with the deviation KPI', async () => {
    const element = await render();
    const handler = jest.fn();
    document.body.addEventListener('createaction', handler);
    $(element, 'lightning-button-icon.period-action').click();
    $(element, 'lightning-button-icon.accuracy-action').click();
    expect(handler.mock.calls.map((c) => c[0].detail)).toEqual([
      { kpiKey: 'sales_won', name: 'Forecast for Nov 2026: €16,600 against €60,000' },
      { kpiKey: 'forecast_deviation', name: 'Forecast accuracy 256.3% in Oct 2026' }
    ]);
    document.body.removeEventListener('createaction', handler);
  });

  it('renders a dash for amounts hidden by field-level security', async () => {
    const model = clone(MODEL);
    model.kpis.find((k) => k.key === 'sales_won').total.value = null;
    model.forecast.total.won = null;
    model.forecast.period.won = null;
    model.forecast.months.forEach((m) => {
      m.won = null;
    });
    const element = await render({ model });
    expect(text($(element, '.won'))).toBe('—');
    expect(text($(element, '.gap'))).toBe('—');
    expect(text($(element, '.month-won'))).toBe('—');
  });

  it('shows a spinner with alternative text while loading', () =>
    expectLoadingCard(render, 'svg.bullet'));

  it('says so when there is neither target, sale nor snapshot', () =>
    expectEmptyCard(render, 'c.SPM_Forecast_Empty', 'svg.bullet'));

  it('shows the error through the shared error panel', () => expectErrorCard(render, 'svg.bullet'));

  it('is accessible', async () => {
    const element = await render();
    await expect(element).toBeAccessible();
  });
});

describe('forecast chart geometry', () => {
  it('scales won, expected and target to one axis with headroom', () => {
    const bullet = layoutBullet({ won: 50, expected: 30, target: 100 });
    expect(bullet.targetX).toBeCloseTo(363.64, 1);
    expect(bullet.wonWidth).toBeCloseTo(181.82, 1);
    expect(bullet.expectedX).toBe(bullet.wonWidth);
  });

  it('draws nothing for unknown values', () => {
    expect(layoutBullet({ won: null, expected: null, target: null })).toEqual({
      wonWidth: 0,
      expectedX: 0,
      expectedWidth: 0,
      targetX: null
    });
    const [month] = layoutMonths([{ key: 'a', label: 'Oct', forecast: null, won: 10 }]);
    expect(month.forecastHeight).toBe(0);
    expect(month.wonHeight).toBeGreaterThan(0);
  });
});

describe('c-spm-forecast-panel in an agenda item', () => {
  afterEach(resetDOM);

  it('keeps the accuracy by month one click below the line, and shows them on its own page', async () => {
    const focused = await render({ focus: 'Gap to target' });
    const details = focused.shadowRoot.querySelector('c-spm-details.accuracy-details');
    expect(details).not.toBeNull();
    expect(details.inline).toBe(false);
    resetDOM();
    const alone = await render();
    expect(alone.shadowRoot.querySelector('c-spm-details.accuracy-details').inline).toBe(true);
  });
});

describe('c-spm-forecast-panel deciding about the future', () => {
  afterEach(resetDOM);

  it('judges the forecast as a forecast: above target is on track, with nothing still to find', async () => {
    // The fixture's rep has won little so far (sales won is off track) but forecasts above target.
    expect(MODEL.kpis.find((k) => k.key === 'sales_won').total.status).toBe('red');
    expect(MODEL.forecast.period.status).toBe('green');
    const element = await render();
    expect(text($(element, '.gap'))).toBe('€0');
    expect(text($(element, '.period .slds-badge'))).toBe('c.SPM_Status_Green');
    expect(text($(element, '.on-target'))).toBe('c.SPM_Forecast_OnTarget');
  });

  it("lists what closing each person's gap takes, from the model's deals to win and opportunities to create", async () => {
    const TEAM = require('@pacer/fixtures/teamModel.json');
    const element = await render({ model: clone(TEAM) });
    const withGap = TEAM.forecast.period.byUser.filter((row) => row.toClose);
    const rows = $$(element, 'tr.gap-row');
    expect(rows.map((tr) => tr.dataset.userId)).toEqual(withGap.map((row) => row.userId));
    const first = withGap[0];
    expect(text(rows[0].querySelector('.deals-to-win'))).toBe(String(first.toClose.dealsToWin));
    // The fixture's month has days left shorter than the cycle: too late to create, advance instead.
    expect(first.toClose.createInTime).toBe(false);
    expect(text(rows[0].querySelector('.to-create'))).toBe('c.SPM_Forecast_TooLate');
  });
});
