/**
 * Command-line flags and their help text, declared together so `--help` can never drift from
 * what a command accepts. Parsing uses `node:util` parseArgs (strict: unknown flags are errors);
 * each command then checks values with its own zod schema.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from './errors';

/** One flag: its type, help text and, for string flags, the placeholder shown in help. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** Placeholder in help (`--as-of <date>`). */
  valueName?: string;
  /** Default, shown in help; applied by the command's zod schema. */
  defaultText?: string;
}

/** A command: name, one-line summary, examples and flags. */
export interface CommandSpec {
  name: string;
  summary: string;
  description?: string;
  examples: string[];
  flags: Record<string, FlagSpec>;
}

/** Flags every command that talks to an org accepts. */
export const ORG_FLAGS: Record<string, FlagSpec> = {
  'target-org': {
    type: 'string',
    short: 'o',
    valueName: 'alias',
    description:
      'Org alias or username from the sf CLI (`npx sf org login …`), or `local` for the local org (npm run localorg).'
  },
  'instance-url': {
    type: 'string',
    valueName: 'url',
    description:
      'Instead of --target-org: the org URL; the access token is read from SF_ACCESS_TOKEN.'
  },
  'dry-run': {
    type: 'boolean',
    description: 'Validate, read the org and show what would be written; write nothing.'
  },
  progress: {
    type: 'boolean',
    description: 'Show a progress line on stderr even when it is not a terminal.'
  },
  'max-api-share': {
    type: 'string',
    valueName: 'percent',
    defaultText: '50',
    description:
      "Stop before using more than this share of the org's daily API calls (read from Sforce-Limit-Info)."
  }
};

/** Flags every command accepts. */
export const HELP_FLAG: Record<string, FlagSpec> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help.' }
};

/** Parsed flags: string or boolean values by flag name (absent flags are undefined). */
export type FlagValues = Record<string, string | boolean | undefined>;

/**
 * Parses argv against a command spec. Throws UsageError on unknown flags, missing values or
 * positional arguments.
 */
export function parseFlags(spec: CommandSpec, argv: string[]): FlagValues {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    options[name] = flag.short ? { type: flag.type, short: flag.short } : { type: flag.type };
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: true
    });
    if (positionals.length > 0) {
      throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    }
    return values as FlagValues;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // -o is --target-org in every command; where a command takes no org, say what it takes instead.
    if (/^Unknown option '-o'/.test((error as Error).message))
      throw new UsageError(
        `-o means --target-org, which ${spec.name} ${spec.flags.load ? 'takes only with --load' : 'does not take'}` +
          (spec.flags.out ? '; the file to write is --out <file>.' : '.')
      );
    throw new UsageError((error as Error).message);
  }
}

/** The `--help` text of a command, built from its spec. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries(spec.flags).map(([name, flag]) => {
    const left = `${flag.short ? `-${flag.short}, ` : '    '}--${name}${flag.valueName ? ` <${flag.valueName}>` : ''}`;
    const right = `${flag.description}${flag.defaultText ? ` (default: ${flag.defaultText})` : ''}`;
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = [
    `${spec.name} — ${spec.summary}`,
    '',
    ...(spec.description ? [spec.description, ''] : []),
    'Usage:',
    ...spec.examples.map((example) => `  ${example}`),
    '',
    'Flags:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
    'Exit codes: 0 done, 1 some records failed (listed by key), 2 invalid input (nothing written), 3 org or network failure.'
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Validates parsed flags with a zod schema, turning the first issues into one UsageError
 * naming the flag.
 */
export function checkFlags<T extends z.ZodType>(schema: T, values: FlagValues): z.infer<T> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => `--${issue.path.join('.') || '?'}: ${issue.message}`)
    .join('\n');
  throw new UsageError(message);
}

/** zod: a calendar date `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real date'
  );

/** zod: a flag's text as a whole number of at least `min`. */
export const wholeNumber = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min));

/** zod: the common org flags, with `--max-api-share` as a fraction. */
export const orgFlagsSchema = z.object({
  'target-org': z.string().min(1).optional(),
  'instance-url': z.url().optional(),
  'dry-run': z.boolean().default(false),
  progress: z.boolean().default(false),
  'max-api-share': z
    .string()
    .default('50')
    .transform((s) => Number(s))
    .pipe(z.number().gt(0, 'must be above 0').max(100, 'must be at most 100'))
    .transform((n) => n / 100)
});
