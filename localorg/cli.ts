/**
 * `npm run localorg -- [--port 4410] [--data file.json | --seed 42 --reps 12 …]`: starts the local
 * org and prints its URL, its token and how the scripts and the sf CLI reach it. Runs until Ctrl+C.
 */
import { z } from 'zod';
import { describeFailure, EXIT, InputError, UsageError } from '../cli/errors';
import {
  checkFlags,
  helpText,
  isoDate,
  parseFlags,
  wholeNumber,
  type CommandSpec
} from '../cli/flags';
import { DEFAULT_ACCESS_TOKEN, DEFAULT_API_LIMIT, startLocalOrg } from './server';
import { takeHideFieldFlags } from './sessions';
import { DEFAULT_SAMPLE_OPTIONS, generateSampleData } from './sample-data/generate';

/** The default port, the one `--target-org local` assumes (scripts/lib/connection.ts). */
export const DEFAULT_PORT = 4410;

const SPEC: CommandSpec = {
  name: 'localorg',
  summary: 'run a local stand-in for a Salesforce org holding sample data',
  description:
    'Serves UI API GraphQL, the REST API (SOQL, sobjects, collections, limits) and UI API record writes on 127.0.0.1. ' +
    'Data comes from --data, or is generated with the sample-data options. See localorg/README.md.',
  examples: [
    'npm run localorg',
    'npm run localorg -- --port 4410 --data sample.json',
    'npm run localorg -- --reps 100 --opportunities 100000',
    'npm run localorg -- --hide-field Opportunity.Amount@victor.keller@pacer-sample.example'
  ],
  flags: {
    port: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_PORT),
      description: 'Port on 127.0.0.1 (0 = any free port).'
    },
    data: {
      type: 'string',
      valueName: 'file',
      description:
        'A sample-data file (npm run sample-data -- --out …). Without it, data is generated.'
    },
    seed: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.seed),
      description: 'Seed of generated data.'
    },
    reps: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.reps),
      description: 'Sales reps of generated data.'
    },
    opportunities: {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_SAMPLE_OPTIONS.opportunities),
      description: 'Opportunities of generated data.'
    },
    'as-of': {
      type: 'string',
      valueName: 'date',
      defaultText: DEFAULT_SAMPLE_OPTIONS.asOf,
      description: "The org's today for generated data."
    },
    token: {
      type: 'string',
      valueName: 'token',
      defaultText: DEFAULT_ACCESS_TOKEN,
      description: 'Access token clients must send.'
    },
    'api-limit': {
      type: 'string',
      valueName: 'n',
      defaultText: String(DEFAULT_API_LIMIT),
      description: 'Daily API requests (DailyApiRequests Max).'
    },
    'hide-field': {
      type: 'string',
      valueName: 'Object.Field[@username]',
      description:
        "Hide a field from a user's GraphQL schema (from everyone without @username), as field-level security does. Repeatable."
    },
    help: { type: 'boolean', short: 'h', description: 'Show this help.' }
  }
};

const FLAGS = z.object({
  port: wholeNumber(0).pipe(z.number().max(65535)).default(DEFAULT_PORT),
  data: z.string().min(1).optional(),
  seed: wholeNumber(0).optional(),
  reps: wholeNumber(1).optional(),
  opportunities: wholeNumber(0).optional(),
  'as-of': isoDate.optional(),
  token: z.string().min(1).default(DEFAULT_ACCESS_TOKEN),
  'api-limit': wholeNumber(1).default(DEFAULT_API_LIMIT),
  help: z.boolean().default(false)
});

async function main(): Promise<void> {
  let taken: ReturnType<typeof takeHideFieldFlags>;
  try {
    taken = takeHideFieldFlags(process.argv.slice(2));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parseFlags(SPEC, taken.rest);
  const flags = checkFlags(FLAGS, values);
  if (flags.help) {
    process.stdout.write(helpText(SPEC));
    return;
  }
  const generated = flags.data === undefined;
  if (
    !generated &&
    (flags.seed !== undefined ||
      flags.reps !== undefined ||
      flags.opportunities !== undefined ||
      flags['as-of'] !== undefined)
  ) {
    throw new UsageError(
      '--data and the generation options (--seed, --reps, --opportunities, --as-of) exclude each other'
    );
  }
  const data = generated
    ? generateSampleData({
        seed: flags.seed,
        reps: flags.reps,
        opportunities: flags.opportunities,
        asOf: flags['as-of']
      })
    : flags.data!;
  const org = await startLocalOrg({
    port: flags.port,
    data,
    accessToken: flags.token,
    apiLimit: flags['api-limit'],
    hiddenFields: taken.hiddenFields
  });
  const counts = Object.entries(org.store.counts())
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
  const source = generated
    ? `generated (seed ${org.data.meta.seed}, as of ${org.data.meta.asOf})`
    : String(flags.data);
  process.stdout.write(
    [
      `Pacer local org listening at ${org.url}`,
      `  data: ${source}: ${counts}`,
      `  access token: ${org.accessToken}`,
      ...Object.entries(taken.hiddenFields).map(
        ([who, fields]) =>
          `  hidden from ${who === '*' ? 'everyone' : who} (GraphQL): ${fields.join(', ')}`
      ),
      '',
      'Scripts: --target-org local' +
        (org.port === DEFAULT_PORT && org.accessToken === DEFAULT_ACCESS_TOKEN ? '' : ' with:'),
      ...(org.port === DEFAULT_PORT && org.accessToken === DEFAULT_ACCESS_TOKEN
        ? []
        : [
            `  export PACER_LOCAL_ORG_URL=${org.url}`,
            `  export PACER_LOCAL_ORG_TOKEN='${org.accessToken}'`
          ]),
      `sf CLI:  SF_ACCESS_TOKEN='${org.accessToken}' npx sf org login access-token --instance-url ${org.url} --alias pacer-local --no-prompt`,
      'Press Ctrl+C to stop.',
      ''
    ].join('\n')
  );
  const stop = () => {
    org.close().then(
      () => process.exit(EXIT.ok),
      () => process.exit(EXIT.orgFailure)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(
      'That port is in use (another local org?). Stop it, or pick another with --port.\n'
    );
    process.exit(EXIT.invalidInput);
  }
  if (error instanceof UsageError || error instanceof InputError) {
    const { message, exitCode } = describeFailure(error);
    process.stderr.write(`${message}\n`);
    process.exit(exitCode);
  }
  // Data files and metadata that cannot be read: their messages name the file and the place.
  process.stderr.write(`${(error as Error).message ?? String(error)}\n`);
  process.exit(EXIT.invalidInput);
});
