/**
 * Geometry of the sparkline, apart from the component so it can be tested without a DOM.
 */

// Keeps the stroke and the end dot inside the view box.
const PADDING = 3;

/**
 * Turns `points` (numbers, or `{ label, value, display }`) into one shape, nulls kept as gaps.
 * @param {Array<number|null|{label?: string, value: number|null, display?: string}>} points
 * @param {string} noValue shown for a missing value
 * @returns {Array<{label: string, value: number|null, display: string}>}
 */
export function normalizePoints(points, noValue = '') {
  if (!Array.isArray(points)) {
    return [];
  }
  return points.map((point, index) => {
    const raw = point !== null && typeof point === 'object' ? point : { value: point };
    const value = typeof raw.value === 'number' && Number.isFinite(raw.value) ? raw.value : null;
    return {
      label: raw.label ?? String(index + 1),
      value,
      display: raw.display ?? (value === null ? noValue : String(value))
    };
  });
}

/**
 * Screen coordinates of each point in a `width` × `height` box (y grows downwards), null values
 * stay null so the line shows a gap rather than an invented value.
 * @returns {Array<{x: number, y: number}|null>}
 */
export function layoutPoints(values, width, height) {
  const known = values.filter((v) => v !== null);
  if (known.length === 0) {
    return values.map(() => null);
  }
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * PADDING) / (values.length - 1) : 0;
  return values.map((value, index) => {
    if (value === null) {
      return null;
    }
    // A flat series is drawn through the middle instead of dividing by zero.
    const ratio = span === 0 ? 0.5 : (value - min) / span;
    return {
      x: round(PADDING + index * step),
      y: round(height - PADDING - ratio * (height - 2 * PADDING))
    };
  });
}

function round(n) {
  return Math.round(n * 100) / 100;
}
