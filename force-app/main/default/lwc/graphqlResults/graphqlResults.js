/**
 * Flattens UI API GraphQL responses once, into the plain shapes the rest of the engine uses:
 * records `{ Id, StageName: 'Prospecting', Account: { Id, Name } }` (CONTRACT.md's record shape) and
 * aggregate rows `{ OwnerId: '005…', StageName: '…', 'count(Id)': 4, 'sum(Amount)': 1000 }`.
 * Metric code never sees `edges`, `node` or `{ value }`.
 */

const AGGREGATE_FUNCTIONS = ['count', 'countDistinct', 'sum', 'avg', 'min', 'max'];

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * One record node → a flat record: `{ value }` wrappers removed, parents flattened recursively.
 * @param {object} node GraphQL record node
 * @returns {object}
 */
export function flattenRecord(node) {
  const out = {};
  for (const [key, field] of Object.entries(node || {})) {
    if (key === '__typename') continue;
    if (!isObject(field)) {
      out[key] = field === undefined ? null : field;
    } else if ('value' in field) {
      out[key] = field.value === undefined ? null : field.value;
    } else if ('edges' in field) {
      out[key] = flattenConnection(field);
    } else {
      out[key] = flattenRecord(field);
    }
  }
  return out;
}

/**
 * A record connection → its records, in order.
 * @param {{ edges?: Array<{ node: object }> }} connection
 * @returns {Array<object>}
 */
export function flattenConnection(connection) {
  return ((connection && connection.edges) || []).map((edge) => flattenRecord(edge.node));
}

function toNumber(value) {
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  return value;
}

/**
 * An aggregate connection → rows: grouped fields by name, measures as `fn(Field)`.
 * @param {{ edges?: Array<{ node: { aggregate: object } }> }} connection
 * @returns {Array<object>}
 */
export function flattenAggregate(connection) {
  return ((connection && connection.edges) || []).map((edge) => {
    const row = {};
    const aggregate = (edge.node && edge.node.aggregate) || {};
    for (const [field, result] of Object.entries(aggregate)) {
      if (!isObject(result)) continue;
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
 * Reads every alias of a document out of its response.
 * @param {{ aliases: string[] }} document as made by c/queryCompiler
 * @param {{ data?: object }} response the parsed JSON response (or the wire adapter's `{ data, errors }`)
 * @param {Object<string, 'aggregate'|'records'>} kinds alias → kind
 * @returns {Object<string, { rows?: Array<object>, records?: Array<object>, hasNextPage: boolean, missing?: boolean }>}
 */
export function readResponse(document, response, kinds) {
  const uiapi = (response && response.data && response.data.uiapi) || {};
  const out = {};
  for (const alias of document.aliases) {
    const kind = kinds[alias];
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
        ? { records: flattenConnection(connection), hasNextPage }
        : { rows: flattenAggregate(connection), hasNextPage };
  }
  return out;
}
