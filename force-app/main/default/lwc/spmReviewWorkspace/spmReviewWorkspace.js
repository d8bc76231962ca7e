import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CURRENCY from '@salesforce/i18n/currency';
import { buildReviewPlan } from 'c/reviewPlan';
import {
  DEFAULT_STALE_DAYS,
  reviewDay,
  planSettings,
  planDocuments,
  documentIndex,
  collectResponse,
  errorMessages,
  withActions
} from 'c/reviewLoader';
import { reduceErrors, errorText } from 'c/errors';
import { formatDate, formatLabel } from 'c/formatters';
import { panelView } from 'c/panelModel';
import { CONTEXT_QUERY } from 'c/spmDocuments';
import {
  contextVariables,
  readContext,
  menuInForce,
  personOptions,
  subjectsOf,
  isTeamChoice,
  levelOf,
  cadencesForLevel,
  defaultCadence,
  periodTypeOf,
  lastReviewDateOf,
  kpiSnapshot,
  newRecordKey
} from 'c/reviewContext';
import REVIEW_OBJECT from '@salesforce/schema/SPM_Review__c';
import REVIEW_NAME from '@salesforce/schema/SPM_Review__c.Name';
import REVIEW_KEY from '@salesforce/schema/SPM_Review__c.Key__c';
import REVIEW_SUBJECT from '@salesforce/schema/SPM_Review__c.Subject_User__c';
import REVIEW_FACILITATOR from '@salesforce/schema/SPM_Review__c.Facilitator__c';
import REVIEW_CADENCE from '@salesforce/schema/SPM_Review__c.Cadence__c';
import REVIEW_DATE from '@salesforce/schema/SPM_Review__c.Review_Date__c';
import REVIEW_NOTES from '@salesforce/schema/SPM_Review__c.Notes__c';
import REVIEW_SNAPSHOT from '@salesforce/schema/SPM_Review__c.KPI_Snapshot__c';
import REVIEW_OWNER from '@salesforce/schema/SPM_Review__c.OwnerId';
import ACTION_OBJECT from '@salesforce/schema/SPM_Action__c';
import ACTION_REVIEW from '@salesforce/schema/SPM_Action__c.Review__c';
import TITLE from '@salesforce/label/c.SPM_Workspace_Title';
import PERSON from '@salesforce/label/c.SPM_Workspace_Person';
import MEETING from '@salesforce/label/c.SPM_Workspace_Meeting';
import PERSON_ME from '@salesforce/label/c.SPM_Person_Me';
import PERSON_TEAM from '@salesforce/label/c.SPM_Person_WholeTeam';
import PERSON_UP from '@salesforce/label/c.SPM_Person_LevelUp';
import SINCE from '@salesforce/label/c.SPM_Workspace_Since';
import FIRST_REVIEW from '@salesforce/label/c.SPM_Workspace_NoLastReview';
import AGENDA from '@salesforce/label/c.SPM_Workspace_Agenda';
import OPEN_ACTIONS from '@salesforce/label/c.SPM_Workspace_OpenActions';
import NOTES from '@salesforce/label/c.SPM_Workspace_Notes';
import RECORD from '@salesforce/label/c.SPM_Workspace_Record';
import RECORDED from '@salesforce/label/c.SPM_Workspace_Recorded';
import RECORD_FAILED from '@salesforce/label/c.SPM_Workspace_RecordFailed';
import NO_CADENCE from '@salesforce/label/c.SPM_Workspace_NoCadence';
import NO_AGENDA from '@salesforce/label/c.SPM_Workspace_NoAgenda';
import NOT_LOADED from '@salesforce/label/c.SPM_Workspace_NotLoaded';
import SAVE_FAILED from '@salesforce/label/c.SPM_Action_SaveFailed';

/** The context query, parsed once: the wire sees the same document on every render. */
const CONTEXT_DOCUMENT = gql`
  ${CONTEXT_QUERY}
`;
/** SPM_Review__c.Name is a Text(80). */
const MAX_NAME_LENGTH = 80;

/**
 * The Performance Review workspace (Lightning tab and app page): pick a person and a meeting type,
 * review the agenda filled since the last review of that person and meeting, with the open actions of
 * earlier reviews first, and record the review with a KPI snapshot and its new actions.
 *
 * Data: one GraphQL request for the context (users, cadences and agenda, KPI menu, stage policy, last
 * review dates), then the engine's review plan, whose documents (as many as the plan has, whatever the
 * team size) are all sent at once, one c-spm-plan-document each: the review opens in two round trips,
 * and each later change of person or meeting takes one. The answers make one review model that every
 * panel renders; a document that failed blanks only the panels that read it (`model.unavailable`).
 */
export default class SpmReviewWorkspace extends LightningElement {
  /** Meeting type opened first (SPM_Cadence__c.Meeting_Type__c), e.g. "Individual coaching". */
  @api defaultMeetingType;
  /** Days without an update after which an open opportunity is flagged (data trust). */
  @api staleDays = DEFAULT_STALE_DAYS;
  /** First month of the fiscal year (1 = January). */
  @api fiscalYearStartMonth = 1;
  /** The day the review is for, 'YYYY-MM-DD'; today in the user's time zone when empty. */
  @api asOf;

  context;
  contextErrors;
  personValue;
  cadenceId;
  /** The review plan of the current choice and its documents, parsed once per plan. */
  plan;
  planDocuments = [];
  /** Plans made so far: numbers each plan's documents, so answers to an earlier plan are told apart. */
  planSerial = 0;
  responses = [];
  planErrors;
  refreshers = [];
  model;
  notes = '';
  drafts = [];
  recording = false;

  labels = {
    title: TITLE,
    person: PERSON,
    meeting: MEETING,
    agenda: AGENDA,
    openActions: OPEN_ACTIONS,
    notes: NOTES,
    record: RECORD,
    noCadence: NO_CADENCE,
    noAgenda: NO_AGENDA
  };

  /* ---------------------------------------------------------------- data */

  get contextQuery() {
    return CONTEXT_DOCUMENT;
  }

  get contextVariables() {
    return contextVariables({ asOf: this.reviewDate });
  }

  @wire(graphql, { query: '$contextQuery', variables: '$contextVariables' })
  wiredContext({ data, errors }) {
    if (errors && !data) {
      this.contextErrors = errors;
      return;
    }
    if (!data) {
      return;
    }
    this.contextErrors = undefined;
    this.context = readContext(data);
    this.chooseDefaults();
    this.planReview();
  }

  /** A plan document's answer (c-spm-plan-document, one per document of the plan). */
  handlePlanResult(event) {
    this.receive(documentIndex(this.planDocuments, event.detail.document), event.detail);
  }

  receive(index, result) {
    const state = { plan: this.plan, documents: this.planDocuments, responses: this.responses };
    const outcome = collectResponse(state, index, result);
    if (!outcome) {
      return;
    }
    if (result.refresh) {
      this.refreshers[index] = result.refresh;
    }
    if (outcome.responses) {
      this.responses = outcome.responses;
    }
    if ('model' in outcome) {
      // A model replaces an earlier error (a refresh that succeeded).
      this.model = outcome.model;
      this.planErrors = undefined;
    }
    if ('errors' in outcome) {
      // Every document failed: the one page error.
      this.planErrors = outcome.errors;
    }
  }

  /* ---------------------------------------------------------------- choices */

  get reviewDate() {
    return reviewDay(this.asOf, TIME_ZONE);
  }

  get users() {
    return (this.context && this.context.users) || [];
  }

  get personOptions() {
    return personOptions(
      this.users,
      USER_ID,
      { me: PERSON_ME, wholeTeam: PERSON_TEAM, levelUp: PERSON_UP },
      formatLabel
    );
  }

  get person() {
    const options = this.personOptions;
    return options.find((o) => o.value === this.personValue) || options[0];
  }

  get level() {
    return this.person ? levelOf(this.users, this.person.userId) : null;
  }

  get isTeam() {
    return isTeamChoice(this.person);
  }

  get subjectUserId() {
    return this.person ? this.person.userId : USER_ID;
  }

  get cadences() {
    return cadencesForLevel((this.context && this.context.cadences) || [], this.level);
  }

  get cadenceOptions() {
    return this.cadences.map((c) => ({
      label: c.Name || c.Meeting_Type__c || c.Id,
      value: c.Id
    }));
  }

  get cadence() {
    return this.cadences.find((c) => c.Id === this.cadenceId);
  }

  get lastReviewDate() {
    if (!this.context || !this.cadence) {
      return null;
    }
    return lastReviewDateOf(this.context.lastReviews, this.subjectUserId, this.cadence.Id);
  }

  chooseDefaults() {
    const options = this.personOptions;
    if (!options.some((o) => o.value === this.personValue)) {
      // A manager opens on their team, anyone else on their own numbers.
      const team = options.find((o) => isTeamChoice(o) && o.userId === USER_ID);
      this.personValue = (team || options[0]).value;
    }
    if (!this.cadences.some((c) => c.Id === this.cadenceId)) {
      const cadence = defaultCadence(this.cadences, this.defaultMeetingType);
      this.cadenceId = cadence ? cadence.Id : undefined;
    }
  }

  handlePersonChange(event) {
    this.personValue = event.detail.value;
    this.drafts = [];
    this.chooseDefaults();
    this.planReview();
  }

  handleMeetingChange(event) {
    this.cadenceId = event.detail.value;
    this.planReview();
  }

  /** Plans the review of the current choice; its documents are then rendered, each loading itself. */
  planReview() {
    this.model = undefined;
    this.planErrors = undefined;
    this.responses = [];
    this.refreshers = [];
    if (!this.context || !this.cadence || !this.person) {
      this.plan = undefined;
      this.planDocuments = [];
      return;
    }
    try {
      const { users, kpis, stagePolicy } = this.context;
      this.plan = buildReviewPlan({
        subjectUserIds: subjectsOf(this.person, users),
        users,
        kpis: menuInForce(kpis, this.reviewDate, this.fiscalYearStartMonth),
        stagePolicy,
        periodType: periodTypeOf(this.cadence),
        lastReviewDate: this.lastReviewDate,
        ...planSettings(this, TIME_ZONE, CURRENCY)
      });
      this.planSerial += 1;
      this.planDocuments = planDocuments(this.plan, this.planSerial);
    } catch (error) {
      this.plan = undefined;
      this.planDocuments = [];
      this.planErrors = error;
    }
  }

  /* ---------------------------------------------------------------- view */

  get contextLoading() {
    return !this.context && !this.contextErrors;
  }

  get contextErrorMessages() {
    return reduceErrors(this.contextErrors);
  }

  /** The branch the top card shows (c/spmPanelCard): the pickers only once there are cadences. */
  get contextView() {
    return panelView({
      loading: this.contextLoading,
      error: this.contextErrorMessages,
      hasData: this.cadences.length > 0
    });
  }

  get modelLoading() {
    return Boolean(this.plan) && !this.model && !this.planErrors;
  }

  get modelError() {
    return errorMessages(this.planErrors);
  }

  get sinceText() {
    if (this.lastReviewDate) {
      return formatLabel(SINCE, formatDate(this.lastReviewDate));
    }
    const period = this.model && this.model.scope && this.model.scope.period;
    return period ? formatLabel(FIRST_REVIEW, period.label) : '';
  }

  get notLoadedText() {
    const unplanned = (this.model && this.model.unplanned) || [];
    // Each with its reason: a refused definition is the admin's to fix, no room is the menu's size.
    const listed = unplanned.map((u) => (u.reason ? `${u.key} (${u.reason})` : u.key));
    return listed.length ? formatLabel(NOT_LOADED, listed.join('; ')) : '';
  }

  get agendaItems() {
    return ((this.cadence && this.cadence.agenda) || []).map((item) => ({
      ...item,
      key: item.Id
    }));
  }

  get hasAgenda() {
    return this.agendaItems.length > 0;
  }

  get kpiIds() {
    const ids = {};
    for (const kpi of (this.context && this.context.kpis) || []) {
      if (kpi.Key__c) {
        ids[kpi.Key__c] = kpi.Id;
      }
    }
    return ids;
  }

  /** What every agenda item's panel needs besides the model. */
  get panelOptions() {
    return {
      level: this.level,
      isTeam: this.isTeam,
      leaderId: this.subjectUserId,
      ownerId: this.subjectUserId,
      drafts: this.drafts,
      kpiIds: this.kpiIds
    };
  }

  get recordDisabled() {
    return this.recording || !this.model || !this.cadence;
  }

  /* ---------------------------------------------------------------- actions */

  handleCreateAction(event) {
    event.stopPropagation();
    const detail = { ...event.detail };
    if (detail.kpiKey && !detail.kpiId) {
      detail.kpiId = this.kpiIds[detail.kpiKey];
    }
    const panel = this.template.querySelector('c-spm-actions-panel.review-actions');
    if (panel) {
      panel.startAction(detail);
    }
  }

  handleActionDraft(event) {
    event.stopPropagation();
    this.drafts = [...this.drafts, event.detail.draft];
  }

  handleDraftRemove(event) {
    event.stopPropagation();
    this.drafts = this.drafts.filter((d) => d.key !== event.detail.key);
  }

  handleActionClosed(event) {
    event.stopPropagation();
    this.updateActions((actions) => actions.filter((a) => a.Id !== event.detail.id));
  }

  handleActionCreated(event) {
    event.stopPropagation();
    this.updateActions((actions) => [...actions, event.detail.action]);
  }

  updateActions(change) {
    if (this.model) {
      this.model = withActions(this.model, change);
    }
  }

  handleRefresh(event) {
    event.stopPropagation();
    this.refreshers.forEach((refresh) => refresh && refresh());
  }

  handleNotesChange(event) {
    this.notes = event.detail.value ?? event.target.value ?? '';
  }

  reviewFields() {
    const person = this.person;
    const name = [this.cadence.Name, person.label, this.reviewDate].filter(Boolean).join(' · ');
    return {
      [REVIEW_NAME.fieldApiName]: name.slice(0, MAX_NAME_LENGTH),
      [REVIEW_KEY.fieldApiName]: newRecordKey('review'),
      [REVIEW_SUBJECT.fieldApiName]: this.subjectUserId,
      [REVIEW_FACILITATOR.fieldApiName]: USER_ID,
      [REVIEW_CADENCE.fieldApiName]: this.cadence.Id,
      [REVIEW_DATE.fieldApiName]: this.reviewDate,
      [REVIEW_NOTES.fieldApiName]: this.notes ? this.notes.trim() : null,
      [REVIEW_SNAPSHOT.fieldApiName]: kpiSnapshot(this.model, {
        subjectUserId: this.subjectUserId,
        cadenceKey: this.cadence.Key__c,
        level: this.level
      }),
      [REVIEW_OWNER.fieldApiName]: this.subjectUserId
    };
  }

  async handleRecord() {
    if (this.recordDisabled) {
      return;
    }
    this.recording = true;
    let review;
    try {
      review = await createRecord({
        apiName: REVIEW_OBJECT.objectApiName,
        fields: this.reviewFields()
      });
    } catch (error) {
      this.toast(RECORD_FAILED, errorText(error), 'error');
      this.recording = false;
      return;
    }
    // The review is saved; its actions follow, each linked to it. A failed action stays a draft so it
    // can be retried.
    const drafts = this.drafts;
    const results = await Promise.allSettled(
      drafts.map((draft) =>
        createRecord({
          apiName: ACTION_OBJECT.objectApiName,
          fields: { ...draft.fields, [ACTION_REVIEW.fieldApiName]: review.id }
        })
      )
    );
    const failed = drafts.filter((draft, i) => results[i].status === 'rejected');
    const failures = [];
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        failures.push(`${drafts[i].name}: ${errorText(result.reason)}`);
      }
    });
    this.drafts = failed;
    this.context = {
      ...this.context,
      lastReviews: {
        ...this.context.lastReviews,
        [`${this.subjectUserId}|${this.cadence.Id}`]: this.reviewDate
      }
    };
    if (failures.length) {
      this.toast(SAVE_FAILED, failures.join(' '), 'warning');
    } else {
      this.notes = '';
      this.toast(RECORDED, this.cadence.Name || '', 'success');
    }
    this.recording = false;
  }

  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
