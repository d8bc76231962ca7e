/**
 * Compiles KPI definitions and the review's own needs into UI API GraphQL documents.
 *
 * Pipeline: definitions + scope → "needs" (one per number wanted: object, filter, grouping, measures)
 * → merged "specs" (needs on the same object whose filters differ only by equality on a boolean or
 * picklist field share one subquery, grouped by that field) → documents of one group each
 * ({@link SUBQUERY_GROUPS}), at most 10 subqueries per document → named documents with variables
 * (`uiapi { aggregate { … } query { … } }`).
 * The same specs run on plain records in `c/recordQueries`, so both paths give the same rows.
 *
 * Every document keeps to the UI API grammar as real orgs enforce it: Date, picklist, boolean, id and
 * number fields are grouped with `{ group: true }` only (no date function anywhere; DateTime fields,
 * which take only a function, are never grouped); fields hidden by default field-level security are
 * computed instead of read ({@link DERIVED_FIELDS} in c/criteria); custom fields are aliased in the
 * selections (c/criteria fieldAlias) and read back to API names by c/graphqlResults.
 */
import {
  OBJECT_FIELDS,
  RELATIONSHIPS,
  and,
  cmp,
  variable,
  isVariable,
  filterKey,
  variablesOf,
  derivedField,
  fieldAlias
} from 'c/criteria';
import { addDays, startOfDayUtc } from 'c/periods';
import { DEFINITION_OBJECTS } from 'c/kpiDefinitions';

/** The UI API's limit of subqueries (top-level object fields) in one request. */
export const MAX_SUBQUERIES = 10;
/**
 * The groups a review's subqueries travel in, one group per document, so that a construct the UI API
 * documents less well fails alone: 'core' (Opportunity, OpportunityHistory and custom-object
 * aggregates, and the record lists), 'activity' (Task and Event, Beta in the UI API), 'joins'
 * (aggregates filtered with an `inq`/`ninq` semi- or anti-join, undocumented inside aggregates).
 */
export const SUBQUERY_GROUPS = ['core', 'activity', 'joins'];
/** Objects whose subqueries travel in the 'activity' group. */
const ACTIVITY_OBJECTS = new Set(['Task', 'Event']);
/** Largest page the UI API returns for an aggregate query; groups grow with people × stages, far below it. */
const AGGREGATE_PAGE_SIZE = 2000;
/** Largest record list the review asks for. */
export const MAX_LIST_SIZE = 200;

const SPLIT_TYPES = new Set(['boolean', 'picklist']);
const DATE_TYPES = new Set(['date', 'datetime']);
const ALIAS_PATTERN = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The owner field of each object that Pacer groups by person. */
export const OWNER_FIELDS = {
  Opportunity: 'OwnerId',
  Task: 'OwnerId',
  Event: 'OwnerId',
  SPM_Action__c: 'OwnerId',
  SPM_Forecast_Snapshot__c: 'User__c',
  SPM_Target__c: 'Assignee__c'
};

/**
 * Variable values for the period and scope of a review: subject ids, people ids (subjects and their
 * managers, for targets), period bounds as days and as UTC instants (for DateTime fields).
 * @param {{ subjectUserIds: string[], peopleIds?: string[], period: { start: string, end: string }, orgTimeZone?: string }} context
 * @returns {Object<string, { type: string, value: * }>}
 */
export function scopeVariables(context) {
  const tz = context.orgTimeZone || 'UTC';
  return {
    userIds: { type: '[ID!]!', value: context.subjectUserIds },
    peopleIds: { type: '[ID!]!', value: context.peopleIds || context.subjectUserIds },
    periodStart: { type: 'Date', value: context.period.start },
    periodEnd: { type: 'Date', value: context.period.end },
    periodStartTime: { type: 'DateTime', value: startOfDayUtc(context.period.start, tz) },
    periodEndTime: { type: 'DateTime', value: startOfDayUtc(addDays(context.period.end, 1), tz) }
  };
}

/** The condition "owned by one of the scope's subjects". */
function ownerCondition(object, listVariable) {
  return cmp(OWNER_FIELDS[object], 'in', variable(listVariable || 'userIds'));
}

/** The field that ties a record of each object to an account, for an account-scoped review. */
const ACCOUNT_FIELDS = {
  Opportunity: 'AccountId',
  Task: 'AccountId',
  Event: 'AccountId',
  SPM_Action__c: 'Account__c'
};

/**
 * The condition "in the review's scope": owned by one of its people (`listVariable`, default the
 * subjects) and, when the review is of one account (`context.accountId`), on that account
 * (`$accountId`). Every need builds its filter from it, so nothing narrows a need afterwards.
 * @param {string} object
 * @param {{ accountId?: string|null }} context
 * @param {string} [listVariable] 'userIds' (default) or 'peopleIds'
 * @returns {object}
 */
export function scopeCondition(object, context, listVariable) {
  return and(ownerCondition(object, listVariable), accountCondition(object, context));
}

/**
 * The condition "on the review's account" (null for a review of people, or an object with no account).
 * @param {string} object
 * @param {{ accountId?: string|null }} context
 * @returns {object|null}
 */
function accountCondition(object, context) {
  return context && context.accountId && ACCOUNT_FIELDS[object]
    ? cmp(ACCOUNT_FIELDS[object], 'eq', variable('accountId'))
    : null;
}

/**
 * The condition of a need's date window(s): each `{ field, from, to }` names the variables of its
 * bounds (`from` ≤ field ≤ `to` on a Date field; on a DateTime field, from the start of the day
 * `from` to before the start of the day after `to`, read from the variables `<from>Time` and
 * `<to>Time`, as {@link scopeVariables} gives the period's). Either bound may be left out.
 * @param {string} object
 * @param {{ field: string, from?: string, to?: string }|Array<{ field: string, from?: string, to?: string }>|null} window
 * @returns {object}
 */
export function windowCondition(object, window) {
  const windows = Array.isArray(window) ? window : window ? [window] : [];
  return and(
    ...windows.flatMap(({ field, from, to }) => {
      const datetime = OBJECT_FIELDS[object][field] === 'datetime';
      return [
        from ? cmp(field, 'gte', variable(datetime ? `${from}Time` : from)) : null,
        to ? cmp(field, datetime ? 'lt' : 'lte', variable(datetime ? `${to}Time` : to)) : null
      ];
    })
  );
}

/** The review period as a need's date window on a field. */
export function periodWindow(field) {
  return { field, from: 'periodStart', to: 'periodEnd' };
}

function refVariableName(ref, days, type) {
  const offset = days ? `${days > 0 ? 'P' : 'M'}${Math.abs(days)}` : '';
  return `ref_${ref}${offset}${type === 'datetime' ? 'Time' : ''}`;
}

/**
 * Translates a definition filter (config JSON) into a filter tree; date references become variables
 * whose values are added to `refs` (name → { type, ref, days }).
 * @param {string} object
 * @param {object} filter definition filter
 * @param {Map<string, object>} refs collects the referenced dates
 * @returns {object}
 */
function definitionFilter(object, filter, refs) {
  if (!filter) return and();
  const nodes = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === 'or') {
      nodes.push({ or: condition.map((alt) => definitionFilter(object, alt, refs)) });
      continue;
    }
    const type = OBJECT_FIELDS[object][field];
    const toValue = (value) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && value.ref) {
        const name = refVariableName(value.ref, value.days || 0, type);
        refs.set(name, {
          type: type === 'datetime' ? 'DateTime' : 'Date',
          ref: value.ref,
          days: value.days || 0
        });
        return variable(name);
      }
      return value;
    };
    const isOps =
      condition !== null &&
      typeof condition === 'object' &&
      !Array.isArray(condition) &&
      !condition.ref;
    if (isOps) {
      for (const [op, value] of Object.entries(condition))
        nodes.push(cmp(field, op, toValue(value)));
    } else {
      nodes.push(cmp(field, 'eq', toValue(condition)));
    }
  }
  return and(...nodes);
}

/**
 * Values of date-reference variables collected by {@link definitionFilter}.
 * @param {Map<string, { type: string, ref: string, days: number }>} refs
 * @param {{ asOf: string, period: { start: string, end: string }, lastReviewDate: string, orgTimeZone?: string }} context
 * @returns {Object<string, { type: string, value: string }>}
 */
function refVariables(refs, context) {
  const base = {
    asOf: context.asOf,
    periodStart: context.period.start,
    periodEnd: context.period.end,
    lastReview: context.lastReviewDate
  };
  const out = {};
  for (const [name, ref] of refs) {
    const day = addDays(base[ref.ref], ref.days);
    out[name] = {
      type: ref.type,
      value: ref.type === 'DateTime' ? startOfDayUtc(day, context.orgTimeZone || 'UTC') : day
    };
  }
  return out;
}

/**
 * The needs of one count/sum/avg KPI: scope (owner, and account for an account's review), definition
 * filter, and its date window (the review period on its `dateField`, none for a state "as of" asOf).
 * @param {object} kpi menu entry with a count/sum/avg definition
 * @param {Map<string, object>} refs collects date references
 * @param {{ accountId?: string|null }} [context] the review's scope
 * @returns {object} need
 */
function kpiNeed(kpi, refs, context) {
  const def = kpi.definition;
  const window = def.dateField ? periodWindow(def.dateField) : null;
  const measures =
    def.measure === 'count'
      ? [{ fn: 'count', field: 'Id' }]
      : def.measure === 'sum'
        ? [{ fn: 'sum', field: def.field }]
        : [
            { fn: 'sum', field: def.field },
            { fn: 'count', field: def.field }
          ];
  return {
    id: `kpi:${kpi.key}`,
    label: kpi.key.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase()),
    kind: 'aggregate',
    object: def.object,
    owner: OWNER_FIELDS[def.object],
    window,
    where: and(
      scopeCondition(def.object, context),
      definitionFilter(def.object, def.filter, refs),
      windowCondition(def.object, window)
    ),
    dims: [],
    measures,
    priority: 1
  };
}

function isSplitLeaf(object, node) {
  if (!node || node.and || node.or || node.parent || node.op !== 'eq') return false;
  const type = OBJECT_FIELDS[object] ? OBJECT_FIELDS[object][node.field] : undefined;
  return (
    SPLIT_TYPES.has(type) &&
    node.value !== null &&
    !isVariable(node.value) &&
    typeof node.value !== 'object'
  );
}

function analyse(need) {
  const leaves = need.where && need.where.and ? need.where.and : need.where ? [need.where] : [];
  const splits = {};
  const rest = [];
  for (const leaf of leaves) {
    if (isSplitLeaf(need.object, leaf) && !(leaf.field in splits)) splits[leaf.field] = leaf.value;
    else rest.push(leaf);
  }
  return { splits, base: and(...rest) };
}

function uniqueMeasures(list) {
  const seen = new Map();
  for (const m of list) seen.set(`${m.fn}(${m.field})`, m);
  return [...seen.values()];
}

function measureKey(measure) {
  return `${measure.fn}(${measure.field})`;
}

/**
 * A need whose measures read a derived field (c/criteria DERIVED_FIELDS) is split: the need keeps
 * its other measures, and one "part" need per subquery the derived measure is computed from, each
 * marked `partOf` the need and saying how its rows become the derived column
 * (`derived: { key, from, multiplier, divisor }`: key = from × multiplier / divisor). For
 * `sum(ExpectedRevenue)`: seven parts `sum(Amount)` filtered by `Probability in S(k)`, multiplier 2ᵏ;
 * for `count(ExpectedRevenue)`: one part `count(Amount)` where Probability is set. Parts have the
 * need's owner, dimensions and splits, so they merge like any need (two KPIs' parts share subqueries).
 * @param {object} need
 * @returns {Array<object>} the need (unless only derived measures remain to it) and its parts
 */
export function expandDerived(need) {
  if (need.kind !== 'aggregate') return [need];
  const own = [];
  const parts = [];
  for (const m of need.measures) {
    const how = derivedField(need.object, m.field);
    if (!how) {
      own.push(m);
      continue;
    }
    const part = (suffix, measure, condition, multiplier, divisor) => ({
      ...need,
      id: `${need.id}#${measureKey(m)}${suffix}`,
      label: `${need.label}${m.field}${suffix}`,
      where: and(need.where, condition),
      measures: [measure],
      partOf: need.id,
      derived: { key: measureKey(m), from: measureKey(measure), multiplier, divisor }
    });
    if (m.fn === 'count') {
      // A count of deals: the divisor that scales amounts does not apply to it.
      parts.push(part('Count', { fn: 'count', field: how.field }, cmp(how.by, 'ne', null), 1, 1));
    } else if (m.fn === 'sum') {
      const top = Math.max(...how.values);
      for (let k = 0; 2 ** k <= top; k++) {
        const values = how.values.filter((v) => Math.floor(v / 2 ** k) % 2 === 1);
        parts.push(
          part(
            String(k),
            { fn: 'sum', field: how.field },
            cmp(how.by, 'in', values),
            2 ** k,
            how.divisor
          )
        );
      }
    } else {
      throw new Error(
        `${need.object}.${m.field} is computed by Pacer: it can be summed or counted, not ${m.fn}`
      );
    }
  }
  if (!parts.length) return [need];
  return [...(own.length ? [{ ...need, measures: own }] : []), ...parts];
}

/**
 * Merges needs into specs. Needs on one object whose filters are equal apart from equality tests on
 * boolean or picklist fields share a subquery: those fields become `groupBy` dimensions (or one `in`
 * filter when every need tests them), and each need reads only its groups. Count-distinct needs only
 * merge when identical, because distinct counts do not add up across groups.
 * @param {Array<object>} needs
 * @returns {Array<object>} specs, each with `consumers: [{ need, select }]`
 */
export function mergeSpecs(needs) {
  const buckets = new Map();
  for (const need of needs.flatMap(expandDerived)) {
    if (need.kind === 'records') {
      const key = `records|${need.object}|${filterKey(need.where)}|${JSON.stringify(need.orderBy)}|${need.first}|${JSON.stringify(need.fields)}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.needs.push({ need, splits: {} });
      else buckets.set(key, { kind: 'records', needs: [{ need, splits: {} }] });
      continue;
    }
    const { splits, base } = analyse(need);
    const distinct = need.measures.some((m) => m.fn === 'countDistinct');
    const key = distinct
      ? `distinct|${need.object}|${need.owner}|${filterKey(need.where)}|${need.dims.join(',')}`
      : `aggregate|${need.object}|${need.owner}|${filterKey(base)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.needs.push({ need, splits, base });
    else buckets.set(key, { kind: 'aggregate', distinct, needs: [{ need, splits, base }] });
  }
  const specs = [];
  for (const bucket of buckets.values()) {
    const first = bucket.needs[0].need;
    if (bucket.kind === 'records') {
      specs.push({
        kind: 'records',
        label: first.label,
        object: first.object,
        where: first.where,
        fields: first.fields,
        orderBy: first.orderBy,
        first: first.first,
        priority: Math.min(...bucket.needs.map((n) => n.need.priority)),
        consumers: bucket.needs.map((n) => ({ need: n.need, select: {} }))
      });
      continue;
    }
    if (bucket.distinct) {
      specs.push({
        kind: 'aggregate',
        label: first.label,
        object: first.object,
        owner: first.owner,
        where: first.where,
        groupBy: [...(first.owner ? [first.owner] : []), ...first.dims],
        measures: uniqueMeasures(bucket.needs.flatMap((n) => n.need.measures)),
        first: AGGREGATE_PAGE_SIZE,
        priority: Math.min(...bucket.needs.map((n) => n.need.priority)),
        consumers: bucket.needs.map((n) => ({ need: n.need, select: {} }))
      });
      continue;
    }
    const splitFields = [];
    for (const { splits } of bucket.needs)
      for (const f of Object.keys(splits)) if (!splitFields.includes(f)) splitFields.push(f);
    splitFields.sort();
    const extra = [];
    const grouped = [];
    for (const field of splitFields) {
      const values = [];
      let unconstrained = false;
      for (const { splits } of bucket.needs) {
        if (field in splits) {
          if (!values.includes(splits[field])) values.push(splits[field]);
        } else unconstrained = true;
      }
      if (!unconstrained)
        extra.push(values.length === 1 ? cmp(field, 'eq', values[0]) : cmp(field, 'in', values));
      if (unconstrained || values.length > 1) grouped.push(field);
    }
    const dims = [];
    for (const { need } of bucket.needs)
      for (const d of need.dims) if (!dims.includes(d) && !grouped.includes(d)) dims.push(d);
    specs.push({
      kind: 'aggregate',
      label: first.label,
      object: first.object,
      owner: first.owner,
      where: and(bucket.needs[0].base, ...extra),
      groupBy: [...(first.owner ? [first.owner] : []), ...dims, ...grouped],
      measures: uniqueMeasures(bucket.needs.flatMap((n) => n.need.measures)),
      first: AGGREGATE_PAGE_SIZE,
      priority: Math.min(...bucket.needs.map((n) => n.need.priority)),
      consumers: bucket.needs.map(({ need, splits }) => {
        const select = { ...(need.select || {}) };
        for (const field of grouped) if (field in splits) select[field] = splits[field];
        return { need, select };
      })
    });
  }
  return specs;
}

/**
 * Names each spec with a unique GraphQL alias (from its first need's label).
 * @param {Array<object>} specs
 * @returns {Array<object>} the same specs, with `alias`
 */
export function assignAliases(specs) {
  const used = new Set();
  for (const spec of specs) {
    let base = ALIAS_PATTERN.test(spec.label || '') ? spec.label : `q${specs.indexOf(spec)}`;
    let alias = base;
    let n = 2;
    while (used.has(alias)) alias = `${base}${n++}`;
    used.add(alias);
    spec.alias = alias;
  }
  return specs;
}

/**
 * Splits specs into documents of at most {@link MAX_SUBQUERIES} subqueries.
 * @param {Array<object>} specs
 * @param {number} [maxSubqueries]
 * @returns {Array<Array<object>>}
 */
function packSpecs(specs, maxSubqueries) {
  const size = maxSubqueries || MAX_SUBQUERIES;
  const groups = [];
  for (let i = 0; i < specs.length; i += size) groups.push(specs.slice(i, i + size));
  return groups;
}

function renderLiteral(value) {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(renderLiteral).join(', ')}]`;
  // JSON string escapes are valid GraphQL string escapes.
  return JSON.stringify(String(value));
}

function renderValue(object, field, value) {
  const type = OBJECT_FIELDS[object] ? OBJECT_FIELDS[object][field] : undefined;
  const inner = isVariable(value) ? `$${value.$var}` : renderLiteral(value);
  if (DATE_TYPES.has(type) && value !== null && !Array.isArray(value)) return `{ value: ${inner} }`;
  if (DATE_TYPES.has(type) && Array.isArray(value))
    return `[${value.map((v) => `{ value: ${renderLiteral(v)} }`).join(', ')}]`;
  return inner;
}

/**
 * Renders a filter tree as a UI API `where` input object.
 * @param {string} object
 * @param {object} node
 * @returns {string}
 */
export function renderWhere(object, node) {
  if (node.or) return `{ or: [${node.or.map((child) => renderWhere(object, child)).join(', ')}] }`;
  const children = node.and ? node.and : [node];
  const fieldOps = new Map();
  const extra = [];
  for (const child of children) {
    if (child.and || child.or) {
      extra.push(renderWhere(object, child));
      continue;
    }
    if (child.parent) {
      const rel = `${child.field}: ${renderWhere(relatedObject(object, child.field), child.parent)}`;
      extra.push(`{ ${rel} }`);
      continue;
    }
    if (derivedField(object, child.field))
      throw new Error(
        `${object}.${child.field} is computed by Pacer (it is hidden in most orgs): it cannot filter a query`
      );
    const ops = fieldOps.get(child.field) || new Map();
    let text;
    if (child.op === 'ninq' || child.op === 'inq') {
      text = `{ ${child.object}: ${renderWhere(child.object, child.where)}, ApiName: ${renderLiteral(child.apiName)} }`;
    } else {
      text = renderValue(object, child.field, child.value);
    }
    if (ops.has(child.op)) extra.push(`{ ${child.field}: { ${child.op}: ${text} } }`);
    else ops.set(child.op, text);
    fieldOps.set(child.field, ops);
  }
  const fields = [...fieldOps.entries()].map(
    ([field, ops]) =>
      `${field}: { ${[...ops.entries()].map(([op, text]) => `${op}: ${text}`).join(', ')} }`
  );
  if (!extra.length) return `{ ${fields.join(', ')} }`;
  if (!fields.length && extra.length === 1) return extra[0];
  return `{ and: [${[...(fields.length ? [`{ ${fields.join(', ')} }`] : []), ...extra].join(', ')}] }`;
}

function relatedObject(object, relationship) {
  const relation = RELATIONSHIPS[object] && RELATIONSHIPS[object][relationship];
  if (!relation) throw new Error(`Unknown relationship ${object}.${relationship}`);
  return relation.object;
}

/** A field as a selection: custom fields under their alias (`MonthStart: Month_Start__c`). */
function selectionName(name) {
  const alias = fieldAlias(name);
  return alias === name ? name : `${alias}: ${name}`;
}

function checkField(object, field, use) {
  if (derivedField(object, field))
    throw new Error(
      `${object}.${field} is computed by Pacer (it is hidden in most orgs): it cannot be ${use}`
    );
  const type = OBJECT_FIELDS[object] ? OBJECT_FIELDS[object][field] : undefined;
  if (!type) throw new Error(`${object}.${field} is not a field Pacer reads`);
  return type;
}

/**
 * The groupBy entry of a field. The UI API gives Date, boolean, id, picklist, text and number fields
 * `{ group }` only, and DateTime fields a date function only (`GroupByDateFunction`), whose
 * read-back is not settled: Pacer groups no DateTime field, and applies no function anywhere.
 */
function groupClause(object, field) {
  const type = checkField(object, field, 'grouped');
  if (type === 'datetime')
    throw new Error(
      `${object}.${field} is a DateTime field: the UI API groups it only by a date function, which Pacer does not use`
    );
  return '{ group: true }';
}

function renderAggregate(spec) {
  const selections = new Map();
  const touch = (field) => {
    if (!selections.has(field)) selections.set(field, []);
    return selections.get(field);
  };
  for (const field of spec.groupBy) touch(field).push('value');
  for (const m of spec.measures) {
    checkField(spec.object, m.field, 'aggregated');
    touch(m.field).push(`${m.fn} { value }`);
  }
  const groupBy = spec.groupBy.length
    ? `, groupBy: { ${spec.groupBy.map((f) => `${f}: ${groupClause(spec.object, f)}`).join(', ')} }`
    : '';
  const body = [...selections.entries()]
    .map(([field, parts]) => `${selectionName(field)} { ${parts.join(' ')} }`)
    .join(' ');
  return `${spec.alias}: ${spec.object}(where: ${renderWhere(spec.object, spec.where)}${groupBy}, first: ${spec.first}) { edges { node { aggregate { ${body} } } } pageInfo { hasNextPage } }`;
}

function renderRecords(spec) {
  const fields = [];
  const parents = new Map();
  for (const path of spec.fields) {
    const dot = path.indexOf('.');
    if (dot < 0) {
      checkField(spec.object, path, 'selected');
      if (path !== 'Id') fields.push(`${selectionName(path)} { value }`);
    } else {
      const rel = path.slice(0, dot);
      const child = path.slice(dot + 1);
      checkField(relatedObject(spec.object, rel), child, 'selected');
      if (!parents.has(rel)) parents.set(rel, []);
      parents.get(rel).push(`${selectionName(child)} { value }`);
    }
  }
  for (const [rel, parts] of parents)
    fields.push(`${selectionName(rel)} { Id ${parts.join(' ')} }`);
  // orderBy is an input object: API names, never aliases.
  const orderBy = spec.orderBy.length
    ? `, orderBy: { ${spec.orderBy.map((o) => `${o.field}: { order: ${o.order}${o.nulls ? `, nulls: ${o.nulls}` : ''} }`).join(', ')} }`
    : '';
  return `${spec.alias}: ${spec.object}(where: ${renderWhere(spec.object, spec.where)}${orderBy}, first: ${spec.first}) { edges { node { Id ${fields.join(' ')} } } pageInfo { hasNextPage endCursor } }`;
}

function hasJoin(node) {
  if (!node) return false;
  if (node.and || node.or) return (node.and || node.or).some(hasJoin);
  if (node.parent) return hasJoin(node.parent);
  return node.op === 'inq' || node.op === 'ninq';
}

/**
 * The group a spec travels in (see {@link SUBQUERY_GROUPS}): 'joins' for an aggregate with a semi-
 * or anti-join, else 'activity' for Task and Event, else 'core'.
 * @param {{ kind: string, object: string, where: object }} spec
 * @returns {'core'|'activity'|'joins'}
 */
export function subqueryGroup(spec) {
  if (spec.kind === 'aggregate' && hasJoin(spec.where)) return 'joins';
  if (ACTIVITY_OBJECTS.has(spec.object)) return 'activity';
  return 'core';
}

/**
 * One named GraphQL document for a group of specs, with the variables it uses.
 * @param {string} operationName e.g. 'spmReviewCore1'
 * @param {Array<object>} specs with aliases
 * @param {Object<string, { type: string, value: * }>} variables all known variables
 * @returns {{ operationName: string, query: string, variables: object, aliases: string[] }}
 */
export function renderDocument(operationName, specs, variables) {
  if (specs.length > MAX_SUBQUERIES) {
    throw new Error(
      `${operationName} would hold ${specs.length} subqueries; the UI API allows ${MAX_SUBQUERIES}`
    );
  }
  const used = new Set();
  for (const spec of specs) variablesOf(spec.where, used);
  const names = [...used].sort();
  for (const name of names) {
    if (!variables[name]) throw new Error(`${operationName} uses $${name}, which has no value`);
  }
  const declarations = names.map((name) => `$${name}: ${variables[name].type}`).join(', ');
  const aggregates = specs.filter((s) => s.kind === 'aggregate').map(renderAggregate);
  const records = specs.filter((s) => s.kind === 'records').map(renderRecords);
  const blocks = [];
  if (aggregates.length) blocks.push(`aggregate { ${aggregates.join(' ')} }`);
  if (records.length) blocks.push(`query { ${records.join(' ')} }`);
  const query = `query ${operationName}${declarations ? `(${declarations})` : ''} { uiapi { ${blocks.join(' ')} } }`;
  const values = {};
  for (const name of names) values[name] = variables[name].value;
  return { operationName, query, variables: values, aliases: specs.map((s) => s.alias) };
}

/**
 * Compiles count/sum/avg KPIs of a menu into needs (ratios and builtins are composed from other needs
 * by the review plan). Date references of their filters are returned as variable values.
 * @param {Array<object>} kpis normalized menu entries
 * @param {{ asOf: string, period: object, lastReviewDate: string, orgTimeZone?: string, accountId?: string|null }} context
 * @returns {{ needs: Array<object>, variables: Object<string, { type: string, value: string }> }}
 */
export function compileKpis(kpis, context) {
  const refs = new Map();
  const needs = [];
  for (const kpi of kpis) {
    const def = kpi.definition || {};
    if (
      (def.measure === 'count' || def.measure === 'sum' || def.measure === 'avg') &&
      DEFINITION_OBJECTS.includes(def.object)
    ) {
      needs.push(kpiNeed(kpi, refs, context));
    }
  }
  return { needs, variables: refVariables(refs, context) };
}

function documentsNeeded(counts) {
  let total = 0;
  for (const n of Object.values(counts)) total += Math.ceil(n / MAX_SUBQUERIES);
  return total;
}

function capitalized(word) {
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * Compiles needs all the way to documents: merge, alias, group ({@link subqueryGroup}), pack (≤ 10
 * subqueries per document, one group per document). Operation names are the prefix, the group and a
 * number: `spmReviewCore1`, `spmReviewCore2`, `spmReviewActivity1`, `spmReviewJoins1`…
 * With `maxDocuments`, the specs that would need more documents are left out (lowest priority
 * first: a higher `priority` number, then the later spec) and returned as `dropped`.
 * @param {Array<object>} needs
 * @param {Object<string, { type: string, value: * }>} variables
 * @param {{ operationPrefix?: string, maxDocuments?: number }} [options]
 * @returns {{ specs: Array<object>, documents: Array<{ operationName: string, query: string,
 *   variables: object, aliases: string[], group: string }>, dropped: Array<object> }}
 */
export function compileDocuments(needs, variables, options) {
  const opts = options || {};
  const maxDocuments = opts.maxDocuments || Infinity;
  let specs = mergeSpecs(needs);
  for (const spec of specs) spec.group = subqueryGroup(spec);
  const dropped = [];
  const order = specs
    .map((spec, index) => ({ spec, index }))
    .sort((a, b) => a.spec.priority - b.spec.priority || a.index - b.index);
  let counts = {};
  const keep = new Set();
  for (const { spec } of order) {
    const next = { ...counts, [spec.group]: (counts[spec.group] || 0) + 1 };
    if (documentsNeeded(next) > maxDocuments) continue;
    counts = next;
    keep.add(spec);
  }
  for (const spec of specs) if (!keep.has(spec)) dropped.push(spec);
  specs = specs.filter((spec) => keep.has(spec));
  // Aggregates first, then record lists: each document stays readable and lists land together.
  specs.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'aggregate' ? -1 : 1));
  assignAliases(specs);
  const prefix = opts.operationPrefix || 'spmQuery';
  const documents = [];
  for (const group of SUBQUERY_GROUPS) {
    const members = specs.filter((spec) => spec.group === group);
    packSpecs(members).forEach((pack, i) => {
      documents.push({
        ...renderDocument(`${prefix}${capitalized(group)}${i + 1}`, pack, variables),
        group
      });
    });
  }
  specs.forEach((spec) => {
    spec.document = documents.findIndex((d) => d.aliases.includes(spec.alias));
  });
  return { specs, documents, dropped };
}
