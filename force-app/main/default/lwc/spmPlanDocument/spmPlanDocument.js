import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';

/** The event that carries each result of the wire to the container. */
const RESULT_EVENT = 'documentresult';

/**
 * Loads one document of a review plan: one `lightning/graphql` wire, each of whose results goes to the
 * container as a `documentresult` event, `{ document, data, errors, refresh }`. A container renders
 * one per document of its plan (`for:each` over c/reviewLoader's planDocuments), so a plan of any
 * number of documents is sent at once, every wire configured in the same render: one round trip.
 * The event names its document, so a container can tell an answer to an earlier plan's document
 * from one to its current plan. Renders nothing.
 */
export default class SpmPlanDocument extends LightningElement {
  /** `{ key, operationName, query, variables }` from c/reviewLoader planDocuments (query parsed). */
  @api document;

  @wire(graphql, {
    query: '$document.query',
    variables: '$document.variables',
    operationName: '$document.operationName'
  })
  wiredDocument({ data, errors, refresh }) {
    // The wire's first value (neither data nor errors) says nothing the container does not know.
    if (!data && !errors) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent(RESULT_EVENT, {
        detail: { document: this.document, data, errors, refresh }
      })
    );
  }
}
