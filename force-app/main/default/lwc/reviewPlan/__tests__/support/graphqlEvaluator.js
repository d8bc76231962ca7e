/**
 * Test support: answers a UI API GraphQL document from plain records, the way the org does, so tests can
 * check the documents the engine renders (text, variables, aliases) independently of `c/recordQueries`.
 * Parses with graphql-js and walks the AST itself: it implements only the documented subset the engine
 * uses (aggregate with where/groupBy/first, record queries with where/orderBy/first, eq/ne/lt/lte/gt/gte/
 * in/nin, and/or, `{ value }` date inputs, parent-relationship filters, ninq anti-joins), answers under
 * the aliases the document gives (subqueries and fields alike), and rejects what real orgs reject:
 * a date function in a groupBy, grouping a field the UI API does not group (DateTime, currency,
 * percent, number), and the fields that real orgs hide by default (Opportunity.ExpectedRevenue,
 * Task.Type, Event.Type), with Salesforce's kind of validation message.
 */
const { parse, Kind } = require('graphql');
const { OBJECT_FIELDS } = require('c/criteria');

/** Field types that `<Object>_GroupBy` leaves out (DateTime takes a function only, which Pacer never sends). */
const UNGROUPABLE = new Set(['datetime', 'currency', 'percent', 'double']);
/** Fields absent from real orgs' schemas for a user without explicit field-level security. */
const HIDDEN = { Opportunity: ['ExpectedRevenue'], Task: ['Type'], Event: ['Type'] };

function invalid(kind, path, detail) {
  // graphql-java's wording, which Salesforce's GraphQL API answers with (localorg/README.md).
  const error = new Error(`Validation error of type ${kind}: ${detail} @ '${path}'`);
  error.graphql = true;
  return error;
}

function checkField(object, name, path) {
  if ((HIDDEN[object] || []).includes(name))
    throw invalid(
      'FieldUndefined',
      `${path}/${name}`,
      `Field '${name}' in type '${object}' is undefined`
    );
}

const RELATIONSHIPS = {
  OpportunityHistory: { Opportunity: { object: 'Opportunity', idField: 'OpportunityId' } },
  Opportunity: { Account: { object: 'Account', idField: 'AccountId' } },
  SPM_Action__c: {
    Opportunity__r: { object: 'Opportunity', idField: 'Opportunity__c' },
    Account__r: { object: 'Account', idField: 'Account__c' }
  }
};

function valueOf(node, variables) {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT: {
      const out = {};
      for (const f of node.fields) out[f.name.value] = valueOf(f.value, variables);
      return out;
    }
    default:
      throw new Error(`Unsupported value kind ${node.kind}`);
  }
}

function field(record, name) {
  const v = record[name];
  return v === undefined ? null : v;
}

function norm(v) {
  if (typeof v === 'string') {
    // Instants compare as instants, everything else as text (ignoring case, like SOQL).
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v).toISOString();
    return v.toLowerCase();
  }
  return v;
}

function unwrap(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? v.value : v;
}

function matches(record, object, where, data) {
  if (!where) return true;
  for (const [key, cond] of Object.entries(where)) {
    if (key === 'and') {
      if (!cond.every((w) => matches(record, object, w, data))) return false;
      continue;
    }
    if (key === 'or') {
      if (!cond.some((w) => matches(record, object, w, data))) return false;
      continue;
    }
    const rel = RELATIONSHIPS[object] && RELATIONSHIPS[object][key];
    if (rel) {
      const parent = (data[rel.object] || []).find((r) => r.Id === record[rel.idField]);
      if (!parent || !matches(parent, rel.object, cond, data)) return false;
      continue;
    }
    checkField(object, key, `uiapi/${object}/where`);
    const actual = field(record, key);
    for (const [op, rawTarget] of Object.entries(cond)) {
      if (op === 'ninq' || op === 'inq') {
        const [joinObject] = Object.keys(rawTarget).filter((k) => k !== 'ApiName');
        const keys = new Set(
          (data[joinObject] || [])
            .filter((r) => matches(r, joinObject, rawTarget[joinObject], data))
            .map((r) => r[rawTarget.ApiName])
        );
        const hit = keys.has(actual);
        if (op === 'inq' ? !hit : hit) return false;
        continue;
      }
      const target = Array.isArray(rawTarget) ? rawTarget.map(unwrap) : unwrap(rawTarget);
      const a = actual === null ? null : norm(actual);
      let ok;
      if (op === 'eq') ok = target === null ? a === null : a === norm(target);
      else if (op === 'ne') ok = target === null ? a !== null : a !== norm(target);
      else if (op === 'in') ok = a !== null && target.map(norm).includes(a);
      else if (op === 'nin') ok = a === null || !target.map(norm).includes(a);
      else if (a === null || target === null) ok = false;
      else if (op === 'lt') ok = a < norm(target);
      else if (op === 'lte') ok = a <= norm(target);
      else if (op === 'gt') ok = a > norm(target);
      else if (op === 'gte') ok = a >= norm(target);
      else throw new Error(`Unsupported operator ${op}`);
      if (!ok) return false;
    }
  }
  return true;
}

function argsOf(fieldNode, variables) {
  const out = {};
  for (const arg of fieldNode.arguments || []) out[arg.name.value] = valueOf(arg.value, variables);
  return out;
}

function selections(node) {
  return (node.selectionSet ? node.selectionSet.selections : []).filter(
    (s) => s.kind === Kind.FIELD
  );
}

function child(node, name) {
  return selections(node).find((s) => s.name.value === name);
}

function aggregateConnection(object, fieldNode, data, variables) {
  const args = argsOf(fieldNode, variables);
  const groupBy = args.groupBy || {};
  const groupFields = Object.keys(groupBy);
  const path = `uiapi/aggregate/${object}`;
  for (const name of groupFields) {
    checkField(object, name, `${path}/groupBy`);
    const type = (OBJECT_FIELDS[object] || {})[name];
    if (UNGROUPABLE.has(type))
      throw invalid(
        'WrongType',
        path,
        `argument contains a field not in '${object}_GroupBy': '${name}'`
      );
    if (Object.keys(groupBy[name]).some((k) => k !== 'group'))
      throw invalid(
        'WrongType',
        path,
        `argument contains a field not in 'GroupByClause': '${Object.keys(groupBy[name]).join("', '")}'`
      );
  }
  const grouped = (r, name) => field(r, name);
  const rows = (data[object] || []).filter((r) => matches(r, object, args.where, data));
  const groups = new Map();
  for (const r of rows) {
    const key = JSON.stringify(groupFields.map((g) => grouped(r, g)));
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const aggNode = child(child(child(fieldNode, 'edges'), 'node'), 'aggregate');
  const edges = [...groups.values()].map((members) => {
    const aggregate = {};
    for (const sel of selections(aggNode)) {
      const name = sel.name.value;
      checkField(object, name, `${path}/edges/node/aggregate`);
      const out = {};
      for (const part of selections(sel)) {
        const fn = part.name.value;
        const values = members.map((m) => field(m, name)).filter((v) => v !== null);
        if (fn === 'value') out.value = grouped(members[0], name);
        else if (fn === 'count') out.count = { value: values.length };
        else if (fn === 'countDistinct') out.countDistinct = { value: new Set(values).size };
        else if (fn === 'sum')
          out.sum = { value: values.length ? values.reduce((t, v) => t + v, 0) : null };
        else throw new Error(`Unsupported aggregate function ${fn}`);
      }
      aggregate[sel.alias ? sel.alias.value : name] = out;
    }
    return { node: { aggregate } };
  });
  const first = args.first || 10;
  return { edges: edges.slice(0, first), pageInfo: { hasNextPage: edges.length > first } };
}

function compare(a, b) {
  if (a === b) return 0;
  return norm(a) < norm(b) ? -1 : 1;
}

function recordNode(record, object, nodeSel, data) {
  const out = {};
  for (const sel of selections(nodeSel)) {
    const name = sel.name.value;
    const key = sel.alias ? sel.alias.value : name;
    checkField(object, name, `uiapi/query/${object}/edges/node`);
    if (name === 'Id') out[key] = record.Id;
    else if (child(sel, 'value')) out[key] = { value: field(record, name) };
    else {
      const rel = RELATIONSHIPS[object][name];
      const parent = (data[rel.object] || []).find((r) => r.Id === record[rel.idField]);
      out[key] = parent ? recordNode(parent, rel.object, sel, data) : null;
    }
  }
  return out;
}

function recordConnection(object, fieldNode, data, variables) {
  const args = argsOf(fieldNode, variables);
  const rows = (data[object] || []).filter((r) => matches(r, object, args.where, data));
  const orders = Object.entries(args.orderBy || {});
  rows.sort((x, y) => {
    for (const [name, spec] of orders) {
      const a = field(x, name);
      const b = field(y, name);
      if (a === null || b === null) {
        if (a === b) continue;
        const nullsFirst = spec.nulls ? spec.nulls === 'FIRST' : spec.order !== 'DESC';
        return (a === null) === nullsFirst ? -1 : 1;
      }
      const c = compare(a, b);
      if (c) return spec.order === 'DESC' ? -c : c;
    }
    return 0;
  });
  const first = args.first || 10;
  const nodeSel = child(child(fieldNode, 'edges'), 'node');
  return {
    edges: rows.slice(0, first).map((r) => ({ node: recordNode(r, object, nodeSel, data) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: null }
  };
}

/**
 * Executes one document against records by object API name.
 * @param {string} query GraphQL text
 * @param {object} variables
 * @param {Object<string, Array<object>>} data
 * @returns {{ data: { uiapi: { aggregate?: object, query?: object } } }}
 */
function executeDocument(query, variables, data) {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const uiapi = child(op, 'uiapi');
  const out = {};
  try {
    for (const block of selections(uiapi)) {
      const kind = block.name.value;
      if (kind === 'currentUser')
        throw invalid(
          'FieldUndefined',
          'uiapi/currentUser',
          "Field 'currentUser' in type 'UIAPI' is undefined"
        );
      out[kind] = {};
      for (const sub of selections(block)) {
        const alias = sub.alias ? sub.alias.value : sub.name.value;
        out[kind][alias] =
          kind === 'aggregate'
            ? aggregateConnection(sub.name.value, sub, data, variables)
            : recordConnection(sub.name.value, sub, data, variables);
      }
    }
  } catch (error) {
    // A validation error fails the whole document, as in the org: errors and no data.
    if (!error.graphql) throw error;
    return { data: null, errors: [{ message: error.message, locations: [] }] };
  }
  return { data: { uiapi: out }, errors: [] };
}

/**
 * Answers every document of a review plan (as the org would), in order.
 * @param {{ documents: Array<{ query: string, variables: object }> }} plan
 * @param {Object<string, Array<object>>} data
 */
function answerPlan(plan, data) {
  return plan.documents.map((d) => executeDocument(d.query, d.variables, data));
}

/**
 * The measures one consumer of a spec reads, summed per owner (or under '*' without owner).
 * @param {{ owner: string|null }} spec
 * @param {{ select: object }} consumer
 * @param {Array<object>} rows flattened aggregate rows
 * @returns {Object<string, Object<string, number>>}
 */
function consumerTotals(spec, consumer, rows) {
  const out = {};
  for (const row of rows) {
    if (!Object.entries(consumer.select).every(([k, v]) => row[k] === v)) continue;
    const owner = spec.owner ? row[spec.owner] : '*';
    out[owner] = out[owner] || {};
    for (const [key, value] of Object.entries(row)) {
      if (!key.includes('(')) continue;
      out[owner][key] = (out[owner][key] || 0) + (value || 0);
    }
  }
  return out;
}

/**
 * The measures each need reads, summed per owner, over merged specs: a need's own consumer totals
 * plus its parts' (c/queryCompiler expandDerived) turned into the derived measure.
 * @param {Array<object>} specs merged, with aliases
 * @param {(spec: object) => Array<object>} rowsOfSpec the flattened rows of a spec
 * @returns {Map<string, Object<string, Object<string, number>>>} need id → owner → measure → total
 */
function needTotals(specs, rowsOfSpec) {
  const out = new Map();
  const add = (needId, totals, rename) => {
    const into = out.get(needId) || {};
    for (const [owner, measures] of Object.entries(totals)) {
      into[owner] = into[owner] || {};
      for (const [key, value] of Object.entries(measures)) {
        const [name, v] = rename ? rename(key, value) : [key, value];
        if (name) into[owner][name] = (into[owner][name] || 0) + v;
      }
    }
    out.set(needId, into);
  };
  for (const spec of specs) {
    const rows = rowsOfSpec(spec);
    for (const consumer of spec.consumers) {
      const totals = consumerTotals(spec, consumer, rows);
      const { need } = consumer;
      if (!need.partOf) {
        add(need.id, totals);
        continue;
      }
      const d = need.derived;
      add(need.partOf, totals, (key, value) => {
        return key === d.from ? [d.key, (value * d.multiplier) / d.divisor] : [null, 0];
      });
    }
  }
  return out;
}

module.exports = { executeDocument, answerPlan, consumerTotals, needTotals };
