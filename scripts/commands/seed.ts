/**
 * `seed`: the KPI menu, cadence templates (with agenda items) and stage policy from config/*.json.
 * Validates all three files completely, reads what the org holds by Key__c, shows the diff
 * (create / update / unchanged, field by field) and writes only the changes. Running it twice
 * writes nothing the second time.
 */
import { z } from 'zod';
import { runCommand } from '../lib/command';
import {
  cadenceRecords,
  DesiredRecord,
  kpiRecords,
  MULTI_SELECT_FIELDS,
  SEED_FIELDS,
  SEED_ORDER,
  stagePolicyRecords
} from '../lib/config-records';
import { connectOrg } from '../lib/connection';
import { diffRecord, RecordDiff, showValue } from '../lib/diff';
import { InputError, InputProblem } from '../../cli/errors';
import { booleanFlag, type CommandSpec, HELP_FLAG, ORG_FLAGS, stringFlag } from '../../cli/flags';
import { readJsonFile } from '../lib/files';
import type { Io } from '../../cli/io';
import { createProgress } from '../lib/progress';
import { cadencesSchema, kpiMenuSchema, stagePolicySchema, validateJson } from '../lib/schemas';
import { queryByKeys } from '../lib/soql';
import { renderTable } from '../lib/table';
import { describeCalls, reportFailures, StepOutcome, writeDiffs } from '../lib/writes';

export const spec = {
  name: 'seed',
  summary: 'seed the KPI menu, cadence templates and stage policy from config/*.json',
  description:
    'Validates every file first (nothing is written if any is wrong), compares with what the org holds\n' +
    '(by Key__c) and writes only what changed. Safe to run again.',
  examples: [
    'npm run seed -- --target-org my-sandbox --dry-run',
    'npm run seed -- --target-org my-sandbox',
    'npm run seed -- --target-org local --menu config/kpi-menu.json --json'
  ],
  flags: {
    ...ORG_FLAGS,
    menu: stringFlag({
      valueName: 'file',
      default: 'config/kpi-menu.json',
      description: 'The KPI menu.'
    }),
    cadences: stringFlag({
      valueName: 'file',
      default: 'config/cadences.json',
      description: 'Cadence templates with their agenda items.'
    }),
    'stage-policy': stringFlag({
      valueName: 'file',
      default: 'config/stage-policy.json',
      description: 'Stage policy.'
    }),
    json: booleanFlag('Print the diff and the result as JSON on stdout.'),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

/** Reads and validates the three files; all problems of all files are reported together. */
export function loadSeedRecords(
  files: { menu: string; cadences: string; stagePolicy: string },
  cwd: string
): DesiredRecord[] {
  const problems: InputProblem[] = [];
  const load = <T extends z.ZodType>(schema: T, file: string): z.infer<T> | undefined => {
    let raw: unknown;
    try {
      raw = readJsonFile(file, cwd);
    } catch (error) {
      if (error instanceof InputError) {
        problems.push(...error.problems);
        return undefined;
      }
      throw error;
    }
    // One validation per file: the schema checks the structure, then the meaning of the
    // definitions through the engine.
    const result = validateJson(schema, raw, file);
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return undefined;
  };
  const menu = load(kpiMenuSchema, files.menu);
  const cadences = load(cadencesSchema, files.cadences);
  const stagePolicy = load(stagePolicySchema, files.stagePolicy);
  if (problems.length > 0 || !menu || !cadences || !stagePolicy) throw new InputError(problems);
  return [...kpiRecords(menu), ...stagePolicyRecords(stagePolicy), ...cadenceRecords(cadences)];
}

/** Prints the diff: one line per created or updated record, a count of the unchanged. */
function printDiff(diffs: readonly RecordDiff[], io: Io): void {
  for (const type of SEED_ORDER) {
    const ofType = diffs.filter((d) => d.type === type);
    const count = (action: RecordDiff['action']) =>
      ofType.filter((d) => d.action === action).length;
    io.stdout(
      `${type}: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged\n`
    );
    for (const diff of ofType) {
      if (diff.action === 'create') io.stdout(`  + ${diff.key}\n`);
      if (diff.action === 'update') {
        io.stdout(`  ~ ${diff.key}\n`);
        for (const change of diff.changes)
          io.stdout(`      ${change.field}: ${showValue(change.from)} → ${showValue(change.to)}\n`);
      }
    }
  }
}

/** Runs `seed` with the given arguments; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    const desired = loadSeedRecords(
      { menu: flags.menu, cadences: flags.cadences, stagePolicy: flags['stage-policy'] },
      io.cwd
    );
    const { client, label } = await connectOrg(flags, io);
    if (!flags.json)
      io.stdout(
        `Seeding ${label}${flags['dry-run'] ? ' (dry run: nothing will be written)' : ''}\n`
      );

    const diffs: RecordDiff[] = [];
    for (const type of SEED_ORDER) {
      const ofType = desired.filter((r) => r.type === type);
      if (ofType.length === 0) continue;
      const existing = await queryByKeys(
        client,
        type,
        SEED_FIELDS[type],
        'Key__c',
        ofType.map((r) => r.key)
      );
      for (const record of ofType)
        diffs.push(
          diffRecord(
            type,
            record.key,
            'Key__c',
            record.fields,
            existing.get(record.key),
            MULTI_SELECT_FIELDS
          )
        );
    }
    if (!flags.json) printDiff(diffs, io);

    let outcomes: StepOutcome[] = [];
    if (!flags['dry-run']) {
      outcomes = await writeDiffs(client, diffs, SEED_ORDER, createProgress(io, flags.progress));
    }

    const rows = SEED_ORDER.map((type) => {
      const ofType = diffs.filter((d) => d.type === type);
      const outcome = outcomes.find((o) => o.type === type);
      return {
        type,
        create: ofType.filter((d) => d.action === 'create').length,
        update: ofType.filter((d) => d.action === 'update').length,
        unchanged: ofType.filter((d) => d.action === 'unchanged').length,
        failed: outcome?.failed.length ?? 0
      };
    });
    if (flags.json) {
      io.stdout(
        `${JSON.stringify(
          {
            dryRun: flags['dry-run'],
            diff: diffs
              .filter((d) => d.action !== 'unchanged')
              .map(({ type, key, action, changes }) => ({ type, key, action, changes })),
            summary: rows,
            failed: outcomes.flatMap((o) => o.failed.map((f) => ({ type: o.type, ...f }))),
            calls: client.calls
          },
          null,
          2
        )}\n`
      );
    } else {
      io.stdout('\n');
      io.stdout(
        renderTable(
          ['object', 'create', 'update', 'unchanged', 'failed'],
          rows.map((r) => [r.type, r.create, r.update, r.unchanged, r.failed])
        )
      );
      io.stdout(flags['dry-run'] ? 'Dry run: nothing was written.\n' : describeCalls(client));
    }
    return reportFailures(outcomes, io);
  });
}
