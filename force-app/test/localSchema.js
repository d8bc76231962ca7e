/**
 * The local org's UI API GraphQL schema (localorg/graphql/schema.ts, generated from force-app's object
 * metadata plus the standard objects and the grammar of localorg/graphql/conformance.ts), at the API
 * version the project declares (sfdx-project.json), and a check of a document and its variables
 * against it, so component tests prove every query they send is one the org accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { loadSchema } from '../../localorg/schema/load-schema';
import { buildGraphqlSchema } from '../../localorg/graphql/schema';
import { validationErrors } from '../../localorg/graphql/execute';

const schemas = new Map();

/** The API version of the project (sourceApiVersion), which the components declare. */
export function projectApiVersion() {
  return JSON.parse(readFileSync(join(process.cwd(), 'sfdx-project.json'), 'utf8'))
    .sourceApiVersion;
}

/**
 * The schema at an API version (default: the project's), built once per test file.
 * @param {string} [apiVersion]
 */
export function localSchema(apiVersion = projectApiVersion()) {
  if (!schemas.has(apiVersion)) {
    schemas.set(apiVersion, buildGraphqlSchema(loadSchema(process.cwd()), { apiVersion }));
  }
  return schemas.get(apiVersion);
}

/**
 * Validation and variable-coercion errors of a request against the local schema (empty when valid),
 * worded as the org words them.
 * @param {{ query: string, variables?: object, operationName?: string }} request
 * @param {{ apiVersion?: string }} [options]
 * @returns {string[]}
 */
export function documentErrors({ query, variables, operationName }, { apiVersion } = {}) {
  const schema = localSchema(apiVersion);
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return [error.message];
  }
  const errors = validationErrors(schema, document).map((e) => e.message);
  if (errors.length) {
    return errors;
  }
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition' && (!operationName || d.name?.value === operationName)
  );
  if (!operation) {
    return [`no operation ${operationName} in the document`];
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions || [], variables || {});
  return (coerced.errors || []).map((e) => e.message);
}
