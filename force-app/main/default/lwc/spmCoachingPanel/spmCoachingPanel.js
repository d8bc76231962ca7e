import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CURRENCY from '@salesforce/i18n/currency';
import { buildReviewPlan } from 'c/reviewPlan';
import { reviewModelFromRecords } from 'c/reviewModel';
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
import { periodContaining } from 'c/periods';
import { menuInForce } from 'c/spmReviewContext';
import { ACCOUNT_QUERY } from 'c/spmDocuments';
import { readAccount } from './accountQuery';
import TITLE from '@salesforce/label/c.SPM_Coaching_Title';
import VIEW from '@salesforce/label/c.SPM_Coaching_View';
import THIS_ACCOUNT from '@salesforce/label/c.SPM_Coaching_ThisAccount';
import MY_NUMBERS from '@salesforce/label/c.SPM_Coaching_MyNumbers';
import EMPTY from '@salesforce/label/c.SPM_Coaching_Empty';
import LOADING from '@salesforce/label/c.SPM_Loading';

const ACCOUNT_DOCUMENT = gql`
  ${ACCOUNT_QUERY}
`;
const VIEW_ACCOUNT = 'account';
const VIEW_MINE = 'mine';
const PERIOD_TYPE = 'Month';
const REP_LEVEL = 'Rep';

/**
 * Coaching on an Account record page: this account's funnel, data-trust flags, recent activity and open
 * actions (one GraphQL request), and a switch to the rep's own scorecard against targets (the review plan
 * of the current user: its documents all sent at once, one more round trip, only when the switch is
 * used).
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
  account;
  accountErrors;
  accountModel;
  refreshAccount;
  myPlan;
  myDocuments = [];
  myResponses = [];
  myErrors;
  myModel;

  labels = {
    title: TITLE,
    view: VIEW,
    empty: EMPTY,
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
    const period = periodContaining(PERIOD_TYPE, this.reviewDate, this.fiscalStart);
    return { accountId: this.recordId, activityStart: period.start, userId: USER_ID };
  }

  @wire(graphql, { query: '$accountQuery', variables: '$accountVariables' })
  wiredAccount({ data, errors, refresh }) {
    if (refresh) {
      this.refreshAccount = refresh;
    }
    if (errors && !data) {
      this.accountErrors = errors;
      return;
    }
    if (!data) {
      return;
    }
    this.accountErrors = undefined;
    try {
      this.account = readAccount(data);
      this.accountModel = this.modelOfAccount(this.account);
    } catch (error) {
      this.accountErrors = error;
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

  modelOfAccount(context) {
    const subjects = context.ownerIds.length ? context.ownerIds : [USER_ID];
    // Targets are people's, not an account's: none here, so the plan needs no targets query.
    const plan = buildReviewPlan({
      ...this.basePlanInput(context),
      subjectUserIds: subjects,
      targets: []
    });
    const model = reviewModelFromRecords(plan, context.records);
    if (context.truncated.length) {
      model.warnings = [
        ...model.warnings,
        ...context.truncated.map((o) => `${o}: first 200 records`)
      ];
    }
    // The records are this account's (the query filters them), so the panels show one account's deals.
    model.scope = { ...model.scope, accountId: this.recordId };
    return model;
  }

  get accountLoading() {
    return Boolean(this.recordId) && !this.accountModel && !this.accountErrors;
  }

  get accountError() {
    return errorMessages(this.accountErrors);
  }

  get isEmpty() {
    const records = this.account && this.account.records;
    if (!records) {
      return false;
    }
    return (
      records.Opportunity.length +
        records.Task.length +
        records.Event.length +
        records.SPM_Action__c.length ===
      0
    );
  }

  get actionOwnerId() {
    const account = this.account && this.account.account;
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
    if (this.myPlan || !this.account) {
      return;
    }
    try {
      const me = this.account.users.filter((u) => u.Id === USER_ID);
      this.myPlan = buildReviewPlan({
        ...this.basePlanInput(this.account),
        users: me.length ? me : [{ Id: USER_ID, Name: USER_ID }],
        subjectUserIds: [USER_ID]
      });
      this.myDocuments = planDocuments(this.myPlan);
    } catch (error) {
      this.myErrors = error;
    }
  }

  get myLoading() {
    return !this.myModel && !this.myErrors;
  }

  get myError() {
    return errorMessages(this.myErrors);
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
    if (detail.kpiKey && this.account) {
      const kpi = this.account.kpis.find((k) => k.Key__c === detail.kpiKey);
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

  handleRefresh(event) {
    event.stopPropagation();
    if (this.refreshAccount) {
      this.refreshAccount();
    }
  }
}
