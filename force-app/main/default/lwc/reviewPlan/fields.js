/** The fields the review's record lists select (and the model reads back from them). */

/**
 * The field that snoozes an opportunity's flags until a day (docs/engine.md, "Definitions every
 * number follows").
 */
export const SNOOZE_FIELD = 'SPM_Flag_Snoozed_Until__c';

/** Fields of the opportunity lists: enough to show a deal and to evaluate every flag on it. */
export const DEAL_FIELDS = [
  'Name',
  'AccountId',
  'Account.Name',
  'OwnerId',
  'StageName',
  'Amount',
  'Probability',
  'CloseDate',
  'NextStep',
  'IsClosed',
  'IsWon',
  'CreatedDate',
  'LastModifiedDate',
  'LastStageChangeDate',
  'SPM_Offer_Check_Date__c',
  SNOOZE_FIELD,
  'SPM_Flag_Snooze_Reason__c'
];
/** Fields of the open-actions list. */
export const ACTION_FIELDS = [
  'Name',
  'OwnerId',
  'Due_Date__c',
  'Status__c',
  'KPI__c',
  'Opportunity__c',
  'Opportunity__r.Name',
  'Account__c',
  'Account__r.Name',
  'Review__c'
];
/** Fields of the past reviews read for the data-trust trend. */
export const REVIEW_FIELDS = ['Subject_User__c', 'Review_Date__c', 'KPI_Snapshot__c'];
