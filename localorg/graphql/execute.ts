/**
 * Answers `POST /services/data/vNN.0/graphql` as Salesforce does: HTTP 200 with `data` and an
 * `errors` array (empty on success); validation failures carry graphql-java style messages
 * ("Validation error (FieldUndefined@[uiapi/query/Opportunity/edges/node/Foo]) : Field 'Foo' in
 * type 'Opportunity' is undefined") and no data. Parsed and validated documents are cached by
 * their text, so repeated panel queries cost only their execution.
 */
import {
  execute,
  GraphQLError,
  parse,
  validate,
  visit,
  Kind,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode
} from 'graphql';
import type { OrgContext, DisplayFormatter } from '../org';
import type { GqlContext } from './schema';

/** Subqueries (fields under uiapi.query and uiapi.aggregate) one request may hold. */
export const MAX_SUBQUERIES = 10;
const CACHE_SIZE = 200;

/** The JSON body Salesforce answers with. */
export interface GraphqlResponse {
  data?: unknown;
  errors: Array<Record<string, unknown>>;
}

interface Prepared {
  document?: DocumentNode;
  errors?: Array<Record<string, unknown>>;
}

function fieldPaths(document: DocumentNode): Map<ASTNode, string> {
  const paths = new Map<ASTNode, string>();
  const stack: string[] = [];
  visit(document, {
    Field: {
      enter(node) {
        stack.push(node.name.value);
        paths.set(node, stack.join('/'));
      },
      leave() {
        stack.pop();
      }
    },
    Argument(node) {
      paths.set(node, stack.join('/'));
    },
    ObjectField(node) {
      paths.set(node, stack.join('/'));
    }
  });
  return paths;
}

/** Rewrites a graphql-js validation error in the form Salesforce's graphql-java service reports. */
function validationError(
  error: GraphQLError,
  paths: Map<ASTNode, string>
): Record<string, unknown> {
  const node = error.nodes?.[0];
  const path = node ? (paths.get(node) ?? '') : '';
  let kind = 'ValidationError';
  let detail = error.message;
  let match = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(error.message);
  if (match) {
    kind = 'FieldUndefined';
    detail = `Field '${match[1]}' in type '${match[2]}' is undefined`;
  } else if ((match = /^Field "(.+?)" is not defined by type "(.+?)"\./.exec(error.message))) {
    kind = 'WrongType';
    detail = `argument contains a field not in '${match[2]}': '${match[1]}'`;
  } else if ((match = /^Unknown argument "(.+?)" on field "(.+?)"\./.exec(error.message))) {
    kind = 'UnknownArgument';
    detail = `Unknown field argument '${match[1]}'`;
  } else if (/^Unknown type "/.test(error.message)) {
    kind = 'UnknownType';
  } else if (/^Variable "/.test(error.message)) {
    kind = 'VariableTypeMismatch';
  } else if (
    /^Field "(.+?)" of type "(.+?)" must have a selection of subfields/.test(error.message)
  ) {
    kind = 'SubselectionRequired';
  }
  return {
    message: `Validation error (${kind}@[${path}]) : ${detail}`,
    locations: error.locations ?? [],
    extensions: { ErrorType: 'ValidationError', classification: 'ValidationError' }
  };
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

/** Runs GraphQL requests against one org schema, caching validated documents. */
export class GraphqlService {
  private readonly cache = new Map<string, Prepared>();

  constructor(private readonly schema: GraphQLSchema) {}

  private prepare(text: string): Prepared {
    const cached = this.cache.get(text);
    if (cached) return cached;
    let prepared: Prepared;
    try {
      const document = parse(text);
      const errors = validate(this.schema, document);
      if (errors.length > 0) {
        const paths = fieldPaths(document);
        prepared = { errors: errors.map((e) => validationError(e, paths)) };
      } else if (countSubqueries(document) > MAX_SUBQUERIES) {
        prepared = {
          errors: [
            {
              message: `Validation error (MaxSubqueries@[uiapi]) : a request may contain at most ${MAX_SUBQUERIES} subqueries under uiapi.query and uiapi.aggregate`,
              locations: [],
              extensions: { ErrorType: 'ValidationError', classification: 'ValidationError' }
            }
          ]
        };
      } else {
        prepared = { document };
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
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(text, prepared);
    return prepared;
  }

  /** Executes one request body `{ query, variables?, operationName? }`. */
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
    const prepared = this.prepare(request.query);
    if (!prepared.document) return { errors: prepared.errors ?? [] };
    const variables =
      request.variables && typeof request.variables === 'object'
        ? (request.variables as Record<string, unknown>)
        : {};
    const contextValue: GqlContext = { org, display, rawVariables: variables };
    const result = await execute({
      schema: this.schema,
      document: prepared.document,
      variableValues: variables,
      operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
      contextValue
    });
    const errors = (result.errors ?? []).map((e) => ({
      message: e.message,
      locations: e.locations ?? [],
      ...(e.path ? { path: e.path } : {}),
      extensions:
        e.extensions && Object.keys(e.extensions).length > 0
          ? e.extensions
          : { ErrorType: 'DataFetchingException', classification: 'DataFetchingException' }
    }));
    return result.data === undefined ? { errors } : { data: result.data, errors };
  }
}
