/**
 * Answers `POST /services/data/vNN.0/graphql` as Salesforce does: HTTP 200 with `data` and an
 * `errors` array (empty on success). The schema that validates, answers and is introspected is the
 * one of the request's API version and user (schema.ts): one per version gate and set of hidden
 * fields, built once. Validation failures carry no data and graphql-java's messages, in the form
 * Salesforce's service reports them ("Validation error of type FieldUndefined: Field 'Foo' in type
 * 'Opportunity' is undefined @ 'uiapi/query/Opportunity/edges/node/Foo'"). Parsed and validated
 * documents are cached by their text, so repeated panel queries cost only their execution.
 */
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode
} from 'graphql';
import type { OrgContext, DisplayFormatter } from '../org';
import type { OrgSchema } from '../schema/model';
import { featuresAt } from './conformance';
import { buildGraphqlSchema, OptionalDirective, type GqlContext } from './schema';

/** Subqueries (fields under uiapi.query and uiapi.aggregate) one request may hold. */
export const MAX_SUBQUERIES = 10;
const CACHE_SIZE = 200;
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();
/** Alias of the `__typename` that keeps a selection set valid once its @optional fields are gone. */
const OMITTED = '__optionalOmitted';

/** The JSON body Salesforce answers with. */
export interface GraphqlResponse {
  data?: unknown;
  errors: Array<Record<string, unknown>>;
}

interface Prepared {
  document?: DocumentNode;
  errors?: Array<Record<string, unknown>>;
  /** Some @optional fields were left out: drop their placeholders from the result. */
  omitted?: boolean;
}

const VALIDATION = { ErrorType: 'ValidationError', classification: 'ValidationError' };

/** Where a node sits: the path of field names to it, and the argument it is part of. */
interface NodePlace {
  path: string;
  argument?: ArgumentNode;
  /** Input fields and list indices from the argument down to the node (`Owner`, `[0]`). */
  inner: string[];
}

const VALUE_KINDS: ReadonlySet<string> = new Set([
  Kind.VARIABLE,
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT
]);

function nodePlaces(document: DocumentNode): Map<ASTNode, NodePlace> {
  const places = new Map<ASTNode, NodePlace>();
  const fields: string[] = [];
  let argument: ArgumentNode | undefined;
  const inner: string[] = [];
  // Values sit in an array only as the items of a list value.
  const listItem = (node: ASTNode, key: string | number | undefined, parent: unknown) =>
    argument !== undefined && VALUE_KINDS.has(node.kind) && Array.isArray(parent);
  visit(document, {
    enter(node, key, parent) {
      if (node.kind === Kind.FIELD) fields.push(node.name.value);
      if (node.kind === Kind.ARGUMENT) argument = node;
      if (node.kind === Kind.OBJECT_FIELD) inner.push(node.name.value);
      if (listItem(node, key, parent)) inner.push(`[${String(key)}]`);
      places.set(node, { path: fields.join('/'), argument, inner: [...inner] });
    },
    leave(node, key, parent) {
      if (listItem(node, key, parent)) inner.pop();
      if (node.kind === Kind.FIELD) fields.pop();
      if (node.kind === Kind.ARGUMENT) argument = undefined;
      if (node.kind === Kind.OBJECT_FIELD) inner.pop();
    }
  });
  return places;
}

/** A value literal as graphql-java prints it in WrongType messages (`EnumValue{name='DESC'}`). */
function javaValue(node: ValueNode): string {
  switch (node.kind) {
    case Kind.OBJECT:
      return `ObjectValue{objectFields=[${node.fields
        .map((f) => `ObjectField{name='${f.name.value}', value=${javaValue(f.value)}}`)
        .join(', ')}]}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(javaValue).join(', ')}]}`;
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${String(node.value)}}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
  }
}

function argumentPath(argument: ArgumentNode, inner: string[]): string {
  return inner.reduce(
    (path, step) => (step.startsWith('[') ? `${path}${step}` : `${path}.${step}`),
    argument.name.value
  );
}

/** graphql-java's wording of a WrongType error, from graphql-js's ValuesOfCorrectType one. */
function wrongType(error: GraphQLError, place: NodePlace | undefined): string {
  const argument = place?.argument;
  if (!argument) return error.message;
  const whole = javaValue(argument.value);
  let match = /^Field "(.+?)" is not defined by type "(.+?)"\./.exec(error.message);
  if (match) {
    const at = argumentPath(argument, place.inner.slice(0, -1));
    return `argument '${at}' with value '${whole}' contains a field not in '${match[2]}': '${match[1]}'`;
  }
  match = /^Field "(.+?)\.(.+?)" of required type .* was not provided\./.exec(error.message);
  if (match) {
    return `argument '${argumentPath(argument, place.inner)}' with value '${whole}' is missing required fields '[${match[2]}]'`;
  }
  const node = error.nodes?.[0] as ValueNode | undefined;
  // graphql-js either wraps a scalar's refusal ("Expected value of type "Currency", found "x";
  // Currency cannot represent…") or reports the scalar's or enum's own message.
  const type =
    /^Expected value of type "\[?(\w+)/.exec(error.message)?.[1] ??
    /in "(\w+)" enum/.exec(error.message)?.[1] ??
    /^(?:Enum "(\w+)"|(\w+) cannot represent)/.exec(error.message)?.slice(1).find(Boolean) ??
    'value';
  const reason = error.message.startsWith('Expected value of type')
    ? /; (.*)$/.exec(error.message)?.[1]
    : error.message;
  return `argument '${argumentPath(argument, place.inner)}' with value '${node ? javaValue(node) : whole}' is not a valid '${type}'${reason ? ` - ${reason}` : ''}`;
}

/** The graphql-java error type and description of one graphql-js validation error. */
function describe(
  rule: string,
  error: GraphQLError,
  place: NodePlace | undefined
): [string, string] {
  const m = (pattern: RegExp) => pattern.exec(error.message);
  let match: RegExpExecArray | null;
  switch (rule) {
    case 'FieldsOnCorrectTypeRule':
      if ((match = m(/^Cannot query field "(.+?)" on type "(.+?)"\./)))
        return ['FieldUndefined', `Field '${match[1]}' in type '${match[2]}' is undefined`];
      break;
    case 'KnownArgumentNamesRule':
      if ((match = m(/^Unknown argument "(.+?)" on field/)))
        return ['UnknownArgument', `Unknown field argument ${match[1]}`];
      if ((match = m(/^Unknown argument "(.+?)" on directive/)))
        return ['UnknownDirective', `Unknown directive argument ${match[1]}`];
      break;
    case 'KnownDirectivesRule':
      if ((match = m(/^Unknown directive "@(.+?)"/)))
        return ['UnknownDirective', `Unknown directive ${match[1]}`];
      if ((match = m(/^Directive "@(.+?)" may not be used/)))
        return ['MisplacedDirective', `Directive ${match[1]} not allowed here`];
      break;
    case 'ValuesOfCorrectTypeRule':
      return ['WrongType', wrongType(error, place)];
    case 'ScalarLeafsRule':
      if ((match = m(/^Field "(.+?)" of type "(.+?)" must have a selection of subfields/)))
        return [
          'SubSelectionRequired',
          `Sub selection required for type ${match[2]} of field ${match[1]}`
        ];
      if ((match = m(/^Field "(.+?)" must not have a selection since type "(.+?)"/)))
        return [
          'SubSelectionNotAllowed',
          `Sub selection not allowed on leaf type ${match[2]} of field ${match[1]}`
        ];
      break;
    case 'KnownTypeNamesRule':
      if ((match = m(/^Unknown type "(.+?)"/))) return ['UnknownType', `Unknown type ${match[1]}`];
      break;
    case 'VariablesInAllowedPositionRule':
      if ((match = m(/of type "(.+?)" used in position expecting type "(.+?)"/)))
        return [
          'VariableTypeMismatch',
          `Variable type '${match[1]}' doesn't match expected type '${match[2]}'`
        ];
      break;
    case 'ProvidedRequiredArgumentsRule':
      if ((match = m(/argument "(.+?)" of type/)))
        return ['MissingFieldArgument', `Missing field argument ${match[1]}`];
      break;
    case 'NoUndefinedVariablesRule':
      if ((match = m(/^Variable "\$(.+?)"/)))
        return ['UndefinedVariable', `Undefined variable ${match[1]}`];
      break;
    case 'NoUnusedVariablesRule':
      if ((match = m(/^Variable "\$(.+?)"/)))
        return ['UnusedVariable', `Unused variable ${match[1]}`];
      break;
    case 'NoUnusedFragmentsRule':
      if ((match = m(/^Fragment "(.+?)"/)))
        return ['UnusedFragment', `Unused fragment ${match[1]}`];
      break;
    case 'KnownFragmentNamesRule':
      if ((match = m(/^Unknown fragment "(.+?)"/)))
        return ['UndefinedFragment', `Undefined fragment ${match[1]}`];
      break;
  }
  // The other rules keep graphql-js's wording, under graphql-java's name for the error.
  return [RULE_TYPES[rule] ?? 'ValidationError', error.message];
}

const RULE_TYPES: Record<string, string> = {
  LoneAnonymousOperationRule: 'LoneAnonymousOperationViolation',
  UniqueOperationNamesRule: 'DuplicateOperationName',
  UniqueFragmentNamesRule: 'DuplicateFragmentName',
  UniqueArgumentNamesRule: 'DuplicateArgumentNames',
  UniqueVariableNamesRule: 'DuplicateVariableName',
  UniqueDirectivesPerLocationRule: 'DuplicateDirectiveName',
  UniqueInputFieldNamesRule: 'DuplicatedInputField',
  PossibleFragmentSpreadsRule: 'InvalidFragmentType',
  FragmentsOnCompositeTypesRule: 'FragmentTypeConditionInvalid',
  NoFragmentCyclesRule: 'FragmentCycle',
  VariablesAreInputTypesRule: 'NonInputTypeOnVariable',
  OverlappingFieldsCanBeMergedRule: 'FieldsConflict',
  ExecutableDefinitionsRule: 'NonExecutableDefinition'
};

function ruleName(rule: ValidationRule): string {
  return rule.name;
}

/**
 * The validation errors of a document against a schema, as Salesforce reports them (empty when
 * the document is valid): `{ message, locations, paths, extensions: { ErrorType } }`.
 */
export function validationErrors(
  schema: GraphQLSchema,
  document: DocumentNode
): Array<Record<string, unknown>> {
  if (validate(schema, document).length === 0) return [];
  const places = nodePlaces(document);
  // Run rule by rule to know which one failed: graphql-java names each error by its rule.
  const found: Array<{ rule: string; error: GraphQLError }> = [];
  for (const rule of specifiedRules) {
    for (const error of validate(schema, document, [rule]))
      found.push({ rule: ruleName(rule), error });
  }
  const start = (e: GraphQLError) => e.nodes?.[0]?.loc?.start ?? 0;
  found.sort((a, b) => start(a.error) - start(b.error));
  return found.map(({ rule, error }) => {
    const node = error.nodes?.[0];
    const place = node ? places.get(node) : undefined;
    const [kind, detail] = describe(rule, error, place);
    const at = place?.path ? ` @ '${place.path}'` : '';
    return {
      message: `Validation error of type ${kind}: ${detail}${at}`,
      locations: error.locations ?? [],
      paths: [],
      extensions: VALIDATION
    };
  });
}

function hasOptional(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === OptionalDirective.name) found = true;
    }
  });
  return found;
}

/**
 * Leaves out the @optional fields the user cannot see: absent from the user's schema but present
 * in the schema of a user who sees everything. A field no user has still fails validation.
 */
function omitOptional(
  document: DocumentNode,
  schema: GraphQLSchema,
  everything: GraphQLSchema
): { document: DocumentNode; omitted: boolean } {
  const typeInfo = new TypeInfo(schema);
  let omitted = false;
  const pruned = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!node.directives?.some((d) => d.name.value === OptionalDirective.name))
          return undefined;
        if (typeInfo.getFieldDef()) return undefined;
        const parent = typeInfo.getParentType();
        const full = parent ? everything.getType(parent.name) : undefined;
        const known = full && 'getFields' in full && Boolean(full.getFields()[node.name.value]);
        if (!known) return undefined;
        omitted = true;
        return null;
      }
    })
  );
  if (!omitted) return { document, omitted };
  const placeholder: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: OMITTED },
    name: { kind: Kind.NAME, value: '__typename' }
  };
  const filled = visit(pruned, {
    SelectionSet: {
      leave: (node) =>
        node.selections.length === 0 ? { ...node, selections: [placeholder] } : undefined
    }
  });
  return { document: filled, omitted };
}

function withoutPlaceholders(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaceholders);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== OMITTED) out[key] = withoutPlaceholders(item);
  }
  return out;
}

function countSubqueries(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d.selectionSet])
  );
  const fieldsOf = (set: SelectionSetNode | undefined, name: string): SelectionSetNode[] => {
    const out: SelectionSetNode[] = [];
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === name && selection.selectionSet)
        out.push(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT)
        out.push(...fieldsOf(selection.selectionSet, name));
      if (selection.kind === Kind.FRAGMENT_SPREAD)
        out.push(...fieldsOf(fragments.get(selection.name.value), name));
    }
    return out;
  };
  const countFields = (set: SelectionSetNode): number =>
    set.selections.reduce(
      (n, s) =>
        n +
        (s.kind === Kind.FIELD
          ? s.name.value === '__typename'
            ? 0
            : 1
          : s.kind === Kind.INLINE_FRAGMENT
            ? countFields(s.selectionSet)
            : countFields(
                fragments.get(s.name.value) ?? { kind: Kind.SELECTION_SET, selections: [] }
              )),
      0
    );
  let most = 0;
  for (const operation of document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
  )) {
    let total = 0;
    for (const uiapi of fieldsOf(operation.selectionSet, 'uiapi')) {
      for (const part of [...fieldsOf(uiapi, 'query'), ...fieldsOf(uiapi, 'aggregate')])
        total += countFields(part);
    }
    most = Math.max(most, total);
  }
  return most;
}

/** A variable whose value does not fit its type fails before execution, as in graphql-java. */
function requestError(error: GraphQLError): Record<string, unknown> | null {
  const invalid = /^Variable "\$(.+?)" got invalid value .*?; (.*)$/s.exec(error.message);
  const missing = /^Variable "\$(.+?)" of (?:required|non-null) type "(.+?)"/.exec(error.message);
  const message = invalid
    ? `Variable '${invalid[1]}' has an invalid value: ${invalid[2]}`
    : missing
      ? `Variable '${missing[1]}' has coerced Null value for NonNull type '${missing[2]}'`
      : null;
  return message
    ? { message, locations: error.locations ?? [], paths: [], extensions: VALIDATION }
    : null;
}

/** How to pick the schema of a request. */
export interface GraphqlServiceOptions {
  /** The org schema every GraphQL schema is generated from. */
  schema: OrgSchema;
  /** The API version of the request being answered (`62.0`, from its URL). */
  apiVersion: () => string;
  /** Fields the user cannot see (`Object.Field`). */
  hiddenFieldsOf?: (userId: string) => ReadonlySet<string>;
  /** Offer the guide's date-part fields on DateTimeAggregate (conformance.ts). */
  guideDateParts?: boolean;
}

interface Endpoint {
  schema: GraphQLSchema;
  prepared: Map<string, Prepared>;
}

/** Runs GraphQL requests, each against the schema of its API version and user. */
export class GraphqlService {
  private readonly endpoints = new Map<string, Endpoint>();

  constructor(private readonly options: GraphqlServiceOptions) {}

  /** The schema a user sees at an API version: what validates, answers and introspects. */
  schemaFor(apiVersion: string, userId: string): GraphQLSchema {
    return this.endpoint(apiVersion, this.hiddenOf(userId)).schema;
  }

  private hiddenOf(userId: string): ReadonlySet<string> {
    return this.options.hiddenFieldsOf?.(userId) ?? NOTHING_HIDDEN;
  }

  private endpoint(apiVersion: string, hidden: ReadonlySet<string>): Endpoint {
    // Versions between two gates build the same schema: key on the gates, not the version.
    const gates = Object.entries(featuresAt(apiVersion))
      .filter(([, on]) => on)
      .map(([gate]) => gate)
      .join('+');
    const key = `${gates}|${[...hidden].sort().join(',')}`;
    let endpoint = this.endpoints.get(key);
    if (!endpoint) {
      endpoint = {
        schema: buildGraphqlSchema(this.options.schema, {
          apiVersion,
          hiddenFields: hidden,
          guideDateParts: this.options.guideDateParts
        }),
        prepared: new Map()
      };
      this.endpoints.set(key, endpoint);
    }
    return endpoint;
  }

  private prepare(apiVersion: string, hidden: ReadonlySet<string>, text: string): Prepared {
    const endpoint = this.endpoint(apiVersion, hidden);
    const cached = endpoint.prepared.get(text);
    if (cached) return cached;
    let prepared: Prepared;
    try {
      let document = parse(text);
      let omitted = false;
      if (
        hidden.size > 0 &&
        endpoint.schema.getDirective(OptionalDirective.name) &&
        hasOptional(document)
      ) {
        const everything = this.endpoint(apiVersion, NOTHING_HIDDEN).schema;
        ({ document, omitted } = omitOptional(document, endpoint.schema, everything));
      }
      const errors = validationErrors(endpoint.schema, document);
      if (errors.length > 0) {
        prepared = { errors };
      } else if (countSubqueries(document) > MAX_SUBQUERIES) {
        prepared = {
          errors: [
            {
              message: `Validation error of type MaxSubqueries: a request may contain at most ${MAX_SUBQUERIES} subqueries under uiapi.query and uiapi.aggregate @ 'uiapi'`,
              locations: [],
              paths: [],
              extensions: VALIDATION
            }
          ]
        };
      } else {
        prepared = { document, omitted };
      }
    } catch (error) {
      const syntax = error as GraphQLError;
      prepared = {
        errors: [
          {
            message: `Invalid Syntax : ${syntax.message.replace(/^Syntax Error: /, '')}`,
            locations: syntax.locations ?? [],
            extensions: { ErrorType: 'InvalidSyntax', classification: 'InvalidSyntax' }
          }
        ]
      };
    }
    if (endpoint.prepared.size >= CACHE_SIZE)
      endpoint.prepared.delete(endpoint.prepared.keys().next().value as string);
    endpoint.prepared.set(text, prepared);
    return prepared;
  }

  /** Executes one request body `{ query, variables?, operationName? }` as the org's request user. */
  async run(org: OrgContext, display: DisplayFormatter, body: unknown): Promise<GraphqlResponse> {
    const request = (body ?? {}) as {
      query?: unknown;
      variables?: unknown;
      operationName?: unknown;
    };
    if (typeof request.query !== 'string' || request.query.trim() === '') {
      return {
        errors: [
          {
            message: 'Invalid Syntax : the request has no query',
            locations: [],
            extensions: { ErrorType: 'InvalidSyntax', classification: 'InvalidSyntax' }
          }
        ]
      };
    }
    const apiVersion = this.options.apiVersion();
    const hidden = this.hiddenOf(org.userId);
    const prepared = this.prepare(apiVersion, hidden, request.query);
    if (!prepared.document) return { errors: prepared.errors ?? [] };
    const variables =
      request.variables && typeof request.variables === 'object'
        ? (request.variables as Record<string, unknown>)
        : {};
    const contextValue: GqlContext = { org, display, rawVariables: variables };
    const result = await execute({
      schema: this.endpoint(apiVersion, hidden).schema,
      document: prepared.document,
      variableValues: variables,
      operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
      contextValue
    });
    const errors = (result.errors ?? []).map(
      (e) =>
        (result.data === undefined ? requestError(e) : null) ?? {
          message: e.message,
          locations: e.locations ?? [],
          ...(e.path ? { path: e.path } : {}),
          extensions:
            e.extensions && Object.keys(e.extensions).length > 0
              ? e.extensions
              : { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
        }
    );
    if (result.data === undefined) return { errors };
    return { data: prepared.omitted ? withoutPlaceholders(result.data) : result.data, errors };
  }
}
