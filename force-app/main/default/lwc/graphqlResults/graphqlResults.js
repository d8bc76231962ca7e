/**
 * Flattens UI API GraphQL responses once, into the plain shapes the rest of the engine uses:
 * records `{ Id, StageName: 'Prospecting', Account: { Id, Name } }` and aggregate rows
 * `{ OwnerId: '005…', StageName: '…', 'count(Id)': 4, 'sum(Amount)': 1000 }`.
 * Metric code never sees `edges`, `node` or `{ value }`, nor the aliases that documents give custom
 * fields (`MonthStart: Month_Start__c { value }`): given the object, every key is read back to its API
 * name, so rows and records stay keyed by API names. The inverse ({@link toAggregateConnection},
 * {@link toRecordConnection}) shapes rows and records as the org answers a Pacer document.
 */
import { RELATIONSHIPS, apiNames, fieldAlias } from 'c/criteria';

const AGGREGATE_FUNCTIONS = ['count', 'countDistinct', 'sum', 'avg', 'min', 'max'];

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function apiNameOf(object, key) {
  if (!object) return key;
  return apiNames(object).get(key) || key;
}

function parentObject(object, relationship) {
  const relation = object && RELATIONSHIPS[object] && RELATIONSHIPS[object][relationship];
  return relation ? relation.object : undefined;
}

/**
 * One record node → a flat record: `{ value }` wrappers removed, parents flattened recursively.
 * @param {object} node GraphQL record node
 * @param {string} [object] API name of the node's object: aliased keys are read back to API names
 * @returns {object}
 */
export function flattenRecord(node, object) {
  const out = {};
  for (const [key, field] of Object.entries(node || {})) {
    if (key === '__typename') continue;
    const name = apiNameOf(object, key);
    if (!isObject(field)) {
      out[name] = field === undefined ? null : field;
    } else if ('value' in field) {
      out[name] = field.value === undefined ? null : field.value;
    } else if ('edges' in field) {
      out[name] = flattenConnection(field);
    } else {
      out[name] = flattenRecord(field, parentObject(object, name));
    }
  }
  return out;
}

/**
 * A record connection → its records, in order.
 * @param {{ edges?: Array<{ node: object }> }} connection
 * @param {string} [object] API name of the records' object (see {@link flattenRecord})
 * @returns {Array<object>}
 */
export function flattenConnection(connection, object) {
  return ((connection && connection.edges) || []).map((edge) => flattenRecord(edge.node, object));
}

function toNumber(value) {
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  return value;
}

/**
 * An aggregate connection → rows: grouped fields by name, measures as `fn(Field)`.
 * @param {{ edges?: Array<{ node: { aggregate: object } }> }} connection
 * @param {string} [object] API name of the aggregated object: aliased keys are read back to API names
 * @returns {Array<object>}
 */
export function flattenAggregate(connection, object) {
  return ((connection && connection.edges) || []).map((edge) => {
    const row = {};
    const aggregate = (edge.node && edge.node.aggregate) || {};
    for (const [key, result] of Object.entries(aggregate)) {
      if (!isObject(result)) continue;
      const field = apiNameOf(object, key);
      if ('value' in result) row[field] = result.value === undefined ? null : result.value;
      for (const fn of AGGREGATE_FUNCTIONS) {
        if (isObject(result[fn])) {
          const v = result[fn].value;
          row[`${fn}(${field})`] = v === undefined ? null : toNumber(v);
        }
      }
    }
    return row;
  });
}

/**
 * The GraphQL errors of a response as readable messages (empty when none).
 * @param {{ errors?: Array<{ message?: string, path?: Array<string|number> }> }} response
 * @returns {string[]}
 */
export function responseErrors(response) {
  return ((response && response.errors) || []).map((e) => {
    const message = e.message || String(e);
    return e.path && e.path.length ? `${message} (at ${e.path.join('.')})` : message;
  });
}

/**
 * Reads every alias of a document out of its response. An alias that the response lacks (or holds
 * as null) is marked `missing`: its subquery failed or was not answered.
 * @param {{ aliases: string[] }} document as made by c/queryCompiler
 * @param {{ data?: object }} response the parsed JSON response (or the wire adapter's `{ data, errors }`)
 * @param {Object<string, { kind: 'aggregate'|'records', object?: string }>} subqueries alias → what
 *   the subquery is: its kind, and its object (to read aliased fields back to API names)
 * @returns {Object<string, { rows?: Array<object>, records?: Array<object>, hasNextPage: boolean, missing?: boolean }>}
 */
export function readResponse(document, response, subqueries) {
  const uiapi = (response && response.data && response.data.uiapi) || {};
  const out = {};
  for (const alias of document.aliases) {
    const { kind, object } = subqueries[alias] || {};
    const container = kind === 'records' ? uiapi.query : uiapi.aggregate;
    const connection = container ? container[alias] : undefined;
    if (connection === undefined || connection === null) {
      out[alias] =
        kind === 'records'
          ? { records: [], hasNextPage: false, missing: true }
          : { rows: [], hasNextPage: false, missing: true };
      continue;
    }
    const hasNextPage = Boolean(connection.pageInfo && connection.pageInfo.hasNextPage);
    out[alias] =
      kind === 'records'
        ? { records: flattenConnection(connection, object), hasNextPage }
        : { rows: flattenAggregate(connection, object), hasNextPage };
  }
  return out;
}

/**
 * Aggregate rows (`{ OwnerId, 'sum(Amount)': 10 }`) as the org answers a Pacer document's aggregate
 * subquery: the inverse of {@link flattenAggregate}, custom fields under their aliases.
 * @param {Array<object>} rows
 * @param {string} object API name of the aggregated object
 * @param {boolean} [hasNextPage]
 * @returns {{ edges: Array<{ node: { aggregate: object } }>, pageInfo: { hasNextPage: boolean } }}
 */
export function toAggregateConnection(rows, object, hasNextPage) {
  return {
    edges: rows.map((row) => {
      const aggregate = {};
      for (const [key, value] of Object.entries(row)) {
        const match = /^(\w+)\((.+)\)$/.exec(key);
        const field = fieldAlias(match ? match[2] : key);
        const entry = aggregate[field] || (aggregate[field] = {});
        if (match) entry[match[1]] = { value };
        else entry.value = value;
      }
      return { node: { aggregate } };
    }),
    pageInfo: { hasNextPage: Boolean(hasNextPage) }
  };
}

function toRecordNode(record, object) {
  const node = {};
  for (const [key, value] of Object.entries(record)) {
    const parent = parentObject(object, key);
    if (key === 'Id') node.Id = value;
    else if (isObject(value)) node[fieldAlias(key)] = toRecordNode(value, parent);
    else if (parent) node[fieldAlias(key)] = null;
    else node[fieldAlias(key)] = { value: value === undefined ? null : value };
  }
  return node;
}

/**
 * Flat records as the org answers a Pacer document's record subquery: the inverse of
 * {@link flattenConnection}, custom fields and relationships under their aliases.
 * @param {Array<object>} records
 * @param {string} object API name of the records' object
 * @param {boolean} [hasNextPage]
 * @returns {{ edges: Array<{ node: object }>, pageInfo: { hasNextPage: boolean, endCursor: null } }}
 */
export function toRecordConnection(records, object, hasNextPage) {
  return {
    edges: records.map((record) => ({ node: toRecordNode(record, object) })),
    pageInfo: { hasNextPage: Boolean(hasNextPage), endCursor: null }
  };
}
