/**
 * `npm run localorg -- [--port 4410] [--data file.json | --seed 42 --reps 12 …]`: starts the local
 * org and prints its URL, its token and how the scripts and the sf CLI reach it. Runs until Ctrl+C.
 */
import { z } from 'zod';
import { describeFailure, EXIT, InputError, UsageError } from '../cli/errors';
import {
  checkFlags,
  type CommandSpec,
  HELP_FLAG,
  helpText,
  optionalFlag,
  parseFlags,
  stringFlag,
  wholeNumber
} from '../cli/flags';
import { DEFAULT_ACCESS_TOKEN, DEFAULT_API_LIMIT, startLocalOrg } from './server';
import { takeHideFieldFlags } from './sessions';
import { generateSampleData } from '../sample-data/generate';
import { refuseSampleSetWithData, SAMPLE_SET_FLAGS } from '../sample-data/flags';

/** The default port, the one `--target-org local` assumes (scripts/lib/connection.ts). */
export const DEFAULT_PORT = 4410;

/** The localorg command: its flags, help and examples. */
export const SPEC = {
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
    port: stringFlag({
      valueName: 'n',
      default: String(DEFAULT_PORT),
      description: 'Port on 127.0.0.1 (0 = any free port).',
      schema: wholeNumber(0).pipe(z.number().max(65535))
    }),
    data: optionalFlag({
      valueName: 'file',
      description:
        'A sample-data file (npm run sample-data -- --out …). Without it, data is generated.'
    }),
    ...SAMPLE_SET_FLAGS,
    token: stringFlag({
      valueName: 'token',
      default: DEFAULT_ACCESS_TOKEN,
      description: 'Access token clients must send.'
    }),
    'api-limit': stringFlag({
      valueName: 'n',
      default: String(DEFAULT_API_LIMIT),
      description: 'Daily API requests (DailyApiRequests Max).',
      schema: wholeNumber(1)
    }),
    'hide-field': optionalFlag({
      valueName: 'Object.Field[@username]',
      description:
        "Hide a field from a user's GraphQL schema (from everyone without @username), as field-level security does. Repeatable."
    }),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

async function main(): Promise<void> {
  let taken: ReturnType<typeof takeHideFieldFlags>;
  try {
    taken = takeHideFieldFlags(process.argv.slice(2));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parseFlags(SPEC, taken.rest);
  if (values.help) {
    process.stdout.write(helpText(SPEC));
    return;
  }
  const flags = checkFlags(SPEC, values);
  refuseSampleSetWithData(flags);
  const generated = flags.data === undefined;
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

/** Runs the local org until Ctrl+C; failures exit with a message and the code EXIT gives. */
function runLocalOrg(): void {
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
}

// Only as the entry point (`npm run localorg`): tests import SPEC without starting a server.
if (require.main === module) runLocalOrg();
