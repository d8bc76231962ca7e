/**
 * Geometry of the forecast charts, apart from the component so it is tested without a DOM.
 */

export const CHART_WIDTH = 400;
export const BULLET_HEIGHT = 28;
export const MONTH_CHART_HEIGHT = 120;
// Room under the month bars for the month labels.
const LABEL_SPACE = 18;
const HEADROOM = 1.1;

function isNumber(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

function round(n) {
  return Math.round(n * 100) / 100;
}

/**
 * A bullet bar: won so far, then what is expected to close on top of it, against a target marker.
 * @param {{ won: number|null, expected: number|null, target: number|null }} values
 * @returns {{ wonWidth: number, expectedX: number, expectedWidth: number, targetX: number|null }}
 */
export function layoutBullet({ won, expected, target }) {
  const w = isNumber(won) && won > 0 ? won : 0;
  const e = isNumber(expected) && expected > 0 ? expected : 0;
  const t = isNumber(target) && target > 0 ? target : null;
  const max = Math.max(w + e, t ?? 0) * HEADROOM;
  if (max === 0) {
    return { wonWidth: 0, expectedX: 0, expectedWidth: 0, targetX: null };
  }
  const scale = CHART_WIDTH / max;
  return {
    wonWidth: round(w * scale),
    expectedX: round(w * scale),
    expectedWidth: round(e * scale),
    targetX: t === null ? null : round(t * scale)
  };
}

/**
 * Forecast and won bars per month, side by side, scaled to the largest value.
 * @param {Array<{ key: string, label: string, forecast: number|null, won: number|null }>} months oldest first
 * @returns {Array<object>} one entry per month with both bars (height 0 when the value is unknown)
 */
export function layoutMonths(months) {
  const values = months.flatMap((m) => [m.forecast, m.won]).filter((v) => isNumber(v) && v > 0);
  const max = values.length ? Math.max(...values) * HEADROOM : 0;
  const plot = MONTH_CHART_HEIGHT - LABEL_SPACE;
  const slot = months.length ? CHART_WIDTH / months.length : CHART_WIDTH;
  const barWidth = Math.min(28, slot / 3);
  const bar = (v) => (max === 0 || !isNumber(v) || v <= 0 ? 0 : round((v / max) * plot));
  return months.map((m, i) => {
    const centre = slot * i + slot / 2;
    const forecastHeight = bar(m.forecast);
    const wonHeight = bar(m.won);
    return {
      key: m.key,
      label: m.label,
      forecastX: round(centre - barWidth - 1),
      forecastY: round(plot - forecastHeight),
      forecastHeight,
      wonX: round(centre + 1),
      wonY: round(plot - wonHeight),
      wonHeight,
      barWidth: round(barWidth),
      labelX: round(centre),
      labelY: MONTH_CHART_HEIGHT - 4
    };
  });
}
