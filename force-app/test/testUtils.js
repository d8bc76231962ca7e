/**
 * Helpers shared by every component test.
 */
import { createElement } from 'lwc';
import { reduceErrors } from 'c/errors';

const EMPTY_REVIEW_MODEL = require('@pacer/fixtures/reviewModelEmpty.json');
const REVIEW_ERROR = require('@pacer/fixtures/reviewError.json');

/** Resolves after pending promise callbacks (wire emits, re-renders) have run. */
export function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A deep copy of JSON data: a test changes its own copy of a fixture, never the next test's.
 * @param {*} value
 * @returns {*}
 */
export function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/**
 * The `render(props)` of one component's tests: creates the element, sets the properties
 * `defaults()` gives (a fresh fixture each time), then `props`, appends it to the document and waits
 * for it to render.
 * @param {string} tag e.g. 'c-spm-funnel-panel'
 * @param {Function} component the component's class
 * @param {function(): object} [defaults]
 * @returns {function(object=): Promise<HTMLElement>}
 */
export function renderer(tag, component, defaults = () => ({})) {
  return async (props = {}) => {
    const element = createElement(tag, { is: component });
    Object.assign(element, defaults(), props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
  };
}

/** The first element of a component's shadow root that matches `selector`, or null. */
export const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** Every element of a component's shadow root that matches `selector`, as an array. */
export const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

/** A node's text without the surrounding white space. */
export const text = (node) => node.textContent.trim();

/** Removes every element that a test appended to the document body. */
export function resetDOM() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/**
 * Queries the shadow root of a panel's card shell (c-spm-panel-card), where the spinner, the error
 * panel and the empty message render. The panel's own content is slotted: query it in the panel's
 * shadow root. Throws when the panel has no card, so a `toBeNull()` check cannot pass by accident.
 * @param {HTMLElement} panel the panel under test
 * @param {string} selector
 * @returns {Element|null}
 */
export function inPanelCard(panel, selector) {
  const card = panel.shadowRoot.querySelector('c-spm-panel-card');
  if (!card) {
    throw new Error(`${panel.tagName.toLowerCase()} renders no c-spm-panel-card`);
  }
  return card.shadowRoot.querySelector(selector);
}

/*
 * The branches every review panel's card has besides its data (c-spm-panel-card): in none of them
 * does the panel draw its content (`content`, a selector of what it draws with data). `render` comes
 * from {@link renderer}.
 */

/** Loading: a spinner with alternative text. */
export async function expectLoadingCard(render, content) {
  const element = await render({ loading: true });
  expect(inPanelCard(element, 'lightning-spinner').alternativeText).toBe('c.SPM_Loading');
  expect($(element, content)).toBeNull();
}

/** The empty review model (@pacer/fixtures/reviewModelEmpty.json): the panel's empty message. */
export async function expectEmptyCard(render, message, content) {
  const element = await render({ model: clone(EMPTY_REVIEW_MODEL) });
  expect(inPanelCard(element, 'p.empty').textContent).toBe(message);
  expect($(element, content)).toBeNull();
}

/** A GraphQL error (@pacer/fixtures/reviewError.json): the reduced errors in the shared error panel. */
export async function expectErrorCard(render, content) {
  const errors = reduceErrors(REVIEW_ERROR.errors);
  const element = await render({ error: errors });
  expect(inPanelCard(element, 'c-spm-error-panel').errors).toEqual(errors);
  expect($(element, content)).toBeNull();
}

/**
 * The review plan documents a container has rendered (one c-spm-plan-document each), in plan order:
 * `{ key, operationName, query, variables }`. Tests answer these, whatever their names or number.
 * @param {HTMLElement} container the workspace or the coaching panel
 * @returns {object[]}
 */
export function renderedPlanDocuments(container) {
  return Array.from(container.shadowRoot.querySelectorAll('c-spm-plan-document')).map(
    (element) => element.document
  );
}

/**
 * A wire-config filter for `graphql.emit`: the wires that hold this document with these variables.
 * By content, not identity: a component sees the objects it is given through read-only proxies.
 * @param {{ query: { text: string }, variables: object }} planDocument from {@link renderedPlanDocuments}
 * @returns {function(object): boolean}
 */
export function holding(planDocument) {
  const variables = JSON.stringify(planDocument.variables ?? null);
  return (config) =>
    Boolean(config && config.query) &&
    config.query.text === planDocument.query.text &&
    JSON.stringify(config.variables ?? null) === variables;
}
