/**
 * The local org's UI API GraphQL schema (localorg/graphql/schema.ts, generated from force-app's object
 * metadata plus the standard objects), and a check of a document and its variables against it, so
 * component tests prove every query they send is one the org accepts.
 */
import { parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { loadSchema } from '../../localorg/schema/load-schema';
import { buildGraphqlSchema } from '../../localorg/graphql/schema';

let schema;

/** The schema, built once per test file. */
export function localSchema() {
  if (!schema) {
    schema = buildGraphqlSchema(loadSchema(process.cwd()));
  }
  return schema;
}

/**
 * Validation and variable-coercion errors of a request against the local schema (empty when valid).
 * @param {{ query: string, variables?: object, operationName?: string }} request
 * @returns {string[]}
 */
export function documentErrors({ query, variables, operationName }) {
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return [error.message];
  }
  const errors = validate(localSchema(), document).map((e) => e.message);
  if (errors.length) {
    return errors;
  }
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName)
  );
  if (!operation) {
    return [`no operation ${operationName} in the document`];
  }
  const coerced = getVariableValues(
    localSchema(),
    operation.variableDefinitions || [],
    variables || {}
  );
  return (coerced.errors || []).map((e) => e.message);
}
