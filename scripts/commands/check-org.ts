/**
 * `check:org`: the admin's pre-flight after a deploy. Introspects the org's UI API GraphQL schema as
 * the running user (and as each `--as` user), builds every document Pacer sends for the org's own KPI
 * menu, cadences, stage policy and a team (scripts/lib/pacer-documents.ts), validates each with
 * graphql-js against that schema, then runs each once. One line per document and per subquery: valid
 * and answered, invalid with the reason, or the org's error; for a failing document, the panels it
 * would blank. Reads only; exits 1 when any document fails.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type IntrospectionQuery,
  type SelectionSetNode
} from 'graphql';
import { userSessionToken } from '../../localorg/sessions';
import { runCommand } from '../lib/command';
import { connectOrg, LOCAL_ALIAS, LOCAL_ORG_DEFAULT_TOKEN } from '../lib/connection';
import { configQuery } from '../lib/config-records';
import { EXIT, UsageError } from '../../cli/errors';
import {
  type CommandSpec,
  type FlagsOf,
  HELP_FLAG,
  isoDate,
  optionalFlag,
  READ_ORG_FLAGS
} from '../../cli/flags';
import { todayInZone } from '../lib/forecast';
import type { Io } from '../../cli/io';
import type { OrgClient } from '../lib/org-client';
import { orgCalendar } from '../lib/org-info';
import { pacerDocuments, type PacerDocument, type PacerUser } from '../lib/pacer-documents';
import { quote } from '../lib/soql';
import { FIELD_SECURITY } from '../metadata-check/fieldSecurity';
import { objectOfTypeName } from '../metadata-check/documentFields';

export const spec = {
  name: 'check:org',
  summary:
    "the admin's pre-flight: every GraphQL document Pacer sends, validated and run in the org",
  description:
    "Builds the documents for the org's KPI menu, cadences, stage policy and a team, validates each\n" +
    "against the org's GraphQL schema as the user sees it (introspection), runs each once, and says\n" +
    'which panels a failing document would blank. Reads only; writes nothing.\n' +
    '--as views the org as other users: with `local`, users of the local org; with a real org, other\n' +
    'sf CLI logins (`npx sf org login …` as that user) of the same org: no password is ever asked for.\n' +
    'Exit code 1 here means that some document failed (each is listed).',
  examples: [
    'npm run check:org -- --target-org pacer',
    'npm run check:org -- --target-org pacer --as pacer-rep,pacer-manager',
    'npm run check:org -- --target-org local --as maya.moreau@pacer-sample.example'
  ],
  flags: {
    ...READ_ORG_FLAGS,
    as: optionalFlag({
      valueName: 'users',
      description:
        'Also check as these users (comma-separated). Local org: Username or Id. Real org: sf CLI alias or username of a login of that user in the same org.'
    }),
    rep: optionalFlag({
      valueName: 'user',
      defaultText: "a direct report of the team's manager",
      description: 'The rep whose review and coaching documents are built (Id or Username).'
    }),
    team: optionalFlag({
      valueName: 'manager',
      defaultText: 'the user with the most direct reports',
      description: 'The manager whose team review is built (Id or Username).'
    }),
    account: optionalFlag({
      valueName: 'id',
      defaultText: "an account of the rep's, else any",
      description: "The Account the coaching panel's account query is built for."
    }),
    'as-of': optionalFlag({
      valueName: 'date',
      defaultText: 'today in the org',
      description: 'The day the documents are built for (YYYY-MM-DD).',
      schema: isoDate
    }),
    ...HELP_FLAG
  }
} satisfies CommandSpec;
type Flags = FlagsOf<typeof spec.flags>;

/** Stands in for an account when the org has none: the account query's shape is what is checked. */
const NO_ACCOUNT_ID = '001000000000000AAA';

interface UserRow extends PacerUser {
  Username?: string | null;
}

interface UserInfo {
  user_id: string;
  organization_id: string;
  preferred_username?: string;
}

/* ---------------------------------------------------------------- documents, subqueries, reasons */

/** A top-level field under `uiapi { query }` or `uiapi { aggregate }`: what Salesforce counts as a subquery. */
export interface Subquery {
  /** The alias, or the object's name. */
  name: string;
  kind: 'query' | 'aggregate';
  object: string;
  start: number;
  end: number;
}

function fieldsOf(set: SelectionSetNode | undefined, name: string): FieldNode[] {
  return (set?.selections ?? []).filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name
  );
}

/** The subqueries of a parsed document, in order. */
export function subqueriesOf(document: DocumentNode): Subquery[] {
  const out: Subquery[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const uiapi of fieldsOf(definition.selectionSet, 'uiapi')) {
      for (const kind of ['query', 'aggregate'] as const) {
        for (const part of fieldsOf(uiapi.selectionSet, kind)) {
          for (const field of part.selectionSet?.selections ?? []) {
            if (field.kind !== Kind.FIELD) continue;
            out.push({
              name: field.alias?.value ?? field.name.value,
              kind,
              object: field.name.value,
              start: field.loc?.start ?? 0,
              end: field.loc?.end ?? 0
            });
          }
        }
      }
    }
  }
  return out;
}

/**
 * `Object.Field` names a reason says are undefined for the user (graphql-js' and Salesforce's
 * wording), keeping those whose type stands for an object (`isObject`): an input shape's own keys
 * (`GroupByClause.function`) are not fields.
 */
export function fieldsNamedIn(reason: string, isObject: (name: string) => boolean): string[] {
  const patterns = [
    /Cannot query field "([^"]+)" on type "([^"]+)"/g,
    /Field "([^"]+)" is not defined by type "([^"]+)"/g,
    /Field '([^']+)' in type '([^']+)' is undefined/g
  ];
  const found: string[] = [];
  for (const pattern of patterns) {
    for (const match of reason.matchAll(pattern)) {
      const object = objectOfTypeName(match[2]);
      if (isObject(object)) found.push(`${object}.${match[1]}`);
    }
  }
  return [...new Set(found)];
}

/** Whether a type of the schema is a record type (Salesforce's object types implement `Record`). */
function recordTypeTest(schema: GraphQLSchema | null): (name: string) => boolean {
  if (!schema) return () => true;
  return (name) => {
    const type = schema.getType(name);
    return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Record');
  };
}

/** What happened to one subquery (or to the document outside any subquery: `name` null). */
interface PartOutcome {
  name: string | null;
  invalid: string[];
  errors: string[];
}

/** What happened to one document for one user. */
export interface DocumentOutcome {
  document: PacerDocument;
  parts: PartOutcome[];
  /** Fields the reasons name (absent for this user, or unknown). */
  fields: string[];
  failed: boolean;
}

interface GraphqlError {
  message?: string;
  path?: Array<string | number>;
}

/**
 * Which subquery an org error is about: its `path`, or the path in Salesforce's message
 * (`@[uiapi/query/<name>/…]`, or graphql-java's `@ 'uiapi/aggregate/<name>'`). A message may name the
 * object rather than the alias: it then points at a subquery only when one subquery reads that object.
 */
function subqueryOfError(error: GraphqlError, subqueries: readonly Subquery[]): string | null {
  const pick = (kind: string, segment: string): string | null => {
    const byName = subqueries.find((s) => s.kind === kind && s.name === segment);
    if (byName) return byName.name;
    const byObject = subqueries.filter((s) => s.kind === kind && s.object === segment);
    return byObject.length === 1 ? byObject[0].name : null;
  };
  if (error.path && error.path[0] === 'uiapi' && error.path.length > 2)
    return pick(String(error.path[1]), String(error.path[2]));
  const match = /@ ?\[?'?uiapi\/(query|aggregate)\/([^/\]']+)/.exec(error.message ?? '');
  return match ? pick(match[1], match[2]) : null;
}

/** Longest reason printed: graphql-java quotes whole input values in its messages. */
const MAX_REASON = 300;
const shorten = (reason: string): string =>
  reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;

/**
 * Validates a document against a schema and reads the org's response to it: each reason is put on
 * the subquery it is about, or on the document.
 */
export function documentOutcome(
  document: PacerDocument,
  schema: GraphQLSchema | null,
  response: { data?: unknown; errors?: GraphqlError[] } | { failure: string }
): DocumentOutcome {
  const ast = parse(document.query);
  const subqueries = subqueriesOf(ast);
  const parts = new Map<string | null, PartOutcome>([
    [null, { name: null, invalid: [], errors: [] }],
    ...subqueries.map((s): [string, PartOutcome] => [
      s.name,
      { name: s.name, invalid: [], errors: [] }
    ])
  ]);
  const partAt = (offset: number | undefined): PartOutcome =>
    parts.get(
      subqueries.find((s) => offset !== undefined && offset >= s.start && offset < s.end)?.name ??
        null
    )!;
  if (schema) {
    // graphql-js's spelling suggestions ("Did you mean …?") point at other fields, not at the cause.
    for (const error of validate(schema, ast))
      partAt(error.nodes?.[0]?.loc?.start).invalid.push(
        error.message.replace(/ Did you mean .*\?$/, '')
      );
  }
  if ('failure' in response) {
    parts.get(null)!.errors.push(response.failure);
  } else {
    for (const error of response.errors ?? [])
      parts
        .get(subqueryOfError(error, subqueries))!
        .errors.push(shorten(error.message ?? JSON.stringify(error)));
    const uiapi = (response.data as { uiapi?: Record<string, Record<string, unknown> | null> })
      ?.uiapi;
    if (!uiapi && (response.errors ?? []).length === 0)
      parts.get(null)!.errors.push('the org answered without data');
    for (const sub of subqueries) {
      const part = parts.get(sub.name)!;
      const value = uiapi?.[sub.kind]?.[sub.name];
      if (uiapi && (value === null || value === undefined) && part.errors.length === 0)
        part.errors.push('no data for this subquery');
    }
  }
  const list = [...parts.values()];
  const reasons = list.flatMap((p) => [...p.invalid, ...p.errors]);
  return {
    document,
    parts: list,
    fields: [...new Set(reasons.flatMap((r) => fieldsNamedIn(r, recordTypeTest(schema))))],
    failed: reasons.length > 0
  };
}

/** The lines printed for one document. */
export function formatOutcome(outcome: DocumentOutcome): string[] {
  const { document, parts } = outcome;
  const describe = (part: PartOutcome): string => {
    if (part.invalid.length > 0) return `invalid: ${part.invalid.join('; ')}`;
    if (part.errors.length > 0) return `error from the org: ${part.errors.join('; ')}`;
    return 'valid, answered';
  };
  const status = (failed: boolean): string => (failed ? 'FAILED' : 'ok').padEnd(7);
  const whole = parts.find((p) => p.name === null)!;
  const subs = parts.filter((p) => p.name !== null);
  const failedSubs = subs.filter((p) => p.invalid.length + p.errors.length > 0).length;
  const pieces = [
    ...(whole.invalid.length > 0 ? [`invalid: ${whole.invalid.join('; ')}`] : []),
    ...(failedSubs > 0 ? [`${failedSubs} of ${subs.length} subqueries failed`] : []),
    ...(whole.errors.length > 0 ? [`error from the org: ${whole.errors.join('; ')}`] : [])
  ];
  const summary =
    pieces.length > 0 ? pieces.join('; ') : `valid, answered (${subs.length} subqueries)`;
  const lines = [
    `  ${status(outcome.failed)} ${document.operationName} (${document.uses.join('; ')}): ${summary}`
  ];
  for (const part of subs) {
    const failed = part.invalid.length + part.errors.length > 0;
    lines.push(`    ${status(failed)} ${part.name}: ${describe(part)}`);
  }
  if (outcome.failed) {
    if (outcome.fields.length > 0) {
      const flsNote = outcome.fields
        .filter((f) => FIELD_SECURITY.get(f)?.fls || f.endsWith('__c'))
        .map((f) => `${f} is under field-level security`);
      lines.push(
        `    fields absent for this user: ${outcome.fields.join(', ')}` +
          (flsNote.length > 0
            ? ` (${flsNote.join('; ')}: SPM_Rep, SPM_Manager and SPM_Admin grant Read on it, so check that the user has one of them)`
            : '')
      );
    }
    lines.push(
      document.panels.length > 0
        ? `    would blank: ${document.panels.join(', ')}`
        : '    would blank: every panel that reads this document (the plan does not name its panels)'
    );
  }
  return lines;
}

/* ---------------------------------------------------------------- the org */

function findUser(users: readonly UserRow[], wanted: string, flag: string): UserRow {
  const user = users.find(
    (u) =>
      u.Id === wanted || (wanted.length === 15 && u.Id.startsWith(wanted)) || u.Username === wanted
  );
  if (!user) throw new UsageError(`--${flag}: no active user with Id or Username "${wanted}"`);
  return user;
}

/** The manager with the most direct reports (ties by name), and one of their reports with none. */
function defaultTeam(users: readonly UserRow[]): { manager: UserRow; rep: UserRow } {
  const reports = (id: string) => users.filter((u) => u.ManagerId === id && u.Id !== id);
  const byName = (a: UserRow, b: UserRow) => String(a.Name).localeCompare(String(b.Name));
  const managers = users
    .filter((u) => reports(u.Id).length > 0)
    .sort((a, b) => reports(b.Id).length - reports(a.Id).length || byName(a, b));
  const manager = managers[0] ?? [...users].sort(byName)[0];
  const team = reports(manager.Id).sort(byName);
  const rep = team.find((u) => reports(u.Id).length === 0) ?? team[0] ?? manager;
  return { manager, rep };
}

async function userInfo(client: OrgClient): Promise<UserInfo> {
  return client.request<UserInfo>('GET', '/services/oauth2/userinfo');
}

async function introspect(client: OrgClient): Promise<GraphQLSchema | string> {
  try {
    const response = await client.sendGraphql<IntrospectionQuery>({
      query: getIntrospectionQuery()
    });
    if (!response.data)
      return `introspection failed: ${(response.errors ?? []).map((e) => e.message).join('; ')}`;
    return buildClientSchema(response.data);
  } catch (error) {
    return `introspection failed: ${(error as Error).message}`;
  }
}

async function runDocument(
  client: OrgClient,
  document: PacerDocument
): Promise<{ data?: unknown; errors?: GraphqlError[] } | { failure: string }> {
  try {
    const { query, variables, operationName } = document;
    return await client.sendGraphql({ query, variables, operationName });
  } catch (error) {
    return { failure: (error as Error).message };
  }
}

/**
 * Compares the table of standard fields with the org's describe, where the org reports which fields
 * FLS controls (`permissionable`). Returns the lines to print.
 */
async function compareFieldTable(client: OrgClient): Promise<string[]> {
  const objects = [...new Set([...FIELD_SECURITY.keys()].map((key) => key.split('.')[0]))];
  const differences: string[] = [];
  let compared = 0;
  for (const object of objects) {
    let fields: Array<{ name: string; permissionable?: boolean }>;
    try {
      fields = (
        await client.request<{ fields: Array<{ name: string; permissionable?: boolean }> }>(
          'GET',
          `${client.root}/sobjects/${object}/describe`
        )
      ).fields;
    } catch {
      continue;
    }
    for (const field of fields) {
      const entry = FIELD_SECURITY.get(`${object}.${field.name}`);
      if (!entry || typeof field.permissionable !== 'boolean') continue;
      compared += 1;
      if (field.permissionable !== entry.fls)
        differences.push(
          `  note    ${entry.field}: the org says field-level security ${field.permissionable ? 'controls' : 'does not control'} it; ` +
            `the table in scripts/metadata-check/fieldSecurity.ts says the opposite (${entry.why}): tell the Pacer maintainers`
        );
    }
  }
  if (compared === 0)
    return [
      "FLS table: the org's describe does not say which fields FLS controls (permissionable); not compared"
    ];
  return [
    `FLS table: ${compared - differences.length} of ${compared} standard fields agree with the org's describe`,
    ...differences
  ];
}

/** One user's view of the org: a client that runs as them, and how to name them. */
interface View {
  label: string;
  client: OrgClient;
}

async function asViews(
  flags: Flags,
  io: Io,
  users: readonly UserRow[],
  target: UserInfo
): Promise<View[]> {
  const names = (flags.as ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return [];
  if (!flags['target-org'])
    throw new UsageError(
      '--as needs --target-org: with --instance-url only the one token in SF_ACCESS_TOKEN is known.'
    );
  const views: View[] = [];
  for (const name of names) {
    if (flags['target-org'] === LOCAL_ALIAS) {
      // The local org runs a request as the user its token names (localorg/sessions.ts).
      const user = findUser(users, name, 'as');
      const base = io.env.PACER_LOCAL_ORG_TOKEN ?? LOCAL_ORG_DEFAULT_TOKEN;
      const { client } = await connectOrg(
        { 'target-org': LOCAL_ALIAS, 'max-api-share': flags['max-api-share'] },
        { ...io, env: { ...io.env, PACER_LOCAL_ORG_TOKEN: userSessionToken(base, user.Id) } }
      );
      views.push({ label: String(user.Username ?? user.Id), client });
      continue;
    }
    // A real org mints a token per login: the user must have logged in with the sf CLI.
    const { client } = await connectOrg(
      { 'target-org': name, 'max-api-share': flags['max-api-share'] },
      io
    );
    const info = await userInfo(client);
    if (info.organization_id !== target.organization_id)
      throw new UsageError(
        `--as ${name}: that login is for org ${info.organization_id}, not ${target.organization_id} (--target-org ${flags['target-org']})`
      );
    views.push({ label: info.preferred_username ?? name, client });
  }
  return views;
}

/** Runs `check:org`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    const { client, label } = await connectOrg({ ...flags }, io);
    const target = await userInfo(client);
    const calendar = await orgCalendar(client, io);
    const asOf = flags['as-of'] ?? todayInZone(io.now(), calendar.timeZone);
    const users = await client.query<UserRow & Record<string, unknown>>(
      'SELECT Id, Name, Username, ManagerId, Title FROM User WHERE IsActive = true ORDER BY Name'
    );
    if (users.length === 0) throw new UsageError('the org has no active user to plan a review for');
    const fallback = defaultTeam(users);
    const manager = flags.team ? findUser(users, flags.team, 'team') : fallback.manager;
    const rep = flags.rep ? findUser(users, flags.rep, 'rep') : fallback.rep;
    const kpis = await client.query(configQuery('SPM_KPI__c', 'Active__c = true'));
    const cadences = await client.query(
      'SELECT Id, Key__c, Frequency__c, Active__c FROM SPM_Cadence__c WHERE Active__c = true'
    );
    const stagePolicy = await client.query(configQuery('SPM_Stage_Policy__c'));
    const accountId =
      flags.account ??
      (
        await client.query<{ Id: string }>(
          `SELECT Id FROM Account WHERE OwnerId = ${quote(rep.Id)} LIMIT 1`
        )
      )[0]?.Id ??
      (await client.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1'))[0]?.Id ??
      NO_ACCOUNT_ID;
    const set = pacerDocuments({
      users,
      kpis,
      cadences,
      stagePolicy,
      asOf,
      orgTimeZone: calendar.timeZone,
      fiscalYearStartMonth: calendar.fiscalYearStartMonth,
      repId: rep.Id,
      managerId: manager.Id,
      accountId
    });
    const views: View[] = [
      { label: target.preferred_username ?? target.user_id, client },
      ...(await asViews(flags, io, users, target))
    ];

    const subqueryCount = set.documents.reduce(
      (n, d) => n + subqueriesOf(parse(d.query)).length,
      0
    );
    const out = (line = ''): void => io.stdout(`${line}\n`);
    out(`check:org — ${label}, as of ${asOf}`);
    out(
      `Pacer in this org: ${kpis.length} active KPIs, ${cadences.length} active cadences (reviews by ${set.periodTypes.join(', ')}), ` +
        `${stagePolicy.length} stages; rep ${rep.Name ?? rep.Id}, team of ${manager.Name ?? manager.Id}, account ${accountId === NO_ACCOUNT_ID ? 'none in the org (a stand-in id)' : accountId}`
    );
    out(`${set.documents.length} documents, ${subqueryCount} subqueries.`);
    for (const item of set.unplanned)
      out(`note: ${item.use}: KPI ${item.key} is not planned: ${item.reason}`);

    const failures: string[] = [];
    for (const view of views) {
      out();
      const schema = await introspect(view.client);
      out(
        `As ${view.label}: ${typeof schema === 'string' ? schema : `schema introspected (${Object.keys(schema.getTypeMap()).length} types)`}`
      );
      if (typeof schema === 'string') failures.push(`${view.label}: ${schema}`);
      let failed = 0;
      for (const document of set.documents) {
        const outcome = documentOutcome(
          document,
          typeof schema === 'string' ? null : schema,
          await runDocument(view.client, document)
        );
        for (const line of formatOutcome(outcome)) out(line);
        if (outcome.failed) failed += 1;
      }
      if (failed > 0)
        failures.push(`${view.label}: ${failed} of ${set.documents.length} documents failed`);
    }
    out();
    for (const line of await compareFieldTable(client)) out(line);
    out();
    out(
      failures.length === 0
        ? `check:org OK: every document is valid and answered, as ${views.map((v) => v.label).join(', ')}`
        : `check:org FAILED: ${failures.join('; ')}`
    );
    return failures.length === 0 ? EXIT.ok : EXIT.recordFailures;
  });
}
