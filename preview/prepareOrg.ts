/**
 * Readies the local org the way an admin readies a real one, with the same commands: `seed`
 * (KPI menu, cadence templates and stage policy from config/*.json), `snapshot-forecast
 * --backfill` (start-of-month forecasts rebuilt from opportunity history) and `plan-targets`
 * (a yearly sales target per rep, decomposed into leading targets). Without them the review has
 * no meeting types, the data-trust panel no forecast to compare with and the scorecard no targets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SampleDataSet } from '../sample-data/types';
import { run as planTargets } from '../scripts/commands/plan-targets';
import { run as seed } from '../scripts/commands/seed';
import { run as snapshotForecast } from '../scripts/commands/snapshot-forecast';
import { captureIo, type Io } from '../cli/io';
import { classifyUsers } from './server/users';

/** Months of forecast snapshots rebuilt from history: a year of trend for the trust panel. */
export const BACKFILL_MONTHS = 12;
/** The KPI whose yearly target plan-targets decomposes (config/kpi-menu.json). */
export const SALES_KPI_KEY = 'sales_won';
/** Each rep's yearly target: last twelve months' won amount plus this growth, rounded to a thousand. */
const TARGET_GROWTH = 1.1;
const DAY_MS = 86_400_000;

/**
 * The targets CSV a sales leader would write: one yearly sales target per rep for the year of
 * `asOf`, from what the rep won over the twelve months before it.
 */
export function sampleTargetsCsv(data: SampleDataSet): string {
  const asOf = data.meta.asOf;
  const from = new Date(Date.parse(`${asOf}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
  const won = new Map<string, number>();
  for (const deal of data.records.Opportunity ?? []) {
    const closeDate = String(deal.CloseDate ?? '');
    if (deal.IsWon === true && closeDate > from && closeDate <= asOf) {
      won.set(
        String(deal.OwnerId),
        (won.get(String(deal.OwnerId)) ?? 0) + Number(deal.Amount ?? 0)
      );
    }
  }
  const reps = classifyUsers(
    (data.records.User ?? []).map((user) => ({
      Id: String(user.Id),
      Name: String(user.Name ?? user.Id),
      Title: null,
      ManagerId: (user.ManagerId as string | null) ?? null,
      IsActive: user.IsActive !== false,
      LocaleSidKey: null,
      TimeZoneSidKey: null
    }))
  ).filter((user) => user.persona === 'Rep');
  const year = asOf.slice(0, 4);
  const lines = reps
    .filter((rep) => (won.get(rep.id) ?? 0) > 0)
    .map(
      (rep) =>
        `${rep.id},${year},${SALES_KPI_KEY},${Math.round(((won.get(rep.id) ?? 0) * TARGET_GROWTH) / 1000) * 1000}`
    );
  return ['user,year,kpi,value', ...lines].join('\n') + '\n';
}

type Command = (argv: string[], io: Io) => Promise<number>;

/** One step: a command and its arguments (the org comes from the environment). */
export interface PrepareStep {
  label: string;
  command: Command;
  argv: string[];
}

/** The steps, in order: seeding first (the others read the seeded KPI menu and stage policy). */
export function prepareSteps(asOf: string, targetsFile: string): PrepareStep[] {
  return [
    {
      label: 'seed (KPI menu, cadences, stage policy)',
      command: seed,
      argv: ['--target-org', 'local']
    },
    {
      label: `snapshot-forecast --backfill ${BACKFILL_MONTHS}`,
      command: snapshotForecast,
      argv: ['--target-org', 'local', '--backfill', String(BACKFILL_MONTHS), '--as-of', asOf]
    },
    {
      label: 'plan-targets (a yearly sales target per rep)',
      command: planTargets,
      argv: ['--target-org', 'local', '--file', targetsFile, '--as-of', asOf]
    }
  ];
}

/**
 * Runs the steps against the local org; throws with the command's output when one fails.
 * `root` is the project root (where config/ is).
 */
export async function prepareLocalOrg(
  org: { url: string; accessToken: string; data: SampleDataSet },
  options: { root: string; log?: (message: string) => void }
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pacer-preview-'));
  const targetsFile = path.join(dir, 'targets.csv');
  fs.writeFileSync(targetsFile, sampleTargetsCsv(org.data));
  try {
    await runSteps(org, prepareSteps(org.data.meta.asOf, targetsFile), options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runSteps(
  org: { url: string; accessToken: string },
  steps: PrepareStep[],
  options: { root: string; log?: (message: string) => void }
): Promise<void> {
  for (const step of steps) {
    const started = Date.now();
    const io = captureIo({
      env: {
        PACER_LOCAL_ORG_URL: org.url,
        PACER_LOCAL_ORG_TOKEN: org.accessToken,
        HOME: process.env.HOME
      },
      cwd: options.root
    });
    const code = await step.command(step.argv, io);
    if (code !== 0) {
      throw new Error(
        `Preparing the local org failed at \`${step.label}\` (exit ${code}):\n${io.err || io.out}`
      );
    }
    options.log?.(
      `Local org: ${step.label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  }
}
