import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/formatters';
import MINUTES from '@salesforce/label/c.SPM_Workspace_Minutes';
import NO_PANEL from '@salesforce/label/c.SPM_Panel_None';

/** SPM_Agenda_Item__c.Panel__c values and what each renders. */
const PANELS = {
  Funnel: 'funnel',
  Activity: 'activity',
  'Data trust': 'trust',
  'Top opportunities': 'top',
  'Won and lost': 'wonLost',
  Scorecard: 'scorecard',
  Forecast: 'forecast',
  Actions: 'actions'
};

/**
 * One agenda item of a review: its title, minutes and discussion questions, and the panel it shows
 * (SPM_Agenda_Item__c.Panel__c) with the item's focus (Focus__c: what goes above the line), fed with
 * the review model. Events of the panels bubble to the workspace;
 * a data-trust `refresh` (after a snooze) is passed on so the workspace reloads.
 */
export default class SpmAgendaItem extends LightningElement {
  /** The agenda item: { Id, Name, Order__c, Questions__c, Panel__c, Focus__c, Minutes__c } (flat record). */
  @api item;
  /** The review model. */
  @api model;
  /** True while the model loads. */
  @api loading = false;
  /** Reduced errors of the model. */
  @api error;
  /** { level, isTeam, leaderId, ownerId, agreedIds, kpiIds } from the workspace. */
  @api options = {};

  /**
   * Opens this item's new-action form pre-filled (an actions item only).
   * @param {object} detail a `createaction` event's detail
   * @returns {boolean} whether this item has an actions panel to take it
   */
  @api
  startAction(detail) {
    const panel = this.template.querySelector('c-spm-actions-panel');
    if (!panel) {
      return false;
    }
    panel.startAction(detail);
    return true;
  }

  get panel() {
    return PANELS[this.item && this.item.Panel__c] || 'none';
  }

  /** Panel__c as recorded ('None' when unset). */
  get panelName() {
    return (this.item && this.item.Panel__c) || 'None';
  }

  /**
   * What the panel shows above the line (Focus__c, one of c/kpiDefinitions FOCUSES for the panel): the
   * panel's default view when unset or hidden by field-level security.
   */
  get focus() {
    return (this.item && this.item.Focus__c) || '';
  }

  get isFunnel() {
    return this.panel === 'funnel';
  }

  get isActivity() {
    return this.panel === 'activity';
  }

  get isTrust() {
    return this.panel === 'trust';
  }

  get isTop() {
    return this.panel === 'top';
  }

  get isWonLost() {
    return this.panel === 'wonLost';
  }

  get isScorecard() {
    return this.panel === 'scorecard';
  }

  get isForecast() {
    return this.panel === 'forecast';
  }

  get isActions() {
    return this.panel === 'actions';
  }

  get isNone() {
    return this.panel === 'none';
  }

  get title() {
    return (this.item && this.item.Name) || '';
  }

  get minutesText() {
    const minutes = this.item && this.item.Minutes__c;
    return typeof minutes === 'number' ? formatLabel(MINUTES, minutes) : '';
  }

  /** Questions__c holds one question per line. */
  get questions() {
    const text = (this.item && this.item.Questions__c) || '';
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line, index) => ({ key: `q${index}`, text: line }));
  }

  get hasQuestions() {
    return this.questions.length > 0;
  }

  get noPanelText() {
    return NO_PANEL;
  }

  get opts() {
    return this.options || {};
  }

  get showRollup() {
    return this.isScorecard && this.opts.isTeam === true;
  }

  handleRefresh(event) {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('refresh', { bubbles: true, composed: true }));
  }
}
