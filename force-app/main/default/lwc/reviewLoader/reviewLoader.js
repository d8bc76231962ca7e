/**
 * Loading a review plan in a container (the Performance Review workspace, the coaching panel's "my
 * numbers"): the review day, the settings every plan shares, the plan's documents parsed for the
 * `lightning/graphql` wires, the wires' results collected into the review model, and changes to the
 * model's open actions.
 *
 * Pure functions: the wires stay declared in each component (a `@wire` cannot be shared), which hands
 * each result to {@link collectResponse} and keeps what it returns.
 */
import { gql } from 'lightning/graphql';
import { reviewModelFromResponses } from 'c/reviewPlan';
import { todayIn } from 'c/formatters';
import { reduceErrors } from 'c/errors';

/** Days without an update after which an open opportunity is flagged, when none is set. */
export const DEFAULT_STALE_DAYS = 60;

/** What a plan wire holds when the plan has no document at its place: nothing, so nothing is sent. */
const IDLE_DOCUMENT = Object.freeze({
  query: undefined,
  variables: undefined,
  operationName: undefined
});

/**
 * The day a review is for: the `asOf` design attribute, or today in the given time zone when empty.
 * @param {string} [asOf] 'YYYY-MM-DD'
 * @param {string} timeZone IANA time zone, e.g. the user's (`@salesforce/i18n/timeZone`)
 * @returns {string} 'YYYY-MM-DD'
 */
export function reviewDay(asOf, timeZone) {
  return asOf || todayIn(timeZone);
}

/**
 * The first month of the fiscal year from a design attribute (a number or its text): 1 when unset.
 * @param {number|string} [fiscalYearStartMonth]
 * @returns {number}
 */
export function fiscalStartOf(fiscalYearStartMonth) {
  return Number(fiscalYearStartMonth) || 1;
}

/**
 * The part of `buildReviewPlan`'s input that every container sets the same way from its design
 * attributes; each adds its own subjects, users, KPI menu, stage policy, period type, last review date
 * (and targets).
 * @param {{asOf: (string|undefined), fiscalYearStartMonth: (number|string|undefined),
 *   staleDays: (number|string|undefined)}} attributes the container's design attributes (the
 *   component itself): staleDays is {@link DEFAULT_STALE_DAYS} when unset
 * @param {string} timeZone the org's time zone, also the one of "today" ({@link reviewDay})
 * @param {string} currency the currency of amounts
 * @returns {{asOf: string, orgTimeZone: string, fiscalYearStartMonth: number, currency: string,
 *   options: {staleDays: number}}}
 */
export function planSettings(attributes, timeZone, currency) {
  return {
    asOf: reviewDay(attributes.asOf, timeZone),
    orgTimeZone: timeZone,
    fiscalYearStartMonth: fiscalStartOf(attributes.fiscalYearStartMonth),
    currency,
    options: { staleDays: Number(attributes.staleDays) || DEFAULT_STALE_DAYS }
  };
}

/**
 * What a panel's `error` takes: the messages of an error of any shape (`reduceErrors`), or undefined
 * when there is none (the panel then shows its model or its loading state).
 * @param {*} errors GraphQL errors, an Error, a UI API error …, or undefined
 * @returns {Array<string>|undefined}
 */
export function errorMessages(errors) {
  const messages = reduceErrors(errors);
  return messages.length ? messages : undefined;
}

/**
 * A plan's documents as the wires take them, each parsed once with `gql` (the wire then sees the same
 * document on every render): `{ operationName, query, variables }`, in the plan's order.
 * @param {{documents: Array<{operationName: string, query: string, variables: object}>}} plan
 * @returns {Array<{operationName: string, query: object, variables: object}>}
 */
export function planDocuments(plan) {
  return plan.documents.map((doc) => ({
    operationName: doc.operationName,
    query: gql`
      ${doc.query}
    `,
    variables: doc.variables
  }));
}

/**
 * The document that the plan wire at `index` holds: the parsed document, or an idle one (query,
 * variables and operation name undefined) when the plan has fewer documents. A review plan never has
 * more than two (c/reviewPlan MAX_DOCUMENTS), so two wires load any plan.
 * @param {Array<object>} documents from {@link planDocuments}
 * @param {number} index 0-based
 * @returns {{query: (object|undefined), variables: (object|undefined), operationName: (string|undefined)}}
 */
export function documentAt(documents, index) {
  return documents[index] || IDLE_DOCUMENT;
}

/**
 * The review model of a plan from its responses, or the error that stopped it.
 * @param {object} plan from `buildReviewPlan`
 * @param {Array<{data: object, errors: (Array|undefined)}>} responses one per document, in order
 * @returns {{model: object}|{errors: *}}
 */
export function modelOrErrors(plan, responses) {
  try {
    return { model: reviewModelFromResponses(plan, responses) };
  } catch (error) {
    return { errors: error };
  }
}

/**
 * What one plan wire's result means. The container keeps each key that is present:
 * - `null`: the result is not for the current plan (no plan yet, or no document at this place): ignore it;
 * - `{}`: no data and no errors yet (loading): nothing changes;
 * - `{ errors }`: the request failed (errors without data); the responses are unchanged;
 * - `{ responses }`: the data is kept at its place; the other documents are still loading;
 * - `{ responses, model }` or `{ responses, errors }`: every document answered, and the model is
 *   built ({@link modelOrErrors}).
 * @param {{plan: (object|undefined), documents: Array<object>, responses: Array<object>}} state
 * @param {number} index the wire's place, 0-based
 * @param {{data: (object|undefined), errors: (Array|undefined)}} result the wire's value
 * @returns {null|{responses?: Array<object>, model?: object, errors?: *}}
 */
export function collectResponse(state, index, result) {
  const { plan, documents, responses } = state;
  if (!plan || index >= documents.length) {
    return null;
  }
  const { data, errors } = result;
  if (errors && !data) {
    return { errors };
  }
  if (!data) {
    return {};
  }
  const collected = responses.slice();
  collected[index] = { data, errors };
  if (!documents.every((doc, i) => collected[i])) {
    return { responses: collected };
  }
  return { responses: collected, ...modelOrErrors(plan, collected) };
}

/**
 * The model with its open actions changed (an action created or closed in a panel): a new model, the
 * given one untouched.
 * @param {object} model review model
 * @param {function(Array<object>): Array<object>} change from the current actions to the new ones
 * @returns {object}
 */
export function withActions(model, change) {
  const lists = model.lists || {};
  return { ...model, lists: { ...lists, actions: change(lists.actions || []) } };
}
