/**
 * Jest mock of lightning/graphql, a superset of sfdx-lwc-jest's stub:
 * - `graphql` is a test wire adapter with the stub's `emit(data, filterFn)` / `emitErrors(errors, filterFn)`
 *   / `getLastConfig()`; `filterFn` receives a wire's config, so a test can answer one query of a
 *   component that wires several (`(config) => config.query?.operationName === 'reviewContext'`).
 * - `gql` stays a `jest.fn()` but returns a document `{ kind: 'Document', text, operationName }`
 *   (the stub returns undefined), so tests see which query each wire holds and can validate it.
 * - `graphql.requests()` lists what the platform would send: one entry each time a wire holds a defined
 *   query with new variables. Wires whose query is undefined (delayed) send nothing, as on the platform.
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

const sent = [];

function operationNameOf(text) {
  const match = /\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text);
  return match ? match[1] : null;
}

export class graphql extends createTestWireAdapter() {
  static emit(value, filterFn, refreshFn) {
    super.emit(
      { data: value, errors: undefined, ...(refreshFn !== undefined && { refresh: refreshFn }) },
      filterFn
    );
  }

  static emitErrors(errors, filterFn, refreshFn) {
    super.emit(
      { data: undefined, errors, ...(refreshFn !== undefined && { refresh: refreshFn }) },
      filterFn
    );
  }

  /** The requests sent so far: `{ operationName, query, variables }` in order. */
  static requests() {
    return sent.slice();
  }

  /** Forget the recorded requests (call in afterEach). */
  static resetRequests() {
    sent.length = 0;
  }

  constructor(dataCallback) {
    super(dataCallback);
    // Like the platform: a wire starts with neither data nor errors (the loading state).
    dataCallback({ data: undefined, errors: undefined });
  }

  update(config, context) {
    super.update(config, context);
    const query = config && config.query;
    if (!query) {
      return;
    }
    const key = `${query.text}|${JSON.stringify(config.variables ?? null)}`;
    if (key !== this.lastRequestKey) {
      this.lastRequestKey = key;
      sent.push({
        operationName: config.operationName || query.operationName,
        query: query.text,
        variables: config.variables
      });
    }
  }
}

/** The `gql` tag: keeps the document's text (a real document is parsed by the platform). */
export const gql = jest.fn((strings, ...values) => {
  const text = String.raw({ raw: strings }, ...values);
  return { kind: 'Document', text, operationName: operationNameOf(text) };
});

/** lightning/graphql's refresh helper (unused by Pacer, resolved for completeness). */
export const refreshGraphQL = jest.fn(() => Promise.resolve());
