/**
 * Resolves the org a command talks to. Three ways, none of which reads a password or prints a token:
 * - `--target-org <alias>`: the sf CLI's stored auth, through @salesforce/core;
 * - `--target-org local`: the local org (npm run localorg), at the URL and token it documents;
 * - `--instance-url <url>` with the access token in SF_ACCESS_TOKEN.
 * The two mistakes an admin makes first fail at once, in one line: an alias the sf CLI has no login
 * for, and `local` with no local org listening (no retries: nothing there will come up by itself).
 */
import { Connection } from 'jsforce';
import { OrgUnreachableError, UsageError } from '../../cli/errors';
import type { Io } from '../../cli/io';
import { API_VERSION, ConnectionLike, OrgClient } from './org-client';

/** The alias that means the local org. */
export const LOCAL_ALIAS = 'local';
/** Where `npm run localorg` listens unless told otherwise (localorg/README.md). */
const LOCAL_ORG_DEFAULT_URL = 'http://127.0.0.1:4410';
/** The local org's fixed fake token (no secret: it opens nothing but the local stand-in server). */
export const LOCAL_ORG_DEFAULT_TOKEN = '00D000000000001!LOCAL';

/** Flags that choose the org. */
export interface OrgChoice {
  'target-org'?: string;
  'instance-url'?: string;
}

/** A connection and a description of it that is safe to print. */
export interface ResolvedOrg {
  connection: ConnectionLike;
  /** e.g. `my-sandbox (https://acme--uat.sandbox.my.salesforce.com)` */
  label: string;
  /**
   * The org's own "today" (`YYYY-MM-DD`) when it has one apart from the calendar: the local org's
   * is its data set's as-of day, the day the preview shows. Undefined for real orgs.
   */
  today?: string;
}

/** How long the local org may take to answer the first call before it counts as not running. */
const LOCAL_ORG_TIMEOUT_MS = 5000;

/** What to do when no local org answers, for the message. */
export function startLocalOrgHint(url: string, fromEnv: boolean): string {
  return fromEnv
    ? `start it, or set PACER_LOCAL_ORG_URL to the URL \`npm start\` or \`npm run localorg\` prints (it is ${url})`
    : `start one with \`npm run localorg\` in another terminal, or, to use the one \`npm start\` runs, set PACER_LOCAL_ORG_URL to the local org URL it prints`;
}

/**
 * One call to the local org before any other: fails at once when nothing listens, and reads its
 * day. The local org's clock runs on its data set's as-of day (localorg/README.md) and its
 * userinfo reports that clock (`updated_at`), so the date of that instant is the org's today.
 */
async function localOrgToday(url: string, token: string, fromEnv: boolean): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${url}/services/oauth2/userinfo`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(LOCAL_ORG_TIMEOUT_MS)
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new OrgUnreachableError(
      `No local org answers at ${url} (${cause}): ${startLocalOrgHint(url, fromEnv)}.`
    );
  }
  if (response.status === 401)
    throw new OrgUnreachableError(
      `The local org at ${url} refused the token: set PACER_LOCAL_ORG_TOKEN to the access token \`npm run localorg\` prints.`
    );
  const body = (await response.json().catch(() => undefined)) as
    { updated_at?: unknown } | undefined;
  const day = typeof body?.updated_at === 'string' ? body.updated_at.slice(0, 10) : '';
  if (!response.ok || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new OrgUnreachableError(
      `What answers at ${url} is not a Pacer local org (HTTP ${response.status} to its userinfo): ${startLocalOrgHint(url, fromEnv)}.`
    );
  return day;
}

/** Opens an org the sf CLI has a login for (@salesforce/core). */
async function openSfOrg(aliasOrUsername: string): Promise<ConnectionLike> {
  // Loaded only when needed: @salesforce/core takes a moment to load.
  const { Org } = await import('@salesforce/core');
  const org = await Org.create({ aliasOrUsername });
  // @salesforce/core's Connection is @jsforce/jsforce-node's: the same public members, another type.
  return org.getConnection(API_VERSION) as unknown as ConnectionLike;
}

/** What @salesforce/core throws for an alias or username the sf CLI has no login for. */
const NO_LOGIN_ERROR = 'NamedOrgNotFoundError';

function directConnection(instanceUrl: string, accessToken: string): ConnectionLike {
  // A trailing slash would make every path `//services/…`.
  return new Connection({
    instanceUrl: instanceUrl.replace(/\/+$/, ''),
    accessToken,
    version: API_VERSION
  });
}

/** Resolves the org named by the flags (see the module comment for the three ways). */
async function resolveOrg(choice: OrgChoice, io: Io): Promise<ResolvedOrg> {
  const alias = choice['target-org'];
  const instanceUrl = choice['instance-url'];
  if (alias && instanceUrl)
    throw new UsageError('Give either --target-org or --instance-url, not both.');
  if (instanceUrl) {
    const token = io.env.SF_ACCESS_TOKEN;
    if (!token)
      throw new UsageError(
        '--instance-url needs the access token in the SF_ACCESS_TOKEN environment variable.'
      );
    return { connection: directConnection(instanceUrl, token), label: instanceUrl };
  }
  if (!alias)
    throw new UsageError('Missing --target-org <alias> (or --instance-url with SF_ACCESS_TOKEN).');
  if (alias === LOCAL_ALIAS) {
    const url = (io.env.PACER_LOCAL_ORG_URL ?? LOCAL_ORG_DEFAULT_URL).replace(/\/+$/, '');
    const token = io.env.PACER_LOCAL_ORG_TOKEN ?? LOCAL_ORG_DEFAULT_TOKEN;
    const today = await localOrgToday(url, token, io.env.PACER_LOCAL_ORG_URL !== undefined);
    return { connection: directConnection(url, token), label: `local org (${url})`, today };
  }
  let connection: ConnectionLike;
  try {
    connection = await openSfOrg(alias);
  } catch (error) {
    if ((error as Error).name !== NO_LOGIN_ERROR) throw error;
    throw new OrgUnreachableError(
      `The sf CLI has no login for "${alias}": log in with \`npx sf org login web --alias ${alias}\` ` +
        '(a sandbox: add --instance-url https://test.salesforce.com), or use -o local for the local org.'
    );
  }
  return { connection, label: `${alias} (${connection.instanceUrl})` };
}

/** Resolves the org and wraps it in an OrgClient that reports retries on stderr. */
export async function connectOrg(
  choice: OrgChoice & { 'max-api-share': number },
  io: Io
): Promise<{ client: OrgClient; label: string; today?: string }> {
  const { connection, label, today } = await resolveOrg(choice, io);
  const client = new OrgClient(connection, {
    maxApiShare: choice['max-api-share'],
    sleep: io.sleep,
    onRetry: (message) => io.stderr(`warning: ${message}\n`)
  });
  return { client, label, today };
}
