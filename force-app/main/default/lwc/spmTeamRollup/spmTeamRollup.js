import { LightningElement, api } from 'lwc';
import { panelView } from 'c/panelModel';
import { cardErrorsOf } from 'c/kpiView';
import { rollupTable, TRUST_COLUMNS } from './rollupRows';
import TITLE from '@salesforce/label/c.SPM_TeamRollup_Title';
import PERSON from '@salesforce/label/c.SPM_TeamRollup_Person';
import TOTAL from '@salesforce/label/c.SPM_TeamRollup_Total';
import EMPTY from '@salesforce/label/c.SPM_TeamRollup_Empty';
import CAPTION from '@salesforce/label/c.SPM_TeamRollup_Caption';
import PAST_CLOSE_DATE from '@salesforce/label/c.SPM_Trust_PastCloseDate';
import NOT_UPDATED from '@salesforce/label/c.SPM_Trust_NotUpdated';
import EARLY_STAGE from '@salesforce/label/c.SPM_Trust_EarlyStageClosingSoon';
import STALLED from '@salesforce/label/c.SPM_Trust_Stalled';
import GREEN from '@salesforce/label/c.SPM_Status_Green';
import AMBER from '@salesforce/label/c.SPM_Status_Amber';
import RED from '@salesforce/label/c.SPM_Status_Red';
import NONE from '@salesforce/label/c.SPM_Status_None';

const TRUST_LABELS = {
  pastCloseDate: PAST_CLOSE_DATE,
  notUpdated: NOT_UPDATED,
  earlyStageClosingSoon: EARLY_STAGE,
  stalled: STALLED
};
const STATUS_LABELS = { green: GREEN, amber: AMBER, red: RED, none: NONE };

/**
 * Team roll-up: one row per direct report of the leader with the KPIs of the agenda item's focus (the
 * above-the-line KPIs and the data-trust counts without one), and a total row. Values come from the model's byUser / byTeam / total cells
 * (recomputed from summed parts by the engine), never averaged here.
 */
export default class SpmTeamRollup extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel). */
  @api model;
  /** True while the container loads the model. */
  @api loading = false;
  /** Errors of any shape. */
  @api error;
  /** The level whose above-the-line KPIs are the columns; all levels when empty. */
  @api level;
  /** The manager whose direct reports are the rows; the top of the review's people by default. */
  @api leaderId;

  labels = {
    title: TITLE,
    person: PERSON,
    total: TOTAL,
    empty: EMPTY,
    caption: CAPTION
  };

  /** The trust counts' columns: only without a focus (rollupRows leaves them out otherwise). */
  get trustColumns() {
    return this.focus ? [] : TRUST_COLUMNS.map((key) => ({ key, name: TRUST_LABELS[key] }));
  }

  get table() {
    return rollupTable(this.model, {
      level: this.level,
      leaderId: this.leaderId,
      focus: this.focus,
      statusLabels: STATUS_LABELS
    });
  }

  /**
   * The card's error: the container's; else, when no KPI total could be loaded, why (one failed
   * document leaves the others' numbers in the table, a dash with its reason in each missing cell).
   */
  get cardErrors() {
    const total = this.table.total;
    return cardErrorsOf(this.error, total ? total.cells : []);
  }

  /** The branch the card shows (c/spmPanelCard); the content is built only with data. */
  get view() {
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: this.table.rows.length > 0
    });
  }
}
