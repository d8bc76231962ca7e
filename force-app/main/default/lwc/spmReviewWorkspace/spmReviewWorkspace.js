import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CURRENCY from '@salesforce/i18n/currency';
import { buildReviewPlan } from 'c/reviewPlan';
import { AGREE_ACTIONS_FOCUS } from 'c/kpiDefinitions';
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
  isTopOfHierarchy,
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
import ACTION_ID from '@salesforce/schema/SPM_Action__c.Id';
import ACTION_REVIEW from '@salesforce/schema/SPM_Action__c.Review__c';
import TITLE from '@salesforce/label/c.SPM_Workspace_Title';
import PERSON from '@salesforce/label/c.SPM_Workspace_Person';
import MEETING from '@salesforce/label/c.SPM_Workspace_Meeting';
import PERSON_ME from '@salesforce/label/c.SPM_Person_Me';
import PERSON_TEAM from '@salesforce/label/c.SPM_Person_WholeTeam';
import PERSON_UP from '@salesforce/label/c.SPM_Person_LevelUp';
import SINCE from '@salesforce/label/c.SPM_Workspace_Since';
import FIRST_REVIEW from '@salesforce/label/c.SPM_Workspace_NoLastReview';
import PERIOD from '@salesforce/label/c.SPM_Workspace_Period';
import AGENDA from '@salesforce/label/c.SPM_Workspace_Agenda';
import OPEN_ACTIONS from '@salesforce/label/c.SPM_Workspace_OpenActions';
import NOTES from '@salesforce/label/c.SPM_Workspace_Notes';
import RECORD from '@salesforce/label/c.SPM_Workspace_Record';
import RECORDED from '@salesforce/label/c.SPM_Workspace_Recorded';
import RECORD_FAILED from '@salesforce/label/c.SPM_Workspace_RecordFailed';
import NO_CADENCE from '@salesforce/label/c.SPM_Workspace_NoCadence';
import NO_AGENDA from '@salesforce/label/c.SPM_Workspace_NoAgenda';
import NOT_LOADED from '@salesforce/label/c.SPM_Workspace_NotLoaded';
import LINK_FAILED from '@salesforce/label/c.SPM_Action_LinkFailed';
import RECORDED_ACTIONS from '@salesforce/label/c.SPM_Workspace_RecordedActions';
import RECORDED_NO_ACTIONS from '@salesforce/label/c.SPM_Workspace_RecordedNoActions';

/** The context query, parsed once: the wire sees the same document on every render. */
const CONTEXT_DOCUMENT = gql`
  ${CONTEXT_QUERY}
`;
/** SPM_Review__c.Name is a Text(80). */
const MAX_NAME_LENGTH = 80;
/** The agenda's actions panel (SPM_Agenda_Item__c.Panel__c). */
const ACTIONS_PANEL = 'Actions';
/**
 * The page state that names the review (`c__` parameters, as Lightning keeps a tab's state in its
 * URL): a reload or a shared link opens the same person (a person option's value) and meeting (the
 * cadence's Key__c, the same in every org seeded from config/cadences.json).
 */
const PERSON_PARAM = 'c__person';
const MEETING_PARAM = 'c__meeting';

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
export default class SpmReviewWorkspace extends NavigationMixin(LightningElement) {
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
  /** The page's reference, and the person and meeting its state asks for. */
  pageReference;
  requested = {};
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
  /** Ids of the actions agreed (and saved) in this meeting: linked to the review when it is recorded. */
  agreedIds = [];
  /** The review just recorded and its actions, listed under the record button: { name, actions }. */
  recorded;
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
    this.applyRequested();
    this.chooseDefaults();
    this.planReview();
  }

  /** The page's state: a reload, a shared link or the browser's back button names the review. */
  @wire(CurrentPageReference)
  wiredPageReference(reference) {
    this.pageReference = reference;
    const state = (reference && reference.state) || {};
    this.requested = { person: state[PERSON_PARAM], meeting: state[MEETING_PARAM] };
    if (this.context && this.applyRequested()) {
      this.chooseDefaults();
      this.startMeeting();
      this.planReview();
    }
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
    const atTop = Boolean(this.person) && isTopOfHierarchy(this.users, this.person.userId);
    return cadencesForLevel((this.context && this.context.cadences) || [], this.level, atTop);
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

  /**
   * Takes the person and meeting the page's state asks for, when this user can open them (the caller
   * then chooses defaults for what is left unset).
   * @returns {boolean} whether the choice changed
   */
  applyRequested() {
    const { person, meeting } = this.requested;
    let changed = false;
    if (
      person &&
      person !== this.personValue &&
      this.personOptions.some((o) => o.value === person)
    ) {
      this.personValue = person;
      changed = true;
    }
    const cadence = meeting && this.cadences.find((c) => c.Key__c === meeting);
    if (cadence && cadence.Id !== this.cadenceId) {
      this.cadenceId = cadence.Id;
      changed = true;
    }
    return changed;
  }

  /** Writes the choice into the page's state, in place: a reload opens the same review. */
  rememberChoice() {
    if (!this.pageReference) {
      return;
    }
    const state = {
      ...this.pageReference.state,
      [PERSON_PARAM]: this.personValue,
      [MEETING_PARAM]: this.cadence ? this.cadence.Key__c : undefined
    };
    this[NavigationMixin.Navigate]({ ...this.pageReference, state }, true);
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
    this.startMeeting();
    this.chooseDefaults();
    this.planReview();
    this.rememberChoice();
  }

  handleMeetingChange(event) {
    this.cadenceId = event.detail.value;
    this.startMeeting();
    this.planReview();
    this.rememberChoice();
  }

  /**
   * Another person or meeting is another meeting. Its actions are saved already (they stay open
   * actions of their owners); only their link to a review that was not recorded is let go.
   */
  startMeeting() {
    this.agreedIds = [];
    this.recorded = undefined;
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

  /**
   * The period the review covers, stated once for every agenda item (their panels leave it out):
   * "Reviewing Nov 2026 (day 23 of 30)".
   */
  get periodText() {
    const period = this.model && this.model.scope && this.model.scope.period;
    if (!period || !period.label) {
      return '';
    }
    return formatLabel(PERIOD, period.label, period.daysElapsed, period.daysTotal);
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
      agreedIds: this.agreedIds,
      kpiIds: this.kpiIds
    };
  }

  get recordDisabled() {
    return this.recording || !this.model || !this.cadence;
  }

  /* ---------------------------------------------------------------- actions */

  /** The agenda has its own actions item: the page's open-actions panel would repeat it. */
  get showOpenActions() {
    return !this.agendaItems.some((item) => item.Panel__c === ACTIONS_PANEL);
  }

  /**
   * A `createaction` from any panel opens the new-action form where this meeting's actions are agreed:
   * the agenda's 'Agree actions' item, else its first actions item, else the page's actions panel.
   */
  handleCreateAction(event) {
    event.stopPropagation();
    const detail = { ...event.detail };
    if (detail.kpiKey && !detail.kpiId) {
      detail.kpiId = this.kpiIds[detail.kpiKey];
    }
    const items = [...this.template.querySelectorAll('c-spm-agenda-item')];
    const actionItems = items.filter((el) => el.item && el.item.Panel__c === ACTIONS_PANEL);
    const agreeing = actionItems.find((el) => el.item.Focus__c === AGREE_ACTIONS_FOCUS);
    for (const item of agreeing ? [agreeing, ...actionItems] : actionItems) {
      if (item.startAction(detail)) {
        return;
      }
    }
    const panel = this.template.querySelector('c-spm-actions-panel.review-actions');
    if (panel) {
      panel.startAction(detail);
    }
  }

  handleActionClosed(event) {
    event.stopPropagation();
    this.updateActions((actions) => actions.filter((a) => a.Id !== event.detail.id));
  }

  handleActionCreated(event) {
    event.stopPropagation();
    const action = event.detail.action;
    this.agreedIds = [...this.agreedIds, action.Id];
    this.recorded = undefined;
    this.updateActions((actions) => [...actions, action]);
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

  /** The review's name: meeting · person · day. */
  reviewName() {
    const name = [this.cadence.Name, this.person.label, this.reviewDate]
      .filter(Boolean)
      .join(' · ');
    return name.slice(0, MAX_NAME_LENGTH);
  }

  reviewFields() {
    return {
      [REVIEW_NAME.fieldApiName]: this.reviewName(),
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
    // The review is saved; the actions agreed in this meeting (saved already) are linked to it. A
    // link that fails leaves its action open and unlinked, and says so.
    const agreed = this.agreedIds;
    const results = await Promise.allSettled(
      agreed.map((id) =>
        updateRecord({
          fields: { [ACTION_ID.fieldApiName]: id, [ACTION_REVIEW.fieldApiName]: review.id }
        })
      )
    );
    const failures = [];
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        failures.push(`${this.actionName(agreed[i])}: ${errorText(result.reason)}`);
      }
    });
    this.recorded = {
      title: formatLabel(RECORDED_ACTIONS, this.reviewName()),
      actions: agreed.map((id) => ({ id, name: this.actionName(id) }))
    };
    this.agreedIds = [];
    this.context = {
      ...this.context,
      lastReviews: {
        ...this.context.lastReviews,
        [`${this.subjectUserId}|${this.cadence.Id}`]: this.reviewDate
      }
    };
    this.notes = '';
    if (failures.length) {
      this.toast(LINK_FAILED, failures.join(' '), 'warning');
    } else {
      this.toast(RECORDED, this.cadence.Name || '', 'success');
    }
    this.recording = false;
  }

  actionName(id) {
    const actions = (this.model && this.model.lists && this.model.lists.actions) || [];
    const action = actions.find((a) => a.Id === id);
    return (action && action.Name) || id;
  }

  get recordedEmptyText() {
    return RECORDED_NO_ACTIONS;
  }

  get hasRecordedActions() {
    return Boolean(this.recorded) && this.recorded.actions.length > 0;
  }

  toast(title, message, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
