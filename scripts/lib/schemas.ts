/**
 * zod schemas of every input file the scripts read, in one place: the three config files, the
 * target CSV rows and the sample-data file. Every structural rule and limit of the config files is
 * here (types, lengths, ranges, picklist values, uniqueness, agenda order and minutes, weeks of the
 * month, closed stages); the meaning of the KPI definitions (fields, operators, KPIs that refer to
 * each other, cycles) is the engine's, which `kpiMenuSchema` calls once the structure is right.
 * Limits follow the fields they fill (force-app/main/default/objects/).
 */
import { z } from 'zod';
import { CLOSED_STAGES, FOCUSES, PICKLISTS, menuDefinitionProblems } from './kpi-engine';
import type { InputProblem } from '../../cli/errors';

// Picklist values of the data model: the engine's lists (c/kpiDefinitions), which the panels and
// the config mapping use too, so a value the engine refuses cannot pass here.
const {
  CATEGORIES,
  KINDS,
  UNITS,
  DIRECTIONS,
  LEVELS,
  MEETING_TYPES,
  FREQUENCIES,
  PANELS,
  REVIEW_PERIODS
} = PICKLISTS;

/** Key__c and the Text fields are 255 characters. */
const KEY_MAX_LENGTH = 255;
/** Name, the records' name field (KPI, cadence, agenda item title, stage policy), is 80 characters. */
const NAME_MAX_LENGTH = 80;
/** The Long Text Area fields (Description__c, Decisions__c, Questions__c). */
const TEXT_MAX_LENGTH = 32_768;
/** A KPI key is also what definitions refer to and targets name: a plain identifier. */
const KPI_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
/** A cadence or agenda item key: letters, digits and _ . : / - (no blanks, nothing to quote in a CSV). */
const RECORD_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
/** Weeks of the month a meeting can be held in (docs/data-model.md, "Custom objects": 1 … 5). */
const MAX_WEEK_OF_MONTH = 5;
/** Number(4,0): Duration_Minutes__c, Minutes__c, Order__c, Max_Days_In_Stage__c, stage Sort_Order__c. */
const MAX_FOUR_DIGITS = 9999;
/** Number(6,0): the KPI and cadence Sort_Order__c. */
const MAX_SIX_DIGITS = 999_999;
/**
 * Menu_Year__c is Number(4,0); a menu is issued for the year it is reviewed in (docs/data-model.md,
 * "Custom objects"), so
 * years beyond this century are typos (2206 for 2026), not plans.
 */
const MENU_YEARS = { min: 2000, max: 2100 } as const;

const shown = (value: unknown): string => JSON.stringify(value) ?? 'nothing';

const wholeNumber = (min: number, max: number) => {
  const message = (issue: { input?: unknown }) =>
    `must be a whole number from ${min} to ${max} (got ${shown(issue.input)})`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
};

/** A required text (not blank) of at most `max` characters. */
const text = (max: number) =>
  z
    .string({ error: 'is required (a non-empty text)' })
    .refine((s) => s.trim() !== '', 'is required (a non-empty text)')
    .refine((s) => s.length <= max, `is longer than ${max} characters`);

const flag = z.boolean({ error: 'must be true or false' });

const oneOf = (values: readonly string[]) =>
  z.enum(values as [string, ...string[]], {
    error: (issue) => `must be one of ${values.join(', ')} (got ${shown(issue.input)})`
  });

/** A Key__c value: required, at most 255 characters, of the characters `pattern` allows. */
const keyText = (pattern: RegExp, rule: string) =>
  z
    .string({ error: 'is required (a key)' })
    .regex(pattern, rule)
    .max(KEY_MAX_LENGTH, `is longer than ${KEY_MAX_LENGTH} characters`);
const kpiKey = keyText(
  KPI_KEY_PATTERN,
  'must be lower-case letters, digits and underscores, starting with a letter'
);
const recordKey = keyText(
  RECORD_KEY_PATTERN,
  'must be a text of letters, digits, "_", "-", ".", ":", "/" (no spaces)'
);

/** A list of at least one item. */
const nonEmptyList = <T extends z.ZodType>(item: T, message: string) =>
  z.array(item, { error: message }).min(1, message);

/**
 * Adds an issue at every item whose value (`valueOf`) an earlier item of the list already has;
 * `where` names the list in the message (`kpis`, `agenda`: the place already names its cadence).
 */
function noRepeats<T>(
  items: readonly T[],
  valueOf: (item: T) => unknown,
  ctx: z.RefinementCtx,
  path: (string | number)[],
  property: string,
  where: string
): void {
  const seen = new Map<unknown, number>();
  items.forEach((item, index) => {
    const value = valueOf(item);
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, property],
        message: `repeats ${property} ${shown(value)} of ${where}[${first}]`
      });
  });
}

const thresholdsSchema = z.object(
  {
    green: z.number({ error: 'must be a number' }),
    amber: z.number({ error: 'must be a number' })
  },
  { error: 'must be { "green": number, "amber": number }' }
);

/** One KPI of the menu (config/kpi-menu.json). */
const kpiSchema = z
  .object(
    {
      key: kpiKey,
      name: text(NAME_MAX_LENGTH),
      category: oneOf(CATEGORIES),
      kind: oneOf(KINDS),
      unit: oneOf(UNITS),
      direction: oneOf(DIRECTIONS),
      // Seeded as JSON text into Definition__c (Long Text Area 32768), so its JSON must fit.
      definition: z
        .record(z.string(), z.unknown(), { error: 'must be an object (a KPI definition)' })
        .refine(
          (d) => JSON.stringify(d).length <= TEXT_MAX_LENGTH,
          `must fit Definition__c: at most ${TEXT_MAX_LENGTH} characters as JSON`
        ),
      thresholds: thresholdsSchema,
      levels: nonEmptyList(oneOf(LEVELS), `must list at least one of ${LEVELS.join(', ')}`),
      aboveTheLine: flag,
      sortOrder: wholeNumber(0, MAX_SIX_DIGITS),
      active: flag,
      description: z
        .string({ error: `must be a text of at most ${TEXT_MAX_LENGTH} characters` })
        .max(TEXT_MAX_LENGTH, `must be a text of at most ${TEXT_MAX_LENGTH} characters`)
        .optional()
    },
    { error: 'must be an object (a KPI)' }
  )
  .superRefine((kpi, ctx) => {
    if (new Set(kpi.levels).size !== kpi.levels.length)
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'lists a level twice' });
    // Attainment is always "higher is better" (the engine inverts it for lower-is-better KPIs);
    // a value compared as such follows the KPI's direction.
    const { green, amber } = kpi.thresholds;
    const byValue = kpi.definition.statusBasis === 'value';
    const higher = !byValue || kpi.direction === 'Higher is better';
    if (higher && green < amber)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: `green (${green}) must be at least amber (${amber}) for ${byValue ? 'higher is better' : 'attainment'}`
      });
    else if (!higher && green > amber)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: `green (${green}) must be at most amber (${amber}) when lower is better`
      });
  });

/** config/kpi-menu.json */
export const kpiMenuSchema = z
  .object(
    {
      menuYear: wholeNumber(MENU_YEARS.min, MENU_YEARS.max),
      kpis: nonEmptyList(kpiSchema, 'must list at least one KPI')
    },
    { error: 'must be an object { "menuYear": …, "kpis": [ … ] }' }
  )
  .superRefine((menu, ctx) => {
    noRepeats(menu.kpis, (k) => k.key, ctx, ['kpis'], 'key', 'kpis');
    // The meaning, by the engine's own check (so a definition the engine would refuse cannot be
    // seeded). zod runs this only when every value has its type (a failed limit, such as a long
    // name, does not stop it: both are reported at once), so the engine never reads a malformed entry.
    for (const problem of menuDefinitionProblems(menu.kpis))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.reason });
  });
export type KpiMenu = z.infer<typeof kpiMenuSchema>;

/**
 * One agenda item of a cadence. Its focus (Focus__c, a picklist dependent on Panel__c) says what the
 * panel shows above the line: one of the panel's focuses, required when the panel has any.
 */
const agendaItemSchema = z
  .object(
    {
      key: recordKey,
      title: text(NAME_MAX_LENGTH),
      // "Position of the item in the agenda" (Order__c): the first item is 1.
      order: wholeNumber(1, MAX_FOUR_DIGITS),
      questions: text(TEXT_MAX_LENGTH),
      panel: oneOf(PANELS),
      focus: z.string({ error: 'must be text' }).optional(),
      minutes: wholeNumber(1, MAX_FOUR_DIGITS)
    },
    { error: 'must be an object (an agenda item)' }
  )
  .superRefine((item, ctx) => {
    const focuses = FOCUSES[item.panel] || [];
    if (item.focus === undefined) {
      if (focuses.length)
        ctx.addIssue({
          code: 'custom',
          path: ['focus'],
          message: `is missing: a ${item.panel} item names its focus, one of ${focuses.join(', ')}`
        });
    } else if (!focuses.includes(item.focus)) {
      ctx.addIssue({
        code: 'custom',
        path: ['focus'],
        message: focuses.length
          ? `must be one of ${focuses.join(', ')} for the ${item.panel} panel (got "${item.focus}")`
          : `must be left out: the ${item.panel} panel has no focus (got "${item.focus}")`
      });
    }
  });

/**
 * One meeting template (config/cadences.json). Weeks of the month are 1–5 and distinct, so their
 * list ("1,2,3,4,5" at most) always fits Weeks_Of_Month__c (Text 20).
 */
const cadenceSchema = z
  .object(
    {
      key: recordKey,
      name: text(NAME_MAX_LENGTH),
      meetingType: oneOf(MEETING_TYPES),
      level: oneOf(LEVELS),
      frequency: oneOf(FREQUENCIES),
      weeksOfMonth: z
        .array(wholeNumber(1, MAX_WEEK_OF_MONTH), { error: 'must be a list of week numbers' })
        .default([]),
      durationMinutes: wholeNumber(1, MAX_FOUR_DIGITS),
      decisions: text(TEXT_MAX_LENGTH),
      sortOrder: wholeNumber(0, MAX_SIX_DIGITS),
      active: flag,
      reviewPeriod: oneOf(REVIEW_PERIODS).default(REVIEW_PERIODS[0]),
      agenda: nonEmptyList(agendaItemSchema, 'must list at least one agenda item')
    },
    { error: 'must be an object (a cadence)' }
  )
  .superRefine((cadence, ctx) => {
    const weeks = cadence.weeksOfMonth;
    // A weekly or monthly meeting is placed in the month by its weeks; the others are not.
    if ((cadence.frequency === 'Weekly' || cadence.frequency === 'Monthly') && weeks.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['weeksOfMonth'],
        message: `must list the weeks of the month (1–${MAX_WEEK_OF_MONTH}) a ${cadence.frequency.toLowerCase()} meeting is held`
      });
    if (new Set(weeks).size !== weeks.length)
      ctx.addIssue({ code: 'custom', path: ['weeksOfMonth'], message: 'lists a week twice' });
    noRepeats(cadence.agenda, (item) => item.order, ctx, ['agenda'], 'order', 'agenda');
    // One view per question: two items showing the same panel with the same focus ask one question.
    const views = new Map<string, number>();
    cadence.agenda.forEach((item, index) => {
      if (item.focus === undefined) return;
      const view = `${item.panel} · ${item.focus}`;
      const first = views.get(view);
      if (first === undefined) views.set(view, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['agenda', index, 'focus'],
          message: `repeats the view of agenda[${first}] (${view}): each item shows its own focus`
        });
    });
    const minutes = cadence.agenda.reduce((sum, item) => sum + item.minutes, 0);
    if (minutes > cadence.durationMinutes)
      ctx.addIssue({
        code: 'custom',
        path: ['agenda'],
        message: `takes ${minutes} minutes, more than durationMinutes (${cadence.durationMinutes})`
      });
  });

/**
 * config/cadences.json. A key names one record of the file, cadence or agenda item alike: Key__c
 * is unique per object, and one namespace for the file means a key in a message finds one entry.
 */
export const cadencesSchema = z
  .object(
    { cadences: nonEmptyList(cadenceSchema, 'must list at least one cadence') },
    { error: 'must be an object { "cadences": [ … ] }' }
  )
  .superRefine((file, ctx) => {
    const seen = new Map<string, string>();
    const claim = (key: string, at: string, path: (string | number)[]) => {
      const first = seen.get(key);
      if (first) ctx.addIssue({ code: 'custom', path, message: `is already used by ${first}` });
      else seen.set(key, at);
    };
    file.cadences.forEach((cadence, c) => {
      claim(cadence.key, `cadences[${c}]`, ['cadences', c, 'key']);
      cadence.agenda.forEach((item, a) =>
        claim(item.key, `cadences[${c}].agenda[${a}]`, ['cadences', c, 'agenda', a, 'key'])
      );
    });
  });
export type CadencesFile = z.infer<typeof cadencesSchema>;

/** One stage of config/stage-policy.json (the stage name is its Key__c and Name). */
const stageSchema = z
  .object(
    {
      stage: text(NAME_MAX_LENGTH).refine(
        (s) => s.trim() === s,
        'must not start or end with a blank (it must equal the StageName value)'
      ),
      // "After this many days in the stage, the deal is flagged as stalled"; null: never stalled.
      maxDaysInStage: wholeNumber(1, MAX_FOUR_DIGITS).nullable(),
      earlyStage: flag,
      sortOrder: wholeNumber(0, MAX_FOUR_DIGITS)
    },
    { error: 'must be an object (a stage)' }
  )
  .superRefine((entry, ctx) => {
    if (CLOSED_STAGES.includes(entry.stage) && (entry.earlyStage || entry.maxDaysInStage !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['stage'],
        message: 'is a closed stage: it cannot be early or have a maximum of days'
      });
  });

/** config/stage-policy.json */
export const stagePolicySchema = z
  .object(
    { stages: nonEmptyList(stageSchema, 'must list at least one stage') },
    { error: 'must be an object { "stages": [ … ] }' }
  )
  .superRefine((file, ctx) => {
    noRepeats(file.stages, (s) => s.stage, ctx, ['stages'], 'stage', 'stages');
    noRepeats(file.stages, (s) => s.sortOrder, ctx, ['stages'], 'sortOrder', 'stages');
  });
export type StagePolicyFile = z.infer<typeof stagePolicySchema>;

/** The columns of a target CSV, in any order (a header row is required). */
export const TARGET_COLUMNS = ['user', 'year', 'kpi', 'value'] as const;

/** One row of a target CSV, after the cells are trimmed. */
export const targetRowSchema = z.object({
  user: z.string().min(1, 'user is empty (a User Id or Username)'),
  year: z
    .string()
    .regex(/^\d{4}$/, 'year must be a four-digit year')
    .transform(Number),
  kpi: z.string().min(1, 'kpi is empty (a KPI key of the menu)'),
  value: z
    .string()
    .regex(
      /^-?\d+(\.\d+)?$/,
      'value must be a number such as 1200000 or 12.5 (no thousands separators)'
    )
    .transform(Number)
    .refine((n) => n >= 0, 'value must not be negative')
});
export type TargetRow = z.infer<typeof targetRowSchema>;

/** The sample-data file (what `sample-data --out` writes, `report --data` reads). */
export const sampleDataSchema = z.object({
  meta: z
    .object({
      seed: z.number().optional(),
      generatedAt: z.string().optional(),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be YYYY-MM-DD'),
      orgTimeZone: z.string().default('UTC'),
      currency: z.string().default('EUR'),
      fiscalYearStartMonth: wholeNumber(1, 12).default(1)
    })
    .loose(),
  records: z.record(z.string(), z.array(z.object({ Id: z.string().min(15).max(18) }).loose()))
});
export type SampleDataFile = z.infer<typeof sampleDataSchema>;

/**
 * A zod path as a JSON path, with the `key` of list items when they have one so the admin can
 * find the entry: `kpis[3]{win_rate}.thresholds.green`.
 */
function jsonPath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
  let text = '';
  let node: unknown = data;
  for (const part of path) {
    if (typeof part === 'number') {
      text += `[${part}]`;
      node = Array.isArray(node) ? node[part] : undefined;
      const label =
        node && typeof node === 'object'
          ? ((node as { key?: unknown; stage?: unknown }).key ??
            (node as { stage?: unknown }).stage)
          : undefined;
      if (typeof label === 'string') text += `{${label}}`;
    } else {
      text += text ? `.${String(part)}` : String(part);
      node =
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[String(part)]
          : undefined;
    }
  }
  return text || '(top level)';
}

/** Validates parsed JSON; returns the data or the problems (file, JSON path, reason). */
export function validateJson<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string
): { ok: true; value: z.infer<T> } | { ok: false; problems: InputProblem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file,
      place: jsonPath(issue.path, data),
      reason: issue.message
    }))
  };
}
