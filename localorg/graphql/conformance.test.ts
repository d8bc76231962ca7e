/**
 * The generated schema, read back through standard introspection (as check:org reads an org's),
 * against the grammar table of conformance.ts: any drift between the two fails here.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  graphqlSync,
  isInputObjectType,
  isObjectType,
  type GraphQLSchema,
  type IntrospectionQuery
} from 'graphql';
import { loadSchema } from '../schema/load-schema';
import type { ObjectDef } from '../schema/model';
import {
  AGGREGATE_TYPES,
  ENUMS,
  FIELD_AGGREGATE_TYPE,
  FIELD_GROUP_BY_INPUT,
  FIELD_ORDER_CLAUSE,
  GUIDE_DATE_PARTS,
  INPUT_TYPES,
  VERSION_GATES
} from './conformance';
import { buildGraphqlSchema, type GraphqlSchemaOptions } from './schema';

const orgSchema = loadSchema(process.cwd());
const objects = [...orgSchema.objects.values()];

/** The schema as a client sees it: introspected, then rebuilt from the introspection result. */
function introspected(options: GraphqlSchemaOptions): GraphQLSchema {
  const result = graphqlSync({
    schema: buildGraphqlSchema(orgSchema, options),
    source: getIntrospectionQuery()
  });
  expect(result.errors).toBeUndefined();
  return buildClientSchema(result.data as unknown as IntrospectionQuery);
}

/** A type's fields and their type names (`Currency`, `[Opportunity_Filter]`, `ID!`). */
function fieldsOf(schema: GraphQLSchema, typeName: string): Record<string, string> {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`no type ${typeName}`);
  return Object.fromEntries(
    Object.values(type.getFields()).map((field) => [field.name, String(field.type)])
  );
}

function relationshipsOf(object: ObjectDef): Array<{ name: string; target: string }> {
  return [...object.parentRelationships.values()]
    .filter((f) => f.relationshipName && f.referenceTo.length === 1)
    .filter((f) => orgSchema.objects.has(f.referenceTo[0]))
    .map((f) => ({ name: f.relationshipName!, target: f.referenceTo[0] }));
}

describe.each(['62.0', '66.0'])('the schema at API v%s, introspected', (apiVersion) => {
  const schema = introspected({ apiVersion });

  it.each(Object.entries(AGGREGATE_TYPES))(
    '%s has exactly the fields of the table',
    (name, fields) => {
      expect(fieldsOf(schema, name)).toEqual(fields);
    }
  );

  it.each(Object.entries(INPUT_TYPES))('%s has exactly the fields of the table', (name, fields) => {
    expect(fieldsOf(schema, name)).toEqual(fields);
  });

  it.each(Object.entries(ENUMS))(
    'enum %s has the values of the table, in order',
    (name, values) => {
      const type = schema.getType(name);
      expect(type && 'getValues' in type ? type.getValues().map((v) => v.name) : null).toEqual(
        values
      );
    }
  );

  it('has no `function` input outside GroupByDateFunction', () => {
    const withFunction = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .filter((type) => 'function' in type.getFields())
      .map((type) => type.name);
    expect(withFunction).toEqual(['GroupByDateFunction']);
  });

  it.each(objects.map((o) => [o.name, o] as const))(
    '%s_GroupBy takes each field by its type, parents by their _GroupBy',
    (name, object) => {
      const expected: Record<string, string> = { type: 'GroupByType' };
      for (const field of object.fieldList) {
        const input = FIELD_GROUP_BY_INPUT[field.type];
        if (input) expected[field.name] = input;
      }
      for (const { name: rel, target } of relationshipsOf(object))
        expected[rel] = `${target}_GroupBy`;
      expect(fieldsOf(schema, `${name}_GroupBy`)).toEqual(expected);
    }
  );

  it.each(objects.map((o) => [o.name, o] as const))(
    '%sAggregate reads each field through the aggregate type of its field type',
    (name, object) => {
      const expected: Record<string, string> = { ApiName: 'String!' };
      for (const field of object.fieldList) {
        const aggregate = FIELD_AGGREGATE_TYPE[field.type];
        if (aggregate) expected[field.name] = aggregate;
      }
      for (const { name: rel, target } of relationshipsOf(object))
        expected[rel] = `${target}Aggregate`;
      expect(fieldsOf(schema, `${name}Aggregate`)).toEqual(expected);
    }
  );

  it.each(objects.map((o) => [o.name, o] as const))(
    '%s_OrderBy orders each field with the clause of its field type',
    (name, object) => {
      const expected: Record<string, string> = {};
      for (const field of object.fieldList) {
        const clause = FIELD_ORDER_CLAUSE[field.type];
        if (clause) expected[field.name] = clause;
      }
      for (const { name: rel, target } of relationshipsOf(object))
        expected[rel] = `${target}_OrderBy`;
      expect(fieldsOf(schema, `${name}_OrderBy`)).toEqual(expected);
    }
  );
});

describe('version gates', () => {
  const below = (version: string) => `${Number(version.split('.')[0]) - 1}.0`;

  it('has uiapi.currentUser from the version of the table on, not before', () => {
    const since = VERSION_GATES.currentUser;
    expect(fieldsOf(introspected({ apiVersion: below(since) }), 'UIAPI')).not.toHaveProperty(
      'currentUser'
    );
    expect(fieldsOf(introspected({ apiVersion: since }), 'UIAPI')).toHaveProperty(
      'currentUser',
      'User'
    );
  });

  it('declares directive @optional on FIELD from the version of the table on, not before', () => {
    const since = VERSION_GATES.optionalDirective;
    expect(introspected({ apiVersion: below(since) }).getDirective('optional')).toBeUndefined();
    const optional = introspected({ apiVersion: since }).getDirective('optional');
    expect(optional?.locations).toEqual(['FIELD']);
    expect(optional?.args).toEqual([]);
  });
});

describe('options of the schema', () => {
  it("adds the guide's date parts to DateTimeAggregate only when asked", () => {
    const fields = fieldsOf(
      introspected({ apiVersion: '62.0', guideDateParts: true }),
      'DateTimeAggregate'
    );
    const parts = Object.fromEntries(
      Object.keys(GUIDE_DATE_PARTS).map((part) => [
        part,
        part === 'dayOnly' ? 'DateValue' : 'LongValue'
      ])
    );
    expect(fields).toEqual({ ...AGGREGATE_TYPES.DateTimeAggregate, ...parts });
  });

  it('leaves a hidden field, and the relationship of a hidden lookup, out of every type and input', () => {
    const schema = introspected({
      apiVersion: '66.0',
      hiddenFields: new Set(['Opportunity.Amount', 'Opportunity.AccountId'])
    });
    for (const type of [
      'Opportunity',
      'Opportunity_Filter',
      'Opportunity_OrderBy',
      'Opportunity_GroupBy',
      'OpportunityAggregate'
    ]) {
      const fields = fieldsOf(schema, type);
      expect([type, 'Amount' in fields, 'AccountId' in fields, 'Account' in fields]).toEqual([
        type,
        false,
        false,
        false
      ]);
      expect(fields).toHaveProperty('StageName');
    }
    // Account's child relationship through the hidden lookup goes too; other objects keep theirs.
    expect(fieldsOf(schema, 'Account')).not.toHaveProperty('Opportunities');
    expect(fieldsOf(schema, 'OpportunityHistory')).toHaveProperty('Amount', 'CurrencyValue');
  });
});

// The reference's facts, written out once more: the table cannot drift from them unnoticed either.
describe('the table states the facts of the reference', () => {
  const fields = (name: keyof typeof AGGREGATE_TYPES) => Object.keys(AGGREGATE_TYPES[name]).sort();

  it('lists the aggregate types with the fields the reference gives them', () => {
    const decimal = [
      'avg',
      'count',
      'countDistinct',
      'displayValue',
      'format',
      'max',
      'min',
      'sum',
      'value'
    ];
    expect(fields('CurrencyAggregate')).toEqual(decimal);
    expect(fields('DoubleAggregate')).toEqual(decimal);
    expect(fields('PercentAggregate')).toEqual(decimal);
    expect(fields('IntAggregate')).toEqual([...decimal, 'grouping'].sort());
    expect(fields('LongAggregate')).toEqual([...decimal, 'grouping'].sort());
    expect(AGGREGATE_TYPES.IntAggregate.sum).toBe('LongValue');
    expect(AGGREGATE_TYPES.LongAggregate.sum).toBe('LongValue');
    const id = ['count', 'countDistinct', 'displayValue', 'grouping', 'max', 'min', 'value'];
    expect(fields('IDAggregate')).toEqual(id);
    expect(fields('PicklistAggregate')).toEqual([...id, 'label'].sort());
    expect(fields('StringAggregate')).toEqual([...id, 'label'].sort());
    expect(fields('BooleanAggregate')).toEqual(['displayValue', 'grouping', 'value']);
    expect(fields('DateAggregate')).toEqual([...id, 'format'].sort());
    expect(fields('DateTimeAggregate')).toEqual([
      'count',
      'countDistinct',
      'displayValue',
      'format',
      'max',
      'min',
      'value'
    ]);
  });

  it('groups Date, Boolean, Id, reference, picklist, text and number fields by value, DateTime by a function', () => {
    for (const type of ['date', 'boolean', 'id', 'reference', 'picklist', 'string', 'int'] as const)
      expect([type, FIELD_GROUP_BY_INPUT[type]]).toEqual([type, 'GroupByClause']);
    expect(FIELD_GROUP_BY_INPUT.datetime).toBe('GroupByDateFunction');
    expect(INPUT_TYPES.GroupByClause).toEqual({ group: 'Boolean' });
    expect(INPUT_TYPES.GroupByDateFunction).toEqual({ function: 'GroupByFunction' });
    expect([...ENUMS.GroupByFunction].sort()).toEqual(
      [
        'DAY_IN_WEEK',
        'DAY_IN_MONTH',
        'DAY_IN_YEAR',
        'WEEK_IN_MONTH',
        'WEEK_IN_YEAR',
        'CALENDAR_MONTH',
        'CALENDAR_QUARTER',
        'CALENDAR_YEAR',
        'FISCAL_MONTH',
        'FISCAL_QUARTER',
        'FISCAL_YEAR',
        'DAY_ONLY',
        'HOUR_IN_DAY'
      ].sort()
    );
    expect(ENUMS.GroupByType).toEqual(['GROUP_BY', 'ROLLUP', 'CUBE']);
  });

  it('orders aggregates with ResultsOrder and NullsOrder, OrderByClause with ResultOrder and NullOrder', () => {
    for (const clause of ['AggregateOrderByNumberClause', 'AggregateOrderByStringClause'])
      expect(INPUT_TYPES[clause]).toEqual({ order: 'ResultsOrder', nulls: 'NullsOrder' });
    expect(INPUT_TYPES.OrderByClause).toEqual({ order: 'ResultOrder', nulls: 'NullOrder' });
  });

  it('gates currentUser at v66.0', () => {
    expect(VERSION_GATES.currentUser).toBe('66.0');
  });
});
