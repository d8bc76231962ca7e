/**
 * `npm run sample-data -- --out <file> [--seed N] [--reps N] [--opportunities N] [--as-of YYYY-MM-DD]`
 * writes a deterministic sample data set (localorg/sample-data/generate.ts) as one JSON file,
 * streamed, so even the benchmark size never sits in memory twice. Same flags → same bytes.
 *
 * Loading a set into an org (`--load --target-org <alias>`) is handed to
 * scripts/commands/sample-data-load.ts (the scripts' shared org client).
 */
import { z } from 'zod';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from '../localorg/sample-data/generate';
import { writeSampleData } from '../localorg/sample-data/write';
import { describeFailure, EXIT, UsageError } from './lib/errors';
import { checkFlags, helpText, isoDate, parseFlags, type CommandSpec } from './lib/flags';
import { processIo } from './lib/io';

const SPEC: CommandSpec = {
  name: 'sample-data',
  summary: 'write a realistic, deterministic sales data set to a file',
  description:
    'A director, managers and reps; accounts; two years of opportunities with stage history; calls, emails and meetings; ' +
    'data-trust problems at realistic rates. The same flags always give a byte-identical file. The file is what ' +
    '`npm run localorg -- --data` and `npm run report -- --data` read.',
  examples: [
    'npm run sample-data -- --out sample.json',
    'npm run sample-data -- --out bench.json --reps 100 --opportunities 100000 --activities-per-rep-per-week 50'
  ],
  flags: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'file',
      description: 'File to write (required).'
    },
    seed: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.seed),
      description: 'Seed of the generator.'
    },
    reps: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.reps),
      description: 'Sales reps.'
    },
    managers: {
      type: 'string',
      valueName: 'n',
      defaultText: 'one per six reps',
      description: 'Sales managers between the director and the reps.'
    },
    opportunities: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.opportunities),
      description: 'Opportunities created over the last two years.'
    },
    accounts: {
      type: 'string',
      valueName: 'n',
      defaultText: 'opportunities / 8',
      description: 'Accounts.'
    },
    'activities-per-rep-per-week': {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.activitiesPerRepPerWeek),
      description: 'Calls, emails and meetings an average rep logs per week.'
    },
    'as-of': {
      type: 'string',
      valueName: 'date',
      defaultText: DEFAULT_SAMPLE_OPTIONS.asOf,
      description: 'The "today" of the data set (YYYY-MM-DD).'
    },
    load: {
      type: 'boolean',
      description: 'Load a data set into an org instead (see npm run sample-data -- --load --help).'
    },
    help: { type: 'boolean', short: 'h', description: 'Show this help.' }
  }
};

const count = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min));

const FLAGS = z.object({
  out: z.string().min(1).optional(),
  seed: count(0).optional(),
  reps: count(1).optional(),
  managers: count(1).optional(),
  opportunities: count(0).optional(),
  accounts: count(1).optional(),
  'activities-per-rep-per-week': z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a number')
    .transform(Number)
    .optional(),
  'as-of': isoDate.optional(),
  load: z.boolean().default(false),
  help: z.boolean().default(false)
});

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--load')) {
    // Loaded only when asked: the org client pulls in jsforce.
    const { run } = await import('./commands/sample-data-load');
    return run(argv, processIo());
  }
  const flags = checkFlags(FLAGS, parseFlags(SPEC, argv));
  if (flags.help) {
    process.stdout.write(helpText(SPEC));
    return EXIT.ok;
  }
  if (!flags.out) throw new UsageError('Missing --out <file>.');
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
  await writeSampleData(data, flags.out);
  const counts = Object.entries(data.records)
    .map(([name, records]) => `${records.length} ${name}`)
    .join(', ');
  process.stderr.write(
    `Wrote ${flags.out}: ${counts} (seed ${data.meta.seed}, as of ${data.meta.asOf}).\n`
  );
  return EXIT.ok;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`${message}\n`);
    process.exit(exitCode);
  }
);
