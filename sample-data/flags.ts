/**
 * The flags that choose a generated data set, declared once for every command that generates one:
 * `npm run sample-data`, `npm run sample-data -- --load` and `npm run localorg`.
 */
import { UsageError } from '../cli/errors';
import { isoDate, optionalFlag, wholeNumber } from '../cli/flags';
import { DEFAULT_SAMPLE_OPTIONS } from './generate';

/** --seed, --reps, --opportunities, --as-of: absent ones take the generator's defaults. */
export const SAMPLE_SET_FLAGS = {
  seed: optionalFlag({
    valueName: 'n',
    defaultText: String(DEFAULT_SAMPLE_OPTIONS.seed),
    description: 'Seed of the generator: the same flags always give the same data.',
    schema: wholeNumber(0)
  }),
  reps: optionalFlag({
    valueName: 'n',
    defaultText: String(DEFAULT_SAMPLE_OPTIONS.reps),
    description: 'Sales reps.',
    schema: wholeNumber(1)
  }),
  opportunities: optionalFlag({
    valueName: 'n',
    defaultText: String(DEFAULT_SAMPLE_OPTIONS.opportunities),
    description: 'Opportunities created over the last two years.',
    schema: wholeNumber(0)
  }),
  'as-of': optionalFlag({
    valueName: 'date',
    defaultText: DEFAULT_SAMPLE_OPTIONS.asOf,
    description: 'The "today" of the data set (YYYY-MM-DD).',
    schema: isoDate
  })
};

/**
 * Refuses generator flags beside a data file (they would mean nothing).
 * @throws UsageError naming both
 */
export function refuseSampleSetWithData(
  flags: { data?: string } & Partial<Record<keyof typeof SAMPLE_SET_FLAGS, unknown>>
): void {
  const given = (Object.keys(SAMPLE_SET_FLAGS) as Array<keyof typeof SAMPLE_SET_FLAGS>).filter(
    (name) => flags[name] !== undefined
  );
  if (flags.data !== undefined && given.length > 0)
    throw new UsageError(
      `--data and the generator flags (${given.map((name) => `--${name}`).join(', ')}) exclude each other: give one or the other.`
    );
}
