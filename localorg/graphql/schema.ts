/**
 * The UI API GraphQL schema of the local org, generated from its object schema (force-app metadata
 * plus standard objects) and the grammar table of conformance.ts:
 * `uiapi { query { <Object>(…) } aggregate { <Object>(…) } currentUser }`, one record type,
 * connection, filter, order and group input per object. One schema per API version (features such
 * as `currentUser` arrive with a version) and per set of fields hidden from the user: as in an org,
 * a field the user cannot see is absent from every type and input, so a document naming it fails
 * validation.
 */
import {
  DirectiveLocation,
  GraphQLDirective,
  GraphQLError,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  specifiedDirectives,
  valueFromASTUntyped,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLResolveInfo
} from 'graphql';
import { groupRecords, type Group, type GroupingType, type GroupSpec } from '../query/aggregate';
import type { Cond } from '../query/conditions';
import { fieldValue, pathFrom, type FieldPath } from '../query/paths';
import {
  compareSortValues,
  selectRecords,
  sortRecords,
  sortValue,
  type SortKey
} from '../query/select';
import type { DisplayFormatter, OrgContext } from '../org';
import { isFilterable, type FieldDef, type ObjectDef, type OrgSchema } from '../schema/model';
import type { FieldValue, SObjectRecord } from '../../sample-data/types';
import type { DateFunction } from '../time';
import { featuresAt, FIELD_AGGREGATE_TYPE } from './conformance';
import {
  buildAggregateTypes,
  Enums,
  EXTRA_TYPES,
  groupInputOf,
  idOperatorsType,
  operatorsOf,
  orderClauseOf,
  PageInfo,
  samePath,
  Scalars,
  ValueTypes,
  valueTypeOf,
  type AggregateRef,
  type AggregateState,
  type ValueRef
} from './static-types';
import { inOrgTimeZone, whereToCond } from './where';

/** Per-request context of resolvers. */
export interface GqlContext {
  org: OrgContext;
  display: DisplayFormatter;
  /** Variables as sent (key order kept), for orderBy and groupBy whose order matters. */
  rawVariables: Record<string, unknown>;
}

/** Largest page Salesforce serves per subquery. */
export const MAX_FIRST = 2000;
/** Page size when `first` is absent (record queries). */
export const DEFAULT_FIRST = 10;

function dataError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
  });
}

/** Opaque cursor of the i-th row, in the style Salesforce uses (base64 of `v1:i`). */
export function encodeCursor(index: number): string {
  return Buffer.from(`v1:${index}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw dataError(`Invalid cursor: ${cursor}`);
  return Number(match[1]);
}

function scopeEnumName(object: ObjectDef): string {
  return `${object.name.toUpperCase()}_SCOPE`;
}

/** Ids of a user and everyone below them in the ManagerId hierarchy. */
export function teamOf(org: OrgContext, userId: string): string[] {
  const byManager = org.store.index('User', 'ManagerId');
  const team = [userId];
  // A ManagerId cycle (possible in data, not in Salesforce's UI) is walked once, not forever.
  const seen = new Set(team);
  for (let i = 0; i < team.length; i++) {
    for (const report of byManager.get(team[i]) ?? []) {
      const id = report.Id as string;
      if (seen.has(id)) continue;
      seen.add(id);
      team.push(id);
    }
  }
  return team;
}

function scopeCond(org: OrgContext, object: ObjectDef, scope: unknown): Cond | null {
  if (!scope || scope === 'EVERYTHING') return null;
  const owner = object.fields.get('OwnerId');
  if (!owner) return null;
  const path = pathFrom([], object, owner, 'OwnerId');
  if (scope === 'MINE') return { kind: 'field', path, test: { op: 'eq', value: org.userId } };
  return { kind: 'field', path, test: { op: 'in', values: teamOf(org, org.userId) } };
}

function andConds(...conds: Array<Cond | null>): Cond | null {
  const items = conds.filter((c): c is Cond => c !== null);
  if (items.length === 0) return null;
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

/** The argument's value with key order as written (literal or variable). */
function orderedArgument(info: GraphQLResolveInfo, name: string, ctx: GqlContext): unknown {
  const node = info.fieldNodes[0].arguments?.find((a) => a.name.value === name);
  return node ? valueFromASTUntyped(node.value, ctx.rawVariables) : undefined;
}

interface OrderEntry {
  path: FieldPath;
  clause: { order?: string; nulls?: string };
}

function orderEntries(
  schema: OrgSchema,
  object: ObjectDef,
  value: unknown,
  refs: string[],
  out: OrderEntry[]
): OrderEntry[] {
  if (!value || typeof value !== 'object') return out;
  for (const [key, clause] of Object.entries(value as Record<string, unknown>)) {
    if (clause === null || clause === undefined) continue;
    const field = object.fields.get(key);
    if (field) {
      out.push({
        path: pathFrom(refs, object, field, [...refs, key].join('.')),
        clause: clause as OrderEntry['clause']
      });
      continue;
    }
    const relationship = [...object.parentRelationships.values()].find(
      (f) => f.relationshipName === key
    );
    const target =
      relationship && relationship.referenceTo.length === 1
        ? schema.objects.get(relationship.referenceTo[0])
        : undefined;
    if (relationship && target)
      orderEntries(schema, target, clause, [...refs, relationship.name], out);
  }
  return out;
}

function sortKeyOf(entry: OrderEntry): SortKey {
  const descending = entry.clause.order === 'DESC';
  const nullsFirst = entry.clause.nulls ? entry.clause.nulls === 'FIRST' : !descending;
  return { path: entry.path, descending, nullsFirst };
}

function checkFirst(first: unknown, fallback: number): number {
  if (first === undefined || first === null) return fallback;
  const n = Number(first);
  if (!Number.isInteger(n) || n < 0)
    throw dataError(`first must be a non-negative integer, got ${String(first)}`);
  if (n > MAX_FIRST) throw dataError(`first must be less than or equal to ${MAX_FIRST}, got ${n}`);
  return n;
}

interface Page<T> {
  items: T[];
  offset: number;
  total: number;
}

function paginate<T>(all: T[], first: number, after: unknown): Page<T> {
  const offset = after ? decodeCursor(String(after)) + 1 : 0;
  return { items: all.slice(offset, offset + first), offset, total: all.length };
}

function connection<T>(page: Page<T>, toNode: (item: T) => unknown) {
  const edges = page.items.map((item, i) => ({
    node: toNode(item),
    cursor: encodeCursor(page.offset + i)
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + page.items.length < page.total,
      hasPreviousPage: page.offset > 0,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null
    },
    totalCount: page.total,
    pageResultCount: edges.length
  };
}

/** How to build one GraphQL schema. */
export interface GraphqlSchemaOptions {
  /** The API version of the requests it answers ("62.0"): features arrive with versions. */
  apiVersion: string;
  /** Fields the user cannot see, as `Object.Field`: absent from every type and input. */
  hiddenFields?: ReadonlySet<string>;
  /** Offer the guide's date-part fields on DateTimeAggregate (conformance.ts, GUIDE_DATE_PARTS). */
  guideDateParts?: boolean;
}

/** `directive @optional on FIELD`: a field the user cannot see is left out instead of failing. */
export const OptionalDirective = new GraphQLDirective({
  name: 'optional',
  description:
    'Leaves the field out of the result when the user cannot see it, instead of failing the document.',
  locations: [DirectiveLocation.FIELD]
});

/** Builds the GraphQL schema of an org schema for one API version and one user's visible fields. */
export function buildGraphqlSchema(
  schema: OrgSchema,
  options: GraphqlSchemaOptions
): GraphQLSchema {
  const features = featuresAt(options.apiVersion);
  const hidden = options.hiddenFields ?? new Set<string>();
  const aggregateTypes = buildAggregateTypes({ guideDateParts: options.guideDateParts });
  const objectTypes = new Map<string, GraphQLObjectType>();
  const connections = new Map<string, GraphQLObjectType>();
  const filters = new Map<string, GraphQLInputObjectType>();
  const orders = new Map<string, GraphQLInputObjectType>();
  const groups = new Map<string, GraphQLInputObjectType>();
  const aggregates = new Map<string, GraphQLObjectType>();
  const scopes = new Map<string, GraphQLEnumType>();

  const visible = (object: ObjectDef, field: FieldDef): boolean =>
    !hidden.has(`${object.name}.${field.name}`);
  const fieldsOf = (object: ObjectDef): FieldDef[] =>
    object.fieldList.filter((f) => visible(object, f));
  // A lookup the user cannot see takes its relationship with it.
  const relationshipsOf = (object: ObjectDef): FieldDef[] =>
    [...object.parentRelationships.values()].filter((f) => visible(object, f));

  const recordInterface: GraphQLInterfaceType = new GraphQLInterfaceType({
    name: 'Record',
    fields: () => ({
      Id: { type: new GraphQLNonNull(GraphQLID) },
      ApiName: { type: new GraphQLNonNull(GraphQLString) },
      WeakEtag: { type: new GraphQLNonNull(Scalars.Long) },
      DisplayValue: { type: GraphQLString },
      LastModifiedById: { type: ValueTypes.IDValue },
      LastModifiedDate: { type: ValueTypes.DateTimeValue },
      SystemModstamp: { type: ValueTypes.DateTimeValue }
    }),
    resolveType: (record: SObjectRecord, ctx: GqlContext) =>
      ctx.org.store.objectOfId(String(record.Id))?.name
  });

  // Semi-/anti-join input: one filter per object plus the joined field's API name.
  const joinInput: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: 'JoinInput',
    fields: () => ({
      ...Object.fromEntries(
        [...schema.objects.values()].map((o) => [o.name, { type: filterType(o) }])
      ),
      ApiName: { type: GraphQLString }
    })
  });
  const idOperators = idOperatorsType(joinInput);

  const targetsOf = (referenceTo: string[]): ObjectDef[] =>
    referenceTo.map((t) => schema.objects.get(t)).filter((t): t is ObjectDef => Boolean(t));

  function scopeEnum(object: ObjectDef): GraphQLEnumType {
    let type = scopes.get(object.name);
    if (!type) {
      const values: Record<string, object> = { EVERYTHING: {} };
      if (object.fields.has('OwnerId')) Object.assign(values, { MINE: {}, TEAM: {} });
      type = new GraphQLEnumType({ name: scopeEnumName(object), values });
      scopes.set(object.name, type);
    }
    return type;
  }

  function filterType(object: ObjectDef): GraphQLInputObjectType {
    let type = filters.get(object.name);
    if (type) return type;
    type = new GraphQLInputObjectType({
      name: `${object.name}_Filter`,
      fields: (): GraphQLInputFieldConfigMap => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const field of fieldsOf(object)) {
          const ops = !isFilterable(field)
            ? null
            : field.type === 'id' || field.type === 'reference'
              ? idOperators
              : operatorsOf(field.type);
          if (ops) fields[field.name] = { type: ops };
        }
        for (const field of relationshipsOf(object)) {
          const targets = targetsOf(field.referenceTo);
          if (!field.relationshipName || targets.length === 0) continue;
          if (targets.length === 1)
            fields[field.relationshipName] = { type: filterType(targets[0]) };
          else {
            fields[field.relationshipName] = {
              type: new GraphQLInputObjectType({
                name: `${object.name}_${field.relationshipName}_Filter`,
                fields: () =>
                  Object.fromEntries(targets.map((t) => [t.name, { type: filterType(t) }]))
              })
            };
          }
        }
        fields.and = { type: new GraphQLList(filterType(object)) };
        fields.or = { type: new GraphQLList(filterType(object)) };
        fields.not = { type: filterType(object) };
        return fields;
      }
    });
    filters.set(object.name, type);
    return type;
  }

  function orderType(object: ObjectDef): GraphQLInputObjectType {
    let type = orders.get(object.name);
    if (type) return type;
    type = new GraphQLInputObjectType({
      name: `${object.name}_OrderBy`,
      fields: (): GraphQLInputFieldConfigMap => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const field of fieldsOf(object)) {
          const clause = orderClauseOf(field.type);
          if (clause) fields[field.name] = { type: clause };
        }
        for (const field of relationshipsOf(object)) {
          const targets = targetsOf(field.referenceTo);
          if (field.relationshipName && targets.length === 1)
            fields[field.relationshipName] = { type: orderType(targets[0]) };
        }
        return fields;
      }
    });
    orders.set(object.name, type);
    return type;
  }

  function groupType(object: ObjectDef): GraphQLInputObjectType {
    let type = groups.get(object.name);
    if (type) return type;
    type = new GraphQLInputObjectType({
      name: `${object.name}_GroupBy`,
      fields: (): GraphQLInputFieldConfigMap => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const field of fieldsOf(object)) {
          const input = groupInputOf(field.type);
          if (input) fields[field.name] = { type: input };
        }
        for (const field of relationshipsOf(object)) {
          const targets = targetsOf(field.referenceTo);
          if (field.relationshipName && targets.length === 1)
            fields[field.relationshipName] = { type: groupType(targets[0]) };
        }
        fields.type = { type: Enums.GroupByType };
        return fields;
      }
    });
    groups.set(object.name, type);
    return type;
  }

  const connectionArgs = (object: ObjectDef): GraphQLFieldConfigArgumentMap => ({
    first: { type: GraphQLInt },
    after: { type: GraphQLString },
    where: { type: filterType(object) },
    orderBy: { type: orderType(object) },
    upperBound: { type: GraphQLInt }
  });

  function runRecordQuery(
    object: ObjectDef,
    args: Record<string, unknown>,
    info: GraphQLResolveInfo,
    ctx: GqlContext,
    base: Cond | null
  ) {
    const org = ctx.org;
    const first = checkFirst(args.first, DEFAULT_FIRST);
    const cond = andConds(
      base,
      whereToCond(args.where, object, [], org),
      scopeCond(org, object, args.scope)
    );
    const matched = selectRecords(org.store, object.name, cond, org.calendar.fiscalYearStartMonth);
    const entries = orderEntries(schema, object, orderedArgument(info, 'orderBy', ctx), [], []);
    const sorted = sortRecords(org.store, matched, entries.map(sortKeyOf));
    return connection(paginate(sorted, first, args.after), (record) => record);
  }

  function objectType(object: ObjectDef): GraphQLObjectType {
    let type = objectTypes.get(object.name);
    if (type) return type;
    type = new GraphQLObjectType<SObjectRecord, GqlContext>({
      name: object.name,
      interfaces: [recordInterface],
      fields: (): GraphQLFieldConfigMap<SObjectRecord, GqlContext> => {
        const fields: GraphQLFieldConfigMap<SObjectRecord, GqlContext> = {
          Id: { type: new GraphQLNonNull(GraphQLID), resolve: (r) => r.Id },
          ApiName: { type: new GraphQLNonNull(GraphQLString), resolve: () => object.name },
          WeakEtag: {
            type: new GraphQLNonNull(Scalars.Long),
            resolve: (r) => Date.parse(String(r.SystemModstamp ?? r.LastModifiedDate ?? '')) || 0
          },
          DisplayValue: {
            type: GraphQLString,
            resolve: (r) => {
              const nameField = object.fieldList.find((f) => f.nameField);
              return nameField ? ((r[nameField.name] as string | null) ?? null) : null;
            }
          }
        };
        for (const field of fieldsOf(object)) {
          if (field.name === 'Id') continue;
          fields[field.name] = {
            type: valueTypeOf(field.type),
            resolve: (r, _args, ctx): ValueRef => ({
              value: fieldValue(r, field),
              field,
              display: ctx.display
            })
          };
        }
        for (const field of relationshipsOf(object)) {
          const targets = targetsOf(field.referenceTo);
          if (!field.relationshipName || targets.length === 0 || fields[field.relationshipName])
            continue;
          fields[field.relationshipName] = {
            type: targets.length === 1 ? objectType(targets[0]) : recordInterface,
            resolve: (r, _args, ctx) => {
              const id = r[field.name];
              return typeof id === 'string' ? (ctx.org.store.getById(id) ?? null) : null;
            }
          };
        }
        for (const child of object.childRelationships) {
          const childObject = schema.objects.get(child.childObject);
          if (!childObject || fields[child.relationshipName]) continue;
          const childField = childObject.fields.get(child.field)!;
          if (!visible(childObject, childField)) continue;
          fields[child.relationshipName] = {
            type: connectionType(childObject),
            args: connectionArgs(childObject),
            resolve: (r, args, ctx, info) =>
              runRecordQuery(childObject, args, info, ctx, {
                kind: 'field',
                path: pathFrom([], childObject, childField, child.field),
                test: { op: 'eq', value: r.Id }
              })
          };
        }
        return fields;
      }
    });
    objectTypes.set(object.name, type);
    return type;
  }

  function connectionType(object: ObjectDef): GraphQLObjectType {
    let type = connections.get(object.name);
    if (type) return type;
    const edge = new GraphQLObjectType({
      name: `${object.name}Edge`,
      fields: () => ({
        node: { type: objectType(object) },
        cursor: { type: new GraphQLNonNull(GraphQLString) }
      })
    });
    type = new GraphQLObjectType({
      name: `${object.name}Connection`,
      fields: () => ({
        edges: { type: new GraphQLList(edge) },
        pageInfo: { type: new GraphQLNonNull(PageInfo) },
        totalCount: { type: new GraphQLNonNull(GraphQLInt) },
        pageResultCount: { type: new GraphQLNonNull(GraphQLInt) }
      })
    });
    connections.set(object.name, type);
    return type;
  }

  /** What an `<Object>Aggregate` type reads: a group, and the reference fields followed so far. */
  interface AggregateNode {
    group: Group;
    refs: string[];
    state: AggregateState;
  }

  function aggregateType(object: ObjectDef): GraphQLObjectType {
    let type = aggregates.get(object.name);
    if (type) return type;
    type = new GraphQLObjectType<AggregateNode>({
      name: `${object.name}Aggregate`,
      fields: (): GraphQLFieldConfigMap<AggregateNode, GqlContext> => {
        const fields: GraphQLFieldConfigMap<AggregateNode, GqlContext> = {};
        for (const field of fieldsOf(object)) {
          const aggregate = FIELD_AGGREGATE_TYPE[field.type];
          if (!aggregate) continue;
          fields[field.name] = {
            type: aggregateTypes[aggregate],
            resolve: (node): AggregateRef => ({
              group: node.group,
              path: pathFrom(node.refs, object, field, [...node.refs, field.name].join('.')),
              state: node.state
            })
          };
        }
        for (const field of relationshipsOf(object)) {
          const targets = targetsOf(field.referenceTo);
          if (!field.relationshipName || targets.length !== 1 || fields[field.relationshipName])
            continue;
          fields[field.relationshipName] = {
            type: aggregateType(targets[0]),
            resolve: (node): AggregateNode => ({
              group: node.group,
              refs: [...node.refs, field.name],
              state: node.state
            })
          };
        }
        fields.ApiName = { type: new GraphQLNonNull(GraphQLString), resolve: () => object.name };
        return fields;
      }
    });
    aggregates.set(object.name, type);
    return type;
  }

  function aggregateConnectionType(object: ObjectDef): GraphQLObjectType {
    const result = new GraphQLObjectType({
      name: `${object.name}AggregateResult`,
      fields: () => ({ aggregate: { type: aggregateType(object) } })
    });
    const edge = new GraphQLObjectType({
      name: `${object.name}AggregateEdge`,
      fields: () => ({
        node: { type: result },
        cursor: { type: new GraphQLNonNull(GraphQLString) }
      })
    });
    return new GraphQLObjectType({
      name: `${object.name}AggregateConnection`,
      fields: () => ({
        edges: { type: new GraphQLList(edge) },
        pageInfo: { type: new GraphQLNonNull(PageInfo) },
        totalCount: { type: new GraphQLNonNull(GraphQLInt) }
      })
    });
  }

  function groupSpecs(
    object: ObjectDef,
    value: unknown,
    refs: string[],
    out: { specs: GroupSpec[]; type: GroupingType },
    timeZone: string
  ) {
    if (!value || typeof value !== 'object') return out;
    for (const [key, clause] of Object.entries(value as Record<string, unknown>)) {
      if (clause === null || clause === undefined) continue;
      if (key === 'type' && refs.length === 0) {
        out.type = clause as GroupingType;
        continue;
      }
      const field = object.fields.get(key);
      if (field) {
        // Validation let through only the input the field's type takes (conformance.ts).
        const { group, function: fn } = clause as { group?: boolean; function?: string };
        const path = pathFrom(refs, object, field, [...refs, key].join('.'));
        if (fn) out.specs.push({ path: inOrgTimeZone(path, timeZone), fn: fn as DateFunction });
        else if (group) out.specs.push({ path, fn: null });
        continue;
      }
      const relationship = [...object.parentRelationships.values()].find(
        (f) => f.relationshipName === key
      );
      const target = relationship ? schema.objects.get(relationship.referenceTo[0]) : undefined;
      if (relationship && target)
        groupSpecs(target, clause, [...refs, relationship.name], out, timeZone);
    }
    return out;
  }

  function runAggregateQuery(
    object: ObjectDef,
    args: Record<string, unknown>,
    info: GraphQLResolveInfo,
    ctx: GqlContext
  ) {
    const org = ctx.org;
    const fiscal = org.calendar.fiscalYearStartMonth;
    const cond = andConds(
      whereToCond(args.where, object, [], org),
      scopeCond(org, object, args.scope)
    );
    const matched = selectRecords(org.store, object.name, cond, fiscal);
    const grouping = groupSpecs(
      object,
      orderedArgument(info, 'groupBy', ctx),
      [],
      { specs: [], type: 'GROUP_BY' },
      org.calendar.timeZone
    );
    const state: AggregateState = {
      store: org.store,
      specs: grouping.specs,
      display: ctx.display,
      fiscalYearStartMonth: fiscal
    };
    let rows = groupRecords(org.store, matched, grouping.specs, grouping.type, fiscal);
    const entries = orderEntries(schema, object, orderedArgument(info, 'orderBy', ctx), [], []);
    if (entries.length > 0) {
      if (grouping.specs.length === 0)
        throw dataError('orderBy requires groupBy in an aggregate query');
      // Groups sort by grouped fields (a DateTime field by the function it is grouped through).
      const at = entries.map((entry) => {
        const raw = grouping.specs.findIndex((s) => s.fn === null && samePath(s.path, entry.path));
        const index =
          raw >= 0 ? raw : grouping.specs.findIndex((s) => samePath(s.path, entry.path));
        if (index < 0)
          throw dataError(`Field must be grouped or aggregated to be ordered: ${entry.path.label}`);
        return index;
      });
      const keys = entries.map(sortKeyOf);
      const sortKeyOfGroup = (g: Group, i: number): FieldValue => {
        const spec = grouping.specs[at[i]];
        return spec.fn ? g.keys[at[i]] : sortValue(spec.path.field, g.keys[at[i]]);
      };
      rows = rows
        .map((g) => ({ g, k: entries.map((_, i) => sortKeyOfGroup(g, i)) }))
        .sort((a, b) => {
          for (let i = 0; i < keys.length; i++) {
            const c = compareSortValues(a.k[i], b.k[i], keys[i].descending, keys[i].nullsFirst);
            if (c !== 0) return c;
          }
          return 0;
        })
        .map((x) => x.g);
    }
    const first = checkFirst(args.first, rows.length);
    return connection(paginate(rows, first, args.after), (group) => ({
      aggregate: { group, refs: [], state } as AggregateNode
    }));
  }

  const queryable = [...schema.objects.values()];
  const recordQuery = new GraphQLObjectType<unknown, GqlContext>({
    name: 'RecordQuery',
    fields: () =>
      Object.fromEntries(
        queryable.map((object) => [
          object.name,
          {
            type: connectionType(object),
            args: { ...connectionArgs(object), scope: { type: scopeEnum(object) } },
            resolve: (
              _: unknown,
              args: Record<string, unknown>,
              ctx: GqlContext,
              info: GraphQLResolveInfo
            ) => runRecordQuery(object, args, info, ctx, null)
          }
        ])
      )
  });
  const recordQueryAggregate = new GraphQLObjectType<unknown, GqlContext>({
    name: 'RecordQueryAggregate',
    fields: () =>
      Object.fromEntries(
        queryable.map((object) => [
          object.name,
          {
            type: aggregateConnectionType(object),
            args: {
              first: { type: GraphQLInt },
              after: { type: GraphQLString },
              where: { type: filterType(object) },
              orderBy: { type: orderType(object) },
              groupBy: { type: groupType(object) },
              scope: { type: scopeEnum(object) }
            },
            resolve: (
              _: unknown,
              args: Record<string, unknown>,
              ctx: GqlContext,
              info: GraphQLResolveInfo
            ) => runAggregateQuery(object, args, info, ctx)
          }
        ])
      )
  });
  const user = schema.objects.get('User');
  const uiapi = new GraphQLObjectType<unknown, GqlContext>({
    name: 'UIAPI',
    fields: () => ({
      query: { type: new GraphQLNonNull(recordQuery), resolve: () => ({}) },
      aggregate: { type: new GraphQLNonNull(recordQueryAggregate), resolve: () => ({}) },
      ...(features.currentUser && user
        ? {
            currentUser: {
              type: objectType(user),
              resolve: (_: unknown, _args: unknown, ctx: GqlContext) =>
                ctx.org.store.getById(ctx.org.userId) ?? null
            }
          }
        : {})
    })
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: { uiapi: { type: new GraphQLNonNull(uiapi), resolve: () => ({}) } }
  });
  return new GraphQLSchema({
    query,
    directives: features.optionalDirective
      ? [...specifiedDirectives, OptionalDirective]
      : specifiedDirectives,
    types: [
      ...queryable.map((o) => objectType(o)),
      ...Object.values(aggregateTypes),
      ...Object.values(Enums),
      ...EXTRA_TYPES
    ]
  });
}
