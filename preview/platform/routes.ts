/**
 * Page references ↔ preview URLs, shaped like Lightning Experience's
 * (`/lightning/n/<tab>`, `/lightning/r/<Object>/<id>/view`, `/lightning/o/<Object>/list`).
 * The preview's own state (current user, locale) rides along in the query string.
 */

/** A Lightning page reference. */
export interface PageReference {
  type: string;
  attributes?: Record<string, string | undefined>;
  state?: Record<string, string | undefined>;
}

/**
 * Record id key prefixes of the objects Pacer uses (docs/data-model.md). The local org mints ids with
 * the same prefixes (sample-data/ids.ts); this browser module keeps its own table because the preview
 * bundle only compiles preview/ code.
 */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  '001': 'Account',
  '005': 'User',
  '006': 'Opportunity',
  '008': 'OpportunityHistory',
  '00T': 'Task',
  '00U': 'Event',
  a01: 'SPM_KPI__c',
  a02: 'SPM_Target__c',
  a03: 'SPM_Cadence__c',
  a04: 'SPM_Agenda_Item__c',
  a05: 'SPM_Review__c',
  a06: 'SPM_Action__c',
  a07: 'SPM_Forecast_Snapshot__c',
  a08: 'SPM_Stage_Policy__c'
};

/** The object of a record id, from its key prefix. */
export function objectOfRecordId(recordId: string | undefined): string | undefined {
  return recordId ? KEY_PREFIXES[recordId.slice(0, 3)] : undefined;
}

function withQuery(
  path: string,
  state: Record<string, string | undefined> | undefined,
  preserved: Record<string, string>
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state ?? {})) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(preserved)) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The preview URL of a page reference; `preserved` are the preview's own query parameters. */
export function pageReferenceToUrl(
  reference: PageReference,
  preserved: Record<string, string> = {}
): string {
  const attributes = reference?.attributes ?? {};
  const state = reference?.state;
  switch (reference?.type) {
    case 'standard__navItemPage':
      return withQuery(
        `/lightning/n/${encodeURIComponent(attributes.apiName ?? '')}`,
        state,
        preserved
      );
    case 'standard__recordPage': {
      const objectApiName =
        attributes.objectApiName ?? objectOfRecordId(attributes.recordId) ?? 'Record';
      const action = attributes.actionName ?? 'view';
      return withQuery(
        `/lightning/r/${objectApiName}/${encodeURIComponent(attributes.recordId ?? '')}/${action}`,
        state,
        preserved
      );
    }
    case 'standard__objectPage':
      return withQuery(
        `/lightning/o/${attributes.objectApiName ?? ''}/${attributes.actionName ?? 'list'}`,
        state,
        preserved
      );
    case 'standard__namedPage':
      return withQuery(`/lightning/page/${attributes.pageName ?? 'home'}`, state, preserved);
    case 'standard__webPage':
      return attributes.url ?? '/';
    default:
      throw new Error(
        `The preview cannot navigate to a page reference of type ${String(reference?.type)}`
      );
  }
}

/** The page reference of a preview URL (path and query); unknown paths give a named `home` page. */
export function urlToPageReference(pathname: string, search = ''): PageReference {
  const state: Record<string, string> = {};
  // As on the platform, only namespaced parameters (`c__…`) are page state.
  for (const [key, value] of new URLSearchParams(search))
    if (/^[a-z]\w*__\w+/.test(key)) state[key] = value;
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'lightning') {
    if (parts[1] === 'n' && parts[2])
      return { type: 'standard__navItemPage', attributes: { apiName: parts[2] }, state };
    if (parts[1] === 'r' && parts[3]) {
      return {
        type: 'standard__recordPage',
        attributes: { recordId: parts[3], objectApiName: parts[2], actionName: parts[4] ?? 'view' },
        state
      };
    }
    if (parts[1] === 'o' && parts[2]) {
      return {
        type: 'standard__objectPage',
        attributes: { objectApiName: parts[2], actionName: parts[3] ?? 'list' },
        state
      };
    }
  }
  return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state };
}
