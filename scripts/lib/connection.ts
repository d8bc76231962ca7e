/**
 * Resolves the org a command talks to. Three ways, none of which reads a password or prints a token:
 * - `--target-org <alias>`: the sf CLI's stored auth, through @salesforce/core;
 * - `--target-org local`: the local org (npm run localorg), at the URL and token it documents;
 * - `--instance-url <url>` with the access token in SF_ACCESS_TOKEN.
 */
import { Connection } from 'jsforce';
import { UsageError } from './errors';
import type { Io } from './io';
import { API_VERSION, ConnectionLike, OrgClient } from './org-client';

/** The alias that means the local org. */
export const LOCAL_ALIAS = 'local';
/** Where `npm run localorg` listens unless told otherwise (localorg/README.md). */
export const LOCAL_ORG_DEFAULT_URL = 'http://127.0.0.1:4410';
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
}

function directConnection(instanceUrl: string, accessToken: string): ConnectionLike {
  // A trailing slash would make every path `//services/…`.
  return new Connection({
    instanceUrl: instanceUrl.replace(/\/+$/, ''),
    accessToken,
    version: API_VERSION
  }) as unknown as ConnectionLike;
}

/** Resolves the org named by the flags (see the module comment for the three ways). */
export async function resolveOrg(choice: OrgChoice, io: Io): Promise<ResolvedOrg> {
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
    const url = io.env.PACER_LOCAL_ORG_URL ?? LOCAL_ORG_DEFAULT_URL;
    const token = io.env.PACER_LOCAL_ORG_TOKEN ?? LOCAL_ORG_DEFAULT_TOKEN;
    return { connection: directConnection(url, token), label: `local org (${url})` };
  }
  // Loaded only when needed: @salesforce/core takes a moment to load.
  const { Org } = await import('@salesforce/core');
  const org = await Org.create({ aliasOrUsername: alias });
  const connection = org.getConnection(API_VERSION) as unknown as ConnectionLike;
  return { connection, label: `${alias} (${connection.instanceUrl})` };
}

/** Resolves the org and wraps it in an OrgClient that reports retries on stderr. */
export async function connectOrg(
  choice: OrgChoice & { 'max-api-share': number },
  io: Io
): Promise<{ client: OrgClient; label: string }> {
  const { connection, label } = await resolveOrg(choice, io);
  const client = new OrgClient(connection, {
    maxApiShare: choice['max-api-share'],
    sleep: io.sleep,
    onRetry: (message) => io.stderr(`warning: ${message}\n`)
  });
  return { client, label };
}
