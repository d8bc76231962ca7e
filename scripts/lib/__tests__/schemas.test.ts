/**
 * Every rule of the three config files, one case each: the project's files pass, and each change
 * below is refused at its place with its reason (as `seed` prints them: `file:place: reason`).
 * zod holds the structure and limits; the engine (c/kpiDefinitions) the meaning of the definitions,
 * which the menu schema asks it for, so both show here as one validation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  cadencesSchema,
  kpiMenuSchema,
  sampleDataSchema,
  stagePolicySchema,
  validateJson
} from '../schemas';

/** A parsed config file, typed as JSON.parse gives it: the cases write wrong values into it on purpose. */
type Json = ReturnType<typeof JSON.parse>;

const CONFIG_DIR = path.join(__dirname, '..', '..', '..', 'config');
const readConfig = (name: string): Json =>
  JSON.parse(readFileSync(path.join(CONFIG_DIR, name), 'utf8'));
const MENU = readConfig('kpi-menu.json');
const CADENCES = readConfig('cadences.json');
const STAGES = readConfig('stage-policy.json');

/** The problems of `data` as `place: reason` lines (empty when it passes). */
function problems(schema: z.ZodType, data: unknown): string[] {
  const result = validateJson(schema, data, 'file.json');
  return result.ok ? [] : result.problems.map((p) => `${p.place}: ${p.reason}`);
}

/** The problems of a copy of `base` after `change`. */
function after(schema: z.ZodType, base: Json, change: (copy: Json) => void): string[] {
  const copy = structuredClone(base);
  change(copy);
  return problems(schema, copy);
}

const menuAfter = (change: (menu: Json) => void) => after(kpiMenuSchema, MENU, change);
const cadencesAfter = (change: (file: Json) => void) => after(cadencesSchema, CADENCES, change);
const stagesAfter = (change: (file: Json) => void) => after(stagePolicySchema, STAGES, change);

/** The KPI of the menu with this key (of the copy being changed). */
const kpi = (menu: Json, key: string): Json => menu.kpis.find((k: Json) => k.key === key);
/** `kpis[3]{win_rate}`: the place of a KPI of the project's menu. */
const kpiAt = (key: string): string =>
  `kpis[${MENU.kpis.findIndex((k: Json) => k.key === key)}]{${key}}`;
const wholeNumber = (min: number, max: number, got: string) =>
  `must be a whole number from ${min} to ${max} (got ${got})`;

describe('the project config files', () => {
  it('pass all three schemas, definitions included', () => {
    expect(problems(kpiMenuSchema, MENU)).toEqual([]);
    expect(problems(cadencesSchema, CADENCES)).toEqual([]);
    expect(problems(stagePolicySchema, STAGES)).toEqual([]);
  });
});

describe('config/kpi-menu.json', () => {
  it('is an object with a menu year and a non-empty list of KPIs', () => {
    expect(problems(kpiMenuSchema, [])).toEqual([
      '(top level): must be an object { "menuYear": …, "kpis": [ … ] }'
    ]);
    expect(menuAfter((m) => (m.kpis = []))).toEqual(['kpis: must list at least one KPI']);
    expect(menuAfter((m) => delete m.kpis)).toEqual(['kpis: must list at least one KPI']);
    expect(menuAfter((m) => (m.kpis[1] = 'deals_won'))).toEqual([
      'kpis[1]: must be an object (a KPI)'
    ]);
  });

  it('takes a menu year of this century, 2000 to 2100 (zod and the engine disagreed on 2200)', () => {
    expect(menuAfter((m) => (m.menuYear = 2200))).toEqual([
      `menuYear: ${wholeNumber(2000, 2100, '2200')}`
    ]);
    expect(menuAfter((m) => (m.menuYear = 1999))).toEqual([
      `menuYear: ${wholeNumber(2000, 2100, '1999')}`
    ]);
    expect(menuAfter((m) => (m.menuYear = 2026.5))).toEqual([
      `menuYear: ${wholeNumber(2000, 2100, '2026.5')}`
    ]);
    expect(menuAfter((m) => (m.menuYear = 2100))).toEqual([]);
    expect(menuAfter((m) => (m.menuYear = 2000))).toEqual([]);
  });

  it('takes KPI keys that are lower-case identifiers of at most 255 characters, used once', () => {
    const added = (key: string) =>
      menuAfter((m) => m.kpis.push({ ...structuredClone(m.kpis[0]), key }));
    expect(added('Sales won 2')).toEqual([
      `kpis[${MENU.kpis.length}]{Sales won 2}.key: must be lower-case letters, digits and underscores, starting with a letter`
    ]);
    expect(added('2nd_sales_won')).toHaveLength(1);
    expect(added('sales_won_2')).toEqual([]);
    const long = 'k'.repeat(256);
    expect(added(long)).toEqual([
      `kpis[${MENU.kpis.length}]{${long}}.key: is longer than 255 characters`
    ]);
    expect(added('sales_won')).toEqual([
      `kpis[${MENU.kpis.length}]{sales_won}.key: repeats key "sales_won" of kpis[0]`
    ]);
  });

  it('requires a name of at most 80 characters that is not blank', () => {
    expect(menuAfter((m) => (m.kpis[0].name = '   '))).toEqual([
      `${kpiAt('sales_won')}.name: is required (a non-empty text)`
    ]);
    expect(menuAfter((m) => (m.kpis[0].name = 'n'.repeat(81)))).toEqual([
      `${kpiAt('sales_won')}.name: is longer than 80 characters`
    ]);
    expect(menuAfter((m) => (m.kpis[0].name = 'n'.repeat(80)))).toEqual([]);
    expect(menuAfter((m) => delete m.kpis[0].name)).toEqual([
      `${kpiAt('sales_won')}.name: is required (a non-empty text)`
    ]);
  });

  it('takes category, kind, unit and direction from their picklists', () => {
    expect(
      menuAfter((m) => {
        Object.assign(m.kpis[0], {
          category: 'Revenue',
          kind: 'Trailing',
          unit: 'EUR',
          direction: 'Up'
        });
      })
    ).toEqual([
      `${kpiAt('sales_won')}.category: must be one of Sales, Margin, Cost of sales, Pipeline, Activity, Data trust (got "Revenue")`,
      `${kpiAt('sales_won')}.kind: must be one of Leading, Lagging (got "Trailing")`,
      `${kpiAt('sales_won')}.unit: must be one of Count, Currency, Percent, Hours, Days, Ratio (got "EUR")`,
      `${kpiAt('sales_won')}.direction: must be one of Higher is better, Lower is better (got "Up")`
    ]);
  });

  it('requires a definition object, a pair of thresholds, flags and a sort order', () => {
    expect(
      menuAfter((m) => {
        const k = m.kpis[0];
        k.definition = 'sum of Amount';
        k.thresholds = { green: 'high', amber: 20 };
        delete k.aboveTheLine;
        k.active = 'yes';
        k.sortOrder = -1;
      })
    ).toEqual([
      `${kpiAt('sales_won')}.definition: must be an object (a KPI definition)`,
      `${kpiAt('sales_won')}.thresholds.green: must be a number`,
      `${kpiAt('sales_won')}.aboveTheLine: must be true or false`,
      `${kpiAt('sales_won')}.sortOrder: ${wholeNumber(0, 999999, '-1')}`,
      `${kpiAt('sales_won')}.active: must be true or false`
    ]);
    expect(menuAfter((m) => delete m.kpis[0].thresholds)).toEqual([
      `${kpiAt('sales_won')}.thresholds: must be { "green": number, "amber": number }`
    ]);
    expect(menuAfter((m) => (m.kpis[0].definition = []))).toEqual([
      `${kpiAt('sales_won')}.definition: must be an object (a KPI definition)`
    ]);
    // Definition__c is a Long Text Area of 32768: the definition's JSON must fit it.
    expect(
      menuAfter((m) => (m.kpis[0].definition.filter = { StageName: 'x'.repeat(32_768) }))
    ).toContain(
      `${kpiAt('sales_won')}.definition: must fit Definition__c: at most 32768 characters as JSON`
    );
    expect(menuAfter((m) => (m.kpis[0].sortOrder = 1_000_000))).toEqual([
      `${kpiAt('sales_won')}.sortOrder: ${wholeNumber(0, 999999, '1000000')}`
    ]);
  });

  it('orders the thresholds by what they compare: attainment, or the value in its direction', () => {
    expect(
      menuAfter((m) => (kpi(m, 'customer_meetings').thresholds = { green: 50, amber: 80 }))
    ).toEqual([
      `${kpiAt('customer_meetings')}.thresholds: green (50) must be at least amber (80) for attainment`
    ]);
    const byValue = (direction: string, thresholds: Json) =>
      menuAfter((m) => {
        const k = kpi(m, 'customer_meetings');
        k.definition.statusBasis = 'value';
        k.direction = direction;
        k.thresholds = thresholds;
      });
    expect(byValue('Higher is better', { green: 5, amber: 8 })).toEqual([
      `${kpiAt('customer_meetings')}.thresholds: green (5) must be at least amber (8) for higher is better`
    ]);
    expect(byValue('Lower is better', { green: 8, amber: 5 })).toEqual([
      `${kpiAt('customer_meetings')}.thresholds: green (8) must be at most amber (5) when lower is better`
    ]);
    expect(byValue('Lower is better', { green: 5, amber: 8 })).toEqual([]);
  });

  it('requires at least one level, each from the picklist and named once', () => {
    const at = kpiAt('sales_won');
    expect(menuAfter((m) => (m.kpis[0].levels = []))).toEqual([
      `${at}.levels: must list at least one of Rep, Manager, Director, Executive`
    ]);
    expect(menuAfter((m) => (m.kpis[0].levels = ['Rep', 'Team']))).toEqual([
      `${at}.levels[1]: must be one of Rep, Manager, Director, Executive (got "Team")`
    ]);
    expect(menuAfter((m) => (m.kpis[0].levels = ['Rep', 'Rep']))).toEqual([
      `${at}.levels: lists a level twice`
    ]);
  });

  it('takes an optional description of at most 32768 characters', () => {
    const at = kpiAt('sales_won');
    expect(menuAfter((m) => delete m.kpis[0].description)).toEqual([]);
    expect(menuAfter((m) => (m.kpis[0].description = 'd'.repeat(32_769)))).toEqual([
      `${at}.description: must be a text of at most 32768 characters`
    ]);
    expect(menuAfter((m) => (m.kpis[0].description = null))).toEqual([
      `${at}.description: must be a text of at most 32768 characters`
    ]);
  });
});

describe('the meaning of the menu definitions (the engine, through the menu schema)', () => {
  it('places an unknown field at the KPI and the property', () => {
    expect(menuAfter((m) => (kpi(m, 'sales_won').definition.field = 'Amout'))).toEqual([
      `${kpiAt('sales_won')}.definition.field: must name a field of Opportunity (got "Amout")`
    ]);
  });

  it('places a filter mistake inside alternatives at its index', () => {
    expect(
      menuAfter(
        (m) =>
          (kpi(m, 'sales_won').definition.filter = {
            or: [{ IsWon: true }, { Stage: 'Won' }]
          })
      )
    ).toEqual([
      `${kpiAt('sales_won')}.definition.filter.or[1].Stage: names a field that Opportunity does not have (or Pacer does not read)`
    ]);
  });

  it('refuses a ratio part that does not exist, or does not add up', () => {
    expect(menuAfter((m) => (kpi(m, 'win_rate').definition.denominator = 'deals_lost'))).toEqual([
      `${kpiAt('win_rate')}.definition.denominator: refers to unknown KPI "deals_lost"`
    ]);
    expect(menuAfter((m) => (kpi(m, 'margin_per_deal').definition.numerator = 'win_rate'))).toEqual(
      [
        `${kpiAt('margin_per_deal')}.definition.numerator: must refer to a count, sum or additive builtin KPI ("win_rate" is not additive)`
      ]
    );
  });

  it('finds a cycle of ratios and names it at its first KPI', () => {
    const base = MENU.kpis.find((k: Json) => k.key === 'deals_won');
    const ratio = (key: string, numerator: string) => ({
      ...structuredClone(MENU.kpis.find((k: Json) => k.key === 'win_rate')),
      key,
      definition: { measure: 'ratio', numerator, denominator: 'c' }
    });
    const cyclic = {
      menuYear: 2026,
      kpis: [ratio('a', 'b'), ratio('b', 'a'), { ...base, key: 'c' }]
    };
    // A ratio of a ratio is refused as well (it does not add up); the cycle is named once.
    expect(problems(kpiMenuSchema, cyclic)).toEqual([
      'kpis[0]{a}.definition.numerator: must refer to a count, sum or additive builtin KPI ("b" is not additive)',
      'kpis[1]{b}.definition.numerator: must refer to a count, sum or additive builtin KPI ("a" is not additive)',
      'kpis[0]{a}.definition: forms a cycle of ratios: a → b → a'
    ]);
  });

  it('is checked once every entry has the right types, and reported with the other mistakes', () => {
    const unknownPart = `${kpiAt('win_rate')}.definition.denominator: refers to unknown KPI "deals_lost"`;
    expect(
      menuAfter((m) => {
        m.kpis[0].levels = [];
        kpi(m, 'win_rate').definition.denominator = 'deals_lost';
      })
    ).toEqual([
      `${kpiAt('sales_won')}.levels: must list at least one of Rep, Manager, Director, Executive`,
      unknownPart
    ]);
    // A value of the wrong type stops zod before the engine: it never reads a malformed entry.
    expect(
      menuAfter((m) => {
        m.kpis[0].aboveTheLine = 'yes';
        kpi(m, 'win_rate').definition.denominator = 'deals_lost';
      })
    ).toEqual([`${kpiAt('sales_won')}.aboveTheLine: must be true or false`]);
  });
});

describe('config/cadences.json', () => {
  const team = 'cadences[0]{team-meeting}';
  const coaching = 'cadences[1]{individual-coaching}';

  it('is an object with a non-empty list of cadences', () => {
    expect(problems(cadencesSchema, 'cadences')).toEqual([
      '(top level): must be an object { "cadences": [ … ] }'
    ]);
    expect(cadencesAfter((f) => (f.cadences = []))).toEqual([
      'cadences: must list at least one cadence'
    ]);
    expect(cadencesAfter((f) => (f.cadences[0] = null))).toEqual([
      'cadences[0]: must be an object (a cadence)'
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[2] = 'TOP5'))).toEqual([
      `${coaching}.agenda[2]: must be an object (an agenda item)`
    ]);
  });

  it('takes keys without blanks, each naming one cadence or agenda item of the file', () => {
    expect(cadencesAfter((f) => (f.cadences[0].key = 'team meeting'))).toEqual([
      'cadences[0]{team meeting}.key: must be a text of letters, digits, "_", "-", ".", ":", "/" (no spaces)'
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].key = 't'.repeat(256)))).toEqual([
      `cadences[0]{${'t'.repeat(256)}}.key: is longer than 255 characters`
    ]);
    expect(cadencesAfter((f) => delete f.cadences[0].key)).toEqual([
      'cadences[0].key: is required (a key)'
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].key = 'team-meeting'))).toEqual([
      'cadences[1]{team-meeting}.key: is already used by cadences[0]'
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[0].key = 'tm-trust'))).toEqual([
      `${coaching}.agenda[0]{tm-trust}.key: is already used by cadences[0].agenda[0]`
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[0].key = 'team-meeting'))).toEqual([
      `${coaching}.agenda[0]{team-meeting}.key: is already used by cadences[0]`
    ]);
  });

  it('requires a name, picklist values, a duration, decisions, a sort order and the active flag', () => {
    expect(
      cadencesAfter((f) => {
        Object.assign(f.cadences[0], {
          name: 'n'.repeat(81),
          meetingType: 'Stand-up',
          level: 'Team',
          frequency: 'Daily',
          durationMinutes: 0,
          decisions: '',
          sortOrder: 1.5
        });
        delete f.cadences[0].active;
      })
    ).toEqual([
      `${team}.name: is longer than 80 characters`,
      `${team}.meetingType: must be one of Team meeting, Individual coaching, Performance coaching, Key account management, Quarterly business review, Annual planning (got "Stand-up")`,
      `${team}.level: must be one of Rep, Manager, Director, Executive (got "Team")`,
      `${team}.frequency: must be one of Weekly, Monthly, Quarterly, Annual (got "Daily")`,
      `${team}.durationMinutes: ${wholeNumber(1, 9999, '0')}`,
      `${team}.decisions: is required (a non-empty text)`,
      `${team}.sortOrder: ${wholeNumber(0, 999999, '1.5')}`,
      `${team}.active: must be true or false`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].durationMinutes = 10_000))).toEqual([
      `${team}.durationMinutes: ${wholeNumber(1, 9999, '10000')}`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].decisions = 'd'.repeat(32_769)))).toEqual([
      `${team}.decisions: is longer than 32768 characters`
    ]);
  });

  it('places a weekly or monthly meeting in the month by distinct weeks 1 to 5', () => {
    expect(cadencesAfter((f) => delete f.cadences[0].weeksOfMonth)).toEqual([
      `${team}.weeksOfMonth: must list the weeks of the month (1–5) a monthly meeting is held`
    ]);
    const weekly = CADENCES.cadences.findIndex((c: Json) => c.frequency === 'Weekly');
    expect(cadencesAfter((f) => (f.cadences[weekly].weeksOfMonth = []))).toEqual([
      `cadences[${weekly}]{${CADENCES.cadences[weekly].key}}.weeksOfMonth: must list the weeks of the month (1–5) a weekly meeting is held`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].weeksOfMonth = [0, 6, 2.5]))).toEqual([
      `${team}.weeksOfMonth[0]: ${wholeNumber(1, 5, '0')}`,
      `${team}.weeksOfMonth[1]: ${wholeNumber(1, 5, '6')}`,
      `${team}.weeksOfMonth[2]: ${wholeNumber(1, 5, '2.5')}`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].weeksOfMonth = [1, 3, 1]))).toEqual([
      `${team}.weeksOfMonth: lists a week twice`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].weeksOfMonth = '1,3'))).toEqual([
      `${team}.weeksOfMonth: must be a list of week numbers`
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].weeksOfMonth = [1, 2, 3, 4, 5]))).toEqual([]);
    const quarterly = CADENCES.cadences.findIndex((c: Json) => c.frequency === 'Quarterly');
    expect(cadencesAfter((f) => delete f.cadences[quarterly].weeksOfMonth)).toEqual([]);
  });

  it('requires at least one agenda item', () => {
    expect(cadencesAfter((f) => (f.cadences[0].agenda = []))).toEqual([
      `${team}.agenda: must list at least one agenda item`
    ]);
  });

  it('numbers the agenda from 1 (zod took order 0, the engine refused it)', () => {
    expect(cadencesAfter((f) => (f.cadences[1].agenda[0].order = 0))).toEqual([
      `${coaching}.agenda[0]{ic-trust}.order: ${wholeNumber(1, 9999, '0')}`
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[0].order = 10_000))).toEqual([
      `${coaching}.agenda[0]{ic-trust}.order: ${wholeNumber(1, 9999, '10000')}`
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[1].order = 1))).toEqual([
      `${coaching}.agenda[1]{ic-actions}.order: repeats order 1 of agenda[0]`
    ]);
  });

  it('requires each agenda item title, questions, panel and minutes, within the meeting', () => {
    const item = `${coaching}.agenda[0]{ic-trust}`;
    expect(
      cadencesAfter((f) => {
        Object.assign(f.cadences[1].agenda[0], {
          title: 't'.repeat(81),
          panel: 'Pipeline',
          minutes: 0
        });
        delete f.cadences[1].agenda[0].questions;
      })
    ).toEqual([
      `${item}.title: is longer than 80 characters`,
      `${item}.questions: is required (a non-empty text)`,
      `${item}.panel: must be one of Funnel, Activity, Data trust, Top opportunities, Won and lost, Scorecard, Forecast, Actions, None (got "Pipeline")`,
      `${item}.minutes: ${wholeNumber(1, 9999, '0')}`
    ]);
    expect(cadencesAfter((f) => (f.cadences[2].durationMinutes = 10))).toEqual([
      'cadences[2]{performance-coaching}.agenda: takes 60 minutes, more than durationMinutes (10)'
    ]);
  });

  it('takes a focus per agenda item among those of its panel, once per cadence, and a review period', () => {
    const trust = `${coaching}.agenda[0]{ic-trust}`;
    expect(cadencesAfter((f) => delete f.cadences[1].agenda[0].focus)).toEqual([
      `${trust}.focus: is missing: a Data trust item names its focus, one of Data trust`
    ]);
    expect(cadencesAfter((f) => (f.cadences[1].agenda[0].focus = 'Movement'))).toEqual([
      `${trust}.focus: must be one of Data trust for the Data trust panel (got "Movement")`
    ]);
    expect(
      cadencesAfter(
        (f) => (f.cadences[2].agenda.find((i: Json) => i.panel === 'None').focus = 'Targets')
      )
    ).toEqual([
      'cadences[2]{performance-coaching}.agenda[3]{pc-skills}.focus: must be left out: the None panel has no focus (got "Targets")'
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].agenda[6].focus = 'Shape and conversion'))).toEqual([
      'cadences[0]{team-meeting}.agenda[6]{tm-moving}.focus: repeats the view of agenda[4] (Funnel · Shape and conversion): each item shows its own focus'
    ]);
    expect(cadencesAfter((f) => (f.cadences[0].reviewPeriod = 'Next period'))).toEqual([
      'cadences[0]{team-meeting}.reviewPeriod: must be one of Current period, Last closed period (got "Next period")'
    ]);
  });
});

describe('config/stage-policy.json', () => {
  it('is an object with a non-empty list of stages', () => {
    expect(problems(stagePolicySchema, null)).toEqual([
      '(top level): must be an object { "stages": [ … ] }'
    ]);
    expect(stagesAfter((f) => (f.stages = []))).toEqual(['stages: must list at least one stage']);
    expect(stagesAfter((f) => (f.stages[0] = 'Prospecting'))).toEqual([
      'stages[0]: must be an object (a stage)'
    ]);
  });

  it('names each stage once, as StageName spells it, in at most 80 characters', () => {
    expect(stagesAfter((f) => (f.stages[1].stage = 'Prospecting'))).toEqual([
      'stages[1]{Prospecting}.stage: repeats stage "Prospecting" of stages[0]'
    ]);
    expect(stagesAfter((f) => (f.stages[0].stage = ' Prospecting'))).toEqual([
      'stages[0]{ Prospecting}.stage: must not start or end with a blank (it must equal the StageName value)'
    ]);
    expect(stagesAfter((f) => (f.stages[0].stage = ''))).toEqual([
      'stages[0]{}.stage: is required (a non-empty text)'
    ]);
    expect(stagesAfter((f) => (f.stages[0].stage = 's'.repeat(81)))).toEqual([
      `stages[0]{${'s'.repeat(81)}}.stage: is longer than 80 characters`
    ]);
  });

  it('takes a maximum of 1 to 9999 days, or null for none', () => {
    expect(stagesAfter((f) => (f.stages[0].maxDaysInStage = -3))).toEqual([
      `stages[0]{Prospecting}.maxDaysInStage: ${wholeNumber(1, 9999, '-3')}`
    ]);
    expect(stagesAfter((f) => (f.stages[0].maxDaysInStage = 0))).toEqual([
      `stages[0]{Prospecting}.maxDaysInStage: ${wholeNumber(1, 9999, '0')}`
    ]);
    expect(stagesAfter((f) => delete f.stages[0].maxDaysInStage)).toEqual([
      `stages[0]{Prospecting}.maxDaysInStage: ${wholeNumber(1, 9999, 'nothing')}`
    ]);
    expect(stagesAfter((f) => (f.stages[0].maxDaysInStage = null))).toEqual([]);
  });

  it('requires the early-stage flag and a distinct sort order of 0 to 9999', () => {
    expect(
      stagesAfter((f) => {
        delete f.stages[0].earlyStage;
        f.stages[1].sortOrder = 10_000;
      })
    ).toEqual([
      'stages[0]{Prospecting}.earlyStage: must be true or false',
      `stages[1]{Qualification}.sortOrder: ${wholeNumber(0, 9999, '10000')}`
    ]);
    expect(stagesAfter((f) => (f.stages[1].sortOrder = f.stages[0].sortOrder))).toEqual([
      'stages[1]{Qualification}.sortOrder: repeats sortOrder 1 of stages[0]'
    ]);
  });

  it('keeps closed stages out of early stages and stalled deals', () => {
    const won = STAGES.stages.findIndex((s: Json) => s.stage === 'Closed Won');
    const lost = STAGES.stages.findIndex((s: Json) => s.stage === 'Closed Lost');
    expect(
      stagesAfter((f) => {
        f.stages[won].earlyStage = true;
        f.stages[lost].maxDaysInStage = 30;
      })
    ).toEqual([
      `stages[${won}]{Closed Won}.stage: is a closed stage: it cannot be early or have a maximum of days`,
      `stages[${lost}]{Closed Lost}.stage: is a closed stage: it cannot be early or have a maximum of days`
    ]);
  });
});

describe('the sample-data file', () => {
  it('takes a fiscal year start month of 1 to 12', () => {
    const data = (fiscalYearStartMonth: unknown) => ({
      meta: { asOf: '2026-11-23', fiscalYearStartMonth },
      records: {}
    });
    expect(problems(sampleDataSchema, data(4))).toEqual([]);
    expect(problems(sampleDataSchema, data(13))).toEqual([
      `meta.fiscalYearStartMonth: ${wholeNumber(1, 12, '13')}`
    ]);
  });
});
