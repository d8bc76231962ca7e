/**
 * The context a preview page runs with (see preview/platform/context.ts), from the URL's
 * `user` and `locale` parameters, the org's users and the data set's settings.
 */
import type { PreviewContext } from '../platform/context';
import { localeFromSidKey, localeSettings } from './localeSettings';
import { userSessionToken } from '../../localorg/sessions';
import { defaultUser, type OrgUser } from './users';

/** The API version the platform modules call. */
export const PREVIEW_API_VERSION = '62.0';

/** Org-wide settings from the data set's meta. */
export interface OrgSettings {
  currency: string;
  orgTimeZone: string;
  asOf: string | null;
}

/**
 * Builds the page context for a request's query string. The page gets the token of its user, so its
 * API calls run as that user whatever other pages do at the same time.
 */
export function pageContext(
  search: URLSearchParams,
  users: readonly OrgUser[],
  org: OrgSettings,
  accessToken: string
): PreviewContext {
  const requested = search.get('user');
  const user = users.find((candidate) => candidate.id === requested) ?? defaultUser(users);
  const requestedLocale = search.get('locale');
  let locale = localeFromSidKey(user?.localeSidKey);
  if (requestedLocale) {
    try {
      locale = new Intl.Locale(requestedLocale).toString();
    } catch {
      // An unknown locale in the URL keeps the user's own.
    }
  }
  const preservedParams: Record<string, string> = {};
  if (user) preservedParams.user = user.id;
  if (requestedLocale && locale === requestedLocale) preservedParams.locale = locale;
  return {
    instanceUrl: '',
    apiVersion: PREVIEW_API_VERSION,
    accessToken: user ? userSessionToken(accessToken, user.id) : accessToken,
    userId: user?.id ?? '',
    users: users.map(({ id, name, title, persona, managerId }) => ({
      id,
      name,
      title,
      persona,
      managerId
    })),
    i18n: localeSettings(locale, org.currency, user?.timeZoneSidKey ?? org.orgTimeZone),
    asOf: org.asOf,
    preservedParams
  };
}
