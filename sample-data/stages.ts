/**
 * Opportunity stages of the sample data and of the default stage policy (config/stage-policy.json), with the
 * values Salesforce derives from a stage: default probability, forecast category (the label on
 * Opportunity.ForecastCategoryName, the API value on OpportunityHistory.ForecastCategory),
 * closed and won flags.
 */

/** One stage and what it implies. */
export interface StageInfo {
  name: string;
  probability: number;
  /** Opportunity.ForecastCategoryName (label). */
  forecastCategoryName: string;
  /** OpportunityHistory.ForecastCategory (API value: BestCase, Forecast, …). */
  historyForecastCategory: string;
  isClosed: boolean;
  isWon: boolean;
  /** An early stage in the default stage policy. */
  early: boolean;
}

/** The stages in order; index 6 is Closed Won, 7 Closed Lost. */
export const STAGES: readonly StageInfo[] = [
  {
    name: 'Prospecting',
    probability: 10,
    forecastCategoryName: 'Pipeline',
    historyForecastCategory: 'Pipeline',
    isClosed: false,
    isWon: false,
    early: true
  },
  {
    name: 'Qualification',
    probability: 20,
    forecastCategoryName: 'Pipeline',
    historyForecastCategory: 'Pipeline',
    isClosed: false,
    isWon: false,
    early: true
  },
  {
    name: 'Needs Analysis',
    probability: 30,
    forecastCategoryName: 'Pipeline',
    historyForecastCategory: 'Pipeline',
    isClosed: false,
    isWon: false,
    early: false
  },
  {
    name: 'Value Proposition',
    probability: 50,
    forecastCategoryName: 'Pipeline',
    historyForecastCategory: 'Pipeline',
    isClosed: false,
    isWon: false,
    early: false
  },
  {
    name: 'Proposal/Price Quote',
    probability: 70,
    forecastCategoryName: 'Best Case',
    historyForecastCategory: 'BestCase',
    isClosed: false,
    isWon: false,
    early: false
  },
  {
    name: 'Negotiation/Review',
    probability: 90,
    forecastCategoryName: 'Commit',
    historyForecastCategory: 'Forecast',
    isClosed: false,
    isWon: false,
    early: false
  },
  {
    name: 'Closed Won',
    probability: 100,
    forecastCategoryName: 'Closed',
    historyForecastCategory: 'Closed',
    isClosed: true,
    isWon: true,
    early: false
  },
  {
    name: 'Closed Lost',
    probability: 0,
    forecastCategoryName: 'Omitted',
    historyForecastCategory: 'Omitted',
    isClosed: true,
    isWon: false,
    early: false
  }
];

/** Index of Closed Won in {@link STAGES}. */
export const WON = 6;
/** Index of Closed Lost in {@link STAGES}. */
export const LOST = 7;

/** Stage info by name. */
export const STAGE_BY_NAME: ReadonlyMap<string, StageInfo> = new Map(
  STAGES.map((s) => [s.name, s])
);

/** OpportunityHistory.ForecastCategory API values with their labels. */
export const HISTORY_FORECAST_CATEGORIES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'Omitted', label: 'Omitted' },
  { value: 'Pipeline', label: 'Pipeline' },
  { value: 'BestCase', label: 'Best Case' },
  { value: 'Forecast', label: 'Commit' },
  { value: 'Closed', label: 'Closed' }
];
