import { LightningElement, api } from 'lwc';
import {
  panelView,
  panelErrors,
  kpiByKey,
  numberOrNull,
  statusBadgeClass,
  statusLabel,
  createActionEvent
} from 'c/panelModel';
import { formatCurrency, formatNumber, formatPercent, formatLabel } from 'c/formatters';
import {
  layoutBullet,
  layoutMonths,
  CHART_WIDTH,
  BULLET_HEIGHT,
  MONTH_CHART_HEIGHT
} from './forecastLayout';
import TITLE from '@salesforce/label/c.SPM_Forecast_Title';
import EMPTY from '@salesforce/label/c.SPM_Forecast_Empty';
import PERIOD_HEADING from '@salesforce/label/c.SPM_Forecast_PeriodHeading';
import WON_TO_DATE from '@salesforce/label/c.SPM_Forecast_WonToDate';
import FORECAST from '@salesforce/label/c.SPM_Forecast_Forecast';
import OPEN_IN_PERIOD from '@salesforce/label/c.SPM_Forecast_OpenInPeriod';
import TARGET from '@salesforce/label/c.SPM_Target';
import WON from '@salesforce/label/c.SPM_WonLost_Won';
import ATTAINMENT from '@salesforce/label/c.SPM_Attainment';
import PACING from '@salesforce/label/c.SPM_Pacing';
import GAP from '@salesforce/label/c.SPM_Forecast_Gap';
import BULLET_ARIA from '@salesforce/label/c.SPM_Forecast_BulletAria';
import ACCURACY_HEADING from '@salesforce/label/c.SPM_Forecast_AccuracyHeading';
import ACCURACY_ARIA from '@salesforce/label/c.SPM_Forecast_AccuracyAria';
import ACCURACY_MONTH_ARIA from '@salesforce/label/c.SPM_Forecast_AccuracyMonthAria';
import COL_MONTH from '@salesforce/label/c.SPM_Col_Month';
import COL_DEVIATION from '@salesforce/label/c.SPM_Col_Deviation';
import NO_SNAPSHOT from '@salesforce/label/c.SPM_Forecast_NoSnapshot';
import BASIS_COMMIT from '@salesforce/label/c.SPM_Forecast_BasisCommit';
import BASIS_WEIGHTED from '@salesforce/label/c.SPM_Forecast_BasisWeighted';
import CREATE_ACTION_FOR from '@salesforce/label/c.SPM_Panel_CreateActionFor';
import ACTION_NAME_KPI from '@salesforce/label/c.SPM_NewAction_Kpi';
import ACTION_NAME_ACCURACY from '@salesforce/label/c.SPM_NewAction_Accuracy';
import TO_CLOSE_HEADING from '@salesforce/label/c.SPM_Forecast_ToCloseHeading';
import COL_PERSON from '@salesforce/label/c.SPM_Forecast_ColPerson';
import COL_DEALS_TO_WIN from '@salesforce/label/c.SPM_Forecast_ColDealsToWin';
import COL_TO_CREATE from '@salesforce/label/c.SPM_Forecast_ColToCreate';
import COL_FROM from '@salesforce/label/c.SPM_Forecast_ColFrom';
import FROM_OWN from '@salesforce/label/c.SPM_Forecast_FromOwn';
import FROM_TEAM from '@salesforce/label/c.SPM_Forecast_FromTeam';
import TOO_LATE from '@salesforce/label/c.SPM_Forecast_TooLate';
import ON_TARGET from '@salesforce/label/c.SPM_Forecast_OnTarget';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'forecast';

/**
 * Forecast against target for the period (won to date plus what is expected to close, against the
 * sales target, judged as a forecast), what closing each person's gap takes (deals to win,
 * opportunities to create, from their own win rate, deal size and cycle: the model's), and forecast
 * accuracy by month from the start-of-month snapshots.
 * Fires `createaction` ({ kpiKey, name }).
 */
export default class SpmForecastPanel extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  @api loading = false;
  /** Errors of any shape, shown by the shared error panel. */
  @api error;
  @api salesKpiKey = 'sales_won';
  @api pacingKpiKey = 'pacing';
  @api coverageKpiKey = 'coverage';
  @api deviationKpiKey = 'forecast_deviation';

  labels = {
    TITLE,
    EMPTY,
    WON_TO_DATE,
    WON,
    TARGET,
    ATTAINMENT,
    PACING,
    GAP,
    ACCURACY_HEADING,
    COL_MONTH,
    COL_DEVIATION,
    FORECAST,
    NO_SNAPSHOT,
    TO_CLOSE_HEADING,
    COL_PERSON,
    COL_DEALS_TO_WIN,
    COL_TO_CREATE,
    COL_FROM,
    ON_TARGET
  };

  chartWidth = CHART_WIDTH;
  bulletHeight = BULLET_HEIGHT;
  monthChartHeight = MONTH_CHART_HEIGHT;

  get currency() {
    return this.model?.scope?.currency ?? null;
  }

  money(value) {
    return formatCurrency(numberOrNull(value), this.currency);
  }

  // ---- the period -------------------------------------------------------------------------------

  get salesKpi() {
    return kpiByKey(this.model, this.salesKpiKey);
  }

  /** The forecast of the current period (`model.forecast.period`, docs/engine.md), undefined without it. */
  get periodForecast() {
    return this.model?.forecast?.period ?? undefined;
  }

  get won() {
    return numberOrNull(this.periodForecast?.won) ?? numberOrNull(this.salesKpi?.total?.value);
  }

  get target() {
    return numberOrNull(this.periodForecast?.target) ?? numberOrNull(this.salesKpi?.total?.target);
  }

  /**
   * What is expected to close on top of won: the engine's period forecast minus won when it exists,
   * else the open amount closing in the rest of the period (the coverage KPI's numerator).
   */
  get expected() {
    const forecast = numberOrNull(this.periodForecast?.forecast);
    if (forecast !== null && this.won !== null) {
      return Math.max(0, forecast - this.won);
    }
    return numberOrNull(kpiByKey(this.model, this.coverageKpiKey)?.total?.parts?.open);
  }

  get hasPeriodForecast() {
    return numberOrNull(this.periodForecast?.forecast) !== null;
  }

  get expectedLabel() {
    return this.hasPeriodForecast ? FORECAST : OPEN_IN_PERIOD;
  }

  get periodHeading() {
    return formatLabel(PERIOD_HEADING, this.model?.scope?.period?.label ?? '');
  }

  get wonText() {
    return this.money(this.won);
  }
  get targetText() {
    return this.money(this.target);
  }
  get expectedText() {
    return this.hasPeriodForecast
      ? this.money(this.periodForecast.forecast)
      : this.money(this.expected);
  }
  get attainmentText() {
    return formatPercent(numberOrNull(this.salesKpi?.total?.attainment));
  }
  get pacingText() {
    return formatPercent(numberOrNull(kpiByKey(this.model, this.pacingKpiKey)?.total?.value));
  }
  /** Target minus the forecast (the model's); without the period forecast, minus won and the open amount. */
  get gapText() {
    if (this.target === null || this.won === null) {
      return this.money(null);
    }
    const gap = numberOrNull(this.periodForecast?.gap);
    return this.money(gap ?? Math.max(0, this.target - this.won - (this.expected ?? 0)));
  }
  /** The forecast judged as a forecast (the model's), else the sales KPI's status so far. */
  get status() {
    return this.periodForecast?.status ?? this.salesKpi?.total?.status;
  }
  get statusText() {
    return statusLabel(this.status);
  }
  get statusClass() {
    return statusBadgeClass(this.status);
  }

  // ---- what closing the gap takes ----------------------------------------------------------------

  /** One row per person with a gap: the model's deals to win and opportunities to create. */
  get gapRows() {
    const byUser = this.periodForecast?.byUser;
    const people = new Map((this.model?.people ?? []).map((p) => [p.userId, p.name]));
    return (Array.isArray(byUser) ? byUser : [])
      .filter((row) => row.toClose)
      .map((row) => {
        const t = row.toClose;
        const from = formatLabel(
          t.basis === 'own' ? FROM_OWN : FROM_TEAM,
          formatPercent(t.winRate),
          this.money(t.averageDealValue),
          formatNumber(t.cycleDays, { maximumFractionDigits: 0 })
        );
        return {
          key: row.userId,
          name: people.get(row.userId) || row.userId,
          gapText: this.money(row.gap),
          dealsText: formatNumber(t.dealsToWin, { maximumFractionDigits: 0 }),
          createText:
            t.createInTime === false
              ? TOO_LATE
              : formatNumber(t.opportunitiesToCreate, { maximumFractionDigits: 0 }),
          fromText: from
        };
      });
  }

  get hasGapRows() {
    return this.gapRows.length > 0;
  }

  /** Shown where the model has the period forecast per person. */
  get hasPeopleForecast() {
    return Array.isArray(this.periodForecast?.byUser);
  }

  get bullet() {
    const layout = layoutBullet({ won: this.won, expected: this.expected, target: this.target });
    return { ...layout, hasTarget: layout.targetX !== null };
  }

  get bulletAriaLabel() {
    return formatLabel(
      BULLET_ARIA,
      this.wonText,
      this.expectedLabel,
      this.expectedText,
      this.targetText
    );
  }

  // ---- accuracy by month -----------------------------------------------------------------------

  /** Monthly series when the engine provides it; otherwise the one month the model holds. */
  get months() {
    const forecast = this.model?.forecast;
    const series = Array.isArray(forecast?.months)
      ? forecast.months
      : forecast?.month
        ? [{ month: forecast.month, ...(forecast.total ?? {}) }]
        : [];
    return series.map((entry, index) => ({
      key: entry.month?.start ?? String(index),
      label: entry.month?.label ?? '',
      forecast: numberOrNull(entry.forecast),
      won: numberOrNull(entry.won),
      deviationPct: numberOrNull(entry.deviationPct)
    }));
  }

  get monthRows() {
    return this.months.map((m) => ({
      ...m,
      forecastText: m.forecast === null ? NO_SNAPSHOT : this.money(m.forecast),
      wonText: this.money(m.won),
      deviationText: formatPercent(m.deviationPct, 1)
    }));
  }

  /** Below the line in an agenda item (it has a focus); shown as it is on its own page. */
  get detailsInline() {
    return !this.focus;
  }

  get hasMonths() {
    return this.months.length > 0;
  }

  get monthBars() {
    return layoutMonths(this.months);
  }

  get monthViewBox() {
    return `0 0 ${CHART_WIDTH} ${MONTH_CHART_HEIGHT}`;
  }

  get bulletViewBox() {
    return `0 0 ${CHART_WIDTH} ${BULLET_HEIGHT}`;
  }

  get accuracyAriaLabel() {
    const parts = this.monthRows.map((m) =>
      formatLabel(ACCURACY_MONTH_ARIA, m.label, m.forecastText, m.wonText, m.deviationText)
    );
    return formatLabel(ACCURACY_ARIA, parts.join('; '));
  }

  get basisText() {
    return this.model?.forecast?.basis === 'weighted' ? BASIS_WEIGHTED : BASIS_COMMIT;
  }

  // ---- branches ---------------------------------------------------------------------------------

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const hasData =
      (this.won !== null && this.won !== 0) ||
      this.target !== null ||
      this.months.some((m) => m.forecast !== null || (m.won !== null && m.won !== 0));
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: Boolean(this.model) && hasData
    });
  }

  // ---- actions ----------------------------------------------------------------------------------

  get periodActionLabel() {
    return formatLabel(CREATE_ACTION_FOR, this.periodHeading);
  }
  get accuracyActionLabel() {
    return formatLabel(CREATE_ACTION_FOR, ACCURACY_HEADING);
  }

  handlePeriodAction() {
    this.dispatchEvent(
      createActionEvent({
        kpiKey: this.salesKpi ? this.salesKpiKey : undefined,
        name: formatLabel(ACTION_NAME_KPI, this.periodHeading, this.wonText, this.targetText)
      })
    );
  }

  handleAccuracyAction() {
    const kpi = kpiByKey(this.model, this.deviationKpiKey);
    const last = this.monthRows[this.monthRows.length - 1];
    this.dispatchEvent(
      createActionEvent({
        kpiKey: kpi ? this.deviationKpiKey : undefined,
        name: formatLabel(ACTION_NAME_ACCURACY, last?.deviationText ?? '', last?.label ?? '')
      })
    );
  }
}
