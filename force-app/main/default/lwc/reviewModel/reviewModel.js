/**
 * The review model: the second half of the engine. It turns the answers to a plan's documents
 * (c/reviewPlan) into the one plain model every panel and `report` render: KPI cells, funnel, data
 * trust, movement, activity, forecast and lists. Shapes: scripts/lib/kpi-engine.ts (ReviewModel).
 *
 *   plan.documents ─► responses (the org, the local org, or ./responses responsesFromRecords)
 *                  ─► ./responses (read, failures told apart) ─► ./answers (each need's rows)
 *                  ─► ./base (each subject's quantities) ─► ./kpis, ./funnel, ./trust, ./movement,
 *                     ./activity, ./forecast, ./lists ─► ./model (the whole model)
 *
 * reviewModelFromResponses(plan, responses) → model  (a failed document blanks only what reads it)
 * reviewModelFromRecords(plan, records) → model      (the same specs run on plain records)
 * reviewModelFromDataSet(dataSet, options) → { plan, model }  (a sample-data file, `report --data`)
 * kpiCell(kpi, userId) → the cell a panel shows for a KPI
 */
import { buildReviewPlan } from 'c/reviewPlan';
import { teamSubjectIds } from 'c/rollup';
import { reviewModelFromRecords } from './responses';

export {
  reviewModelFromResponses,
  reviewModelFromRecords,
  responsesFromRecords
} from './responses';
export { kpiCell } from './kpiCell';
export { MIN_CONVERSION_DEALS } from './funnel';

/**
 * Plans and computes a review from a sample-data file (`{ meta, records }`, as `npm run sample-data`
 * writes it), as `report --data` does.
 * @param {{ meta: object, records: Object<string, Array<object>> }} dataSet
 * @param {{ subjectUserIds?: string[], managerId?: string, periodType?: string, lastReviewDate?: string|null,
 *           asOf?: string, kpis?: Array<object>, stagePolicy?: Array<object>, options?: object }} options
 * @returns {{ plan: object, model: object }}
 */
export function reviewModelFromDataSet(dataSet, options) {
  const opts = options || {};
  const meta = dataSet.meta || {};
  const records = dataSet.records || {};
  const users = records.User || [];
  let subjects = opts.subjectUserIds;
  if (!subjects && opts.managerId) {
    subjects = teamSubjectIds(
      users,
      opts.managerId,
      (records.Opportunity || []).map((o) => o.OwnerId)
    );
  }
  if (!subjects || !subjects.length)
    throw new Error('Review model: give subjectUserIds or the managerId of a team');
  const kpiRecords =
    records.SPM_KPI__c && records.SPM_KPI__c.length ? records.SPM_KPI__c : opts.kpis;
  const policy =
    records.SPM_Stage_Policy__c && records.SPM_Stage_Policy__c.length
      ? records.SPM_Stage_Policy__c
      : opts.stagePolicy;
  const plan = buildReviewPlan({
    subjectUserIds: subjects,
    users,
    kpis: kpiRecords || [],
    stagePolicy: policy || [],
    asOf: opts.asOf || meta.asOf,
    orgTimeZone: meta.orgTimeZone,
    fiscalYearStartMonth: meta.fiscalYearStartMonth,
    currency: meta.currency,
    periodType: opts.periodType || 'Month',
    lastReviewDate: opts.lastReviewDate,
    targets: records.SPM_Target__c || [],
    accountId: opts.accountId,
    options: opts.options
  });
  return { plan, model: reviewModelFromRecords(plan, records) };
}
