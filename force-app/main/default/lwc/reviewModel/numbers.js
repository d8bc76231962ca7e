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
