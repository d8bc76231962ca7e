/**
 * `report`: the numbers of a review — KPIs against targets, data trust, funnel, activity — for a
 * user or a manager's team and a period, from an org (the review plan's GraphQL queries) or from
 * a sample-data file. Every number comes from the engine's review model; this command only
 * gathers the inputs and formats the output.
 */
import { runCommand } from '../lib/command';
import { connectOrg } from '../lib/connection';
import { configQuery } from '../lib/config-records';
import { EXIT, InputError, OrgRequestError, UsageError } from '../../cli/errors';
import {
  choiceFlag,
  type CommandSpec,
  type FlagsOf,
  HELP_FLAG,
  isoDate,
  optionalFlag,
  READ_ORG_FLAGS,
  stringFlag
} from '../../cli/flags';
import {
  buildReviewPlan,
  modelFromDataSet,
  modelFromResponses,
  teamSubjectIds,
  menuInForce,
  unavailableWarnings,
  type ReviewModelWithGaps
} from '../lib/kpi-engine';
import { readJsonFile } from '../lib/files';
import { todayInZone } from '../lib/forecast';
import type { Io } from '../../cli/io';
import { environmentLocale } from '../lib/number-format';
import type { OrgClient } from '../lib/org-client';
import { orgCalendar } from '../lib/org-info';
import { toCsv, toMarkdown, toReport, type ReviewModel } from '../lib/review-report';
import {
  kpiMenuSchema,
  sampleDataSchema,
  stagePolicySchema,
  validateJson,
  type SampleDataFile
} from '../lib/schemas';
import { quote } from '../lib/soql';

export const spec = {
  name: 'report',
  summary: 'the numbers of a review for a user or a team, as Markdown, JSON or CSV',
  description:
    'From an org (--target-org) or from a sample-data file (--data). Reads only; writes nothing.\n' +
    "The numbers are the panels' numbers: both come from the engine's review model.",
  examples: [
    'npm run report -- --data sample.json --as-of 2026-11-23 --user maya.moreau@pacer-sample.example --period month --format json',
    'npm run report -- --target-org my-org --team manager@acme.com --period quarter',
    'npm run report -- --target-org my-org --user rep@acme.com --format csv > rep.csv'
  ],
  flags: {
    ...READ_ORG_FLAGS,
    data: optionalFlag({ valueName: 'file', description: 'A sample-data file instead of an org.' }),
    user: optionalFlag({
      valueName: 'user',
      description: 'The owner of the numbers: User Id or Username.'
    }),
    team: optionalFlag({
      valueName: 'manager',
      description: 'A manager (Id or Username): the numbers of everyone below them (and theirs).'
    }),
    'as-of': optionalFlag({
      valueName: 'date',
      defaultText: "the data file's asOf, the local org's day, or today in the org",
      description: 'The day the review is for (YYYY-MM-DD).',
      schema: isoDate
    }),
    period: choiceFlag({
      valueName: 'type',
      choices: ['month', 'quarter', 'year'],
      default: 'month',
      description: 'The period containing --as-of.'
    }),
    'last-review': optionalFlag({
      valueName: 'date',
      defaultText: 'the last SPM_Review__c of the user, else the period start',
      description: 'Date of the last review ("moved since" is measured from it).',
      schema: isoDate
    }),
    format: choiceFlag({
      valueName: 'format',
      choices: ['markdown', 'json', 'csv'],
      default: 'markdown',
      description: 'What stdout gets.'
    }),
    menu: stringFlag({
      valueName: 'file',
      default: 'config/kpi-menu.json',
      description: 'With --data: the KPI menu, when the file holds no SPM_KPI__c records.'
    }),
    'stage-policy': stringFlag({
      valueName: 'file',
      default: 'config/stage-policy.json',
      description: 'With --data: the stage policy, when the file holds none.'
    }),
    ...HELP_FLAG
  }
} satisfies CommandSpec;
type Flags = FlagsOf<typeof spec.flags>;

const PERIOD_TYPES = { month: 'Month', quarter: 'Quarter', year: 'Year' } as const;

interface UserRow {
  Id: string;
  Name: string | null;
  Username?: string | null;
  ManagerId: string | null;
  Title?: string | null;
  IsActive?: boolean | null;
}

/** Finds a user by Id or Username; an unknown one is a usage error naming the flag. */
function findUser(users: readonly UserRow[], wanted: string, flag: string): UserRow {
  const user = users.find(
    (u) =>
      u.Id === wanted || (wanted.length === 15 && u.Id.startsWith(wanted)) || u.Username === wanted
  );
  if (!user) throw new UsageError(`--${flag}: no user with Id or Username "${wanted}"`);
  return user;
}

/** The `--team` manager; someone nobody reports to has no team, which is said, not reported empty. */
function findManager(users: readonly UserRow[], wanted: string): UserRow {
  const manager = findUser(users, wanted, 'team');
  if (!users.some((u) => u.ManagerId === manager.Id))
    throw new UsageError(
      `--team: ${manager.Name ?? manager.Id} (${manager.Username ?? manager.Id}) has no team: nobody reports to them. ` +
        `For their own numbers, use --user ${wanted}.`
    );
  return manager;
}

/**
 * Subjects of the report: the user, or everyone below the manager — and the manager too when
 * they own opportunities (the engine's rule for a team).
 */
async function subjectsOf(
  users: readonly UserRow[],
  flags: Flags,
  ownsDeals: (userId: string) => Promise<boolean>
): Promise<string[]> {
  if (!flags.team) return [findUser(users, flags.user as string, 'user').Id];
  const managerId = findManager(users, flags.team).Id;
  return teamSubjectIds(users, managerId, (await ownsDeals(managerId)) ? [managerId] : []);
}

/** The menu's KPIs and the stage policy from the config files (validated as `seed` validates them). */
function loadConfigFallback(
  menuFile: string,
  stageFile: string,
  cwd: string
): { kpis: unknown[]; stagePolicy: unknown[] } {
  const problems = [];
  const menu = validateJson(kpiMenuSchema, readJsonFile(menuFile, cwd), menuFile);
  const stages = validateJson(stagePolicySchema, readJsonFile(stageFile, cwd), stageFile);
  if (!menu.ok) problems.push(...menu.problems);
  if (!stages.ok) problems.push(...stages.problems);
  if (!menu.ok || !stages.ok) throw new InputError(problems);
  return { kpis: menu.value.kpis, stagePolicy: stages.value.stages };
}

function loadDataSet(file: string, cwd: string): SampleDataFile {
  const result = validateJson(sampleDataSchema, readJsonFile(file, cwd), file);
  if (!result.ok) throw new InputError(result.problems);
  return result.value;
}

async function modelFromOrg(client: OrgClient, flags: Flags, io: Io): Promise<ReviewModelWithGaps> {
  const calendar = await orgCalendar(client, io);
  const asOf = flags['as-of'] ?? todayInZone(io.now(), calendar.timeZone);
  const users = await client.query<UserRow & Record<string, unknown>>(
    'SELECT Id, Name, Username, ManagerId, Title, IsActive FROM User'
  );
  const subjectUserIds = await subjectsOf(users, flags, async (userId) => {
    const { totalSize } = await client.request<{ totalSize: number }>(
      'GET',
      `${client.root}/query?q=${encodeURIComponent(`SELECT COUNT() FROM Opportunity WHERE OwnerId = ${quote(userId)}`)}`
    );
    return totalSize > 0;
  });
  if (subjectUserIds.length === 0) throw new UsageError(`--team: nobody reports to ${flags.team}`);
  // Every year's menu the org holds; the review reads the one in force on asOf, as the panels do.
  const menus = await client.query(configQuery('SPM_KPI__c', 'Active__c = true'));
  const stagePolicy = await client.query(configQuery('SPM_Stage_Policy__c'));
  let lastReviewDate = flags['last-review'] ?? null;
  if (!lastReviewDate && subjectUserIds.length === 1) {
    const [last] = await client.query<{ Review_Date__c: string | null }>(
      `SELECT Review_Date__c FROM SPM_Review__c WHERE Subject_User__c = ${quote(subjectUserIds[0])} AND Review_Date__c < ${asOf} ORDER BY Review_Date__c DESC LIMIT 1`
    );
    lastReviewDate = last?.Review_Date__c ?? null;
  }
  const plan = buildReviewPlan({
    subjectUserIds,
    users,
    kpis: menuInForce(menus, asOf, calendar.fiscalYearStartMonth),
    stagePolicy,
    asOf,
    orgTimeZone: calendar.timeZone,
    fiscalYearStartMonth: calendar.fiscalYearStartMonth,
    currency: calendar.currency,
    periodType: PERIOD_TYPES[flags.period],
    lastReviewDate
  });
  // Every document at once, as the panels send them: one round trip.
  const responses = await Promise.all(
    plan.documents.map(({ query, variables, operationName }) =>
      client.sendGraphql<object>({ query, variables, operationName })
    )
  );
  try {
    // A failed document leaves its panels' numbers out (model.unavailable); only all failing throws.
    return modelFromResponses(plan, responses);
  } catch (error) {
    // GraphQL errors (a field the org lacks or the user cannot see) come back with the Error.
    const errors = (error as { errors?: Array<{ message?: string }> }).errors;
    if (errors)
      throw new OrgRequestError(
        errors.map((e) => e.message ?? String(e)).join('; '),
        'GRAPHQL_ERROR'
      );
    throw error;
  }
}

/**
 * After the numbers: one warning per document the org did not answer (the panels it leaves without
 * numbers, and why); the exit code says whether the report is complete.
 */
function reportGaps(model: ReviewModel, io: Io): number {
  // Models from the engine carry `unavailable` (empty from a data file).
  const lines = unavailableWarnings(model as ReviewModel & Partial<ReviewModelWithGaps>);
  for (const line of lines) io.stderr(`warning: ${line}\n`);
  return lines.length ? EXIT.orgFailure : EXIT.ok;
}

/** Runs `report`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    if (!flags.user === !flags.team) throw new UsageError('Give exactly one of --user or --team.');
    if (flags.data && (flags['target-org'] || flags['instance-url']))
      throw new UsageError('Give either --data or an org, not both.');
    let model: ReviewModel;
    if (flags.data) {
      const dataSet = loadDataSet(flags.data, io.cwd);
      const users = (dataSet.records.User ?? []) as unknown as UserRow[];
      const subject = flags.team
        ? { managerId: findManager(users, flags.team).Id }
        : { subjectUserIds: [findUser(users, flags.user as string, 'user').Id] };
      // A data file without a KPI menu or stage policy uses the config files, as `seed` would load them.
      const configRecords =
        (dataSet.records.SPM_KPI__c?.length ?? 0) > 0 &&
        (dataSet.records.SPM_Stage_Policy__c?.length ?? 0) > 0
          ? {}
          : loadConfigFallback(flags.menu, flags['stage-policy'], io.cwd);
      model = modelFromDataSet(dataSet, {
        ...subject,
        ...configRecords,
        periodType: PERIOD_TYPES[flags.period],
        lastReviewDate: flags['last-review'] ?? null,
        asOf: flags['as-of'] ?? dataSet.meta.asOf
      });
    } else {
      const { client, today } = await connectOrg({ ...flags }, io);
      // The local org's today is its data set's day, the preview's: the same review, not an empty month.
      model = await modelFromOrg(
        client,
        today && !flags['as-of'] ? { ...flags, 'as-of': today } : flags,
        io
      );
    }
    const report = toReport(model);
    if (flags.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (flags.format === 'csv') io.stdout(toCsv(report));
    else
      io.stdout(
        toMarkdown(report, new Map(model.people.map((p) => [p.userId, p.name ?? p.userId])), {
          locale: environmentLocale(io.env),
          currency: model.scope.currency
        })
      );
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    return reportGaps(model, io);
  });
}
