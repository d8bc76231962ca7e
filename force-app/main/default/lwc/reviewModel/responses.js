/**
 * The model from the org's answers: each document's response read (c/graphqlResults), the failed
 * documents and subqueries told apart, and the same specs run on plain records for the paths where
 * no org answers (`report --data`, benchmarks, fixtures).
 */
import {
  readResponse,
  responseErrors,
  toAggregateConnection,
  toRecordConnection
} from 'c/graphqlResults';
import { createIndex, runAggregate, runRecordQuery } from 'c/recordQueries';
import { panelsOf } from 'c/reviewPlan';
import { subqueriesOf, runLocalSpecs } from './answers';
import { buildModel } from './model';

function fail(message) {
  throw new Error(`Review model: ${message}`);
}

/**
 * Why some subqueries of a document failed: the org's messages about them (an error whose path names
 * one of them), else every message of the response, else that the response lacks them; and the
 * messages about something else (`others`), which the model keeps as warnings.
 */
function failureReason(response, failedAliases) {
  const errors = (response && response.errors) || [];
  const about = errors.filter(
    (e) => Array.isArray(e.path) && e.path.some((part) => failedAliases.includes(part))
  );
  const others = about.length
    ? responseErrors({ errors: errors.filter((e) => !about.includes(e)) })
    : [];
  const messages = responseErrors({ errors: about.length ? about : errors });
  if (!messages.length)
    return { reason: `the response holds no data for ${failedAliases.join(', ')}`, others };
  return { reason: [...new Set(messages)].join('; '), others };
}

/**
 * The review model from the GraphQL responses to `plan.documents` (same order), each `{ data, errors }`.
 *
 * A document has failed when its response has errors and no data (the org rejected the whole
 * document, e.g. a field the user cannot see), and some of its subqueries have failed when they are
 * missing or null in the data. The model is built without the failed subqueries and says what is
 * missing: `model.unavailable` lists each failed document (`operationName`, `group`, the `panels`
 * whose numbers read the failed subqueries, and the org's `reason`), and every KPI cell whose number
 * reads a failed subquery has `value: null` and `unavailable: <reason>`. Errors that did not stop
 * any subquery become warnings.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Array<{ data?: object, errors?: Array<object> }>} responses
 * @returns {object} review model
 * @throws {Error} when every document failed: its message names each document and reason, and its
 *   `errors` holds the GraphQL errors of all the responses
 */
export function reviewModelFromResponses(plan, responses) {
  if (!Array.isArray(responses) || responses.length !== plan.documents.length) {
    fail(
      `expected ${plan.documents.length} responses, got ${Array.isArray(responses) ? responses.length : typeof responses}`
    );
  }
  const subqueries = subqueriesOf(plan);
  const results = {};
  const warnings = [];
  const unavailable = [];
  const wholeFailures = [];
  plan.documents.forEach((document, i) => {
    const response = responses[i] || {};
    const messages = responseErrors(response);
    const read = readResponse(document, response, subqueries);
    const failedAliases =
      messages.length && !response.data
        ? document.aliases
        : document.aliases.filter((alias) => read[alias].missing);
    if (!failedAliases.length) {
      for (const m of messages) warnings.push(`${document.operationName}: ${m}`);
      Object.assign(results, read);
      return;
    }
    const { reason, others } = failureReason(response, failedAliases);
    for (const m of others) warnings.push(`${document.operationName}: ${m}`);
    for (const alias of document.aliases)
      results[alias] = failedAliases.includes(alias)
        ? { ...read[alias], failed: reason }
        : read[alias];
    unavailable.push({
      operationName: document.operationName,
      group: document.group,
      panels: panelsOf(plan.specs.filter((spec) => failedAliases.includes(spec.alias))),
      reason
    });
    if (failedAliases.length === document.aliases.length)
      wholeFailures.push({ document, reason, errors: response.errors || [] });
  });
  if (wholeFailures.length === plan.documents.length) {
    const err = new Error(
      wholeFailures.map((f) => `${f.document.operationName} failed: ${f.reason}`).join('; ')
    );
    // @ts-ignore the GraphQL errors travel with the Error for reduceErrors-style helpers
    err.errors = wholeFailures.flatMap((f) => f.errors);
    throw err;
  }
  runLocalSpecs(plan, plan.localRecords || {}, results);
  return buildModel(plan, results, warnings, unavailable);
}

/**
 * The review model computed from plain records (same specs, run locally): the numbers equal those from
 * the org's responses for the same data.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Object<string, Array<object>>} records by object API name (a sample-data file's `records`)
 * @returns {object} review model
 */
export function reviewModelFromRecords(plan, records) {
  const results = {};
  const index = createIndex(records);
  for (const spec of plan.specs) {
    if (spec.local) continue;
    results[spec.alias] =
      spec.kind === 'records'
        ? runRecordQuery(spec, records, plan.variables, index)
        : runAggregate(spec, records, plan.variables, index);
  }
  runLocalSpecs(plan, plan.localRecords || {}, results);
  return buildModel(plan, results, [], []);
}

/**
 * What the org answers to each document of a plan, computed from plain records with the same specs
 * (`c/recordQueries`), in the UI API's JSON shape under the document's aliases: for benchmarks and
 * test fixtures, where no org answers.
 * @param {object} plan from {@link buildReviewPlan}
 * @param {Object<string, Array<object>>} records by object API name
 * @returns {Array<{ data: { uiapi: { aggregate?: object, query?: object } }, errors: Array<object> }>}
 */
export function responsesFromRecords(plan, records) {
  const index = createIndex(records);
  return plan.documents.map((document) => {
    const uiapi = {};
    for (const spec of plan.specs) {
      if (spec.local || !document.aliases.includes(spec.alias)) continue;
      if (spec.kind === 'records') {
        const result = runRecordQuery(spec, records, plan.variables, index);
        uiapi.query = uiapi.query || {};
        uiapi.query[spec.alias] = toRecordConnection(
          result.records,
          spec.object,
          result.hasNextPage
        );
      } else {
        const result = runAggregate(spec, records, plan.variables, index);
        uiapi.aggregate = uiapi.aggregate || {};
        uiapi.aggregate[spec.alias] = toAggregateConnection(
          result.rows,
          spec.object,
          result.hasNextPage
        );
      }
    }
    return { data: { uiapi }, errors: [] };
  });
}
