/**
 * `npm run sample-data -- --out <file> [--seed N] [--reps N] [--opportunities N] [--as-of YYYY-MM-DD]`
 * writes a deterministic sample data set (sample-data/generate.ts) as one JSON file,
 * streamed, so even the benchmark size never sits in memory twice. Same flags → same bytes.
 *
 * `--stats` prints, instead, what the data set tells a sales leader (scripts/lib/sample-stats.ts):
 * forecast accuracy, data-trust flag rates and how many reps have dirty data.
 *
 * Loading a set into an org (`--load --target-org <alias>`) is handed to
 * scripts/commands/sample-data-load.ts (the scripts' shared org client). `-o` is `--target-org`
 * there, as in every command; the file to write is `--out` only.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from '../../sample-data/generate';
import { writeSampleData } from '../../sample-data/write';
import { runCommand } from '../lib/command';
import { EXIT, InputError, UsageError } from '../../cli/errors';
import { sampleStats, type SampleStats } from '../lib/sample-stats';
import { readJsonFile } from '../lib/files';
import { stagePolicySchema, validateJson } from '../lib/schemas';
import {
  booleanFlag,
  type CommandSpec,
  HELP_FLAG,
  optionalFlag,
  wholeNumber
} from '../../cli/flags';
import { SAMPLE_SET_FLAGS } from '../../sample-data/flags';
import type { Io } from '../../cli/io';

export const spec = {
  name: 'sample-data',
  summary: 'write a realistic, deterministic sales data set to a file',
  description:
    'A director, managers and reps; accounts; two years of opportunities with stage history; calls, emails and meetings; ' +
    'data-trust problems at realistic rates. The same flags always give a byte-identical file. The file is what ' +
    '`npm run localorg -- --data` and `npm run report -- --data` read.',
  examples: [
    'npm run sample-data -- --out sample.json',
    'npm run sample-data -- --out bench.json --reps 100 --opportunities 100000 --activities-per-rep-per-week 50',
    'npm run -s sample-data -- --stats'
  ],
  flags: {
    out: optionalFlag({
      valueName: 'file',
      description: 'File to write (required, unless --stats).'
    }),
    stats: booleanFlag(
      "Print the data set's forecast accuracy, flag rates and reps with dirty data (JSON) instead of writing it."
    ),
    ...SAMPLE_SET_FLAGS,
    managers: optionalFlag({
      valueName: 'n',
      defaultText: 'one per six reps',
      description: 'Sales managers between the director and the reps.',
      schema: wholeNumber(1)
    }),
    accounts: optionalFlag({
      valueName: 'n',
      defaultText: 'opportunities / 8',
      description: 'Accounts.',
      schema: wholeNumber(1)
    }),
    'activities-per-rep-per-week': optionalFlag({
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.activitiesPerRepPerWeek),
      description: 'Calls, emails and meetings an average rep logs per week.',
      schema: z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'expected a number')
        .transform(Number)
    }),
    load: booleanFlag(
      'Load a data set into an org instead (see npm run sample-data -- --load --help).'
    ),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

/** Runs `sample-data` (or hands `--load` to sample-data-load); returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--load')) {
    // Loaded only when asked: the org client pulls in jsforce.
    const { run: load } = await import('./sample-data-load');
    return load(argv, io);
  }
  return runCommand(spec, argv, io, async (flags) => {
    if (!flags.out && !flags.stats) throw new UsageError('Missing --out <file>.');
    let data;
    try {
      data = generateSampleData({
        seed: flags.seed,
        reps: flags.reps,
        managers: flags.managers,
        opportunities: flags.opportunities,
        accounts: flags.accounts,
        activitiesPerRepPerWeek: flags['activities-per-rep-per-week'],
        asOf: flags['as-of']
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    if (flags.stats) {
      io.stdout(`${JSON.stringify(statsOf(data), null, 2)}\n`);
      return EXIT.ok;
    }
    await writeSampleData(data, resolve(io.cwd, flags.out as string));
    const counts = Object.entries(data.records)
      .map(([name, records]) => `${records.length} ${name}`)
      .join(', ');
    io.stderr(`Wrote ${flags.out}: ${counts} (seed ${data.meta.seed}, as of ${data.meta.asOf}).\n`);
    return EXIT.ok;
  });
}

/** The stats of a data set, its flags judged by the project's stage policy (config/stage-policy.json). */
function statsOf(data: Parameters<typeof sampleStats>[0]): SampleStats {
  const file = 'config/stage-policy.json';
  const parsed = validateJson(
    stagePolicySchema,
    readJsonFile(file, resolve(__dirname, '..', '..')),
    file
  );
  if (!parsed.ok) throw new InputError(parsed.problems);
  return sampleStats(data, parsed.value.stages);
}
