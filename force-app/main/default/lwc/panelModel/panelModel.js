/**
 * View-model helpers shared by the presentational panels (funnel, activity, data trust, top
 * opportunities, won and lost, forecast, scorecard, team roll-up, actions) and their card shell
 * (c/spmPanelCard): which branch to render, label templates, KPI look-up, deal rows and the
 * `createaction` event. Pure functions, no DOM, so each is tested on its own.
 */
import { EMPTY_VALUE, formatCurrency, formatDate, formatNumber } from 'c/formatters';
import STATUS_GREEN from '@salesforce/label/c.SPM_Status_Green';
import STATUS_AMBER from '@salesforce/label/c.SPM_Status_Amber';
import STATUS_RED from '@salesforce/label/c.SPM_Status_Red';
import STATUS_NONE from '@salesforce/label/c.SPM_Status_None';

/** The four branches every panel renders, in the order they win. */
const PANEL_STATES = Object.freeze({
  LOADING: 'loading',
  ERROR: 'error',
  EMPTY: 'empty',
  DATA: 'data'
});

/** The event a panel fires so the container's actions panel can pre-fill an action. */
const CREATE_ACTION_EVENT = 'createaction';

/**
 * Which branch a panel shows: loading first, then an error, then empty, else data.
 * @param {{ loading?: boolean, error?: *, hasData?: boolean }} input
 * @returns {string} one of PANEL_STATES
 */
export function panelState({ loading, error, hasData }) {
  if (loading) {
    return PANEL_STATES.LOADING;
  }
  if (hasError(error)) {
    return PANEL_STATES.ERROR;
  }
  return hasData ? PANEL_STATES.DATA : PANEL_STATES.EMPTY;
}

/**
 * The branch of `panelState` as the flags a template binds. The card shell (c/spmPanelCard) shows
 * the spinner, the error and the empty message; a panel passes it `empty={view.isEmpty}` and guards
 * its own slotted content with `lwc:if={view.hasData}`, because slotted markup is built by the panel
 * whatever branch the shell shows.
 * @param {{ loading?: boolean, error?: *, hasData?: boolean }} input
 * @returns {{ state: string, isLoading: boolean, hasError: boolean, isEmpty: boolean, hasData: boolean }}
 */
export function panelView(input) {
  const state = panelState(input);
  return {
    state,
    isLoading: state === PANEL_STATES.LOADING,
    hasError: state === PANEL_STATES.ERROR,
    isEmpty: state === PANEL_STATES.EMPTY,
    hasData: state === PANEL_STATES.DATA
  };
}

/**
 * Why a panel's numbers are missing: the reasons of the model's documents that failed and that this
 * panel reads (`model.unavailable[i].panels` holds its key), in order, each once. Empty when every
 * document it reads answered.
 * @param {object} model the review model
 * @param {string} panelKey one of c/reviewPlan's PANEL_KEYS ('funnel', 'activity', 'trust', …)
 * @returns {string[]}
 */
export function unavailableReasons(model, panelKey) {
  const unavailable = model && Array.isArray(model.unavailable) ? model.unavailable : [];
  const reasons = unavailable
    .filter((entry) => Array.isArray(entry.panels) && entry.panels.includes(panelKey))
    .map((entry) => entry.reason)
    .filter((reason) => typeof reason === 'string' && reason !== '');
  return [...new Set(reasons)];
}

/**
 * What a panel's card shows as its error: the container's error when there is one (nothing loaded),
 * else the reasons its own documents failed ({@link unavailableReasons}), else nothing. So one failed
 * document blanks only the panels that read it, each saying why.
 * @param {*} error the container's error (any shape), or undefined
 * @param {object} [model] the review model; without it, only the container's error counts
 * @param {string} [panelKey]
 * @returns {*} the error, the reasons, or undefined
 */
export function panelErrors(error, model, panelKey) {
  if (hasError(error)) {
    return error;
  }
  const reasons = unavailableReasons(model, panelKey);
  return reasons.length ? reasons : undefined;
}

function hasError(error) {
  if (Array.isArray(error)) {
    return error.length > 0;
  }
  return error !== undefined && error !== null && error !== '' && error !== false;
}

/**
 * The model's KPI with this key, or undefined (a KPI can be inactive or absent from the menu).
 * @param {object} model the review model
 * @param {string} key SPM_KPI__c.Key__c
 * @returns {object|undefined}
 */
export function kpiByKey(model, key) {
  const kpis = model && Array.isArray(model.kpis) ? model.kpis : [];
  return key ? kpis.find((kpi) => kpi.key === key) : undefined;
}

/**
 * A number if it is one, else null: values hidden by field-level security arrive as null or
 * missing, and must render as a dash rather than as 0.
 * @param {*} value
 * @returns {number|null}
 */
export function numberOrNull(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Text for display, a dash when the field is empty or hidden.
 * @param {*} value
 * @returns {string}
 */
export function textOrDash(value) {
  return value === undefined || value === null || value === '' ? EMPTY_VALUE : String(value);
}

/**
 * A deal of the model as a display row: every value formatted, missing values as a dash.
 * @param {object} deal a Deal of the review model
 * @param {string|null} currency the review's currency (model.scope.currency)
 * @returns {object}
 */
export function dealRow(deal, currency) {
  return {
    id: deal.Id,
    name: textOrDash(deal.Name),
    accountId: deal.AccountId ?? null,
    accountName: textOrDash(deal.AccountName),
    ownerName: textOrDash(deal.OwnerName),
    stage: textOrDash(deal.StageName),
    amount: numberOrNull(deal.Amount),
    amountText: formatCurrency(numberOrNull(deal.Amount), currency),
    closeDate: deal.CloseDate ?? null,
    closeDateText: formatDate(deal.CloseDate),
    nextStep: textOrDash(deal.NextStep),
    daysInStageText: formatNumber(numberOrNull(deal.daysInStage), { maximumFractionDigits: 0 }),
    moved: deal.movedSinceReview === true,
    isWon: deal.IsWon === true,
    snoozed: deal.snoozed === true,
    snoozedUntilText: formatDate(deal.SPM_Flag_Snoozed_Until__c),
    snoozeReason: textOrDash(deal.SPM_Flag_Snooze_Reason__c),
    flags: Array.isArray(deal.flags) ? deal.flags : []
  };
}

/**
 * The `createaction` event: bubbles out of the panel and through shadow boundaries so the
 * container hands it to the actions panel, pre-filled with the number or deal that triggered it.
 * @param {{ kpiKey?: string, opportunityId?: string, accountId?: string, name: string }} detail
 * @returns {CustomEvent}
 */
export function createActionEvent(detail) {
  const clean = {};
  Object.keys(detail).forEach((key) => {
    if (detail[key] !== undefined && detail[key] !== null) {
      clean[key] = detail[key];
    }
  });
  return new CustomEvent(CREATE_ACTION_EVENT, { detail: clean, bubbles: true, composed: true });
}

/** Status → SLDS theme and utility icon; colour is never the only signal (the text says it too). */
export const STATUS_STYLES = {
  green: { theme: 'slds-theme_success', icon: 'utility:success' },
  amber: { theme: 'slds-theme_warning', icon: 'utility:warning' },
  red: { theme: 'slds-theme_error', icon: 'utility:error' },
  none: { theme: 'slds-theme_default', icon: 'utility:dash' }
};

/**
 * Classes of the status badge for a KPI status.
 * @param {string|null|undefined} status 'green' | 'amber' | 'red' | 'none'
 * @returns {string}
 */
export function statusBadgeClass(status) {
  // 'none' (and anything unknown) stays a plain badge.
  const style = status !== 'none' ? STATUS_STYLES[status] : undefined;
  return style ? `slds-badge ${style.theme}` : 'slds-badge';
}

const STATUS_LABELS = { green: STATUS_GREEN, amber: STATUS_AMBER, red: STATUS_RED };

/**
 * Words for a KPI status, so colour is never the only signal.
 * @param {string|null|undefined} status 'green' | 'amber' | 'red' | 'none'
 * @returns {string}
 */
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? STATUS_NONE;
}

/**
 * Where a model's list stopped at its size (lists.complete): what c-spm-deal-list says under a list
 * drawn from it, `{ size, kind }`; undefined when the list holds every deal.
 * @param {object} model the review model
 * @param {'open'|'closed'} kind
 * @returns {{ size: number, kind: string }|undefined}
 */
export function listLimit(model, kind) {
  const lists = (model && model.lists) || {};
  if (!lists.complete || lists.complete[kind] !== false) {
    return undefined;
  }
  return { size: Array.isArray(lists[kind]) ? lists[kind].length : 0, kind };
}
