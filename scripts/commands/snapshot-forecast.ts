/**
 * `snapshot-forecast`: the start-of-month forecast per user (commit, weighted, pipeline for the
 * opportunities closing in the month) as SPM_Forecast_Snapshot__c, Key__c `<UserId>-<YYYY-MM>`.
 * Live: from the opportunities as they are now (run it on the 1st). `--backfill N`: the last N
 * months rebuilt from OpportunityHistory, each opportunity as of the first instant of the month.
 * Months that have closed get their won amount. Prints the call budget before it starts.
 */
import { z } from 'zod';
import { runCommand } from '../lib/command';
import { connectOrg } from '../lib/connection';
import { ApiBudgetError } from '../../cli/errors';
import {
  booleanFlag,
  type CommandSpec,
  HELP_FLAG,
  isoDate,
  optionalFlag,
  ORG_FLAGS
} from '../../cli/flags';
import {
  accumulate,
  ForecastAmounts,
  ForecastState,
  HistoryRow,
  monthBounds,
  monthKey,
  startOfDayInZone,
  statesAsOf,
  todayInZone
} from '../lib/forecast';
import type { Io } from '../../cli/io';
import { COLLECTION_SIZE, OrgClient, UpsertRecord } from '../lib/org-client';
import { orgCalendar } from '../lib/org-info';
import { createProgress } from '../lib/progress';
import { renderTable } from '../lib/table';
import { describeCalls, reportFailures, writeSteps } from '../lib/writes';

export const spec = {
  name: 'snapshot-forecast',
  summary:
    'take the start-of-month forecast per user, or rebuild past months from opportunity history',
  description:
    'Live (no --backfill): the month of --as-of, from the opportunities as they are; schedule it for the 1st.\n' +
    'An existing live snapshot of the month is kept unless --replace. The previous month gets its won amount.\n' +
    '--backfill N: the last N months (including the current one) from OpportunityHistory, Source Backfill;\n' +
    'months with a live snapshot keep it unless --replace. The owner is the current owner of each opportunity.',
  examples: [
    'npm run snapshot-forecast -- --target-org my-org',
    'npm run snapshot-forecast -- --target-org my-org --backfill 12 --dry-run'
  ],
  flags: {
    ...ORG_FLAGS,
    'as-of': optionalFlag({
      valueName: 'date',
      defaultText: "today in the org's time zone (the local org: its data set's day)",
      description: 'The day the run is for (YYYY-MM-DD).',
      schema: isoDate
    }),
    backfill: optionalFlag({
      valueName: 'months',
      description: 'Rebuild the last N months (1–36) from OpportunityHistory.',
      schema: z
        .string()
        .regex(/^\d+$/, 'must be a whole number of months')
        .transform(Number)
        .pipe(z.number().min(1).max(36))
    }),
    replace: booleanFlag('Overwrite existing live snapshots of the months concerned.'),
    'time-zone': optionalFlag({
      valueName: 'tz',
      defaultText: "the org's",
      description: 'IANA time zone where months begin.',
      schema: z
        .string()
        .refine(
          (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC',
          'not a known IANA time zone'
        )
    }),
    json: booleanFlag('Print the snapshots and the result as JSON.'),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

/** Records a SOQL page holds at most (the API's default batch size). */
const QUERY_PAGE_SIZE = 2000;

const SNAPSHOT_FIELDS = [
  'Id',
  'Key__c',
  'User__c',
  'Month_Start__c',
  'Commit_Amount__c',
  'Weighted_Amount__c',
  'Pipeline_Amount__c',
  'Won_Amount__c',
  'Source__c'
];

interface ExistingSnapshot {
  Key__c: string;
  Source__c: string | null;
  Commit_Amount__c: number | null;
  Weighted_Amount__c: number | null;
  Pipeline_Amount__c: number | null;
  Won_Amount__c: number | null;
}

/** A snapshot the run computed. */
interface PlannedSnapshot extends ForecastAmounts {
  key: string;
  userId: string;
  month: string;
  won: number | null;
  action: 'write' | 'keep live' | 'unchanged';
}

function snapshotKey(userId: string, month: string): string {
  return `${userId}-${month}`;
}

async function existingSnapshots(
  client: OrgClient,
  firstMonth: string,
  lastMonth: string
): Promise<Map<string, ExistingSnapshot>> {
  const rows = await client.query<ExistingSnapshot & Record<string, unknown>>(
    `SELECT ${SNAPSHOT_FIELDS.join(', ')} FROM SPM_Forecast_Snapshot__c WHERE Month_Start__c >= ${firstMonth} AND Month_Start__c <= ${lastMonth}`
  );
  return new Map(rows.map((row) => [row.Key__c, row]));
}

/** Won amount per `owner|YYYY-MM` from won opportunities. */
function wonByOwnerMonth(
  opportunities: ReadonlyArray<{
    OwnerId: string;
    IsWon: boolean;
    Amount: number | null;
    CloseDate: string | null;
  }>
): Map<string, number> {
  const won = new Map<string, number>();
  for (const opp of opportunities) {
    if (!opp.IsWon || !opp.CloseDate) continue;
    const k = `${opp.OwnerId}|${monthKey(opp.CloseDate)}`;
    won.set(k, Math.round(((won.get(k) ?? 0) + (opp.Amount ?? 0)) * 100) / 100);
  }
  return won;
}

/** Equal amounts to the cent; null only equals null. */
function same(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined)
    return (a ?? null) === (b ?? null);
  return Math.abs(a - b) < 0.005;
}

/** Runs `snapshot-forecast`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    const { client, label, today } = await connectOrg(flags, io);
    const say = (text: string) => {
      if (!flags.json) io.stdout(text);
    };
    const timeZone = flags['time-zone'] ?? (await orgCalendar(client, io)).timeZone;
    const asOf = flags['as-of'] ?? today ?? todayInZone(io.now(), timeZone);
    const takenAt = io.now().toISOString();
    const source = flags.backfill ? 'Backfill' : 'Live';
    const monthCount = flags.backfill ?? 1;
    const months = Array.from({ length: monthCount }, (_, i) =>
      monthBounds(asOf, i - monthCount + 1)
    );
    // Live also closes the previous month (its won amount).
    const wonMonths = flags.backfill ? months.filter((m) => m.end < asOf) : [monthBounds(asOf, -1)];
    const firstStart = [...months, ...wonMonths].map((m) => m.start).sort()[0];
    const lastMonth = months[months.length - 1];
    say(
      `Forecast snapshot (${source}) of ${label}, as of ${asOf} (${timeZone})${flags['dry-run'] ? ', dry run' : ''}\n`
    );
    if (!flags.backfill && asOf.slice(8) !== '01') {
      io.stderr(
        `warning: ${asOf} is not the first of the month; the live snapshot shows the forecast as of today.\n`
      );
    }

    let states: Map<string, ForecastAmounts>[];
    let opportunities: Array<{
      Id: string;
      OwnerId: string;
      IsWon: boolean;
      Amount: number | null;
      CloseDate: string | null;
    }>;
    if (flags.backfill) {
      // The call budget, counted before any data is read: counts, then pages of each query, then writes.
      const lastInstant = startOfDayInZone(lastMonth.start, timeZone);
      const afterLastMonth = startOfDayInZone(monthBounds(lastMonth.start, 1).start, timeZone);
      const oppWhere = `CreatedDate < ${afterLastMonth}`;
      const historyWhere = `CreatedDate < ${lastInstant}`;
      const count = async (soql: string) =>
        (
          await client.request<{ totalSize: number }>(
            'GET',
            `${client.root}/query?q=${encodeURIComponent(soql)}`
          )
        ).totalSize;
      const oppCount = await count(`SELECT COUNT() FROM Opportunity WHERE ${oppWhere}`);
      const historyCount = await count(
        `SELECT COUNT() FROM OpportunityHistory WHERE ${historyWhere}`
      );
      const userCount = await count('SELECT COUNT() FROM User');
      const pages = (n: number) => Math.max(1, Math.ceil(n / QUERY_PAGE_SIZE));
      const maxSnapshots = userCount * monthCount;
      const plan = {
        counts: 3,
        opportunities: pages(oppCount),
        history: pages(historyCount),
        existingSnapshots: pages(maxSnapshots),
        writes: flags['dry-run'] ? 0 : Math.ceil(maxSnapshots / COLLECTION_SIZE)
      };
      const budget =
        client.calls.reads +
        client.calls.writes -
        plan.counts +
        Object.values(plan).reduce((a, b) => a + b, 0);
      say(
        `Call budget: at most ${budget} calls (${client.calls.reads + client.calls.writes} so far; ${plan.opportunities} for ${oppCount} opportunities, ` +
          `${plan.history} for ${historyCount} history rows, ${plan.existingSnapshots} to read snapshots, ${plan.writes} to write up to ${maxSnapshots}); retries come on top.\n`
      );
      say(`Org API budget: ${client.describeBudget()}\n`);
      const remaining = client.remainingBudget();
      if (
        remaining !== undefined &&
        remaining < budget - (client.calls.reads + client.calls.writes)
      ) {
        throw new ApiBudgetError(
          `the backfill needs up to ${budget} calls but only ${remaining} remain within --max-api-share`
        );
      }
      const progress = createProgress(io, flags.progress);
      progress.update('Reading opportunities', 0, oppCount);
      opportunities = await client.query(
        `SELECT Id, OwnerId, IsWon, Amount, CloseDate FROM Opportunity WHERE ${oppWhere}`
      );
      progress.update('Reading opportunities', oppCount, oppCount);
      const history = await client.query<HistoryRow & Record<string, unknown>>(
        `SELECT OpportunityId, CreatedDate, StageName, Amount, Probability, CloseDate, ForecastCategory FROM OpportunityHistory WHERE ${historyWhere} ORDER BY OpportunityId, CreatedDate`
      );
      progress.update('Reading history', history.length, historyCount);
      progress.done();
      const byOpportunity = new Map<string, HistoryRow[]>();
      for (const row of history) {
        const rows = byOpportunity.get(row.OpportunityId) ?? [];
        rows.push(row);
        byOpportunity.set(row.OpportunityId, rows);
      }
      for (const rows of byOpportunity.values())
        rows.sort((a, b) => Date.parse(a.CreatedDate) - Date.parse(b.CreatedDate));
      const ownerOf = new Map(opportunities.map((o) => [o.Id, o.OwnerId]));
      states = months.map((m) =>
        accumulate(
          statesAsOf(byOpportunity, ownerOf, startOfDayInZone(m.start, timeZone)),
          m.start,
          m.end
        )
      );
      say(
        `Budget check: ${client.calls.reads + client.calls.writes} calls used so far of at most ${budget}.\n`
      );
    } else {
      const month = months[0];
      const open = await client.query<{
        OwnerId: string;
        Amount: number | null;
        Probability: number | null;
        CloseDate: string | null;
        ForecastCategoryName: string | null;
        StageName: string | null;
      }>(
        `SELECT OwnerId, Amount, Probability, CloseDate, ForecastCategoryName, StageName FROM Opportunity WHERE IsClosed = false AND CloseDate >= ${month.start} AND CloseDate <= ${month.end}`
      );
      const live: ForecastState[] = open.map((o) => ({
        ownerId: o.OwnerId,
        amount: o.Amount,
        probability: o.Probability,
        closeDate: o.CloseDate,
        forecastCategory: o.ForecastCategoryName,
        stageName: o.StageName,
        isClosed: false
      }));
      states = [accumulate(live, month.start, month.end)];
      const previous = wonMonths[0];
      opportunities = await client.query(
        `SELECT Id, OwnerId, IsWon, Amount, CloseDate FROM Opportunity WHERE IsWon = true AND CloseDate >= ${previous.start} AND CloseDate <= ${previous.end}`
      );
    }

    const existing = await existingSnapshots(client, firstStart, lastMonth.start);
    const won = wonByOwnerMonth(opportunities);
    const planned: PlannedSnapshot[] = [];
    months.forEach((m, index) => {
      const month = monthKey(m.start);
      const closed = m.end < asOf;
      for (const [userId, amounts] of [...states[index]].sort(([a], [b]) => a.localeCompare(b))) {
        const key = snapshotKey(userId, month);
        const current = existing.get(key);
        const wonAmount = closed
          ? (won.get(`${userId}|${month}`) ?? 0)
          : (current?.Won_Amount__c ?? null);
        let action: PlannedSnapshot['action'] = 'write';
        if (current?.Source__c === 'Live' && !flags.replace) action = 'keep live';
        else if (
          current?.Source__c === source &&
          same(current.Commit_Amount__c, amounts.commit) &&
          same(current.Weighted_Amount__c, amounts.weighted) &&
          same(current.Pipeline_Amount__c, amounts.pipeline) &&
          same(current.Won_Amount__c, wonAmount)
        ) {
          action = 'unchanged';
        }
        planned.push({ key, userId, month, ...amounts, won: wonAmount, action });
      }
    });
    const records: UpsertRecord[] = planned
      .filter((p) => p.action === 'write')
      .map((p) => ({
        key: p.key,
        fields: {
          Key__c: p.key,
          Name: `Forecast ${p.month} ${p.userId}`,
          User__c: p.userId,
          Month_Start__c: `${p.month}-01`,
          Commit_Amount__c: p.commit,
          Weighted_Amount__c: p.weighted,
          Pipeline_Amount__c: p.pipeline,
          Won_Amount__c: p.won,
          Source__c: source,
          Taken_At__c: takenAt
        }
      }));
    // Closing months: existing snapshots (live or kept) get their won amount.
    const closing: UpsertRecord[] = [];
    for (const m of wonMonths) {
      const month = monthKey(m.start);
      for (const snapshot of existing.values()) {
        if (!snapshot.Key__c.endsWith(`-${month}`)) continue;
        if (records.some((r) => r.key === snapshot.Key__c)) continue;
        const userId = snapshot.Key__c.slice(0, -(month.length + 1));
        const amount = won.get(`${userId}|${month}`) ?? 0;
        if (!same(snapshot.Won_Amount__c, amount))
          closing.push({
            key: snapshot.Key__c,
            fields: { Key__c: snapshot.Key__c, Won_Amount__c: amount }
          });
      }
    }

    const outcomes = flags['dry-run']
      ? []
      : await writeSteps(
          client,
          [
            {
              type: 'SPM_Forecast_Snapshot__c',
              externalIdField: 'Key__c',
              records: [...records, ...closing]
            }
          ],
          createProgress(io, flags.progress)
        );

    if (flags.json) {
      io.stdout(
        `${JSON.stringify(
          {
            asOf,
            timeZone,
            source,
            dryRun: flags['dry-run'],
            snapshots: planned,
            wonAmountUpdates: closing.map((c) => ({
              key: c.key,
              wonAmount: c.fields.Won_Amount__c
            })),
            failed: outcomes.flatMap((o) => o.failed),
            calls: client.calls
          },
          null,
          2
        )}\n`
      );
    } else {
      io.stdout(
        renderTable(
          [
            'month',
            'users',
            'commit',
            'weighted',
            'pipeline',
            'won',
            'write',
            'kept live',
            'unchanged'
          ],
          months.map((m) => {
            const ofMonth = planned.filter((p) => p.month === monthKey(m.start));
            const sum = (pick: (p: PlannedSnapshot) => number | null) =>
              Math.round(ofMonth.reduce((a, p) => a + (pick(p) ?? 0), 0));
            return [
              monthKey(m.start),
              ofMonth.length,
              sum((p) => p.commit),
              sum((p) => p.weighted),
              sum((p) => p.pipeline),
              m.end < asOf ? sum((p) => p.won) : '',
              ofMonth.filter((p) => p.action === 'write').length,
              ofMonth.filter((p) => p.action === 'keep live').length,
              ofMonth.filter((p) => p.action === 'unchanged').length
            ];
          })
        )
      );
      if (closing.length > 0)
        io.stdout(
          `Won amount ${flags['dry-run'] ? 'to set' : 'set'} on ${closing.length} snapshot(s) of closed months.\n`
        );
      io.stdout(
        flags['dry-run']
          ? `Dry run: nothing was written.\n${describeCalls(client)}`
          : describeCalls(client)
      );
    }
    return reportFailures(outcomes, io);
  });
}
