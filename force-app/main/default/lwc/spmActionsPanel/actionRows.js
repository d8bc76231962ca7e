/**
 * Display rows of the actions panel, from the review model's open actions and the drafts of the review
 * being held: what will be done, by whom, by when, and what triggered it (a KPI, a deal, an account).
 */
import { formatDate } from 'c/formatters';

/**
 * What triggered an action, as text: the KPI's name, else the deal's, else the account's.
 * @param {object} action a model Action (or a draft with the same fields)
 * @param {object} model the review model (for KPI names)
 * @returns {string}
 */
export function triggerText(action, model) {
  if (action.kpiKey) {
    const kpi = ((model && model.kpis) || []).find((k) => k.key === action.kpiKey);
    if (kpi) {
      return kpi.name;
    }
  }
  return action.kpiName || action.OpportunityName || action.AccountName || '';
}

/**
 * Rows for the open actions still open in this view.
 * @param {object[]} actions model.lists.actions plus the ones created here
 * @param {object} model
 * @param {Set<string>} closedIds actions completed or dropped here
 * @param {string} asOf today, 'YYYY-MM-DD'
 * @returns {object[]}
 */
export function actionRows(actions, model, closedIds, asOf) {
  const seen = new Set();
  return actions
    .filter((action) => {
      if (!action || !action.Id || seen.has(action.Id) || closedIds.has(action.Id)) {
        return false;
      }
      seen.add(action.Id);
      return !action.Status__c || action.Status__c === 'Open';
    })
    .map((action) => ({
      id: action.Id,
      name: action.Name || '',
      ownerName: action.OwnerName || '',
      dueText: formatDate(action.Due_Date__c),
      overdue: Boolean(action.Due_Date__c) && action.Due_Date__c < asOf,
      trigger: triggerText(action, model)
    }));
}
