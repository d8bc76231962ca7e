/**
 * Helpers shared by every component test.
 */

/** Resolves after pending promise callbacks (wire emits, re-renders) have run. */
export function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every element that a test appended to the document body. */
export function resetDOM() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}
