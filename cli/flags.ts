/**
 * Command-line flags, each declared once: its type, help text, placeholder, default and the zod
 * schema that checks its value live in one `FlagSpec`, so `--help` and what a command accepts can
 * never drift. Parsing uses `node:util` parseArgs (strict: unknown flags are errors); the values
 * are then checked by the schema built from the same specs (`checkFlags`).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from './errors';

/** One flag: what parseArgs needs, what help shows, and the schema of its value. */
export interface FlagSpec<S extends z.ZodType = z.ZodType> {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
  /** Placeholder in help (`--as-of <date>`). */
  valueName?: string;
  /** Shown in help as `(default: …)`: the value the schema applies, or words for one computed at run time. */
  defaultText?: string;
  /** Checks and converts the value (a string, true, or undefined when the flag is absent). */
  schema: S;
}

/** The flags of a command, by name. */
export type FlagSpecs = Record<string, FlagSpec>;

/** The checked values of a command's flags, typed from their schemas. */
export type FlagsOf<F extends FlagSpecs> = { [K in keyof F]: z.output<F[K]['schema']> };

/** A command: name, one-line summary, examples and flags. */
export interface CommandSpec<F extends FlagSpecs = FlagSpecs> {
  name: string;
  summary: string;
  description?: string;
  examples: string[];
  flags: F;
}

/** A switch: false unless given. */
export function booleanFlag(
  description: string,
  options: { short?: string } = {}
): FlagSpec<z.ZodDefault<z.ZodBoolean>> {
  return { type: 'boolean', description, ...options, schema: z.boolean().default(false) };
}

/** What every string flag's declaration holds. */
interface StringFlagOptions {
  description: string;
  valueName: string;
  short?: string;
}

/**
 * A string flag with a default: the default is applied, shown in help, then the value is checked
 * by `schema` (a non-empty string unless given).
 */
export function stringFlag<S extends z.ZodType<unknown, string> = z.ZodString>(
  options: StringFlagOptions & { default: string; schema?: S }
): FlagSpec<z.ZodPipe<z.ZodDefault<z.ZodString>, S>> {
  const { default: value, schema, ...rest } = options;
  return {
    type: 'string',
    ...rest,
    defaultText: value,
    schema: z
      .string()
      .default(value)
      .pipe((schema ?? z.string().min(1)) as S)
  };
}

/**
 * A string flag that may be absent (undefined). `defaultText` tells, in words, what the command
 * does without it (`today in the org`); `schema` checks a given value (a non-empty string unless given).
 */
export function optionalFlag<S extends z.ZodType<unknown, string> = z.ZodString>(
  options: StringFlagOptions & { defaultText?: string; schema?: S }
): FlagSpec<z.ZodOptional<S>> {
  const { schema, ...rest } = options;
  return { type: 'string', ...rest, schema: ((schema ?? z.string().min(1)) as S).optional() };
}

/** A string flag that must be given; `missing` says what it is when it is not. */
export function requiredFlag<S extends z.ZodType<unknown, string> = z.ZodString>(
  options: StringFlagOptions & { missing: string; schema?: S }
): FlagSpec<z.ZodPipe<z.ZodString, S>> {
  const { schema, missing, ...rest } = options;
  return {
    type: 'string',
    ...rest,
    schema: z
      .string({ error: `is required (${missing})` })
      .min(1, `is required (${missing})`)
      .pipe((schema ?? z.string()) as S)
  };
}

/** A flag taking one of a few words; help lists them. */
export function choiceFlag<const C extends readonly [string, ...string[]]>(
  options: StringFlagOptions & { choices: C; default: C[number] }
): FlagSpec<z.ZodDefault<z.ZodEnum<{ [K in C[number]]: K }>>> {
  const { choices, default: value, description, ...rest } = options;
  return {
    type: 'string',
    ...rest,
    description: `${description} One of: ${choices.join(', ')}.`,
    defaultText: value,
    schema: z.enum(choices).default(value as never) as never
  };
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

/** Flags every command that talks to an org accepts. */
export const ORG_FLAGS = {
  'target-org': optionalFlag({
    short: 'o',
    valueName: 'alias',
    description:
      'Org alias or username from the sf CLI (`npx sf org login …`), or `local` for the local org (npm run localorg).'
  }),
  'instance-url': optionalFlag({
    valueName: 'url',
    description:
      'Instead of --target-org: the org URL; the access token is read from SF_ACCESS_TOKEN.',
    schema: z.url()
  }),
  'dry-run': booleanFlag('Validate, read the org and show what would be written; write nothing.'),
  progress: booleanFlag('Show a progress line on stderr even when it is not a terminal.'),
  'max-api-share': stringFlag({
    valueName: 'percent',
    default: '50',
    description:
      "Stop before using more than this share of the org's daily API calls (read from Sforce-Limit-Info).",
    schema: z
      .string()
      .transform(Number)
      .pipe(z.number().gt(0, 'must be above 0').max(100, 'must be at most 100'))
      .transform((n) => n / 100)
  })
};

/** The org flags of a command that only reads: no --dry-run, there is nothing to hold back. */
export const READ_ORG_FLAGS = (({ 'dry-run': _dryRun, ...rest }) => rest)(ORG_FLAGS);

/** Flags every command accepts. */
export const HELP_FLAG = { help: booleanFlag('Show this help.', { short: 'h' }) };

/** Parsed but unchecked flags: string or boolean values by flag name (absent flags are undefined). */
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

/** The zod schema of a command's flags, from their specs. */
function flagsSchema<F extends FlagSpecs>(
  flags: F
): z.ZodObject<{ [K in keyof F]: F[K]['schema'] }> {
  const shape = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, flag.schema])
  );
  return z.object(shape) as never;
}

/**
 * Checks parsed flags with the schemas of their specs, turning the issues into one UsageError
 * naming each flag.
 */
export function checkFlags<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  values: FlagValues
): FlagsOf<F> {
  const result = flagsSchema(spec.flags).safeParse(values);
  if (result.success) return result.data as FlagsOf<F>;
  const message = result.error.issues
    .map((issue) => `--${issue.path.join('.') || '?'}: ${issue.message}`)
    .join('\n');
  throw new UsageError(message);
}
