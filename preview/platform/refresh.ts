/**
 * Preview implementation of `lightning/refresh`: a `RefreshEvent` reaching the page makes every
 * registered refresh handler run, as the platform's refresh container does for a record page.
 */

/** The event's name. */
export const REFRESH_EVENT_NAME = 'lightning__refreshevent';
/** Results a refresh handler may resolve with. */
export const REFRESH_COMPLETE = 'COMPLETE';
export const REFRESH_COMPLETE_WITH_ERRORS = 'COMPLETE_WITH_ERRORS';
export const REFRESH_ERROR = 'ERROR';

type RefreshHandler = () => Promise<unknown> | unknown;

const handlers = new Map<number, RefreshHandler>();
let nextId = 1;
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener(REFRESH_EVENT_NAME, () => {
    void Promise.allSettled([...handlers.values()].map((handler) => handler()));
  });
}

/** `this.dispatchEvent(new RefreshEvent())`: asks the page to refresh its data. */
export class RefreshEvent extends CustomEvent<undefined> {
  constructor() {
    super(REFRESH_EVENT_NAME, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Registers `handler` (bound to `element` by the caller) to run on refresh; returns its id. */
export function registerRefreshHandler(element: unknown, handler: RefreshHandler): number {
  listen();
  const id = nextId++;
  handlers.set(id, typeof handler === 'function' ? handler.bind(element) : handler);
  return id;
}

/** Stops a handler registered with {@link registerRefreshHandler}. */
export function unregisterRefreshHandler(id: number): void {
  handlers.delete(id);
}

/** A container's handler is a refresh handler too in the preview (one page, one container). */
export const registerRefreshContainer = registerRefreshHandler;
export const unregisterRefreshContainer = unregisterRefreshHandler;
