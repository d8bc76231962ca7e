/**
 * The model's lists: the open and closed deals (each with its flags, snooze, movement and days in
 * stage) and the open actions, as read by the plan's record needs.
 */
import { FLAG_KEYS } from 'c/criteria';
import { flagPredicates, daysInStage } from 'c/metrics';
import { round } from './numbers';

/**
 * The deals and actions of the plan's lists.
 * @param {object} plan
 * @param {Map<string, object>} needs each need's answer (./answers consumersByNeed)
 * @param {Map<string, string>} userName user id → name
 * @returns {{ open: Array<object>, closed: Array<object>, actions: Array<object>, complete: object }}
 */
export function buildLists(plan, needs, userName) {
  const { context } = plan;
  const predicates = flagPredicates(context);
  const toDeal = (record) => {
    const flags = FLAG_KEYS.filter((key) => predicates[key](record));
    return {
      Id: record.Id,
      Name: record.Name === undefined ? null : record.Name,
      AccountId: record.AccountId || null,
      AccountName: record.Account ? record.Account.Name || null : null,
      OwnerId: record.OwnerId || null,
      OwnerName: userName.get(record.OwnerId) || null,
      StageName: record.StageName || null,
      Amount: record.Amount === undefined ? null : record.Amount,
      Probability: record.Probability === undefined ? null : record.Probability,
      weighted:
        record.Amount !== null &&
        record.Amount !== undefined &&
        record.Probability !== null &&
        record.Probability !== undefined
          ? round((record.Amount * record.Probability) / 100)
          : null,
      CloseDate: record.CloseDate || null,
      NextStep: record.NextStep || null,
      CreatedDate: record.CreatedDate || null,
      LastModifiedDate: record.LastModifiedDate || null,
      LastStageChangeDate: record.LastStageChangeDate || null,
      IsClosed: record.IsClosed === true,
      IsWon: record.IsWon === true,
      SPM_Offer_Check_Date__c: record.SPM_Offer_Check_Date__c || null,
      SPM_Flag_Snoozed_Until__c: record.SPM_Flag_Snoozed_Until__c || null,
      SPM_Flag_Snooze_Reason__c: record.SPM_Flag_Snooze_Reason__c || null,
      flags,
      snoozed: predicates.snoozed(record),
      movedSinceReview: predicates.moved(record),
      daysInStage: daysInStage(record, context)
    };
  };
  const listOf = (id) => {
    const entry = needs.get(id);
    return entry ? entry.result : { records: [], hasNextPage: false };
  };
  const openResult = listOf('openList');
  const closedResult = listOf('closedList');
  const actionResult = listOf('actions');
  const kpiKeyById = new Map(plan.kpis.filter((k) => k.id).map((k) => [k.id, k.key]));
  const actions = (actionResult.records || []).map((r) => ({
    Id: r.Id,
    Name: r.Name || null,
    OwnerId: r.OwnerId || null,
    OwnerName: userName.get(r.OwnerId) || null,
    Due_Date__c: r.Due_Date__c || null,
    Status__c: r.Status__c || null,
    KPI__c: r.KPI__c || null,
    kpiKey: kpiKeyById.get(r.KPI__c) || null,
    Opportunity__c: r.Opportunity__c || null,
    OpportunityName: r.Opportunity__r ? r.Opportunity__r.Name || null : null,
    Account__c: r.Account__c || null,
    AccountName: r.Account__r ? r.Account__r.Name || null : null,
    Review__c: r.Review__c || null,
    overdue: Boolean(r.Due_Date__c) && r.Due_Date__c < context.asOf
  }));
  return {
    open: (openResult.records || []).map(toDeal),
    closed: (closedResult.records || []).map(toDeal),
    actions,
    complete: {
      open: !openResult.hasNextPage,
      closed: !closedResult.hasNextPage,
      actions: !actionResult.hasNextPage
    }
  };
}
