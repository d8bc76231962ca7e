/**
 * Which panels read which numbers: each need of a review names the panels whose numbers it feeds, so
 * a document the org rejects blanks only those panels (its `panels`, and `model.unavailable`).
 */

/**
 * The panels of a review, by the key each document's `panels` and each `model.unavailable` entry use:
 * a panel whose numbers read a subquery of a document is listed in that document's `panels`.
 */
export const PANEL_KEYS = [
  'scorecard',
  'rollup',
  'funnel',
  'trust',
  'top',
  'wonLost',
  'activity',
  'forecast',
  'actions'
];
/** The panels that show the menu's KPIs. */
export const KPI_PANELS = ['scorecard', 'rollup'];
/** The panels that read each of the review's own needs (a need family for the per-month ones). */
export const NEED_PANELS = {
  open: ['funnel', ...KPI_PANELS],
  closed: ['wonLost', 'forecast', ...KPI_PANELS],
  coverage: ['forecast', 'funnel', ...KPI_PANELS],
  created: ['activity', ...KPI_PANELS],
  pastCloseDate: ['trust', ...KPI_PANELS],
  notUpdated: ['trust', ...KPI_PANELS],
  earlyStageClosingSoon: ['trust', ...KPI_PANELS],
  stalled: ['trust', 'funnel', ...KPI_PANELS],
  moved: ['funnel', ...KPI_PANELS],
  events: ['activity', ...KPI_PANELS],
  calls: ['activity', ...KPI_PANELS],
  plannedEvents: ['activity'],
  pastEvents: ['activity'],
  pastCalls: ['activity'],
  newCustomerEvents: ['activity', ...KPI_PANELS],
  newCustomerCalls: ['activity', ...KPI_PANELS],
  forecast: ['forecast', 'trust', ...KPI_PANELS],
  forecastWon: ['forecast', 'trust', ...KPI_PANELS],
  targets: ['forecast', 'activity', 'funnel', ...KPI_PANELS],
  conversion: ['funnel'],
  openList: ['top', 'funnel', 'trust', ...KPI_PANELS],
  closedList: ['wonLost', 'funnel', ...KPI_PANELS],
  actions: ['actions'],
  reviews: ['trust']
};

/**
 * The panels whose numbers read any of these specs, in {@link PANEL_KEYS} order.
 * @param {Array<{ consumers: Array<{ need: { panels?: string[] } }> }>} specs
 * @returns {string[]}
 */
export function panelsOf(specs) {
  const read = new Set();
  for (const spec of specs)
    for (const consumer of spec.consumers) for (const p of consumer.need.panels || []) read.add(p);
  return PANEL_KEYS.filter((p) => read.has(p));
}
