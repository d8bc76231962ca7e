/** The small arithmetic of the model: rounding, sums over rows, rows grouped by a field. */

const ROUNDING = 10000;

/** A number rounded to 4 decimals (−0 becomes 0); anything else unchanged. */
export function round(value) {
  if (value === null || value === undefined || typeof value !== 'number') return value;
  const r = Math.round(value * ROUNDING) / ROUNDING;
  return r === 0 ? 0 : r;
}

/** Every part of a KPI cell rounded. */
export function roundParts(parts) {
  const out = {};
  for (const [k, v] of Object.entries(parts)) out[k] = round(v);
  return out;
}

/** A number, or 0 for anything else (a missing or hidden measure adds nothing). */
export function num(value) {
  return typeof value === 'number' ? value : 0;
}

/** The sum of one measure over rows. */
export function sumRows(rows, key) {
  let total = 0;
  for (const row of rows) total += num(row[key]);
  return total;
}

/**
 * Field-by-field sums over objects (people's base quantities, their flags…), in the order given;
 * each field is 0 over an empty list.
 * @param {Array<object>} items
 * @param {string[]} fields
 * @returns {Object<string, number>}
 */
export function sumFields(items, fields) {
  const out = Object.fromEntries(fields.map((f) => [f, 0]));
  for (const item of items) for (const f of fields) out[f] += num(item[f]);
  return out;
}

/** Rows grouped by a field's value, in first-seen order. */
export function groupRows(rows, field) {
  const out = new Map();
  for (const row of rows) {
    const key = row[field];
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(row);
  }
  return out;
}
