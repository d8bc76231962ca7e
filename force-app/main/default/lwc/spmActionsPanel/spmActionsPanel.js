import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { errorText } from 'c/errors';
import { formatLabel, todayIn } from 'c/formatters';
import { panelView, panelErrors } from 'c/panelModel';
import { newRecordKey } from 'c/reviewContext';
import { AGREE_ACTIONS_FOCUS } from 'c/kpiDefinitions';
import { actionRows, triggerText } from './actionRows';
import ACTION_OBJECT from '@salesforce/schema/SPM_Action__c';
import ID_FIELD from '@salesforce/schema/SPM_Action__c.Id';
import NAME_FIELD from '@salesforce/schema/SPM_Action__c.Name';
import KEY_FIELD from '@salesforce/schema/SPM_Action__c.Key__c';
import OWNER_FIELD from '@salesforce/schema/SPM_Action__c.OwnerId';
import REVIEW_FIELD from '@salesforce/schema/SPM_Action__c.Review__c';
import KPI_FIELD from '@salesforce/schema/SPM_Action__c.KPI__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/SPM_Action__c.Opportunity__c';
import ACCOUNT_FIELD from '@salesforce/schema/SPM_Action__c.Account__c';
import DUE_DATE_FIELD from '@salesforce/schema/SPM_Action__c.Due_Date__c';
import STATUS_FIELD from '@salesforce/schema/SPM_Action__c.Status__c';
import OUTCOME_FIELD from '@salesforce/schema/SPM_Action__c.Outcome__c';
import COMPLETED_DATE_FIELD from '@salesforce/schema/SPM_Action__c.Completed_Date__c';
import TITLE from '@salesforce/label/c.SPM_Actions_Title';
import EMPTY from '@salesforce/label/c.SPM_Actions_Empty';
import NEW_ACTION from '@salesforce/label/c.SPM_Actions_New';
import NAME from '@salesforce/label/c.SPM_Action_Name';
import OWNER from '@salesforce/label/c.SPM_Action_Owner';
import DUE from '@salesforce/label/c.SPM_Action_Due';
import TRIGGER from '@salesforce/label/c.SPM_Action_Trigger';
import OUTCOME from '@salesforce/label/c.SPM_Action_Outcome';
import OVERDUE from '@salesforce/label/c.SPM_Action_Overdue';
import COMPLETE from '@salesforce/label/c.SPM_Action_Complete';
import DROP from '@salesforce/label/c.SPM_Action_Drop';
import SAVE from '@salesforce/label/c.SPM_Action_Save';
import CANCEL from '@salesforce/label/c.SPM_Action_Cancel';
import COMPLETE_TITLE from '@salesforce/label/c.SPM_Action_CompleteTitle';
import CREATED from '@salesforce/label/c.SPM_Action_Created';
import COMPLETED from '@salesforce/label/c.SPM_Action_Completed';
import DROPPED from '@salesforce/label/c.SPM_Action_Dropped';
import SAVE_FAILED from '@salesforce/label/c.SPM_Action_SaveFailed';
import AGREED from '@salesforce/label/c.SPM_Actions_Agreed';
import NONE_AGREED from '@salesforce/label/c.SPM_Actions_NoneAgreed';
import OPEN_COUNT from '@salesforce/label/c.SPM_Actions_OpenCount';

/** This panel's key in the review plan (c/reviewPlan PANEL_KEYS): its documents name it. */
const PANEL_KEY = 'actions';

const STATUS_OPEN = 'Open';
const STATUS_DONE = 'Done';
const STATUS_DROPPED = 'Dropped';

/**
 * Actions: the open actions of the owners of the numbers (earlier reviews first, due date order), a
 * form to create one pre-filled with the KPI or deal that triggered it (owner = the owner of the numbers),
 * and complete (with an outcome) or drop — written through lightning/uiRecordApi.
 *
 * Every new action is created at once, so nothing typed in a meeting waits for "Record review". With the
 * 'Agree actions' focus, the actions agreed in this meeting (`agreed-ids`, held by the container) are
 * listed above the line and every open action one click below. Events (bubbling, composed):
 * `actioncreated` { action }, `actionclosed` { id, status }.
 */
export default class SpmActionsPanel extends LightningElement {
  /** The agenda item's focus (SPM_Agenda_Item__c.Focus__c): what goes above the line; the default view when empty. */
  @api focus;
  /** The review model (c/reviewModel): model.lists.actions, model.people, model.kpis. */
  @api model;
  /** True while the container loads the model. */
  @api loading = false;
  /** Errors of any shape. */
  @api error;
  /** The owner of the numbers: default owner of new actions. */
  @api ownerId;
  /** The review new actions belong to, when saved directly. */
  @api reviewId;
  /** Account new actions are about by default (the coaching panel's record). */
  @api accountId;
  /** Ids of the actions agreed in this meeting (the container's), listed first by the 'Agree actions' focus. */
  @api agreedIds = [];
  /** KPI record ids by KPI key, to link an action to the KPI that triggered it. */
  @api kpiIds = {};
  /** Card title; "Actions" by default. */
  @api cardTitle;

  /** The new-action form's values, or null when closed. */
  form = null;
  /** The action being completed: { id, name, outcome }. */
  completing = null;
  saving = false;
  closedIds = new Set();
  createdActions = [];

  labels = {
    empty: EMPTY,
    newAction: NEW_ACTION,
    agreed: AGREED,
    noneAgreed: NONE_AGREED,
    name: NAME,
    owner: OWNER,
    due: DUE,
    trigger: TRIGGER,
    outcome: OUTCOME,
    overdue: OVERDUE,
    complete: COMPLETE,
    drop: DROP,
    save: SAVE,
    cancel: CANCEL
  };

  /**
   * Opens the form pre-filled with what triggered the action (a `createaction` event's detail).
   * @param {{ kpiKey?: string, kpiId?: string, opportunityId?: string, accountId?: string, name?: string, ownerId?: string }} detail
   */
  @api
  startAction(detail = {}) {
    const kpi = detail.kpiKey
      ? ((this.model && this.model.kpis) || []).find((k) => k.key === detail.kpiKey)
      : null;
    const deal = detail.opportunityId ? this.findDeal(detail.opportunityId) : null;
    this.completing = null;
    this.form = {
      name: detail.name || '',
      ownerId: detail.ownerId || (deal && deal.OwnerId) || this.defaultOwnerId,
      dueDate: null,
      kpiKey: detail.kpiKey || null,
      kpiId:
        detail.kpiId || (detail.kpiKey && this.kpiIds ? this.kpiIds[detail.kpiKey] : null) || null,
      kpiName: kpi ? kpi.name : null,
      opportunityId: detail.opportunityId || null,
      OpportunityName: deal ? deal.Name : null,
      accountId: detail.accountId || (deal && deal.AccountId) || this.accountId || null,
      AccountName: deal ? deal.AccountName : null
    };
  }

  get cardLabel() {
    return this.cardTitle || TITLE;
  }

  get asOf() {
    return (this.model && this.model.scope && this.model.scope.asOf) || todayIn();
  }

  get rows() {
    const fromModel = (this.model && this.model.lists && this.model.lists.actions) || [];
    return actionRows(
      [...fromModel, ...this.createdActions],
      this.model,
      this.closedIds,
      this.asOf
    ).map((row) => ({
      ...row,
      isCompleting: Boolean(this.completing) && this.completing.id === row.id,
      completeLabel: `${COMPLETE}: ${row.name}`,
      dropLabel: `${DROP}: ${row.name}`
    }));
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  /** The 'Agree actions' focus: this meeting's actions above the line, every open action below. */
  get isAgreeing() {
    return this.focus === AGREE_ACTIONS_FOCUS;
  }

  /** Every open action: shown as it is, or below the line where this meeting's actions are agreed. */
  get rowsInline() {
    return !this.isAgreeing;
  }

  get agreedRows() {
    const agreed = new Set(this.agreedIds || []);
    return this.rows.filter((row) => agreed.has(row.id));
  }

  get hasAgreed() {
    return this.agreedRows.length > 0;
  }

  get openCountLabel() {
    return formatLabel(OPEN_COUNT, this.rows.length);
  }

  /** The card's error: the container's, else why this panel's documents failed (c/panelModel). */
  get cardErrors() {
    return panelErrors(this.error, this.model, PANEL_KEY);
  }

  /**
   * The branch the card shows (c/spmPanelCard): empty without actions or an open form, except where
   * actions are agreed, which says how to add one.
   */
  get view() {
    return panelView({
      loading: this.loading,
      error: this.cardErrors,
      hasData: this.isAgreeing || this.hasRows || Boolean(this.form)
    });
  }

  get people() {
    return ((this.model && this.model.people) || []).filter((p) => p.isSubject);
  }

  get defaultOwnerId() {
    return this.ownerId || (this.people[0] && this.people[0].userId) || null;
  }

  get ownerOptions() {
    return this.people.map((p) => ({ label: p.name, value: p.userId }));
  }

  get showOwnerPicker() {
    return this.ownerOptions.length > 1;
  }

  get formTrigger() {
    return this.form ? triggerText(this.form, this.model) : '';
  }

  get completeTitle() {
    return this.completing ? formatLabel(COMPLETE_TITLE, this.completing.name) : '';
  }

  get saveDisabled() {
    return this.saving;
  }

  findDeal(opportunityId) {
    const lists = (this.model && this.model.lists) || {};
    return (
      [...(lists.open || []), ...(lists.closed || [])].find((d) => d.Id === opportunityId) || null
    );
  }

  ownerName(userId) {
    const person = ((this.model && this.model.people) || []).find((p) => p.userId === userId);
    return person ? person.name : null;
  }

  handleNew() {
    this.startAction({});
  }

  handleFormChange(event) {
    const field = event.target.dataset.field;
    this.form = { ...this.form, [field]: event.detail.value ?? event.target.value };
  }

  handleCancel() {
    this.form = null;
    this.completing = null;
  }

  /** The SPM_Action__c fields of the form: what the record will hold. */
  actionFields(form) {
    const fields = {
      [NAME_FIELD.fieldApiName]: form.name.trim(),
      [KEY_FIELD.fieldApiName]: newRecordKey('action'),
      [OWNER_FIELD.fieldApiName]: form.ownerId,
      [STATUS_FIELD.fieldApiName]: STATUS_OPEN
    };
    const optional = [
      [DUE_DATE_FIELD, form.dueDate],
      [KPI_FIELD, form.kpiId],
      [OPPORTUNITY_FIELD, form.opportunityId],
      [ACCOUNT_FIELD, form.accountId],
      [REVIEW_FIELD, this.reviewId]
    ];
    for (const [field, value] of optional) {
      if (value) {
        fields[field.fieldApiName] = value;
      }
    }
    return fields;
  }

  validForm() {
    const inputs = [...this.template.querySelectorAll('.action-form lightning-input')];
    // reportValidity shows each field's message; every field is checked, not only up to the first bad one.
    const fieldsValid = inputs.reduce(
      (valid, input) => input.reportValidity() !== false && valid,
      true
    );
    return fieldsValid && Boolean(this.form.name.trim());
  }

  async handleSave() {
    if (!this.form || !this.validForm()) {
      return;
    }
    const form = this.form;
    const fields = this.actionFields(form);
    const summary = {
      name: fields[NAME_FIELD.fieldApiName],
      ownerName: this.ownerName(form.ownerId),
      dueText: form.dueDate,
      trigger: triggerText(form, this.model)
    };
    this.saving = true;
    try {
      const record = await createRecord({ apiName: ACTION_OBJECT.objectApiName, fields });
      const action = {
        Id: record.id,
        Name: summary.name,
        OwnerId: form.ownerId,
        OwnerName: summary.ownerName,
        Due_Date__c: form.dueDate || null,
        Status__c: STATUS_OPEN,
        KPI__c: form.kpiId,
        kpiKey: form.kpiKey,
        Opportunity__c: form.opportunityId,
        OpportunityName: form.OpportunityName,
        Account__c: form.accountId,
        AccountName: form.AccountName,
        Review__c: this.reviewId || null
      };
      this.createdActions = [...this.createdActions, action];
      this.form = null;
      this.toast(CREATED, summary.name, 'success');
      this.emit('actioncreated', { action });
    } catch (error) {
      this.toast(SAVE_FAILED, errorText(error), 'error');
    } finally {
      this.saving = false;
    }
  }

  handleStartComplete(event) {
    const id = event.currentTarget.dataset.id;
    const row = this.rows.find((r) => r.id === id);
    this.form = null;
    this.completing = { id, name: row ? row.name : '', outcome: '' };
  }

  handleOutcomeChange(event) {
    this.completing = { ...this.completing, outcome: event.detail.value ?? event.target.value };
  }

  async handleConfirmComplete() {
    const { id, outcome } = this.completing;
    await this.close(
      id,
      {
        [STATUS_FIELD.fieldApiName]: STATUS_DONE,
        [OUTCOME_FIELD.fieldApiName]: outcome ? outcome.trim() : null,
        [COMPLETED_DATE_FIELD.fieldApiName]: this.asOf
      },
      COMPLETED
    );
  }

  async handleDrop(event) {
    await this.close(
      event.currentTarget.dataset.id,
      { [STATUS_FIELD.fieldApiName]: STATUS_DROPPED },
      DROPPED
    );
  }

  async close(id, changes, message) {
    this.saving = true;
    try {
      await updateRecord({ fields: { [ID_FIELD.fieldApiName]: id, ...changes } });
      this.closedIds = new Set([...this.closedIds, id]);
      this.completing = null;
      this.toast(message, '', 'success');
      this.emit('actionclosed', { id, status: changes[STATUS_FIELD.fieldApiName] });
    } catch (error) {
      this.toast(SAVE_FAILED, errorText(error), 'error');
    } finally {
      this.saving = false;
    }
  }

  emit(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
