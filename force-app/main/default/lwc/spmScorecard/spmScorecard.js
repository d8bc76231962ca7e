import { LightningElement, api } from 'lwc';
import { formatLabel, formatPercent } from 'c/formatters';
import { createActionEvent, panelView } from 'c/panelModel';
import { scorecardRows, cardErrorsOf } from 'c/kpiView';
import TITLE from '@salesforce/label/c.SPM_Scorecard_Title';
import EMPTY from '@salesforce/label/c.SPM_Scorecard_Empty';
import BELOW from '@salesforce/label/c.SPM_Scorecard_BelowTheLine';
import PERIOD from '@salesforce/label/c.SPM_Scorecard_Period';
import ADD_ACTION from '@salesforce/label/c.SPM_Scorecard_AddAction';
import NOT_LOADED from '@salesforce/label/c.SPM_Not_Loaded';
import KPI from '@salesforce/label/c.SPM_Kpi';
import VALUE from '@salesforce/label/c.SPM_Value';
import TARGET from '@salesforce/label/c.SPM_Target';
import ATTAINMENT from '@salesforce/label/c.SPM_Attainment';
import PACING from '@salesforce/label/c.SPM_Pacing';
import STATUS from '@salesforce/label/c.SPM_Status';
import ACTIONS from '@salesforce/label/c.SPM_Actions_Title';
import GREEN from '@salesforce/label/c.SPM_Status_Green';
import AMBER from '@salesforce/label/c.SPM_Status_Amber';
import RED from '@salesforce/label/c.SPM_Status_Red';
import NONE from '@salesforce/label/c.SPM_Status_None';

const ROW_LABELS = {
  notLoaded: NOT_LOADED,
  addAction: ADD_ACTION,
  status: { green: GREEN, amber: AMBER, red: RED, none: NONE }
};

/**
 * The scorecard: the KPIs of the agenda item's focus for the person's level (c/kpiView inFocus; the
 * menu's above-the-line KPIs without a focus) with value, target, attainment, pacing and status, the
 * rest one click below the line. Presentational: data comes in as the review model.
 * Fires `createaction` ({ kpiKey, name }) when "add an action" is pressed on a KPI.
 */
export default class SpmScorecard extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  /** True while the container loads the model. */
  @api loading = false;
  /** Errors of any shape (already reduced by the container, or raw). */
  @api error;
  /** The level whose KPIs are shown (Rep, Manager, Director, Executive); all when empty. */
  @api level;
  /** Show this user's (or this manager's team's) numbers instead of the review's total. */
  @api userId;
  /** Show an "add an action" button on each KPI. */
  @api allowActions = false;

  showBelow = false;

  labels = {
    title: TITLE,
    empty: EMPTY,
    kpi: KPI,
    value: VALUE,
    target: TARGET,
    attainment: ATTAINMENT,
    pacing: PACING,
    status: STATUS,
    actions: ACTIONS
  };

  get rows() {
    return scorecardRows(this.model, {
      level: this.level,
      userId: this.userId,
      focus: this.focus,
      labels: ROW_LABELS
    });
  }

  /**
   * The card's error: the container's; else, when no KPI it shows could be loaded, why (one failed
   * document leaves the others' numbers on the card, a dash with its reason in each missing cell).
   */
  get cardErrors() {
    const { above, below } = this.rows;
    return cardErrorsOf(this.error, [...above, ...below]);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    const { above, below } = this.rows;
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: above.length + below.length > 0
    });
  }

  get aboveRows() {
    return this.rows.above;
  }

  get belowRows() {
    return this.rows.below;
  }

  /** Above the line always shown; below the line behind its toggle. */
  get sections() {
    const sections = [];
    if (this.aboveRows.length) {
      sections.push({ id: 'above', rows: this.aboveRows, isBelow: false, visible: true });
    }
    if (this.belowRows.length) {
      sections.push({ id: 'below', rows: this.belowRows, isBelow: true, visible: this.showBelow });
    }
    return sections;
  }

  get belowLabel() {
    return formatLabel(BELOW, this.belowRows.length);
  }

  get belowExpanded() {
    return String(this.showBelow);
  }

  get belowIcon() {
    return this.showBelow ? 'utility:chevrondown' : 'utility:chevronright';
  }

  /** In an agenda item (it has a focus) the workspace's header states the period, once. */
  get showPeriod() {
    return !this.focus;
  }

  get periodText() {
    const period = this.model && this.model.scope && this.model.scope.period;
    if (!period) {
      return '';
    }
    return formatLabel(PERIOD, period.label, formatPercent(period.fraction * 100));
  }

  handleToggleBelow() {
    this.showBelow = !this.showBelow;
  }

  handleAddAction(event) {
    const key = event.currentTarget.dataset.key;
    const row = [...this.aboveRows, ...this.belowRows].find((r) => r.key === key);
    if (row) {
      this.dispatchEvent(createActionEvent({ kpiKey: row.key, name: row.name }));
    }
  }
}
