/**
 * Flags are declared once (cli/flags.ts): the help of every command is built from the same specs
 * that check its values. These tests read each command's help and feed its flags bad values.
 */
import { spec as checkOrg } from '../check-org';
import { spec as planTargets } from '../plan-targets';
import { spec as report } from '../report';
import { spec as sampleData } from '../sample-data';
import { spec as sampleDataLoad } from '../sample-data-load';
import { spec as seed } from '../seed';
import { spec as snapshotForecast } from '../snapshot-forecast';
import { SPEC as localorg } from '../../../localorg/cli';
import { UsageError } from '../../../cli/errors';
import {
  booleanFlag,
  checkFlags,
  choiceFlag,
  type CommandSpec,
  helpText,
  optionalFlag,
  parseFlags,
  requiredFlag,
  stringFlag,
  wholeNumber
} from '../../../cli/flags';

const COMMANDS: Array<[string, CommandSpec]> = [
  ['check:org', checkOrg],
  ['plan-targets', planTargets],
  ['report', report],
  ['sample-data', sampleData],
  ['sample-data --load', sampleDataLoad],
  ['seed', seed],
  ['snapshot-forecast', snapshotForecast],
  ['localorg', localorg]
];

/** The usage error a command's flags give, or undefined when they pass. */
function usageError(spec: CommandSpec, argv: string[]): string | undefined {
  try {
    checkFlags(spec, parseFlags(spec, argv));
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
}

describe.each(COMMANDS)('%s --help', (_name, spec) => {
  const help = helpText(spec);

  it('lists every flag it accepts, with its placeholder, description and default', () => {
    const flagLines = help
      .slice(help.indexOf('\nFlags:\n') + '\nFlags:\n'.length, help.indexOf('\n\nExit codes'))
      .split('\n');
    expect(flagLines).toHaveLength(Object.keys(spec.flags).length);
    for (const [name, flag] of Object.entries(spec.flags)) {
      const line = flagLines.find((l) => new RegExp(`--${name}( |$)`).test(l));
      expect(line).toBeDefined();
      if (flag.valueName) expect(line).toContain(`--${name} <${flag.valueName}>`);
      if (flag.short) expect(line).toContain(`-${flag.short}, --${name}`);
      expect(line).toContain(flag.description);
      if (flag.defaultText) expect(line).toContain(`(default: ${flag.defaultText})`);
    }
  });

  it('opens with the command and its summary, shows examples and ends with the exit codes', () => {
    expect(help.startsWith(`${spec.name} — ${spec.summary}\n`)).toBe(true);
    expect(spec.examples.length).toBeGreaterThan(0);
    for (const example of spec.examples) expect(help).toContain(`  ${example}\n`);
    expect(help).toMatch(/Exit codes: 0 done.*3 org or network failure\.\n$/);
  });

  it('accepts each flag its help lists, and nothing else', () => {
    expect(usageError(spec, ['--no-such-flag'])).toMatch(/Unknown option '--no-such-flag'/);
    // Every flag the help lists parses (values may still be refused by the flag's schema).
    for (const [name, flag] of Object.entries(spec.flags)) {
      const argv = flag.type === 'boolean' ? [`--${name}`] : [`--${name}`, 'x'];
      expect(() => parseFlags(spec, argv)).not.toThrow();
    }
  });

  it('applies the defaults its help shows', () => {
    const values = checkFlagsOrDefaults(spec);
    for (const [name, flag] of Object.entries(spec.flags)) {
      if (flag.type === 'boolean' && name !== 'load') expect(values[name]).toBe(false);
    }
  });
});

/** The checked flags of a command given only what it requires. */
function checkFlagsOrDefaults(spec: CommandSpec): Record<string, unknown> {
  const argv = [
    ...('load' in spec.flags && spec.name.includes('--load') ? ['--load'] : []),
    ...('file' in spec.flags ? ['--file', 'targets.csv'] : [])
  ];
  return checkFlags(spec, parseFlags(spec, argv)) as Record<string, unknown>;
}

describe('flag values are checked by the schema of their spec', () => {
  it('names the flag and the reason', () => {
    expect(usageError(report, ['--period', 'week'])).toMatch(/^--period: /);
    expect(usageError(report, ['--as-of', '2026-02-30'])).toBe('--as-of: not a real date');
    expect(usageError(seed, ['--max-api-share', '0'])).toBe('--max-api-share: must be above 0');
    expect(usageError(planTargets, [])).toBe('--file: is required (the targets CSV)');
    expect(usageError(planTargets, ['--file', 'x.csv', '--history-months', '61'])).toMatch(
      /^--history-months: /
    );
    expect(usageError(snapshotForecast, ['--time-zone', 'Mars/Olympus'])).toBe(
      '--time-zone: not a known IANA time zone'
    );
    expect(usageError(localorg, ['--port', '70000'])).toMatch(/^--port: /);
    expect(usageError(sampleDataLoad, [])).toBe('--load: is required');
  });

  it('turns values into what the command uses', () => {
    const spec = {
      name: 't',
      summary: 's',
      examples: ['t'],
      flags: {
        share: stringFlag({
          valueName: 'percent',
          default: '50',
          description: 'Share.',
          schema: wholeNumber(1).transform((n) => n / 100)
        }),
        count: optionalFlag({ valueName: 'n', description: 'Count.', schema: wholeNumber(0) }),
        name: requiredFlag({ valueName: 'name', missing: 'a name', description: 'Name.' }),
        kind: choiceFlag({
          valueName: 'kind',
          choices: ['a', 'b'],
          default: 'a',
          description: 'Kind.'
        }),
        quiet: booleanFlag('Quiet.')
      }
    } satisfies CommandSpec;
    const flags = checkFlags(spec, parseFlags(spec, ['--name', 'n', '--count', '3']));
    expect(flags).toEqual({ share: 0.5, count: 3, name: 'n', kind: 'a', quiet: false });
    expect(helpText(spec)).toMatch(/--kind <kind> +Kind\. One of: a, b\. \(default: a\)\n/);
  });
});
