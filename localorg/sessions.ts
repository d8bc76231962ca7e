/**
 * Sessions of the local org: the org's access token runs as the session user; a user token runs as one
 * named user. The preview hands each page the token of the user it shows, so pages open as different
 * users at the same time (two tabs) never run as each other, nor write under each other's name.
 * Real orgs mint one opaque token per login; here the user's id is part of the token, which is enough
 * for a development harness that listens on 127.0.0.1 only.
 */

import { to18 } from './ids';

const USER_SEPARATOR = '.';
const USER_ID = /^005[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/;

/**
 * The token that runs requests as `userId`.
 * @param accessToken the org's access token (`LocalOrg.accessToken`)
 * @param userId an 18- or 15-character User id
 */
export function userSessionToken(accessToken: string, userId: string): string {
  return `${accessToken}${USER_SEPARATOR}${userId}`;
}

/**
 * Whom a bearer token runs as: `null` for the org's own token (the session user), the user's id for a
 * user token, `undefined` when the token is not one of this org's.
 */
export function tokenUser(token: string, accessToken: string): string | null | undefined {
  if (token === accessToken) return null;
  const prefix = `${accessToken}${USER_SEPARATOR}`;
  if (!token.startsWith(prefix)) return undefined;
  const userId = token.slice(prefix.length);
  // Salesforce answers with 18-character ids whichever length was given.
  return USER_ID.test(userId) ? to18(userId) : undefined;
}
