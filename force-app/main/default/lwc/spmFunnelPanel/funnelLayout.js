/**
 * Geometry of the funnel: one centred bar per stage, its width proportional to the stage's amount
 * or count. Apart from the component so it is tested without a DOM.
 */

/** Width of the SVG's view box; the bars scale to it. */
export const FUNNEL_WIDTH = 400;
export const ROW_HEIGHT = 28;
export const ROW_GAP = 6;
// A stage with a few deals still shows as a sliver rather than disappearing.
const MIN_BAR_WIDTH = 6;
// Light to dark brand blues (SLDS palette), so later stages read as "closer to the money".
const COLOURS = ['#aacbff', '#78b0fd', '#57a3fd', '#1b96ff', '#0176d3', '#0b5cab', '#014486'];

/**
 * Bars of the funnel, in stage order.
 * @param {Array<{stage: string, value: number|null}>} stages values already picked (amount or count)
 * @returns {Array<{stage: string, x: number, y: number, width: number, height: number, fill: string, textX: number, textY: number}>}
 */
export function layoutFunnel(stages) {
  const known = stages.map((s) => (typeof s.value === 'number' && s.value > 0 ? s.value : 0));
  const max = Math.max(0, ...known);
  return stages.map((s, index) => {
    const value = known[index];
    const width =
      max === 0 || value === 0 ? 0 : Math.max(MIN_BAR_WIDTH, (value / max) * FUNNEL_WIDTH);
    const y = index * (ROW_HEIGHT + ROW_GAP);
    return {
      stage: s.stage,
      x: round((FUNNEL_WIDTH - width) / 2),
      y,
      width: round(width),
      height: ROW_HEIGHT,
      fill: COLOURS[Math.min(index, COLOURS.length - 1)],
      textX: FUNNEL_WIDTH / 2,
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
