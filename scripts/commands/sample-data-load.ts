/**
 * `sample-data --load`: loads a sample data set — a file (`--data`) or one generated with the
 * generator's flags — into an org, parents before children (see lib/load-data.ts for what is
 * matched, upserted, created or skipped). `scripts/sample-data.ts` hands `--load` runs to this.
 */
import { z } from 'zod';
import { generateSampleData } from '../../sample-data/generate';
import { runCommand } from '../lib/command';
import { connectOrg } from '../lib/connection';
import { InputError } from '../../cli/errors';
import { booleanFlag, type CommandSpec, HELP_FLAG, optionalFlag, ORG_FLAGS } from '../../cli/flags';
import { refuseSampleSetWithData, SAMPLE_SET_FLAGS } from '../../sample-data/flags';
import { readJsonFile } from '../lib/files';
import type { Io } from '../../cli/io';
import { LOAD_ORDER, loadDataSet } from '../lib/load-data';
import { createProgress } from '../lib/progress';
import { sampleDataSchema, validateJson } from '../lib/schemas';
import { renderTable } from '../lib/table';
import { describeCalls, reportFailures } from '../lib/writes';

export const spec = {
  name: 'sample-data --load',
  summary: 'load a sample data set into an org (a scratch org, or the local org)',
  description:
    'Custom objects are upserted by Key__c (safe to repeat). Standard records keep their Id where the org\n' +
    'already has it (the local org started from the same data), users are matched by Username, the rest\n' +
    'are created (load into a fresh org: created records are not matched again). OpportunityHistory is\n' +
    'skipped: Salesforce records it itself. Writes in collections of 200, Bulk API 2.0 above 5,000 records.',
  examples: [
    'npm run sample-data -- --load --target-org local --data sample.json',
    'npm run sample-data -- --load --target-org my-scratch --reps 6 --opportunities 800 --dry-run'
  ],
  flags: {
    load: {
      type: 'boolean',
      description: 'Load into an org (this command).',
      schema: z.literal(true, { error: 'is required' })
    },
    ...ORG_FLAGS,
    data: optionalFlag({
      valueName: 'file',
      description: 'A sample-data file; without it a set is generated from the flags below.'
    }),
    ...SAMPLE_SET_FLAGS,
    json: booleanFlag('Print the result as JSON.'),
    ...HELP_FLAG
  }
} satisfies CommandSpec;

/** Runs `sample-data --load`; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  return runCommand(spec, argv, io, async (flags) => {
    let records: Record<string, Array<Record<string, unknown>>>;
    refuseSampleSetWithData(flags);
    if (flags.data) {
      const result = validateJson(sampleDataSchema, readJsonFile(flags.data, io.cwd), flags.data);
      if (!result.ok) throw new InputError(result.problems);
      records = result.value.records;
    } else {
      records = generateSampleData({
        seed: flags.seed,
        reps: flags.reps,
        opportunities: flags.opportunities,
        asOf: flags['as-of']
      }).records;
    }
    const counts = Object.entries(records).filter(([, rows]) => rows.length > 0);
    const { client, label } = await connectOrg(flags, io);
    if (flags['dry-run']) {
      io.stdout(`Would load into ${label}, in this order:\n`);
      const order = [
        ...LOAD_ORDER.filter((t) => records[t]?.length),
        ...counts.map(([t]) => t).filter((t) => !(LOAD_ORDER as readonly string[]).includes(t))
      ];
      io.stdout(
        renderTable(
          ['object', 'records'],
          order.map((t) => [t, records[t].length])
        )
      );
      io.stdout('Dry run: nothing was written.\n');
      return 0;
    }
    const outcomes = await loadDataSet(client, records, createProgress(io, flags.progress));
    if (flags.json) {
      io.stdout(`${JSON.stringify({ outcomes, calls: client.calls }, null, 2)}\n`);
    } else {
      io.stdout(`Loaded into ${label}:\n`);
      io.stdout(
        renderTable(
          ['object', 'created', 'updated', 'skipped', 'failed'],
          outcomes.map((o) => [o.type, o.created, o.updated, o.skipped, o.failed.length])
        )
      );
      for (const o of outcomes.filter((x) => x.note)) io.stdout(`${o.type}: ${o.note}\n`);
      io.stdout(describeCalls(client));
    }
    return reportFailures(outcomes, io);
  });
}
