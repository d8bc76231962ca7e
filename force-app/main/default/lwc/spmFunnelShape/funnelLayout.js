/**
 * Geometry of the funnel: the stage names in a column on the left, then one bar per stage centred in
 * the space that is left, its width proportional to the stage's amount or count, and the stage's value
 * inside its bar when it fits there, just right of the bar when it does not (a narrow bar or none).
 * Apart from the component so it is tested without a DOM.
 */

/** Width of the SVG's view box; everything below is in its units (the SVG scales as a whole). */
export const FUNNEL_WIDTH = 600;
export const ROW_HEIGHT = 28;
export const ROW_GAP = 6;
/** The column of stage names, right-aligned against the bars. */
export const LABEL_WIDTH = 170;
const LABEL_GAP = 10;
const BARS_LEFT = LABEL_WIDTH + LABEL_GAP;
const BARS_WIDTH = FUNNEL_WIDTH - BARS_LEFT;
// A stage with a few deals still shows as a sliver rather than disappearing.
const MIN_BAR_WIDTH = 6;
const TEXT_PADDING = 6;
/**
 * Width of one character of the 12-unit text, a little above the average of a sans-serif font, so a
 * value judged to fit inside its bar does fit (the template cannot measure text before it is drawn).
 */
const CHAR_WIDTH = 7.2;
// Light to dark brand blues (SLDS palette), so later stages read as "closer to the money".
const COLOURS = ['#aacbff', '#78b0fd', '#57a3fd', '#1b96ff', '#0176d3', '#0b5cab', '#014486'];
/** The first colour dark enough for white text (contrast of at least 4.5:1, WCAG AA). */
const FIRST_DARK_COLOUR = 4;
const DARK_TEXT = '#181818';
const LIGHT_TEXT = '#ffffff';
const ELLIPSIS = '…';

/**
 * Estimated width of a text in view box units.
 * @param {string} text
 * @returns {number}
 */
export function textWidth(text) {
  return String(text).length * CHAR_WIDTH;
}

/** The stage name cut to the label column, with an ellipsis when it is longer. */
function fitLabel(label) {
  const room = Math.floor((LABEL_WIDTH - TEXT_PADDING) / CHAR_WIDTH);
  const text = String(label);
  return text.length <= room ? text : `${text.slice(0, room - 1)}${ELLIPSIS}`;
}

/**
 * Bars of the funnel, in stage order.
 * @param {Array<{stage: string, value: number|null, valueText: string}>} stages values already picked
 *   (amount or count) and formatted for the user
 * @returns {Array<{stage: string, x: number, y: number, width: number, height: number, fill: string,
 *   label: string, labelX: number, valueText: string, valueX: number, valueAnchor: string,
 *   valueFill: string, textY: number}>}
 */
export function layoutFunnel(stages) {
  const known = stages.map((s) => (typeof s.value === 'number' && s.value > 0 ? s.value : 0));
  const max = Math.max(0, ...known);
  return stages.map((s, index) => {
    const value = known[index];
    const width =
      max === 0 || value === 0 ? 0 : Math.max(MIN_BAR_WIDTH, (value / max) * BARS_WIDTH);
    const x = BARS_LEFT + (BARS_WIDTH - width) / 2;
    const y = index * (ROW_HEIGHT + ROW_GAP);
    const colour = Math.min(index, COLOURS.length - 1);
    const valueText = s.valueText === undefined || s.valueText === null ? '' : String(s.valueText);
    const inside = textWidth(valueText) + 2 * TEXT_PADDING <= width;
    return {
      stage: s.stage,
      x: round(x),
      y,
      width: round(width),
      height: ROW_HEIGHT,
      fill: COLOURS[colour],
      label: fitLabel(s.stage),
      labelX: LABEL_WIDTH,
      valueText,
      valueX: round(inside ? x + width / 2 : x + width + TEXT_PADDING),
      valueAnchor: inside ? 'middle' : 'start',
      valueFill: inside && colour >= FIRST_DARK_COLOUR ? LIGHT_TEXT : DARK_TEXT,
      textY: y + ROW_HEIGHT / 2
    };
  });
}

/**
 * Height of the view box for `count` stages.
 * @param {number} count
 * @returns {number}
 */
export function funnelHeight(count) {
  return count === 0 ? ROW_HEIGHT : count * (ROW_HEIGHT + ROW_GAP) - ROW_GAP;
}

function round(n) {
  return Math.round(n * 100) / 100;
}
