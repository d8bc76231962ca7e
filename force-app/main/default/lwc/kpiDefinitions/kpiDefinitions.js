/**
 * The KPI definition language: its vocabulary, the check of what a definition means (its object,
 * fields, operators and values, and the KPIs it refers to), and the mapping between config entries
 * and the SPM_KPI__c / SPM_Cadence__c / SPM_Agenda_Item__c / SPM_Stage_Policy__c records.
 * The structure and limits of the config files (config/kpi-menu.json, cadences.json,
 * stage-policy.json) are checked by the scripts' zod schemas only (scripts/lib/schemas.ts), which
 * call {@link validateMenuDefinitions} for the meaning. The meaning check ships with the bundle
 * because the review runs it too (c/reviewPlan menuCheck): a definition edited in the org after
 * seeding leaves its KPI out of the review with the reason.
 *
 * A definition (held as JSON in SPM_KPI__c.Definition__c):
 *   { "object": "Opportunity", "measure": "sum", "field": "Amount", "filter": { "IsWon": true },
 *     "dateField": "CloseDate", "scale": 1, "statusBasis": "attainment" }
 * measure: count | sum | avg (field) | ratio (numerator / denominator KPI keys, × scale) | builtin (named, with params).
 * filter: { Field: literal } (equality) or { Field: { eq|ne|lt|lte|gt|gte|in|nin: value } }, several
 * fields ANDed, `"or": [filter, …]` for alternatives; dates may be `{ "ref": "asOf", "days": -60 }`
 * (refs: asOf, periodStart, periodEnd, lastReview). dateField places a record in the review period;
 * without it the KPI is a state "as of" the review day (open pipeline).
 */
import { OBJECT_FIELDS, OPERATORS, derivedField } from 'c/criteria';

/** KPI categories of the company menu (SPM_KPI__c.Category__c). */
export const CATEGORIES = [
  'Sales',
  'Margin',
  'Cost of sales',
  'Pipeline',
  'Activity',
  'Data trust'
];
/** Leading KPIs guide action; lagging ones measure outcomes. */
export const KINDS = ['Leading', 'Lagging'];
/** Units a KPI value is shown in. */
export const UNITS = ['Count', 'Currency', 'Percent', 'Hours', 'Days', 'Ratio'];
/** Which way is good. */
export const DIRECTIONS = ['Higher is better', 'Lower is better'];
/** Levels of the KPI menu and the cadences, from the bottom of the hierarchy up (levelOf counts on it). */
export const LEVELS = ['Rep', 'Manager', 'Director', 'Executive'];
/** Measures of the definition language. */
export const MEASURES = ['count', 'sum', 'avg', 'ratio', 'builtin'];
/** Objects a count/sum/avg definition may read. */
export const DEFINITION_OBJECTS = ['Opportunity', 'Task', 'Event'];
/** What the thresholds apply to: the attainment of the target (%) or the value itself. */
const STATUS_BASES = ['attainment', 'value'];
/** Date references usable in filters. */
const DATE_REFS = ['asOf', 'periodStart', 'periodEnd', 'lastReview'];

/**
 * Named built-in measures and the parameters each accepts. `additive` tells the roll-up whether the
 * value of a team is the sum of its members' values (otherwise it is recomputed from summed parts).
 * The needs each builtin compiles to and reads: force-app/main/default/lwc/reviewPlan/builtinNeeds.js.
 */
export const BUILTINS = {
  pastCloseDate: { params: [], additive: true, unit: 'Count' },
  notUpdated: { params: ['days'], additive: true, unit: 'Count' },
  earlyStageClosingSoon: { params: ['days'], additive: true, unit: 'Count' },
  stalled: { params: [], additive: true, unit: 'Count' },
  offersPastCheck: { params: [], additive: true, unit: 'Count' },
  movedSinceReview: { params: [], additive: true, unit: 'Count' },
  notMovedSinceReview: { params: [], additive: true, unit: 'Count' },
  newCustomerContacts: { params: [], additive: true, unit: 'Count' },
  forecastDeviation: { params: ['basis'], additive: false, unit: 'Percent' },
  coverage: { params: ['kpi'], additive: false, unit: 'Ratio' },
  pacing: { params: ['kpi'], additive: false, unit: 'Percent' },
  salesCycle: { params: [], additive: false, unit: 'Days' }
};

/** Meeting types of SPM_Cadence__c. */
export const MEETING_TYPES = [
  'Team meeting',
  'Individual coaching',
  'Performance coaching',
  'Key account management',
  'Quarterly business review',
  'Annual planning'
];
/** Cadence frequencies. */
export const FREQUENCIES = ['Weekly', 'Monthly', 'Quarterly', 'Annual'];
/** Panels an agenda item can show. */
export const PANELS = [
  'Funnel',
  'Activity',
  'Data trust',
  'Top opportunities',
  'Won and lost',
  'Scorecard',
  'Forecast',
  'Actions',
  'None'
];
/** The actions focus where a meeting agrees its actions: the workspace sends new ones there. */
export const AGREE_ACTIONS_FOCUS = 'Agree actions';
/**
 * What an agenda item's panel puts above the line (SPM_Agenda_Item__c.Focus__c, a picklist that
 * depends on Panel__c): the focuses each panel offers, the first its default. An item asks one
 * question, so its panel shows the answer to it first and the rest one click below.
 */
export const FOCUSES = Object.freeze({
  Funnel: ['Shape and conversion', 'Movement', 'New offers', 'Next period'],
  Activity: ['Activity'],
  'Data trust': ['Data trust'],
  'Top opportunities': ['Since last review'],
  'Won and lost': ['Won and lost'],
  Scorecard: ['Targets', 'New opportunities', 'Coverage and pacing', 'Leading targets'],
  Forecast: ['Gap to target'],
  Actions: ['Open actions', AGREE_ACTIONS_FOCUS],
  None: []
});
/** The period a cadence's meeting reviews (SPM_Cadence__c.Review_Period__c), the first the default. */
export const REVIEW_PERIODS = ['Current period', 'Last closed period'];

/** Largest `days` parameter of a builtin (notUpdated, earlyStageClosingSoon): about 27 years. */
const MAX_DAYS_PARAM = 9999;
const NUMERIC_TYPES = new Set(['currency', 'percent', 'double', 'int', 'long']);
const DATE_TYPES = new Set(['date', 'datetime']);

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Records a problem: `path` places it in the menu (`kpis[3].definition.field`), `reason` says why
 * on its own (for a caller that shows the place apart), `message` names the KPI and the property.
 */
function error(errors, path, key, property, reason) {
  errors.push({
    path,
    key,
    property,
    reason,
    message: key ? `${key}: ${property} ${reason}` : `${property} ${reason}`
  });
}

/** Refuses the properties a measure does not read, so that a definition says only what it computes. */
function refuseUnused(errors, key, definition, props, measure) {
  for (const prop of props) {
    if (definition[prop] !== undefined) {
      error(
        errors,
        `definition.${prop}`,
        key,
        `definition.${prop}`,
        `is not used by a ${measure} (remove it)`
      );
    }
  }
}

function validateFilterValue(errors, key, property, object, field, op, value) {
  const type = OBJECT_FIELDS[object][field];
  const check = (v) => {
    if (v === null) return op === 'eq' || op === 'ne' || op === 'in' || op === 'nin';
    if (isPlainObject(v)) {
      if (!DATE_TYPES.has(type)) return false;
      const extra = Object.keys(v).filter((k) => k !== 'ref' && k !== 'days');
      return (
        DATE_REFS.includes(v.ref) &&
        (v.days === undefined || Number.isInteger(v.days)) &&
        extra.length === 0
      );
    }
    if (type === 'boolean') return typeof v === 'boolean';
    if (NUMERIC_TYPES.has(type)) return typeof v === 'number' && Number.isFinite(v);
    if (type === 'date') return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    if (type === 'datetime') return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    return typeof v === 'string';
  };
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(value) || value.length === 0) {
      error(errors, property, key, property, `must be a non-empty list for "${op}"`);
      return;
    }
    value.forEach((v, i) => {
      if (!check(v))
        error(
          errors,
          `${property}[${i}]`,
          key,
          `${property}[${i}]`,
          `is not a valid ${type} value for ${object}.${field}`
        );
    });
    return;
  }
  if (!check(value)) {
    error(
      errors,
      property,
      key,
      property,
      `is not a valid ${type} value for ${object}.${field} (got ${JSON.stringify(value)})`
    );
  }
}

function validateFilter(errors, key, property, object, filter) {
  if (!isPlainObject(filter)) {
    error(errors, property, key, property, 'must be an object of field conditions');
    return;
  }
  for (const [field, condition] of Object.entries(filter)) {
    const path = `${property}.${field}`;
    if (field === 'or') {
      if (!Array.isArray(condition) || condition.length < 2) {
        error(errors, path, key, path, 'must list at least two alternative filters');
        continue;
      }
      condition.forEach((alt, i) => validateFilter(errors, key, `${path}[${i}]`, object, alt));
      continue;
    }
    if (!OBJECT_FIELDS[object][field]) {
      error(
        errors,
        path,
        key,
        path,
        `names a field that ${object} does not have (or Pacer does not read)`
      );
      continue;
    }
    if (derivedField(object, field)) {
      // Orgs hide it by default: Pacer sums it from Amount and Probability, it cannot filter on it.
      const how = derivedField(object, field);
      error(
        errors,
        path,
        key,
        path,
        `cannot filter on ${object}.${field}, which Pacer computes from ${how.field} and ${how.by} (filter on those instead)`
      );
      continue;
    }
    if (isPlainObject(condition) && !('ref' in condition)) {
      const ops = Object.keys(condition);
      if (!ops.length) error(errors, path, key, path, 'has no operator');
      for (const op of ops) {
        if (!OPERATORS.includes(op)) {
          error(
            errors,
            `${path}.${op}`,
            key,
            `${path}.${op}`,
            `is not an operator (use ${OPERATORS.join(', ')})`
          );
          continue;
        }
        validateFilterValue(errors, key, `${path}.${op}`, object, field, op, condition[op]);
      }
    } else {
      validateFilterValue(errors, key, path, object, field, 'eq', condition);
    }
  }
}

/**
 * Checks one definition. Errors name the KPI, the property (e.g. `definition.field`) and why.
 * Cross-KPI references (ratio parts, coverage/pacing base) are checked when `knownKpis` is given.
 * @param {object} definition
 * @param {string} kpiKey
 * @param {Map<string, object>} [knownKpis] key → KPI entry, for references
 * @returns {Array<{ path: string, key: string, property: string, reason: string, message: string }>}
 *   `path` from the KPI (`definition.filter.IsWon`)
 */
export function validateDefinition(definition, kpiKey, knownKpis) {
  const errors = [];
  const key = kpiKey || '(unnamed KPI)';
  if (!isPlainObject(definition)) {
    error(errors, 'definition', key, 'definition', 'must be an object');
    return errors;
  }
  const known = new Set([
    'object',
    'measure',
    'field',
    'filter',
    'dateField',
    'scale',
    'numerator',
    'denominator',
    'builtin',
    'params',
    'statusBasis',
    'statusOnAbsolute',
    'target'
  ]);
  for (const prop of Object.keys(definition)) {
    if (!known.has(prop))
      error(
        errors,
        `definition.${prop}`,
        key,
        `definition.${prop}`,
        'is not a property of the definition language'
      );
  }
  const { measure } = definition;
  if (!MEASURES.includes(measure)) {
    error(
      errors,
      'definition.measure',
      key,
      'definition.measure',
      `must be one of ${MEASURES.join(', ')} (got ${JSON.stringify(measure)})`
    );
    return errors;
  }
  if (
    definition.scale !== undefined &&
    (typeof definition.scale !== 'number' ||
      !Number.isFinite(definition.scale) ||
      definition.scale === 0)
  ) {
    error(errors, 'definition.scale', key, 'definition.scale', 'must be a non-zero number');
  }
  if (
    definition.target !== undefined &&
    (definition.measure !== 'builtin' ||
      (definition.builtin !== 'coverage' && definition.builtin !== 'pacing') ||
      typeof definition.target !== 'number' ||
      !Number.isFinite(definition.target))
  ) {
    error(
      errors,
      'definition.target',
      key,
      'definition.target',
      'is a finite number, and only for the coverage and pacing builtins (their own goal, e.g. coverage 3)'
    );
  }
  if (definition.statusBasis !== undefined && !STATUS_BASES.includes(definition.statusBasis)) {
    error(
      errors,
      'definition.statusBasis',
      key,
      'definition.statusBasis',
      `must be one of ${STATUS_BASES.join(', ')}`
    );
  }
  if (
    definition.statusOnAbsolute !== undefined &&
    typeof definition.statusOnAbsolute !== 'boolean'
  ) {
    error(
      errors,
      'definition.statusOnAbsolute',
      key,
      'definition.statusOnAbsolute',
      'must be true or false'
    );
  }
  if (measure === 'count' || measure === 'sum' || measure === 'avg') {
    if (!DEFINITION_OBJECTS.includes(definition.object)) {
      error(
        errors,
        'definition.object',
        key,
        'definition.object',
        `must be one of ${DEFINITION_OBJECTS.join(', ')} (got ${JSON.stringify(definition.object)})`
      );
      return errors;
    }
    const fields = OBJECT_FIELDS[definition.object];
    if (measure !== 'count') {
      if (!fields[definition.field]) {
        error(
          errors,
          'definition.field',
          key,
          'definition.field',
          `must name a field of ${definition.object} (got ${JSON.stringify(definition.field)})`
        );
      } else if (!NUMERIC_TYPES.has(fields[definition.field])) {
        error(
          errors,
          'definition.field',
          key,
          'definition.field',
          `must be a number or currency field to ${measure} (${definition.field} is ${fields[definition.field]})`
        );
      }
    } else {
      refuseUnused(errors, key, definition, ['field'], 'count');
    }
    if (definition.dateField !== undefined) {
      const type = fields[definition.dateField];
      if (!type || !DATE_TYPES.has(type)) {
        error(
          errors,
          'definition.dateField',
          key,
          'definition.dateField',
          `must be a date or date-time field of ${definition.object} (got ${JSON.stringify(definition.dateField)})`
        );
      }
    }
    if (definition.filter !== undefined)
      validateFilter(errors, key, 'definition.filter', definition.object, definition.filter);
  } else if (measure === 'ratio') {
    for (const part of ['numerator', 'denominator']) {
      const ref = definition[part];
      if (typeof ref !== 'string' || !ref) {
        error(
          errors,
          `definition.${part}`,
          key,
          `definition.${part}`,
          'must name another KPI by key'
        );
      } else if (ref === key) {
        error(
          errors,
          `definition.${part}`,
          key,
          `definition.${part}`,
          'cannot refer to the KPI itself'
        );
      } else if (knownKpis && !knownKpis.has(ref)) {
        error(
          errors,
          `definition.${part}`,
          key,
          `definition.${part}`,
          `refers to unknown KPI "${ref}"`
        );
      } else if (knownKpis && !isAdditive(knownKpis.get(ref))) {
        // A team's ratio is recomputed from summed parts, so each part must itself add up.
        error(
          errors,
          `definition.${part}`,
          key,
          `definition.${part}`,
          `must refer to a count, sum or additive builtin KPI ("${ref}" is not additive)`
        );
      }
    }
    refuseUnused(
      errors,
      key,
      definition,
      ['object', 'field', 'filter', 'dateField', 'builtin'],
      'ratio'
    );
  } else {
    const builtin = BUILTINS[definition.builtin];
    if (!builtin) {
      error(
        errors,
        'definition.builtin',
        key,
        'definition.builtin',
        `must be one of ${Object.keys(BUILTINS).join(', ')} (got ${JSON.stringify(definition.builtin)})`
      );
      return errors;
    }
    const params = definition.params === undefined ? {} : definition.params;
    if (!isPlainObject(params)) {
      error(errors, 'definition.params', key, 'definition.params', 'must be an object');
      return errors;
    }
    for (const [name, value] of Object.entries(params)) {
      const path = `definition.params.${name}`;
      if (!builtin.params.includes(name)) {
        error(
          errors,
          path,
          key,
          path,
          `is not a parameter of ${definition.builtin} (accepted: ${builtin.params.join(', ') || 'none'})`
        );
      } else if (
        name === 'days' &&
        (!Number.isInteger(value) || value < 1 || value > MAX_DAYS_PARAM)
      ) {
        error(
          errors,
          path,
          key,
          path,
          `must be a whole number of days from 1 to ${MAX_DAYS_PARAM}`
        );
      } else if (name === 'basis' && value !== 'commit' && value !== 'weighted') {
        error(errors, path, key, path, 'must be "commit" or "weighted"');
      } else if (name === 'kpi') {
        if (typeof value !== 'string' || (knownKpis && !knownKpis.has(value))) {
          error(errors, path, key, path, `refers to unknown KPI ${JSON.stringify(value)}`);
        } else if (knownKpis) {
          const base = knownKpis.get(value).definition || {};
          if (base.measure !== 'sum' && base.measure !== 'count') {
            error(
              errors,
              path,
              key,
              path,
              `must refer to a sum or count KPI ("${value}" is ${base.measure})`
            );
          }
        }
      }
    }
    if (
      (definition.builtin === 'coverage' || definition.builtin === 'pacing') &&
      params.kpi === undefined
    ) {
      error(
        errors,
        'definition.params.kpi',
        key,
        'definition.params.kpi',
        `is required: ${definition.builtin} compares a KPI with its target`
      );
    }
    refuseUnused(
      errors,
      key,
      definition,
      ['object', 'field', 'filter', 'dateField', 'numerator', 'denominator'],
      'builtin'
    );
  }
  return errors;
}

/** Adds an error to the first KPI of every cycle of references (ratio parts, coverage/pacing base). */
/**
 * The menu KPIs a definition is computed from: a ratio's numerator and denominator, the base KPI of
 * coverage and pacing (`params.kpi`).
 * @param {object|null|undefined} definition
 * @returns {string[]} KPI keys
 */
export function definitionRefs(definition) {
  const def = definition || {};
  if (def.measure === 'ratio') return [def.numerator, def.denominator];
  return def.params && def.params.kpi ? [def.params.kpi] : [];
}

function findRatioCycles(kpis, errors) {
  const byKey = new Map(kpis.map((k, index) => [k.key, { kpi: k, index }]));
  const state = new Map();
  const visit = (key, trail) => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      error(
        errors,
        `kpis[${byKey.get(trail[0]).index}].definition`,
        trail[0],
        'definition',
        `forms a cycle of ratios: ${[...trail, key].join(' → ')}`
      );
      return;
    }
    state.set(key, 'visiting');
    const refs = definitionRefs(byKey.get(key).kpi.definition);
    for (const ref of refs) if (byKey.has(ref)) visit(ref, [...trail, key]);
    state.set(key, 'done');
  };
  for (const kpi of kpis) visit(kpi.key, []);
}

/**
 * Checks the meaning of a menu's definitions together: each definition ({@link validateDefinition}),
 * the KPIs they refer to (which must exist and add up) and cycles of references. The entries are
 * expected to be well formed otherwise (keys unique; the scripts' zod schema checks that first).
 * @param {Array<{ key: string, definition: * }>} kpis menu entries, in file order
 * @returns {Array<{ path: string, key: string, property: string, reason: string, message: string }>}
 *   `path` from the menu: `kpis[3].definition.filter.IsWon`
 */
export function validateMenuDefinitions(kpis) {
  const errors = [];
  const byKey = new Map();
  for (const kpi of kpis) if (!byKey.has(kpi.key)) byKey.set(kpi.key, kpi);
  kpis.forEach((kpi, i) => {
    for (const e of validateDefinition(kpi.definition, kpi.key, byKey)) {
      errors.push({ ...e, path: `kpis[${i}].${e.path}` });
    }
  });
  findRatioCycles(kpis, errors);
  return errors;
}

/** Stage names Pacer treats as closed won / closed lost (Salesforce's defaults). */
export const DEFAULT_WON_STAGES = ['Closed Won'];
export const DEFAULT_LOST_STAGES = ['Closed Lost'];

/**
 * A record's Definition__c as an object. Text that is not JSON (an edit made in the org, past the
 * seed script's checks) gives no definition and the reason, so the review leaves that one KPI out
 * instead of failing whole.
 */
function parseDefinition(text) {
  if (isPlainObject(text)) return { definition: text };
  try {
    return { definition: JSON.parse(text) };
  } catch (e) {
    return { definition: null, definitionError: `Definition__c is not valid JSON (${e.message})` };
  }
}

/**
 * An SPM_KPI__c record (flat record shape) as a menu entry.
 * @param {object} record
 * @returns {object} { id, key, name, category, kind, unit, direction, definition, thresholds, levels, aboveTheLine, sortOrder, active, description, menuYear }, plus
 *   `definitionError` (the reason, with `definition` null) when Definition__c is not JSON
 */
export function kpiFromRecord(record) {
  return {
    id: record.Id || null,
    key: record.Key__c,
    name: record.Name,
    category: record.Category__c,
    kind: record.Kind__c,
    unit: record.Unit__c,
    direction: record.Direction__c,
    ...parseDefinition(record.Definition__c),
    thresholds: { green: record.Green_Threshold__c, amber: record.Amber_Threshold__c },
    levels: record.Levels__c ? String(record.Levels__c).split(';').filter(Boolean) : [],
    aboveTheLine: Boolean(record.Above_The_Line__c),
    sortOrder:
      record.Sort_Order__c === null || record.Sort_Order__c === undefined
        ? 0
        : Number(record.Sort_Order__c),
    active: record.Active__c !== false,
    description: record.Description__c || '',
    menuYear: record.Menu_Year__c === undefined ? null : record.Menu_Year__c
  };
}

/**
 * A menu entry as SPM_KPI__c field values (what `seed` upserts by Key__c).
 * @param {object} kpi config entry
 * @param {number} menuYear
 * @returns {object}
 */
export function kpiToRecord(kpi, menuYear) {
  return {
    Key__c: kpi.key,
    Name: kpi.name,
    Menu_Year__c: menuYear,
    Category__c: kpi.category,
    Kind__c: kpi.kind,
    Unit__c: kpi.unit,
    Direction__c: kpi.direction,
    Definition__c: JSON.stringify(kpi.definition),
    Green_Threshold__c: kpi.thresholds.green,
    Amber_Threshold__c: kpi.thresholds.amber,
    Levels__c: kpi.levels.join(';'),
    Above_The_Line__c: kpi.aboveTheLine,
    Sort_Order__c: kpi.sortOrder,
    Active__c: kpi.active,
    Description__c: kpi.description || null
  };
}

/**
 * KPI menu entries in one shape, whether given as SPM_KPI__c records or config entries; sorted by sortOrder.
 * @param {Array<object>} list
 * @returns {Array<object>}
 */
export function normalizeKpis(list) {
  return (list || [])
    .map((item) => {
      const isRecord = item.Key__c !== undefined && item.key === undefined;
      return isRecord ? kpiFromRecord(item) : { id: item.id || null, ...item };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.key < b.key ? -1 : 1));
}

/**
 * A cadence config entry as one SPM_Cadence__c and its SPM_Agenda_Item__c records (parent by Key__c).
 * @param {object} cadence
 * @returns {{ cadence: object, agendaItems: Array<object> }}
 */
export function cadenceToRecords(cadence) {
  return {
    cadence: {
      Key__c: cadence.key,
      Name: cadence.name,
      Meeting_Type__c: cadence.meetingType,
      Level__c: cadence.level,
      Frequency__c: cadence.frequency,
      Weeks_Of_Month__c: Array.isArray(cadence.weeksOfMonth)
        ? cadence.weeksOfMonth.join(',')
        : null,
      Duration_Minutes__c: cadence.durationMinutes,
      Decisions__c: cadence.decisions,
      Sort_Order__c: cadence.sortOrder,
      Active__c: cadence.active,
      Review_Period__c: cadence.reviewPeriod || REVIEW_PERIODS[0]
    },
    agendaItems: cadence.agenda.map((item) => ({
      Key__c: item.key,
      Name: item.title,
      Cadence__r: { Key__c: cadence.key },
      Order__c: item.order,
      Questions__c: item.questions,
      Panel__c: item.panel,
      Focus__c: item.focus || null,
      Minutes__c: item.minutes
    }))
  };
}

/**
 * Stage policy config entries as SPM_Stage_Policy__c field values (Key__c = the stage name).
 * @param {Array<{ stage: string, maxDaysInStage: number|null, earlyStage: boolean, sortOrder: number }>} stages
 * @returns {Array<object>}
 */
export function stagePolicyToRecords(stages) {
  return stages.map((s) => ({
    Key__c: s.stage,
    Name: s.stage,
    Stage_Name__c: s.stage,
    Max_Days_In_Stage__c: s.maxDaysInStage,
    Early_Stage__c: s.earlyStage,
    Sort_Order__c: s.sortOrder
  }));
}

/**
 * Whether a KPI's value for a team is the sum of its members' values.
 * @param {object} kpi menu entry
 * @returns {boolean}
 */
export function isAdditive(kpi) {
  const def = kpi.definition || {};
  if (def.measure === 'count' || def.measure === 'sum') return true;
  if (def.measure === 'builtin')
    return Boolean(BUILTINS[def.builtin] && BUILTINS[def.builtin].additive);
  return false;
}
