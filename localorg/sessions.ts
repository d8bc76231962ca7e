/**
 * Sessions of the local org: the org's access token runs as the session user; a user token runs as one
 * named user. The preview hands each page the token of the user it shows, so pages open as different
 * users at the same time (two tabs) never run as each other, nor write under each other's name.
 * Real orgs mint one opaque token per login; here the user's id is part of the token, which is enough
 * for a development harness that listens on 127.0.0.1 only. What a user may not see (field-level
 * security, for GraphQL) is declared per user too.
 */

import { to18 } from '../sample-data/ids';
import type { OrgSchema } from './schema/model';
import type { RecordStore } from './store';

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

/**
 * Fields users cannot see, as field-level security hides them: by user id (15 or 18 characters),
 * username, or `'*'` for everyone; each a list of `Object.Field`.
 */
export type HiddenFields = Record<string, readonly string[]>;

/** Fields every record type has through the `Record` interface: an org never hides them. */
const ALWAYS_VISIBLE = new Set(['Id', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp']);

/**
 * Checks a hidden-fields spec against the org and returns, for a user id, the fields that user
 * cannot see (everyone's and their own). Throws on an unknown object, field or user, so a typo
 * cannot leave a field visible unnoticed.
 */
export function hiddenFieldsByUser(
  schema: OrgSchema,
  store: RecordStore,
  spec: HiddenFields
): (userId: string) => ReadonlySet<string> {
  const everyone = new Set<string>();
  const byUser = new Map<string, Set<string>>();
  for (const [who, fields] of Object.entries(spec)) {
    const target = who === '*' ? everyone : new Set<string>();
    for (const name of fields) target.add(checkedField(schema, name));
    if (who === '*') continue;
    const userId = userIdOf(store, who);
    byUser.set(userId, new Set([...(byUser.get(userId) ?? []), ...target]));
  }
  const cache = new Map<string, ReadonlySet<string>>();
  return (userId) => {
    let fields = cache.get(userId);
    if (!fields) {
      fields = new Set([...everyone, ...(byUser.get(userId) ?? [])]);
      cache.set(userId, fields);
    }
    return fields;
  };
}

function checkedField(schema: OrgSchema, name: string): string {
  const [objectName, fieldName, ...rest] = name.split('.');
  const object = schema.objects.get(objectName);
  if (!object || !fieldName || rest.length > 0)
    throw new Error(`Cannot hide ${name}: expected Object.Field with an object of the org`);
  if (!object.fields.has(fieldName))
    throw new Error(`Cannot hide ${name}: ${objectName} has no field ${fieldName}`);
  if (ALWAYS_VISIBLE.has(fieldName))
    throw new Error(`Cannot hide ${name}: every record type has ${fieldName}`);
  return `${objectName}.${fieldName}`;
}

function userIdOf(store: RecordStore, who: string): string {
  if (USER_ID.test(who)) {
    const id = to18(who);
    if (store.getById(id)) return id;
  } else {
    const user = store
      .table('User')
      .records.find((u) => String(u.Username).toLowerCase() === who.toLowerCase());
    if (user) return String(user.Id);
  }
  throw new Error(`Cannot hide fields from ${who}: no such user in the data set`);
}

/**
 * Takes every `--hide-field Object.Field[@username]` (or `--hide-field=…`) out of a command line:
 * the flag repeats, which the shared flag parser does not allow. Without `@username` the field is
 * hidden from everyone.
 */
export function takeHideFieldFlags(argv: readonly string[]): {
  rest: string[];
  hiddenFields: HiddenFields;
} {
  const rest: string[] = [];
  const hiddenFields: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    let value: string | undefined;
    if (argv[i] === '--hide-field') {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new Error('--hide-field needs a value: Object.Field or Object.Field@username');
      i += 1;
    } else if (argv[i].startsWith('--hide-field=')) {
      value = argv[i].slice('--hide-field='.length);
    } else {
      rest.push(argv[i]);
      continue;
    }
    const at = value.indexOf('@');
    const field = at < 0 ? value : value.slice(0, at);
    const who = at < 0 ? '*' : value.slice(at + 1);
    if (!field || !who)
      throw new Error(`--hide-field ${value}: expected Object.Field or Object.Field@username`);
    (hiddenFields[who] ??= []).push(field);
  }
  return { rest, hiddenFields };
}
