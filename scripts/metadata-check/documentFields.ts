/**
 * Which fields a UI API GraphQL document reads: every (object, field) it selects, filters on, sorts
 * by, groups by or joins on, found by walking the parsed document with graphql-js TypeInfo against a
 * schema of the UI API's shape (the local org's, generated from force-app). A parent relationship
 * (`Owner { Name }`, `where: { Account: … }`) reads its reference field (OwnerId, AccountId) as well
 * as the parent's fields; a child relationship (`Agenda_Items__r`) reads the child's reference field.
 */
import {
  getNamedType,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  type GraphQLType
} from 'graphql';
import type { ObjectDef, OrgSchema } from '../../localorg/schema/model';

/** How a document uses a field. */
export type FieldUsage = 'select' | 'where' | 'orderBy' | 'groupBy' | 'join';

/** One field a document reads. */
export interface FieldRead {
  object: string;
  field: string;
  usage: FieldUsage;
}

/** What the walk found: the reads, and the document's errors against the schema (then reads are partial). */
export interface DocumentFields {
  reads: FieldRead[];
  errors: string[];
}

/**
 * Suffixes of the UI API's generated types that stand for one object (`Opportunity_Filter`,
 * `OpportunityAggregate` → Opportunity), longest first so `…AggregateResult` is not read as `…Aggregate`.
 */
const OBJECT_TYPE_SUFFIXES = [
  'AggregateResult',
  'Aggregate',
  '_Filter',
  '_OrderBy',
  '_GroupBy'
];

/** The object a generated type stands for, by its name: `OpportunityAggregate` → `Opportunity`. */
export function objectOfTypeName(type: string): string {
  for (const suffix of OBJECT_TYPE_SUFFIXES)
    if (type.endsWith(suffix)) return type.slice(0, -suffix.length);
  return type;
}
/** Input fields that combine filters or choose a grouping, not fields of the object. */
const NOT_FIELDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'type']);
const ARGUMENT_USAGE: Readonly<Record<string, FieldUsage>> = {
  where: 'where',
  orderBy: 'orderBy',
  groupBy: 'groupBy'
};
const JOIN_INPUT = 'JoinInput';
const JOIN_FIELD = 'ApiName';

function objectOfType(schema: OrgSchema, type: GraphQLType | null | undefined): ObjectDef | null {
  if (!type) return null;
  const name = getNamedType(type).name;
  const direct = schema.objects.get(name);
  if (direct) return direct;
  for (const suffix of OBJECT_TYPE_SUFFIXES) {
    if (name.endsWith(suffix)) {
      const object = schema.objects.get(name.slice(0, -suffix.length));
      if (object) return object;
    }
  }
  return null;
}

/** The field (or fields) a name on an object's type reads: a field, a parent or a child relationship. */
function fieldsNamed(
  schema: OrgSchema,
  object: ObjectDef,
  name: string
): Array<{ object: string; field: string }> {
  if (NOT_FIELDS.has(name)) return [];
  if (object.fields.has(name)) return [{ object: object.name, field: name }];
  for (const reference of object.parentRelationships.values()) {
    if (reference.relationshipName === name)
      return [{ object: object.name, field: reference.name }];
  }
  const child = object.childRelationships.find((c) => c.relationshipName === name);
  if (child && schema.objects.has(child.childObject))
    return [{ object: child.childObject, field: child.field }];
  return [];
}

/**
 * The fields `query` reads, walked against `schema` (a UI API-shaped GraphQL schema) whose object
 * types are those of `orgSchema`. A document that does not parse or validate is reported in
 * `errors`; fields under an unknown type are then not found.
 */
export function documentFields(
  schema: GraphQLSchema,
  orgSchema: OrgSchema,
  query: string
): DocumentFields {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return { reads: [], errors: [(error as Error).message] };
  }
  const errors = validate(schema, document).map((e) => e.message);
  const reads: FieldRead[] = [];
  const seen = new Set<string>();
  const note = (object: string, field: string, usage: FieldUsage): void => {
    const key = `${object}.${field}.${usage}`;
    if (seen.has(key)) return;
    seen.add(key);
    reads.push({ object, field, usage });
  };
  const typeInfo = new TypeInfo(schema);
  // The argument being walked decides the usage of the input fields inside it.
  const argumentStack: FieldUsage[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const object = objectOfType(orgSchema, typeInfo.getParentType());
        if (!object) return;
        for (const read of fieldsNamed(orgSchema, object, node.name.value))
          note(read.object, read.field, 'select');
      },
      Argument: {
        enter(node) {
          argumentStack.push(ARGUMENT_USAGE[node.name.value] ?? 'where');
        },
        leave() {
          argumentStack.pop();
        }
      },
      ObjectField(node) {
        const usage = argumentStack[argumentStack.length - 1] ?? 'where';
        const parent = typeInfo.getParentInputType();
        if (parent && getNamedType(parent).name === JOIN_INPUT) return;
        const object = objectOfType(orgSchema, parent);
        if (!object) return;
        for (const read of fieldsNamed(orgSchema, object, node.name.value))
          note(read.object, read.field, usage);
      },
      ObjectValue(node) {
        // A semi-/anti-join names the joined object as a key and its field in ApiName.
        const type = typeInfo.getInputType();
        if (!type || getNamedType(type).name !== JOIN_INPUT) return;
        const apiName = node.fields.find((f) => f.name.value === JOIN_FIELD);
        const joined = node.fields.find((f) => f.name.value !== JOIN_FIELD);
        if (apiName?.value.kind !== Kind.STRING || !joined) return;
        const object = orgSchema.objects.get(joined.name.value);
        if (object) {
          for (const read of fieldsNamed(orgSchema, object, apiName.value.value))
            note(read.object, read.field, 'join');
        }
      }
    })
  );
  return { reads, errors };
}
