/**
 * `plan-targets`: yearly outcome targets from a CSV (user, year, kpi, value) → SPM_Target__c
 * records: each yearly target (Source Manual) and, for the sales target, the leading targets the
 * engine's decomposition derives from each rep's own history (win rate, average deal value, sales
 * cycle over the last 12 months): deals to win, opportunities and pipeline to create, sales per
 * month (or quarter), each linked to the yearly target (Derived_From__r) with its arithmetic.
 * Validates the whole CSV against the org before writing; writes only what changed.
 */
import { formatNumber } from 'c/decomposition';
import { z } from 'zod';
import { runCommand } from '../lib/command';
import { connectOrg } from '../lib/connection';
import { diffRecord, RecordDiff } from '../lib/diff';
import {
  averageDealValue,
  decompose,
  DECOMPOSABLE_KPI_KEY,
  DECOMPOSED_KPI_KEYS,
  decomposedTargetRecords,
  periodContaining,
  salesCycle,
  winRate,
  type Decomposition
} from '../lib/kpi-engine';
import { InputError, InputProblem } from '../../cli/errors';
import {
  booleanFlag,
  choiceFlag,
  type CommandSpec,
  HELP_FLAG,
  isoDate,
  optionalFlag,
  ORG_FLAGS,
  requiredFlag,
  stringFlag,
  wholeNumber
} from '../../cli/flags';
import { readText } from '../lib/files';
import { monthBounds, todayInZone } from '../lib/forecast';
import type { Io } from '../../cli/io';
import type { OrgClient } from '../lib/org-client';
import { orgCalendar } from '../lib/org-info';
import { createProgress } from '../lib/progress';
import { queryByKeys, quote } from '../lib/soql';
import { figure, renderTable } from '../lib/table';
import { parseTargetCsv, type TargetLine } from '../lib/targets-csv';
import { describeCalls, reportFailures, StepOutcome, writeDiffs } from '../lib/writes';

export const spec = {
  name: 'plan-targets',
  summary: 'yearly outcome targets (CSV) → leading targets per rep and month or quarter',
  description:
    'CSV columns: user,year,kpi,value — user is a User Id or Username, kpi a KPI key of the menu, year the\n' +
    'fiscal year. Every row becomes a yearly target (Source Manual). A sales_won target is decomposed, from\n' +
    "the rep's own win rate, average deal value and sales cycle, into monthly (or quarterly) targets for\n" +
    'sales_won, deals_won, new_opportunities and new_pipeline (Source Decomposed), with the arithmetic.\n' +
    'Reps with fewer than 5 closed deals in the history window use the figures of everyone in the CSV.',
  examples: [
    'npm run plan-targets -- --target-org my-org --file targets-2027.csv --dry-run',
    'npm run plan-targets -- --target-org my-org --file targets-2027.csv --period quarter'
  ],
  flags: {
    ...ORG_FLAGS,
    file: requiredFlag({
      valueName: 'csv',
      missing: 'the targets CSV',
      description: 'The targets (required).'
    }),
    period: choiceFlag({
      valueName: 'type',
      choices: ['month', 'quarter'],
      default: 'month',
      description: 'The period of the leading targets.'
    }),
    'as-of': optionalFlag({
      valueName: 'date',
      defaultText: "today in the org's time zone (the local org: its data set's day)",
      description: 'The history window ends here (or the day before the fiscal year, if earlier).',
      schema: isoDate
    }),
    'history-months': stringFlag({
      valueName: 'n',
      default: '12',
      description: 'Months of closed deals the rates come from (1–60).',
      schema: wholeNumber(1).pipe(z.number().max(60))
    }),
    json: booleanFlag('Print the plan and the result as JSON.'),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

/** Below this many closed deals a rep's own rates are too noisy: the CSV's reps together are used. */
const MIN_CLOSED_DEALS = 5;
/** Salesforce User Ids: key prefix 005, 15 or 18 characters. */
const USER_ID = /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

const TARGET_FIELDS = [
  'Id',
  'Key__c',
  'Name',
  'KPI__c',
  'Assignee__c',
  'Period_Type__c',
  'Period_Start__c',
  'Period_End__c',
  'Value__c',
  'Source__c',
  'Derived_From__r.Key__c',
  'Arithmetic__c'
];

interface UserRow {
  Id: string;
  Username: string;
  Name: string | null;
  IsActive: boolean | null;
}
interface KpiRow {
  Id: string;
  Key__c: string;
  Name: string;
}

/** A rep's history, as the decomposition needs it. */
interface RepRates {
  winRate: number | null;
  averageDealValue: number | null;
  salesCycleDays: number | null;
  closed: number;
  won: number;
  source: 'own' | 'everyone in the file';
}

/** One planned target row (for printing and JSON). */
interface PlannedTarget {
  key: string;
  fields: Record<string, unknown>;
  derived: boolean;
}

async function resolveUsers(
  client: OrgClient,
  lines: readonly TargetLine[]
): Promise<Map<string, UserRow>> {
  const wanted = [...new Set(lines.map((l) => l.user))];
  const ids = wanted.filter((u) => USER_ID.test(u));
  const names = wanted.filter((u) => !USER_ID.test(u));
  const found = new Map<string, UserRow>();
  const where = [
    ids.length ? `Id IN (${ids.map(quote).join(', ')})` : '',
    names.length ? `Username IN (${names.map(quote).join(', ')})` : ''
  ]
    .filter(Boolean)
    .join(' OR ');
  const rows = await client.query<UserRow & Record<string, unknown>>(
    `SELECT Id, Username, Name, IsActive FROM User WHERE ${where}`
  );
  for (const wantedUser of wanted) {
    const match = rows.find(
      (r) =>
        r.Id === wantedUser ||
        r.Id.slice(0, 15) === wantedUser ||
        r.Username.toLowerCase() === wantedUser.toLowerCase()
    );
    if (match) found.set(wantedUser, match);
  }
  return found;
}

/** Per-owner closed and won counts and won amount, and won deals for the cycle, in the window. */
async function repRates(
  client: OrgClient,
  ownerIds: readonly string[],
  window: { start: string; end: string },
  timeZone: string
): Promise<Map<string, RepRates>> {
  const owners = ownerIds.map(quote).join(', ');
  const where = `CloseDate >= ${window.start} AND CloseDate <= ${window.end} AND OwnerId IN (${owners})`;
  const groups = await client.query<{
    OwnerId: string;
    IsWon: boolean;
    n: number;
    amount: number | null;
  }>(
    `SELECT OwnerId, IsWon, COUNT(Id) n, SUM(Amount) amount FROM Opportunity WHERE IsClosed = true AND ${where} GROUP BY OwnerId, IsWon`
  );
  const wonDeals = await client.query<{
    OwnerId: string;
    IsWon: boolean;
    CreatedDate: string;
    CloseDate: string;
  }>(
    `SELECT OwnerId, IsWon, CreatedDate, CloseDate FROM Opportunity WHERE IsWon = true AND ${where}`
  );
  const rates = (ids: readonly string[], source: RepRates['source']): RepRates => {
    const mine = groups.filter((g) => ids.includes(g.OwnerId));
    const won = mine.filter((g) => g.IsWon).reduce((a, g) => a + g.n, 0);
    const closed = mine.reduce((a, g) => a + g.n, 0);
    const wonAmount = mine.filter((g) => g.IsWon).reduce((a, g) => a + (g.amount ?? 0), 0);
    return {
      winRate: winRate(won, closed),
      averageDealValue: averageDealValue(wonAmount, won),
      salesCycleDays: salesCycle(
        wonDeals.filter((d) => ids.includes(d.OwnerId)),
        timeZone
      ).value,
      closed,
      won,
      source
    };
  };
  const everyone = rates(ownerIds, 'everyone in the file');
  return new Map(
    ownerIds.map((id) => {
      const own = rates([id], 'own');
      return [id, own.closed >= MIN_CLOSED_DEALS && own.won > 0 ? own : everyone];
    })
  );
}

/**
 * The arithmetic of the first fiscal quarter, from the engine's decomposition (whose own lines
 * are per month): the yearly target's share for the quarter, then the deals, opportunities and
 * pipeline that share needs. The lines before the monthly ones (yearly target, rates) stay.
 */
function quarterlyArithmetic(result: Decomposition, yearly: number): string[] {
  const quarter = result.quarters?.[0] as
    | {
        start: string;
        end: string;
        label: string;
        months: string[];
        wonAmount: number;
        dealsToWin: number;
        opportunitiesToCreate: number;
        pipelineNeeded: number;
      }
    | undefined;
  const firstMonthly = result.lines.findIndex((text) => text.startsWith('Per month'));
  if (!quarter || firstMonthly < 0) return result.lines;
  const {
    weights,
    winRate: rate,
    averageDealValue: deal,
    leadMonths
  } = result.assumptions as unknown as {
    weights: number[];
    winRate: number;
    averageDealValue: number;
    leadMonths: number;
  };
  const inQuarter = result.months
    .map((month, i) => ({ month, weight: weights[i] }))
    .filter(({ month }) => month.start >= quarter.start && month.end <= quarter.end);
  const share = inQuarter.reduce((sum, m) => sum + m.weight, 0);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const createFrom = inQuarter[0]?.month.start
    ? monthBounds(inQuarter[0].month.start, -leadMonths).start
    : quarter.start;
  return [
    ...result.lines.slice(0, firstMonthly),
    `Per quarter (${quarter.label}: ${quarter.months[0]} – ${quarter.months[quarter.months.length - 1]}): ${formatNumber(yearly)} × ${formatNumber(share)} ÷ ${formatNumber(total)} = ${formatNumber(quarter.wonAmount)} to win.`,
    `Deals to win: ${formatNumber(quarter.wonAmount)} ÷ ${formatNumber(deal)} = ${formatNumber(quarter.dealsToWin)} deals.`,
    `Opportunities to create: ${formatNumber(quarter.dealsToWin)} ÷ ${formatNumber(rate)}% = ${formatNumber(quarter.opportunitiesToCreate)}, created from ${createFrom} (${leadMonths} month(s) ahead).`,
    `New pipeline needed: ${formatNumber(quarter.opportunitiesToCreate)} × ${formatNumber(deal)} = ${formatNumber(quarter.pipelineNeeded)}.`
  ];
}

/** Fiscal year N (named by the calendar year it ends in, as the engine names it): its first and last day. */
function fiscalYear(year: number, fiscalYearStartMonth: number): { start: string; end: string } {
  const lastMonth = fiscalYearStartMonth === 1 ? 12 : fiscalYearStartMonth - 1;
  return periodContaining(
    'Year',
    `${year}-${String(lastMonth).padStart(2, '0')}-01`,
    fiscalYearStartMonth
  );
}

/** Runs `plan-targets`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    const file = flags.file;
    const lines = parseTargetCsv(readText(file, io.cwd), file);
    const { client, label, today } = await connectOrg(flags, io);
    const calendar = await orgCalendar(client, io);
    const asOf = flags['as-of'] ?? today ?? todayInZone(io.now(), calendar.timeZone);

    // Everything the CSV names must exist in the org before anything is written.
    const users = await resolveUsers(client, lines);
    const kpis = await queryByKeys<KpiRow & Record<string, unknown>>(
      client,
      'SPM_KPI__c',
      ['Id', 'Key__c', 'Name'],
      'Key__c',
      [...lines.map((l) => l.kpi), ...DECOMPOSED_KPI_KEYS]
    );
    const problems: InputProblem[] = [];
    const seen = new Map<string, number>();
    for (const line of lines) {
      const user = users.get(line.user);
      if (!user)
        problems.push({
          file,
          place: line.places.user,
          reason: `unknown user "${line.user}" (no User with this Id or Username in ${label})`
        });
      if (!kpis.has(line.kpi))
        problems.push({
          file,
          place: line.places.kpi,
          reason: `unknown KPI key "${line.kpi}" (not in the org's KPI menu: run seed first?)`
        });
      if (user) {
        const identity = `${user.Id}|${line.year}|${line.kpi}`;
        const first = seen.get(identity);
        if (first !== undefined)
          problems.push({
            file,
            place: line.places.user,
            reason: `duplicate target: same user (${user.Username}), year and KPI as line ${first}`
          });
        else seen.set(identity, line.line);
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    for (const user of new Set([...users.values()].filter((u) => u.IsActive === false))) {
      io.stderr(`warning: ${user.Username} is inactive\n`);
    }

    const sales = lines.filter((l) => l.kpi === DECOMPOSABLE_KPI_KEY);
    const missing = DECOMPOSED_KPI_KEYS.filter((k) => !kpis.has(k));
    if (sales.length > 0 && missing.length > 0) {
      io.stderr(
        `warning: the org's menu lacks ${missing.join(', ')}: no decomposed targets for ${missing.length > 1 ? 'them' : 'it'}\n`
      );
    }
    const planned: PlannedTarget[] = [];
    const explanations: Array<{
      line: TargetLine;
      user: UserRow;
      rates?: RepRates;
      decomposition?: Decomposition;
      error?: string;
    }> = [];
    let rates = new Map<string, RepRates>();
    if (sales.length > 0) {
      const ownerIds = [...new Set(sales.map((l) => (users.get(l.user) as UserRow).Id))];
      const years = sales.map((l) => l.year);
      // The window ends the day before the earliest planned fiscal year starts, or at asOf if earlier.
      const firstYear = fiscalYear(Math.min(...years), calendar.fiscalYearStartMonth);
      const dayBefore = monthBounds(firstYear.start, -1).end;
      const end = dayBefore < asOf ? dayBefore : asOf;
      const window = { start: monthBounds(end, -flags['history-months'] + 1).start, end };
      rates = await repRates(client, ownerIds, window, calendar.timeZone);
      if (!flags.json) io.stdout(`History window: ${window.start} to ${window.end}\n`);
    }

    for (const line of lines) {
      const user = users.get(line.user) as UserRow;
      const kpi = kpis.get(line.kpi) as KpiRow;
      const year = fiscalYear(line.year, calendar.fiscalYearStartMonth);
      const outcomeKey = `${user.Id}-${line.kpi}-FY${line.year}`;
      planned.push({
        key: outcomeKey,
        derived: false,
        fields: {
          Key__c: outcomeKey,
          Name: `${kpi.Name} FY${line.year}`.slice(0, 80),
          KPI__c: kpi.Id,
          Assignee__c: user.Id,
          Period_Type__c: 'Year',
          Period_Start__c: year.start,
          Period_End__c: year.end,
          Value__c: line.value,
          Source__c: 'Manual',
          Derived_From__r: null,
          Arithmetic__c: null
        }
      });
      if (line.kpi !== DECOMPOSABLE_KPI_KEY) continue;
      const rep = rates.get(user.Id) as RepRates;
      if (rep.winRate === null || rep.averageDealValue === null || line.value <= 0) {
        explanations.push({
          line,
          user,
          rates: rep,
          error: 'no won deals in the history window: nothing to decompose from'
        });
        continue;
      }
      const result = decompose({
        yearlyTarget: line.value,
        winRate: rep.winRate,
        averageDealValue: rep.averageDealValue,
        salesCycleDays: rep.salesCycleDays ?? 0,
        fiscalYearStartMonth: calendar.fiscalYearStartMonth,
        fiscalYear: line.year
      });
      result.lines.splice(
        1,
        0,
        `Rates from ${rep.source === 'own' ? "the rep's own" : "everyone in the file's"} ${rep.closed} closed deals (${rep.won} won).`
      );
      explanations.push({ line, user, rates: rep, decomposition: result });
      const kpiIds = Object.fromEntries(
        DECOMPOSED_KPI_KEYS.filter((k) => kpis.has(k)).map((k) => [k, (kpis.get(k) as KpiRow).Id])
      );
      const records = decomposedTargetRecords(result, {
        assigneeId: user.Id,
        kpiIds,
        keyPrefix: user.Id,
        periodType: flags.period === 'quarter' ? 'Quarter' : 'Month'
      });
      for (const record of records) {
        // The engine links by Id; here the yearly target may not exist yet, so link by its Key__c.
        const fields = { ...record };
        delete fields.Derived_From__c;
        planned.push({
          key: String(record.Key__c),
          derived: true,
          fields: { ...fields, Derived_From__r: { Key__c: outcomeKey } }
        });
      }
    }

    const existing = await queryByKeys(
      client,
      'SPM_Target__c',
      TARGET_FIELDS,
      'Key__c',
      planned.map((p) => p.key)
    );
    const diffs: RecordDiff[] = planned.map((p) =>
      diffRecord('SPM_Target__c', p.key, 'Key__c', p.fields, existing.get(p.key))
    );

    if (!flags.json) {
      // Every row of the file gets its line; a sales target also its arithmetic and periods.
      for (const line of lines) {
        const user = users.get(line.user) as UserRow;
        io.stdout(`\n${user.Username} — ${line.kpi} FY${line.year}: ${formatNumber(line.value)}\n`);
        const e = explanations.find((x) => x.line === line);
        if (!e) {
          io.stdout(
            `  A yearly target (Source Manual), as given: only ${DECOMPOSABLE_KPI_KEY} is split into ${flags.period === 'quarter' ? 'quarterly' : 'monthly'} leading targets.\n`
          );
          continue;
        }
        if (e.error || !e.decomposition) {
          io.stdout(`  ${e.error}\n`);
          continue;
        }
        const arithmetic =
          flags.period === 'quarter'
            ? quarterlyArithmetic(e.decomposition, line.value)
            : e.decomposition.lines;
        for (const text of arithmetic) io.stdout(`  ${text}\n`);
        const rows = planned.filter(
          (p) =>
            p.derived &&
            (p.fields.Derived_From__r as { Key__c: string }).Key__c ===
              `${e.user.Id}-${e.line.kpi}-FY${e.line.year}`
        );
        const periods = [...new Set(rows.map((r) => String(r.fields.Period_Start__c)))].sort();
        const labels = new Map(
          // A quarter starts with its first month: its label wins.
          [...e.decomposition.months, ...(e.decomposition.quarters ?? [])].map((period) => [
            String(period.start),
            String(period.label)
          ])
        );
        const value = (kpiKey: string, start: string) =>
          rows.find(
            (r) => r.fields.Period_Start__c === start && String(r.key).includes(`-${kpiKey}-`)
          )?.fields.Value__c as number | undefined;
        // Amounts in whole units, deals and opportunities to one decimal: what a rep plans with.
        const shown = (kpiKey: string, amount: number | undefined) =>
          amount === undefined
            ? undefined
            : figure(
                kpiKey === 'sales_won' || kpiKey === 'new_pipeline'
                  ? formatNumber(Math.round(amount))
                  : formatNumber(Math.round(amount * 10) / 10)
              );
        io.stdout(
          renderTable(
            [flags.period, ...DECOMPOSED_KPI_KEYS],
            periods.map((start) => [
              labels.get(start) ?? start.slice(0, 7),
              ...DECOMPOSED_KPI_KEYS.map((k) => shown(k, value(k, start)))
            ])
          ).replace(/^/gm, '  ')
        );
      }
      const count = (action: RecordDiff['action']) =>
        diffs.filter((d) => d.action === action).length;
      io.stdout(
        `\nSPM_Target__c: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged\n`
      );
    }

    let outcomes: StepOutcome[] = [];
    if (!flags['dry-run']) {
      const progress = createProgress(io, flags.progress);
      const derived = new Set(planned.filter((p) => p.derived).map((p) => p.key));
      // Yearly targets first: the derived ones reference them by Key__c.
      outcomes = [
        ...(await writeDiffs(
          client,
          diffs.filter((d) => !derived.has(d.key)),
          ['SPM_Target__c'],
          progress
        )),
        ...(await writeDiffs(
          client,
          diffs.filter((d) => derived.has(d.key)),
          ['SPM_Target__c'],
          progress
        ))
      ];
    }
    const failed = outcomes.flatMap((o) => o.failed);
    if (flags.json) {
      io.stdout(
        `${JSON.stringify(
          {
            dryRun: flags['dry-run'],
            period: flags.period,
            targets: planned.map((p) => ({
              ...p.fields,
              action: diffs.find((d) => d.key === p.key)?.action
            })),
            rates: Object.fromEntries(rates),
            failed,
            calls: client.calls
          },
          null,
          2
        )}\n`
      );
    } else {
      const sum = (pick: (o: StepOutcome) => number) => outcomes.reduce((a, o) => a + pick(o), 0);
      if (!flags['dry-run'])
        io.stdout(
          `Written: ${sum((o) => o.created)} created, ${sum((o) => o.updated)} updated, ${failed.length} failed.\n`
        );
      io.stdout(flags['dry-run'] ? 'Dry run: nothing was written.\n' : describeCalls(client));
    }
    return reportFailures(outcomes, io);
  });
}
