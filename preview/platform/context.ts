/**
 * The page's runtime context: which org to call and as whom, and the current user's locale.
 * The preview server writes it into the page as JSON (`#pacer-preview-config`); tests set it
 * directly. Every platform module reads it from here.
 */

/** A user the header can switch to. */
export interface PreviewUser {
  id: string;
  name: string;
  title: string | null;
  /** Rep, Manager or Director, from the `ManagerId` hierarchy. */
  persona: 'Rep' | 'Manager' | 'Director';
  managerId: string | null;
}

/** The host page's configuration. */
export interface PreviewContext {
  /** Base URL of the org's REST API ('' for the preview's same-origin proxy). */
  instanceUrl: string;
  /** Salesforce API version used by the platform modules, e.g. `62.0`. */
  apiVersion: string;
  /** Bearer token sent to the org. */
  accessToken: string;
  /** The current user (`@salesforce/user/Id`). */
  userId: string;
  /** Users to switch to in the header. */
  users: PreviewUser[];
  /** `@salesforce/i18n/*` values for the current user. */
  i18n: Record<string, string | number>;
  /** The data set's "today" (`YYYY-MM-DD`), shown in the header. */
  asOf: string | null;
  /** Query parameters that make the preview state (user, locale) and survive navigation. */
  preservedParams: Record<string, string>;
}

/** Id of the JSON script element holding the context. */
export const CONTEXT_ELEMENT_ID = 'pacer-preview-config';

let current: PreviewContext | undefined;

/** The page's context (read once from the page). */
export function previewContext(): PreviewContext {
  if (!current) {
    const element =
      typeof document === 'undefined' ? null : document.getElementById(CONTEXT_ELEMENT_ID);
    if (!element?.textContent) {
      throw new Error(
        `The preview page has no #${CONTEXT_ELEMENT_ID} configuration; open it through npm start.`
      );
    }
    current = JSON.parse(element.textContent) as PreviewContext;
  }
  return current;
}

/** Replaces the context (unit tests and tools that drive the modules outside a page). */
export function setPreviewContext(context: PreviewContext | undefined): void {
  current = context;
}
