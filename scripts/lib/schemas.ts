/**
 * zod schemas of every input file the scripts read, in one place: the three config files, the
 * target CSV rows and the sample-data file. Structure is checked here; the meaning of a KPI
 * definition is checked by the engine's validators (one implementation of the rules).
 */
import { z } from 'zod';
import { PICKLISTS } from './engine';
import type { InputProblem } from '../../cli/errors';

// Picklist values of the data model: the engine's lists (c/kpiDefinitions), which the panels and
// the config mapping use too, so a value the engine refuses cannot pass here.
const { CATEGORIES, KINDS, UNITS, DIRECTIONS, LEVELS, MEETING_TYPES, FREQUENCIES, PANELS } =
  PICKLISTS;

/** Keys become Key__c (Text 255, case-sensitive): no surrounding blanks. */
const key = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine((s) => s.trim() === s, 'must not start or end with a blank');
const wholeNumber = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min).max(max);

/** Adds an issue for every key that appears more than once in a list. */
function uniqueKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  ctx: z.RefinementCtx,
  path: (string | number)[],
  what: string
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = keyOf(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, what],
        message: `duplicate ${what} "${k}" (first at index ${first})`
      });
  });
}

/** One KPI of the menu (config/kpi-menu.json). */
export const kpiSchema = z.object({
  key,
  name: z.string().min(1).max(80),
  category: z.enum(CATEGORIES),
  kind: z.enum(KINDS),
  unit: z.enum(UNITS),
  direction: z.enum(DIRECTIONS),
  definition: z.record(z.string(), z.unknown()),
  thresholds: z
    .object({ green: z.number().nullable(), amber: z.number().nullable() })
    .nullable()
    .optional(),
  levels: z.array(z.enum(LEVELS)).min(1, 'must name at least one level'),
  aboveTheLine: z.boolean().default(false),
  sortOrder: wholeNumber(0, 999_999),
  active: z.boolean().default(true),
  description: z.string().max(32_768).nullable().optional()
});

/** config/kpi-menu.json */
export const kpiMenuSchema = z
  .object({ menuYear: wholeNumber(2000, 2100), kpis: z.array(kpiSchema) })
  .superRefine((menu, ctx) => uniqueKeys(menu.kpis, (k) => k.key, ctx, ['kpis'], 'key'));
export type KpiMenu = z.infer<typeof kpiMenuSchema>;

/** One agenda item of a cadence. */
export const agendaItemSchema = z.object({
  key,
  title: z.string().min(1).max(80),
  order: wholeNumber(0, 9999),
  questions: z.string().max(32_768).nullable().optional(),
  panel: z.enum(PANELS),
  minutes: wholeNumber(0, 9999).nullable().optional()
});

/** One meeting template (config/cadences.json). */
export const cadenceSchema = z
  .object({
    key,
    name: z.string().min(1).max(80),
    meetingType: z.enum(MEETING_TYPES),
    level: z.enum(LEVELS),
    frequency: z.enum(FREQUENCIES),
    weeksOfMonth: z.array(wholeNumber(1, 5)).default([]),
    durationMinutes: wholeNumber(1, 9999),
    decisions: z.string().max(32_768).nullable().optional(),
    sortOrder: wholeNumber(0, 999_999),
    active: z.boolean().default(true),
    agenda: z.array(agendaItemSchema).default([])
  })
  .superRefine((cadence, ctx) => {
    const weeks = cadence.weeksOfMonth.join(',');
    if (weeks.length > 20)
      ctx.addIssue({
        code: 'custom',
        path: ['weeksOfMonth'],
        message: 'too many weeks (Weeks_Of_Month__c holds 20 characters)'
      });
  });

/** config/cadences.json (agenda keys are unique across all cadences: Key__c is unique per object). */
export const cadencesSchema = z
  .object({ cadences: z.array(cadenceSchema) })
  .superRefine((file, ctx) => {
    uniqueKeys(file.cadences, (c) => c.key, ctx, ['cadences'], 'key');
    const seen = new Map<string, string>();
    file.cadences.forEach((cadence, c) =>
      cadence.agenda.forEach((item, a) => {
        const first = seen.get(item.key);
        if (first)
          ctx.addIssue({
            code: 'custom',
            path: ['cadences', c, 'agenda', a, 'key'],
            message: `duplicate agenda key "${item.key}" (first at ${first})`
          });
        else seen.set(item.key, `cadences[${c}].agenda[${a}]`);
      })
    );
  });
export type CadencesFile = z.infer<typeof cadencesSchema>;

/** config/stage-policy.json */
export const stagePolicySchema = z
  .object({
    stages: z.array(
      z.object({
        stage: key,
        maxDaysInStage: wholeNumber(0, 9999).nullable(),
        earlyStage: z.boolean().default(false),
        sortOrder: wholeNumber(0, 9999)
      })
    )
  })
  .superRefine((file, ctx) => uniqueKeys(file.stages, (s) => s.stage, ctx, ['stages'], 'stage'));
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
export function jsonPath(path: ReadonlyArray<PropertyKey>, data: unknown): string {
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
