/**
 * The two shapes of a need (one number or list the review wants, before the compiler merges needs
 * into subqueries, c/queryCompiler mergeSpecs): an aggregate grouped by owner, or a small record list.
 * Each need is built whole: its scope (owner, and the account of an account's review), its own date
 * window (`window`, see c/queryCompiler windowCondition) and the rest of its filter; nothing rewrites
 * a need after it is built.
 */
import { and, cmp, variable } from 'c/criteria';
import { OWNER_FIELDS, scopeCondition, windowCondition } from 'c/queryCompiler';
import { NEED_PANELS } from './panels';

/** Whether a need on this object is filtered by owner (objects without an owner field scope themselves). */
function scoped(object, owned) {
  return owned !== false && Boolean(OWNER_FIELDS[object]);
}

/** How many records. */
export const COUNT = { fn: 'count', field: 'Id' };
/** Their amount. */
export const AMOUNT = { fn: 'sum', field: 'Amount' };
/** Their minutes (Events: customer-facing time). */
export const MINUTES = { fn: 'sum', field: 'DurationInMinutes' };

/**
 * A call made: a Task of subtype Call, completed (docs/engine.md, "Definitions every number follows");
 * a call planned or not started yet is not activity.
 */
export function callCondition() {
  return and(cmp('TaskSubtype', 'eq', 'Call'), cmp('Status', 'eq', 'Completed'));
}

/** A meeting held: an Event dated before the review day (one dated from it on is planned). */
export function heldCondition() {
  return cmp('ActivityDate', 'lt', variable('asOf'));
}

/**
 * An aggregate need on an object, grouped by its owner.
 * @param {object} context the plan's context (its `accountId` scopes the need)
 * @param {{ id: string, object: string, where?: object, window?: object|Array<object>|null,
 *   dims?: string[], measures: Array<object>, family?: string, label?: string, local?: boolean,
 *   people?: boolean, owned?: boolean, priority?: number }} spec `people`: owned by anyone in the
 *   hierarchy (`$peopleIds`, for targets) rather than the subjects; `owned: false`: the need scopes
 *   itself (a join through a parent)
 * @returns {object} need
 */
export function aggregateNeed(context, spec) {
  const { id, object, where, window, dims, measures, people, owned, ...extra } = spec;
  return {
    id,
    label: id,
    kind: 'aggregate',
    object,
    owner: OWNER_FIELDS[object] || null,
    window: window || null,
    where: and(
      scoped(object, owned)
        ? scopeCondition(object, context, people ? 'peopleIds' : undefined)
        : null,
      where,
      windowCondition(object, window)
    ),
    dims: dims || [],
    measures,
    priority: 0,
    panels: NEED_PANELS[extra.family || id],
    ...extra
  };
}

/**
 * A record-list need, in a stable order (its `orderBy`, then Id).
 * @param {object} context the plan's context
 * @param {{ id: string, object: string, where?: object, window?: object|null, fields: string[],
 *   orderBy: Array<object>, first: number, priority?: number, owned?: boolean }} spec
 *   `owned: false` for a list not filtered by owner (the past reviews, by subject)
 * @returns {object} need
 */
export function recordsNeed(context, spec) {
  const { id, object, where, window, fields, orderBy, first, priority, owned } = spec;
  return {
    id,
    label: id,
    kind: 'records',
    object,
    window: window || null,
    where: and(
      scoped(object, owned) ? scopeCondition(object, context) : null,
      where,
      windowCondition(object, window)
    ),
    fields,
    orderBy: [...orderBy, { field: 'Id', order: 'ASC' }],
    first,
    priority: priority || 0,
    panels: NEED_PANELS[id]
  };
}
