import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CURRENCY from '@salesforce/i18n/currency';
import { buildReviewPlan } from 'c/reviewPlan';
import {
  DEFAULT_STALE_DAYS,
  reviewDay,
  fiscalStartOf,
  planSettings,
  planDocuments,
  documentIndex,
  collectResponse,
  errorMessages,
  withActions
} from 'c/reviewLoader';
import { menuInForce } from 'c/reviewContext';
import { ACCOUNT_QUERY } from 'c/spmDocuments';
import { readAccountContext } from './accountContext';
import TITLE from '@salesforce/label/c.SPM_Coaching_Title';
import VIEW from '@salesforce/label/c.SPM_Coaching_View';
import THIS_ACCOUNT from '@salesforce/label/c.SPM_Coaching_ThisAccount';
import MY_NUMBERS from '@salesforce/label/c.SPM_Coaching_MyNumbers';
import EMPTY from '@salesforce/label/c.SPM_Coaching_Empty';
import NO_FORECAST from '@salesforce/label/c.SPM_Coaching_NoForecast';
import LOADING from '@salesforce/label/c.SPM_Loading';

const ACCOUNT_DOCUMENT = gql`
  ${ACCOUNT_QUERY}
`;
const VIEW_ACCOUNT = 'account';
const VIEW_MINE = 'mine';
const PERIOD_TYPE = 'Month';
const REP_LEVEL = 'Rep';

/**
 * Coaching on an Account record page. "This account": the account query (c/spmDocuments
 * ACCOUNT_QUERY: the account, the menu, the stage policy and the people on the account), then the
 * account-scoped review plan of those people (c/reviewPlan buildReviewPlan with `accountId`: every
 * number aggregated in the org, no record cap on what is counted), its documents all sent at once, one
 * c-spm-plan-document each: this account's funnel, data-trust flags, recent activity and open actions.
 * A document that fails blanks only the panels that read it (the model's `unavailable`). "My numbers":
 * the review plan of the current user, loaded the same way, only when the switch is used.
 */
export default class SpmCoachingPanel extends LightningElement {
  /** The Account record id (record page). */
  @api recordId;
  /** Days without an update after which an open opportunity is flagged. */
  @api staleDays = DEFAULT_STALE_DAYS;
  /** First month of the fiscal year (1 = January). */
  @api fiscalYearStartMonth = 1;
  /** The day the panel is for, 'YYYY-MM-DD'; today in the user's time zone when empty. */
  @api asOf;

  view = VIEW_ACCOUNT;
  context;
  contextErrors;
  accountPlan;
  accountSerial = 0;
  accountDocuments = [];
  accountResponses = [];
  accountRefreshers = [];
  accountErrors;
  accountModel;
  myPlan;
  myDocuments = [];
  myResponses = [];
  myErrors;
  myModel;

  labels = {
    title: TITLE,
    view: VIEW,
    empty: EMPTY,
    noForecast: NO_FORECAST,
    loading: LOADING
  };

  get viewOptions() {
    return [
      { label: THIS_ACCOUNT, value: VIEW_ACCOUNT },
      { label: MY_NUMBERS, value: VIEW_MINE }
    ];
  }

  get reviewDate() {
    return reviewDay(this.asOf, TIME_ZONE);
  }

  get fiscalStart() {
    return fiscalStartOf(this.fiscalYearStartMonth);
  }

  /* ---------------------------------------------------------------- this account */

  get accountQuery() {
    return this.recordId ? ACCOUNT_DOCUMENT : undefined;
  }

  get accountVariables() {
    return { accountId: this.recordId, userId: USER_ID };
  }

  @wire(graphql, { query: '$accountQuery', variables: '$accountVariables' })
  wiredAccount({ data, errors }) {
    if (errors && !data) {
      // Without the menu and the people there is no plan: every section says why.
      this.contextErrors = errors;
      return;
    }
    if (!data) {
      return;
    }
    this.contextErrors = undefined;
    try {
      this.context = readAccountContext(data);
      this.planAccount();
      if (this.view === VIEW_MINE) {
        // "My numbers" was asked for before the menu it is planned from had arrived.
        this.planMine();
      }
    } catch (error) {
      this.contextErrors = error;
    }
  }

  basePlanInput(context) {
    return {
      users: context.users,
      kpis: menuInForce(context.kpis, this.reviewDate, this.fiscalStart),
      stagePolicy: context.stagePolicy,
      periodType: PERIOD_TYPE,
      lastReviewDate: null,
      ...planSettings(this, TIME_ZONE, CURRENCY)
    };
  }

  /** The account's plan, its documents rendered (a new plan replaces the earlier one's loaders). */
  planAccount() {
    this.accountSerial += 1;
    this.accountResponses = [];
    this.accountRefreshers = [];
    this.accountModel = undefined;
    this.accountErrors = undefined;
    try {
      // Targets and forecasts are people's, not an account's: the account-scoped plan loads neither.
      this.accountPlan = buildReviewPlan({
        ...this.basePlanInput(this.context),
        subjectUserIds: this.context.subjectUserIds,
        accountId: this.recordId
      });
      this.accountDocuments = planDocuments(this.accountPlan, this.accountSerial);
    } catch (error) {
      this.accountPlan = undefined;
      this.accountDocuments = [];
      this.accountErrors = error;
    }
  }

  /** A document of "this account" answered (c-spm-plan-document, one per document of the plan). */
  handleAccountResult(event) {
    const index = documentIndex(this.accountDocuments, event.detail.document);
    const state = {
      plan: this.accountPlan,
      documents: this.accountDocuments,
      responses: this.accountResponses
    };
    const outcome = collectResponse(state, index, event.detail);
    if (!outcome) {
      return;
    }
    if (event.detail.refresh) {
      this.accountRefreshers[index] = event.detail.refresh;
    }
    if (outcome.responses) {
      this.accountResponses = outcome.responses;
    }
    if ('model' in outcome) {
      // A model replaces an earlier error (a refresh that succeeded).
      this.accountModel = this.withAccountWarnings(outcome.model);
      this.accountErrors = undefined;
    }
    if ('errors' in outcome) {
      // Every document failed: each section shows the reasons.
      this.accountErrors = outcome.errors;
    }
  }

  /** The model, warned when the account query listed only the first people of an owner list. */
  withAccountWarnings(model) {
    const truncated = this.context ? this.context.truncated : [];
    if (!truncated.length) {
      return model;
    }
    return {
      ...model,
      warnings: [...(model.warnings || []), ...truncated.map((list) => `${list}: first 200 people`)]
    };
  }

  get accountFailure() {
    return this.contextErrors || this.accountErrors;
  }

  get accountLoading() {
    return Boolean(this.recordId) && !this.accountModel && !this.accountFailure;
  }

  get accountError() {
    return errorMessages(this.accountFailure);
  }

  /** Nothing to coach on: no deal ever, no open action, and no activity in the period. */
  get isEmpty() {
    const model = this.accountModel;
    if (!model || !this.context || this.context.hasDeals || this.context.hasActions) {
      return false;
    }
    const activity = (model.activity && model.activity.total) || {};
    const actions = (model.lists && model.lists.actions) || [];
    return !activity.meetings && !activity.calls && actions.length === 0;
  }

  get actionOwnerId() {
    const account = this.context && this.context.account;
    return (account && account.OwnerId) || USER_ID;
  }

  /* ---------------------------------------------------------------- my numbers */

  /** A document of "my numbers" answered (c-spm-plan-document, one per document of the plan). */
  handleMyResult(event) {
    this.receiveMine(documentIndex(this.myDocuments, event.detail.document), event.detail);
  }

  receiveMine(index, result) {
    const state = { plan: this.myPlan, documents: this.myDocuments, responses: this.myResponses };
    const outcome = collectResponse(state, index, result);
    if (!outcome) {
      return;
    }
    if (outcome.responses) {
      this.myResponses = outcome.responses;
    }
    if ('model' in outcome) {
      this.myModel = outcome.model;
    }
    if ('errors' in outcome) {
      this.myErrors = outcome.errors;
    }
  }

  planMine() {
    if (this.myPlan || !this.context) {
      return;
    }
    try {
      const me = this.context.users.filter((u) => u.Id === USER_ID);
      this.myPlan = buildReviewPlan({
        ...this.basePlanInput(this.context),
        users: me.length ? me : [{ Id: USER_ID, Name: USER_ID }],
        subjectUserIds: [USER_ID]
      });
      this.myDocuments = planDocuments(this.myPlan);
    } catch (error) {
      this.myErrors = error;
    }
  }

  /** "My numbers" is planned from the account query's menu: without it, its error. */
  get myFailure() {
    return this.myErrors || (!this.myPlan && this.contextErrors);
  }

  get myLoading() {
    return !this.myModel && !this.myFailure;
  }

  get myError() {
    return errorMessages(this.myFailure);
  }

  get myLevel() {
    return REP_LEVEL;
  }

  /* ---------------------------------------------------------------- view */

  get showAccount() {
    return this.view === VIEW_ACCOUNT;
  }

  get showMine() {
    return this.view === VIEW_MINE;
  }

  handleViewChange(event) {
    this.view = event.detail.value;
    if (this.view === VIEW_MINE) {
      this.planMine();
    }
  }

  handleCreateAction(event) {
    event.stopPropagation();
    const detail = { accountId: this.recordId, ...event.detail };
    if (detail.kpiKey && this.context) {
      const kpi = this.context.kpis.find((k) => k.Key__c === detail.kpiKey);
      if (kpi) {
        detail.kpiId = kpi.Id;
      }
    }
    const panel = this.template.querySelector('c-spm-actions-panel');
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
    this.updateActions((actions) => [...actions, event.detail.action]);
  }

  updateActions(change) {
    if (this.accountModel) {
      this.accountModel = withActions(this.accountModel, change);
    }
  }

  /** A flag was snoozed (data-trust panel): the account's documents are asked again. */
  handleRefresh(event) {
    event.stopPropagation();
    this.accountRefreshers.forEach((refresh) => refresh && refresh());
  }
}
