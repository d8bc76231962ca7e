/**
 * Loading a review plan in a container (the Performance Review workspace, the coaching panel's "my
 * numbers"): the review day, the settings every plan shares, the plan's documents parsed for the
 * `lightning/graphql` wires, the wires' results collected into the review model, and changes to the
 * model's open actions.
 *
 * Pure functions. A container renders one c-spm-plan-document (one wire) per document of its plan and
 * hands each result to {@link collectResponse}, keeping what it returns: a plan of any number of
 * documents is sent at once, in one round trip.
 */
import { gql } from 'lightning/graphql';
import { reviewModelFromResponses } from 'c/reviewModel';
import { todayIn } from 'c/formatters';
import { reduceErrors } from 'c/errors';

/** Days without an update after which an open opportunity is flagged, when none is set. */
export const DEFAULT_STALE_DAYS = 60;

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
 * document on every render): `{ key, operationName, query, variables }`, in the plan's order. `key` is
 * unique to this plan (the container numbers its plans): a new plan renders new loaders, and an answer
 * to an earlier plan's document matches no document of the current one ({@link documentIndex}).
 * @param {{documents: Array<{operationName: string, query: string, variables: object}>}} plan
 * @param {number} [serial] the container's count of plans so far
 * @returns {Array<{key: string, operationName: string, query: object, variables: object}>}
 */
export function planDocuments(plan, serial = 0) {
  return plan.documents.map((doc, index) => ({
    key: `${serial}:${index}:${doc.operationName}`,
    operationName: doc.operationName,
    query: gql`
      ${doc.query}
    `,
    variables: doc.variables
  }));
}

/**
 * The place of an answered document among the current plan's documents, by key (components see each
 * other's objects through proxies, so identity cannot tell): -1 for a document of an earlier plan.
 * @param {Array<{key: string}>} documents from {@link planDocuments}
 * @param {{key: string}|undefined} answered the document named by a c-spm-plan-document result
 * @returns {number}
 */
export function documentIndex(documents, answered) {
  const key = answered && answered.key;
  return documents.findIndex((doc) => doc.key === key);
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
 * - `null`: the result is not for the current plan (no plan yet, or a document of an earlier plan,
 *   `index` -1): ignore it;
 * - `{}`: no data and no errors yet (loading): nothing changes;
 * - `{ responses }`: the answer is kept at its place, `{ data, errors }` — a document that failed as a
 *   whole (errors, no data) is an answer too; the other documents are still loading;
 * - `{ responses, model }` or `{ responses, errors }`: every document answered, and the model is
 *   built ({@link modelOrErrors}). The engine builds it without what failed, and says so
 *   (`model.unavailable`); only when every document failed is there no model but `errors`.
 * @param {{plan: (object|undefined), documents: Array<object>, responses: Array<object>}} state
 * @param {number} index the document's place in `documents`, 0-based
 * @param {{data: (object|undefined), errors: (Array|undefined)}} result the wire's value
 * @returns {null|{responses?: Array<object>, model?: object, errors?: *}}
 */
export function collectResponse(state, index, result) {
  const { plan, documents, responses } = state;
  if (!plan || index < 0 || index >= documents.length) {
    return null;
  }
  const { data, errors } = result;
  if (!data && !errors) {
    return {};
  }
  const collected = responses.slice();
  collected[index] = { data: data || null, errors };
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
