/**
 * The KPI definition language and the validators of Pacer's three config files
 * (config/kpi-menu.json, config/cadences.json, config/stage-policy.json), plus the mapping between
 * config entries and the SPM_KPI__c / SPM_Cadence__c / SPM_Agenda_Item__c / SPM_Stage_Policy__c records.
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
export const STATUS_BASES = ['attainment', 'value'];
/** Date references usable in filters. */
export const DATE_REFS = ['asOf', 'periodStart', 'periodEnd', 'lastReview'];

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

const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const RECORD_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
const NAME_MAX_LENGTH = 80;
const KEY_MAX_LENGTH = 255;
const TEXT_MAX_LENGTH = 32768;
const MAX_WEEK_OF_MONTH = 5;
const MAX_DURATION_MINUTES = 9999;
const MAX_STAGE_DAYS = 9999;
const NUMERIC_TYPES = new Set(['currency', 'percent', 'double', 'int', 'long']);
const DATE_TYPES = new Set(['date', 'datetime']);
const MAX_MONTH = 12;

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function error(errors, path, key, property, message) {
  errors.push({
    path,
    key,
    property,
    message: key ? `${key}: ${property} ${message}` : `${property} ${message}`
  });
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
 * @returns {Array<{ path: string, key: string, property: string, message: string }>}
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
    } else if (definition.field !== undefined) {
      error(
        errors,
        'definition.field',
        key,
        'definition.field',
        'is not used by a count (remove it)'
      );
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
    for (const prop of ['object', 'field', 'filter', 'dateField', 'builtin']) {
      if (definition[prop] !== undefined)
        error(
          errors,
          `definition.${prop}`,
          key,
          `definition.${prop}`,
          'is not used by a ratio (remove it)'
        );
    }
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
        (!Number.isInteger(value) || value < 1 || value > MAX_STAGE_DAYS)
      ) {
        error(errors, path, key, path, 'must be a whole number of days ≥ 1');
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
    for (const prop of ['object', 'field', 'filter', 'dateField', 'numerator', 'denominator']) {
      if (definition[prop] !== undefined)
        error(
          errors,
          `definition.${prop}`,
          key,
          `definition.${prop}`,
          'is not used by a builtin (remove it)'
        );
    }
  }
  return errors;
}

function requireString(errors, path, key, property, value, maxLength) {
  if (typeof value !== 'string' || !value.trim()) {
    error(errors, path, key, property, 'is required (a non-empty text)');
    return false;
  }
  if (maxLength && value.length > maxLength) {
    error(errors, path, key, property, `is longer than ${maxLength} characters`);
    return false;
  }
  return true;
}

function requireOneOf(errors, path, key, property, value, allowed) {
  if (!allowed.includes(value)) {
    error(
      errors,
      path,
      key,
      property,
      `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`
    );
  }
}

function requireBoolean(errors, path, key, property, value) {
  if (typeof value !== 'boolean') error(errors, path, key, property, 'must be true or false');
}

function requireInteger(errors, path, key, property, value, min, max) {
  if (!Number.isInteger(value) || value < min || value > max) {
    error(
      errors,
      path,
      key,
      property,
      `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`
    );
  }
}

function findRatioCycles(kpis, errors) {
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const state = new Map();
  const visit = (key, trail) => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      error(
        errors,
        `kpis[${trail[0]}]`,
        trail[0],
        'definition',
        `forms a cycle of ratios: ${[...trail, key].join(' → ')}`
      );
      return;
    }
    state.set(key, 'visiting');
    const def = (byKey.get(key) || {}).definition || {};
    const refs =
      def.measure === 'ratio'
        ? [def.numerator, def.denominator]
        : def.params && def.params.kpi
          ? [def.params.kpi]
          : [];
    for (const ref of refs) if (byKey.has(ref)) visit(ref, [...trail, key]);
    state.set(key, 'done');
  };
  for (const kpi of kpis) visit(kpi.key, []);
}

/**
 * Validates config/kpi-menu.json content.
 * @param {*} json parsed file
 * @returns {{ ok: boolean, errors: Array<{ path: string, key: string, property: string, message: string }> }}
 */
export function validateKpiMenu(json) {
  const errors = [];
  if (!isPlainObject(json)) {
    error(errors, '', '', 'kpi menu', 'must be an object { menuYear, kpis }');
    return { ok: false, errors };
  }
  requireInteger(errors, 'menuYear', '', 'menuYear', json.menuYear, 2000, 2999);
  if (!Array.isArray(json.kpis) || !json.kpis.length) {
    error(errors, 'kpis', '', 'kpis', 'must be a non-empty list');
    return { ok: false, errors };
  }
  const byKey = new Map();
  json.kpis.forEach((kpi, i) => {
    const at = `kpis[${i}]`;
    if (!isPlainObject(kpi)) {
      error(errors, at, '', at, 'must be an object');
      return;
    }
    const key = typeof kpi.key === 'string' ? kpi.key : `(kpis[${i}])`;
    if (
      typeof kpi.key !== 'string' ||
      !KEY_PATTERN.test(kpi.key) ||
      kpi.key.length > KEY_MAX_LENGTH
    ) {
      error(
        errors,
        `${at}.key`,
        key,
        'key',
        'must be lower-case letters, digits and underscores, starting with a letter'
      );
    } else if (byKey.has(kpi.key)) {
      error(
        errors,
        `${at}.key`,
        key,
        'key',
        `is used by another KPI too (kpis[${byKey.get(kpi.key).index}])`
      );
    } else {
      byKey.set(kpi.key, { ...kpi, index: i });
    }
  });
  json.kpis.forEach((kpi, i) => {
    if (!isPlainObject(kpi)) return;
    const at = `kpis[${i}]`;
    const key = typeof kpi.key === 'string' ? kpi.key : `(kpis[${i}])`;
    requireString(errors, `${at}.name`, key, 'name', kpi.name, NAME_MAX_LENGTH);
    requireOneOf(errors, `${at}.category`, key, 'category', kpi.category, CATEGORIES);
    requireOneOf(errors, `${at}.kind`, key, 'kind', kpi.kind, KINDS);
    requireOneOf(errors, `${at}.unit`, key, 'unit', kpi.unit, UNITS);
    requireOneOf(errors, `${at}.direction`, key, 'direction', kpi.direction, DIRECTIONS);
    requireBoolean(errors, `${at}.aboveTheLine`, key, 'aboveTheLine', kpi.aboveTheLine);
    requireBoolean(errors, `${at}.active`, key, 'active', kpi.active);
    requireInteger(errors, `${at}.sortOrder`, key, 'sortOrder', kpi.sortOrder, 0, 999999);
    if (
      kpi.description !== undefined &&
      (typeof kpi.description !== 'string' || kpi.description.length > TEXT_MAX_LENGTH)
    ) {
      error(
        errors,
        `${at}.description`,
        key,
        'description',
        `must be a text of at most ${TEXT_MAX_LENGTH} characters`
      );
    }
    if (!Array.isArray(kpi.levels) || !kpi.levels.length) {
      error(
        errors,
        `${at}.levels`,
        key,
        'levels',
        `must list at least one of ${LEVELS.join(', ')}`
      );
    } else {
      kpi.levels.forEach((level, j) =>
        requireOneOf(errors, `${at}.levels[${j}]`, key, `levels[${j}]`, level, LEVELS)
      );
      if (new Set(kpi.levels).size !== kpi.levels.length)
        error(errors, `${at}.levels`, key, 'levels', 'lists a level twice');
    }
    const t = kpi.thresholds;
    if (
      !isPlainObject(t) ||
      typeof t.green !== 'number' ||
      typeof t.amber !== 'number' ||
      !Number.isFinite(t.green) ||
      !Number.isFinite(t.amber)
    ) {
      error(
        errors,
        `${at}.thresholds`,
        key,
        'thresholds',
        'must be { "green": number, "amber": number }'
      );
    } else {
      // Attainment is always "higher is better" (it is inverted for lower-is-better KPIs), values follow direction.
      const basis =
        kpi.definition && kpi.definition.statusBasis === 'value' ? 'value' : 'attainment';
      const higher = basis === 'attainment' || kpi.direction === 'Higher is better';
      if (higher && t.green < t.amber) {
        error(
          errors,
          `${at}.thresholds`,
          key,
          'thresholds',
          `green (${t.green}) must be at least amber (${t.amber}) for ${basis === 'attainment' ? 'attainment' : 'higher is better'}`
        );
      } else if (!higher && t.green > t.amber) {
        error(
          errors,
          `${at}.thresholds`,
          key,
          'thresholds',
          `green (${t.green}) must be at most amber (${t.amber}) when lower is better`
        );
      }
    }
    for (const e of validateDefinition(kpi.definition, key, byKey)) {
      errors.push({ ...e, path: `${at}.${e.path}` });
    }
  });
  findRatioCycles(json.kpis.filter(isPlainObject), errors);
  return { ok: errors.length === 0, errors };
}

/**
 * A record key of a config file (becomes Key__c): a text of allowed characters, unique across the
 * file (`claim` remembers who used it first).
 */
function checkRecordKey(errors, at, label, value, claim) {
  if (
    typeof value !== 'string' ||
    !RECORD_KEY_PATTERN.test(value) ||
    value.length > KEY_MAX_LENGTH
  ) {
    error(
      errors,
      `${at}.key`,
      label,
      'key',
      'must be a text of letters, digits, "_", "-", "." (no spaces)'
    );
    return;
  }
  const other = claim(value, at);
  if (other) error(errors, `${at}.key`, label, 'key', `is already used by ${other}`);
}

/**
 * Validates config/cadences.json content (cadences with their agenda items).
 * @param {*} json
 * @returns {{ ok: boolean, errors: Array<{ path: string, key: string, property: string, message: string }> }}
 */
export function validateCadences(json) {
  const errors = [];
  if (!isPlainObject(json) || !Array.isArray(json.cadences) || !json.cadences.length) {
    error(errors, 'cadences', '', 'cadences', 'must be a non-empty list');
    return { ok: false, errors };
  }
  const keys = new Map();
  const claim = (key, path) => {
    if (keys.has(key)) return keys.get(key);
    keys.set(key, path);
    return null;
  };
  json.cadences.forEach((cadence, i) => {
    const at = `cadences[${i}]`;
    if (!isPlainObject(cadence)) {
      error(errors, at, '', at, 'must be an object');
      return;
    }
    const key = typeof cadence.key === 'string' ? cadence.key : `(${at})`;
    checkRecordKey(errors, at, key, cadence.key, claim);
    requireString(errors, `${at}.name`, key, 'name', cadence.name, NAME_MAX_LENGTH);
    requireOneOf(
      errors,
      `${at}.meetingType`,
      key,
      'meetingType',
      cadence.meetingType,
      MEETING_TYPES
    );
    requireOneOf(errors, `${at}.level`, key, 'level', cadence.level, LEVELS);
    requireOneOf(errors, `${at}.frequency`, key, 'frequency', cadence.frequency, FREQUENCIES);
    requireInteger(
      errors,
      `${at}.durationMinutes`,
      key,
      'durationMinutes',
      cadence.durationMinutes,
      1,
      MAX_DURATION_MINUTES
    );
    requireString(errors, `${at}.decisions`, key, 'decisions', cadence.decisions, TEXT_MAX_LENGTH);
    requireInteger(errors, `${at}.sortOrder`, key, 'sortOrder', cadence.sortOrder, 0, 999999);
    requireBoolean(errors, `${at}.active`, key, 'active', cadence.active);
    const weeks = cadence.weeksOfMonth;
    if (cadence.frequency === 'Weekly' || cadence.frequency === 'Monthly') {
      if (!Array.isArray(weeks) || !weeks.length) {
        error(
          errors,
          `${at}.weeksOfMonth`,
          key,
          'weeksOfMonth',
          `must list the weeks of the month (1–${MAX_WEEK_OF_MONTH}) a ${cadence.frequency.toLowerCase()} meeting is held`
        );
      }
    }
    if (weeks !== undefined) {
      if (!Array.isArray(weeks)) {
        error(errors, `${at}.weeksOfMonth`, key, 'weeksOfMonth', 'must be a list of week numbers');
      } else {
        weeks.forEach((w, j) =>
          requireInteger(
            errors,
            `${at}.weeksOfMonth[${j}]`,
            key,
            `weeksOfMonth[${j}]`,
            w,
            1,
            MAX_WEEK_OF_MONTH
          )
        );
        if (new Set(weeks).size !== weeks.length)
          error(errors, `${at}.weeksOfMonth`, key, 'weeksOfMonth', 'lists a week twice');
      }
    }
    if (!Array.isArray(cadence.agenda) || !cadence.agenda.length) {
      error(errors, `${at}.agenda`, key, 'agenda', 'must list at least one agenda item');
      return;
    }
    const orders = new Set();
    let minutes = 0;
    cadence.agenda.forEach((item, j) => {
      const ip = `${at}.agenda[${j}]`;
      if (!isPlainObject(item)) {
        error(errors, ip, key, `agenda[${j}]`, 'must be an object');
        return;
      }
      const itemKey = typeof item.key === 'string' ? item.key : `${key} agenda[${j}]`;
      checkRecordKey(errors, ip, itemKey, item.key, claim);
      requireString(errors, `${ip}.title`, itemKey, 'title', item.title, NAME_MAX_LENGTH);
      requireInteger(errors, `${ip}.order`, itemKey, 'order', item.order, 1, 9999);
      if (orders.has(item.order))
        error(
          errors,
          `${ip}.order`,
          itemKey,
          'order',
          `repeats order ${item.order} of another item of ${key}`
        );
      orders.add(item.order);
      requireString(
        errors,
        `${ip}.questions`,
        itemKey,
        'questions',
        item.questions,
        TEXT_MAX_LENGTH
      );
      requireOneOf(errors, `${ip}.panel`, itemKey, 'panel', item.panel, PANELS);
      requireInteger(
        errors,
        `${ip}.minutes`,
        itemKey,
        'minutes',
        item.minutes,
        1,
        MAX_DURATION_MINUTES
      );
      if (Number.isInteger(item.minutes)) minutes += item.minutes;
    });
    if (Number.isInteger(cadence.durationMinutes) && minutes > cadence.durationMinutes) {
      error(
        errors,
        `${at}.agenda`,
        key,
        'agenda',
        `takes ${minutes} minutes, more than durationMinutes (${cadence.durationMinutes})`
      );
    }
  });
  return { ok: errors.length === 0, errors };
}

/** Stage names Pacer treats as closed won / closed lost (Salesforce's defaults). */
export const DEFAULT_WON_STAGES = ['Closed Won'];
export const DEFAULT_LOST_STAGES = ['Closed Lost'];

/**
 * Validates config/stage-policy.json content.
 * @param {*} json
 * @returns {{ ok: boolean, errors: Array<{ path: string, key: string, property: string, message: string }> }}
 */
export function validateStagePolicy(json) {
  const errors = [];
  if (!isPlainObject(json) || !Array.isArray(json.stages) || !json.stages.length) {
    error(errors, 'stages', '', 'stages', 'must be a non-empty list');
    return { ok: false, errors };
  }
  const names = new Set();
  const orders = new Set();
  json.stages.forEach((entry, i) => {
    const at = `stages[${i}]`;
    if (!isPlainObject(entry)) {
      error(errors, at, '', at, 'must be an object');
      return;
    }
    const key = typeof entry.stage === 'string' ? entry.stage : `(${at})`;
    if (requireString(errors, `${at}.stage`, key, 'stage', entry.stage, NAME_MAX_LENGTH)) {
      if (names.has(entry.stage)) error(errors, `${at}.stage`, key, 'stage', 'is listed twice');
      names.add(entry.stage);
    }
    if (entry.maxDaysInStage !== null) {
      requireInteger(
        errors,
        `${at}.maxDaysInStage`,
        key,
        'maxDaysInStage',
        entry.maxDaysInStage,
        1,
        MAX_STAGE_DAYS
      );
    }
    requireBoolean(errors, `${at}.earlyStage`, key, 'earlyStage', entry.earlyStage);
    requireInteger(errors, `${at}.sortOrder`, key, 'sortOrder', entry.sortOrder, 0, 9999);
    if (orders.has(entry.sortOrder))
      error(errors, `${at}.sortOrder`, key, 'sortOrder', `repeats sortOrder ${entry.sortOrder}`);
    orders.add(entry.sortOrder);
    const closed =
      DEFAULT_WON_STAGES.includes(entry.stage) || DEFAULT_LOST_STAGES.includes(entry.stage);
    if (
      closed &&
      (entry.earlyStage === true ||
        (entry.maxDaysInStage !== null && entry.maxDaysInStage !== undefined))
    ) {
      error(
        errors,
        at,
        key,
        'stage',
        'is a closed stage: it cannot be early or have a maximum of days'
      );
    }
  });
  return { ok: errors.length === 0, errors };
}

function parseDefinition(text, key) {
  if (isPlainObject(text)) return text;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`KPI ${key}: Definition__c is not valid JSON (${e.message})`);
  }
}

/**
 * An SPM_KPI__c record (flat record shape) as a menu entry.
 * @param {object} record
 * @returns {object} { id, key, name, category, kind, unit, direction, definition, thresholds, levels, aboveTheLine, sortOrder, active, description, menuYear }
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
    definition: parseDefinition(record.Definition__c, record.Key__c),
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
      Active__c: cadence.active
    },
    agendaItems: cadence.agenda.map((item) => ({
      Key__c: item.key,
      Name: item.title,
      Cadence__r: { Key__c: cadence.key },
      Order__c: item.order,
      Questions__c: item.questions,
      Panel__c: item.panel,
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

/** Valid month numbers for a fiscal-year start. */
export function isValidFiscalYearStartMonth(month) {
  return Number.isInteger(month) && month >= 1 && month <= MAX_MONTH;
}
