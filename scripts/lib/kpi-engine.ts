/**
 * The only module where the scripts meet the KPI engine's service modules (`c/…`). Everything a
 * script computes about KPIs — definitions, record mapping, decomposition, the review model —
 * comes from there; this module adds TypeScript types and turns engine errors into placed problems.
 */
import * as decomposition from 'c/decomposition';
import * as criteria from 'c/criteria';
import * as definitions from 'c/kpiDefinitions';
import * as metrics from 'c/metrics';
import * as periods from 'c/periods';
import * as reviewContext from 'c/reviewContext';
import * as reviewModel from 'c/reviewModel';
import * as reviewPlan from 'c/reviewPlan';
import * as rollup from 'c/rollup';
import type { CadencesFile, KpiMenu, StagePolicyFile } from './schemas';

type Fields = Record<string, unknown>;
/** One problem found by the engine's definition check (c/kpiDefinitions). */
interface EngineProblem {
  path: string;
  key: string;
  property: string;
  reason: string;
  message: string;
}

/** Picklist values of the KPI menu and the cadences, as the engine defines them. */
export const PICKLISTS = {
  CATEGORIES: definitions.CATEGORIES,
  KINDS: definitions.KINDS,
  UNITS: definitions.UNITS,
  DIRECTIONS: definitions.DIRECTIONS,
  LEVELS: definitions.LEVELS,
  MEETING_TYPES: definitions.MEETING_TYPES,
  FREQUENCIES: definitions.FREQUENCIES,
  PANELS: definitions.PANELS,
  REVIEW_PERIODS: definitions.REVIEW_PERIODS
} as const satisfies Record<string, readonly string[]>;

/** The focuses each agenda panel offers (SPM_Agenda_Item__c.Focus__c, dependent on Panel__c). */
export const FOCUSES: Readonly<Record<string, readonly string[]>> = definitions.FOCUSES;

/** SPM_KPI__c field values of a menu entry. */
export function kpiToRecord(kpi: KpiMenu['kpis'][number], menuYear: number): Fields {
  return definitions.kpiToRecord(kpi, menuYear) as Fields;
}

/** SPM_Cadence__c and SPM_Agenda_Item__c field values of a cadence. */
export function cadenceToRecords(cadence: CadencesFile['cadences'][number]): {
  cadence: Fields;
  agendaItems: Fields[];
} {
  return definitions.cadenceToRecords(cadence) as { cadence: Fields; agendaItems: Fields[] };
}

/** SPM_Stage_Policy__c field values of the stage policy. */
export function stagePolicyToRecords(stages: StagePolicyFile['stages']): Fields[] {
  return definitions.stagePolicyToRecords(stages) as Fields[];
}

/** Stage names the engine treats as closed (won or lost): no stage policy may call them early or stalled. */
export const CLOSED_STAGES: readonly string[] = [
  ...definitions.DEFAULT_WON_STAGES,
  ...definitions.DEFAULT_LOST_STAGES
];

/** A problem in what a menu's definitions mean: where (zod path segments from the menu) and why. */
export interface DefinitionProblem {
  path: Array<string | number>;
  reason: string;
}

/** `kpis[3].definition.filter.or[1].IsWon` → ['kpis', 3, 'definition', 'filter', 'or', 1, 'IsWon']. */
function pathSegments(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? m[1] : Number(m[2])
  );
}

/**
 * The engine's check of the meaning of a menu's definitions (fields, operators and values of each
 * definition, the KPIs they refer to, cycles of references). `kpiMenuSchema` calls it once the
 * file's structure is right; the structure and limits themselves are zod's.
 */
export function menuDefinitionProblems(
  kpis: ReadonlyArray<{ key: string; definition: unknown }>
): DefinitionProblem[] {
  return (definitions.validateMenuDefinitions([...kpis]) as EngineProblem[]).map((e) => ({
    path: pathSegments(e.path),
    reason: e.reason
  }));
}

/* ---------------------------------------------------------------- the engine's shapes */
/*
 * The one typed description of the engine's input, plan and model (c/reviewPlan buildReviewPlan →
 * plan; c/reviewModel reviewModelFromResponses / reviewModelFromRecords → model). The bundles' JSDoc
 * points here; every script reads these types, none declares its own.
 */

/** A day, 'YYYY-MM-DD'. */
export type Day = string;
/** The period types of a review. */
export type PeriodType = 'Year' | 'Quarter' | 'Month' | 'Week';
/** A KPI's status colour. */
export type Status = 'green' | 'amber' | 'red' | 'none';

/** What a review is of: c/reviewPlan buildReviewPlan's input (checked by reviewPlan/planContext). */
export interface ReviewInput {
  /** The people reviewed (at least one). */
  subjectUserIds: string[];
  /** User records (Id, Name, ManagerId, Title): names and the ManagerId hierarchy. */
  users?: ReadonlyArray<object>;
  /** The KPI menu: SPM_KPI__c records or config/kpi-menu.json entries. */
  kpis?: ReadonlyArray<object>;
  /** The stage policy: SPM_Stage_Policy__c records or config/stage-policy.json entries. */
  stagePolicy?: ReadonlyArray<object>;
  /** The day the review is computed for, in the org's time zone. */
  asOf: Day;
  orgTimeZone?: string;
  fiscalYearStartMonth?: number;
  currency?: string | null;
  /** Default 'Month'. */
  periodType?: PeriodType | string;
  /** Default: the day before the period. */
  lastReviewDate?: Day | null;
  /** One account's review (Account id 001…): no targets, no forecast. */
  accountId?: string | null;
  /** SPM_Target__c records given instead of queried. */
  targets?: ReadonlyArray<object>;
  options?: {
    staleDays?: number;
    closingSoonDays?: number;
    forecastBasis?: 'commit' | 'weighted';
    conversionWindowMonths?: number;
    topN?: number;
    /** 1–200. */
    listSize?: number;
    wonStages?: string[];
    lostStages?: string[];
  };
}

/** A period of the review (or of its trends). */
export interface Period {
  type: PeriodType;
  start: Day;
  end: Day;
  label: string;
}

/** The group a review document's subqueries belong to (one group per document). */
export type DocumentGroup = 'core' | 'activity' | 'joins';

/** One GraphQL document of a review plan. */
export interface ReviewPlanDocument {
  /** `spmReviewCore1`, `spmReviewActivity1`, `spmReviewJoins1`… */
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** The subqueries (aliases under `uiapi.aggregate` and `uiapi.query`), at most 10. */
  aliases: string[];
  /** 'core' (documented constructs), 'activity' (Task/Event aggregates), 'joins' (semi/anti-joins). */
  group: DocumentGroup;
  /** The panels whose numbers read this document (keys of {@link PANEL_KEYS}). */
  panels: string[];
}

/** A date window of a need: `from` ≤ field ≤ `to`, by variable name (c/queryCompiler windowCondition). */
export interface NeedWindow {
  field: string;
  from?: string;
  to?: string;
}

/**
 * A review plan: the GraphQL documents to send (all at once: one round trip), and what the model
 * needs to read the answers.
 */
export interface ReviewPlan {
  version: number;
  documents: ReviewPlanDocument[];
  /** Menu KPIs left out (the documents were full). */
  unplanned: Array<{ key: string; reason: string }>;
  /** The scope, periods and options the needs were built for. */
  context: {
    subjectUserIds: string[];
    peopleIds: string[];
    asOf: Day;
    orgTimeZone: string;
    period: Period & { daysTotal: number; daysElapsed: number; fraction: number };
    forecastMonths: Period[];
    historyPeriods: Period[];
    accountId: string | null;
  } & Record<string, unknown>;
  /** The menu, normalized. */
  kpis: Array<Record<string, unknown> & { key: string }>;
  people: ModelPerson[];
  /** The merged subqueries: alias, kind, object, and the needs (each with its `window`) they answer. */
  specs: Array<Record<string, unknown> & { alias: string; kind: 'aggregate' | 'records' }>;
  variables: Record<string, { type: string; value: unknown }>;
  /** SPM_Target__c records given, run locally. */
  localRecords: Record<string, object[]>;
  /** The needs each KPI reads (what a failed subquery blanks). */
  reads: Record<string, string[]>;
  /** The menu KPI carrying each builtin (its definition is the builtin). */
  builtinKpis: Record<string, string>;
}

/** One KPI cell of the model: the total, one person's (`byUser`) or one manager's team's (`byTeam`). */
export interface KpiCell {
  value: number | null;
  target: number | null;
  attainment: number | null;
  status: Status | string;
  /** What the value is computed from (summed across people for a team). */
  parts?: Record<string, number | boolean | null>;
  /** 'not loaded' when the KPI was left out of the plan. */
  note?: string;
  /** Why the value is unknown: the org's message about a subquery it reads. */
  unavailable?: string;
}

/** A person of the review: a subject, or a manager above subjects. */
export interface ModelPerson {
  userId: string;
  name?: string | null;
  title?: string | null;
  managerId?: string | null;
  depth?: number;
  isSubject?: boolean;
  isManager?: boolean;
  /** The subjects at and below this person. */
  teamUserIds: string[];
}

/** A KPI of the model, with its cells. */
export interface ModelKpi {
  key: string;
  name: string;
  category?: string;
  kind?: string;
  unit?: string;
  direction?: string;
  aboveTheLine?: boolean;
  sortOrder?: number;
  levels?: string[];
  description?: string;
  /** The definition's measure (count, sum, ratio, builtin…), date field and builtin, or null. */
  measure?: string | null;
  dateField?: string | null;
  builtin?: string | null;
  total: KpiCell;
  byUser?: Array<KpiCell & { userId: string }>;
  byTeam?: Array<KpiCell & { userId: string }>;
}

/** A data-trust measure: its value lives here once (the data-trust panel and `report` read it). */
export interface TrustMeasure {
  key:
    | 'forecastDeviation'
    | 'pastCloseDate'
    | 'notUpdated'
    | 'earlyStageClosingSoon'
    | 'stalled'
    | 'offersPastCheck'
    | string;
  label?: string;
  unit?: string;
  value: number | null;
  count?: number | null;
  amount?: number | null;
  snoozed?: number | null;
  status?: Status | string;
  /** The Deal.flags entry of the deals behind the count (null for forecast deviation). */
  flag?: string | null;
  /** The menu KPI carrying the builtin, null when the menu has none. */
  kpiKey?: string | null;
  /** Offers past check: whether the open list (≤ listSize deals) held every open deal. */
  complete?: boolean;
}

/** Activity numbers (null when the subquery they read failed, or a past period's are not loaded). */
export interface ActivityRow {
  meetings: number | null;
  customerHours: number | null;
  calls: number | null;
  newOpportunities: number | null;
  newPipeline?: number | null;
  newCustomerContacts: number | null;
  /** Meetings planned from the review day to the end of the next period ("Planning"). */
  plannedMeetings?: number | null;
}

/** An open or closed deal of the model's lists. */
export interface Deal {
  Id: string;
  Name?: string | null;
  OwnerId?: string | null;
  Amount?: number | null;
  /** Among pastCloseDate, notUpdated, earlyStageClosingSoon, stalled, offersPastCheck. */
  flags: string[];
  snoozed?: boolean;
  [field: string]: unknown;
}

/** The review model (c/reviewModel): what every panel and `report` render. */
export interface ReviewModel {
  version?: number;
  scope: {
    subjectUserIds: string[];
    accountId?: string | null;
    asOf: Day;
    orgTimeZone?: string;
    currency?: string | null;
    lastReviewDate?: Day;
    period: { type: string; start: Day; end: Day; label?: string; fraction?: number };
  } & Record<string, unknown>;
  people: ModelPerson[];
  kpis: ModelKpi[];
  funnel: {
    stages: Array<
      { stage: string; count: number; amount: number; weighted: number } & Record<string, unknown>
    >;
    total: { count: number; amount: number; weighted: number };
  } & Record<string, unknown>;
  trust: {
    measures: TrustMeasure[];
    /** Each subject's counts, by measure key. */
    byUser?: Array<{ userId: string } & Record<string, unknown>>;
    history?: Array<{ period: Period } & Record<string, unknown>>;
  };
  movement?: Record<string, unknown>;
  activity: {
    total: ActivityRow;
    byUser?: Array<ActivityRow & { userId: string }>;
    byTeam?: Array<ActivityRow & { userId: string }>;
    history?: Array<{ period: Period; total: ActivityRow }>;
  };
  forecast?: { total?: { deviationPct: number | null } } & Record<string, unknown>;
  lists: {
    /** The largest open deals not past their close date, and how many larger ones were passed over. */
    top?: Deal[];
    topPastCloseDate?: number;
    flagged: Deal[];
    offersPastCheck: Deal[];
    complete?: { open?: boolean; closed?: boolean; actions?: boolean };
  } & Record<string, unknown>;
  /** The menu KPI carrying each builtin, from the definitions (plan.builtinKpis). */
  builtinKpis?: Record<string, string>;
  unplanned?: Array<{ key: string; reason: string }>;
  warnings?: string[];
}

/** A document of the plan the org did not answer (or some of whose subqueries failed). */
export interface UnavailableDocument {
  operationName: string;
  group: DocumentGroup;
  /** The panels whose numbers read the failed subqueries. */
  panels: string[];
  /** The org's message(s). */
  reason: string;
}

/** The review model, with the documents whose numbers it lacks (empty when every one answered). */
export type ReviewModelWithGaps = ReviewModel & { unavailable: UnavailableDocument[] };

/**
 * A KPI's cell (c/reviewModel kpiCell, the one look-up every panel uses): a manager's team cell,
 * else the person's own; `own` for the person's own only; the total without a person.
 */
export function kpiCell(
  kpi: ModelKpi,
  userId?: string | null,
  options?: { own?: boolean }
): KpiCell | undefined {
  return reviewModel.kpiCell(kpi, userId, options) as KpiCell | undefined;
}

/** No review plan holds more documents than this. */
/** The data-trust deal flags, as the engine names them (a measure of `model.trust` each). */
export type TrustFlag = 'pastCloseDate' | 'notUpdated' | 'earlyStageClosingSoon' | 'stalled';
export const FLAG_BUILTINS = reviewPlan.FLAG_BUILTINS as readonly TrustFlag[];

export const MAX_PLAN_DOCUMENTS = reviewPlan.MAX_PLAN_DOCUMENTS as number;
/** The keys of the review's panels, as documents' `panels` name them. */
export const PANEL_KEYS = reviewPlan.PANEL_KEYS as readonly string[];

/** Plans a review: at most {@link MAX_PLAN_DOCUMENTS} GraphQL documents, to send in parallel. */
export function buildReviewPlan(input: ReviewInput): ReviewPlan {
  return reviewPlan.buildReviewPlan(input) as ReviewPlan;
}

/**
 * The review model from the org's GraphQL responses, in document order. A document that failed
 * leaves its panels' numbers out and is listed in `unavailable`; throws only when every one failed.
 */
export function modelFromResponses(
  plan: ReviewPlan,
  responses: Array<{ data?: object; errors?: object[] }>
): ReviewModelWithGaps {
  return reviewModel.reviewModelFromResponses(plan, responses) as ReviewModelWithGaps;
}

/** The review model computed from a sample-data file's records, as the panels would show it. */
export function modelFromDataSet(
  dataSet: { meta: object; records: Record<string, object[]> },
  options: Record<string, unknown>
): ReviewModelWithGaps {
  return (reviewModel.reviewModelFromDataSet(dataSet, options) as { model: ReviewModelWithGaps })
    .model;
}

/**
 * One line per document whose numbers the model lacks: which document, the panels it leaves without
 * numbers, and the org's reason.
 */
export function unavailableWarnings(model: { unavailable?: UnavailableDocument[] }): string[] {
  return (model.unavailable ?? []).map(
    (u) =>
      `${u.operationName} (${u.group}) failed, so ${u.panels.join(', ')} have no numbers from it: ${u.reason}`
  );
}

/**
 * The subjects of a team review (the engine's rule): everyone below the manager along
 * User.ManagerId, and the manager first when they own opportunities.
 */
export function teamSubjectIds(
  users: ReadonlyArray<{ Id: string; ManagerId?: string | null }>,
  managerId: string,
  opportunityOwnerIds: readonly string[]
): string[] {
  return rollup.teamSubjectIds([...users], managerId, [...opportunityOwnerIds]) as string[];
}

/* ---------------------------------------------------------------- decomposition (plan-targets) */

/** The engine's decomposition of a yearly target into months. */
export interface Decomposition {
  months: Array<{
    start: string;
    end: string;
    label: string;
    wonAmount: number;
    dealsToWin: number;
    opportunitiesToCreate: number;
    opportunitiesToCreateThisMonth: number;
    pipelineToCreateThisMonth: number;
    pipelineNeeded: number;
  }>;
  quarters?: Array<Record<string, unknown>>;
  lines: string[];
  assumptions: { fiscalYear: number; start: string; end: string; leadMonths: number };
}

/** Decomposes a yearly outcome target from a rep's win rate (%), average deal value and sales cycle (days). */
export function decompose(input: {
  yearlyTarget: number;
  winRate: number;
  averageDealValue: number;
  salesCycleDays: number;
  fiscalYearStartMonth: number;
  fiscalYear: number;
  stages?: Array<{ stage: string; conversionToNext?: number | null }>;
  currency?: string;
}): Decomposition {
  return decomposition.decompose(input) as Decomposition;
}

/**
 * SPM_Target__c field values of a decomposition (Source Decomposed, arithmetic attached), one per
 * month, or per fiscal quarter with `periodType: 'Quarter'`.
 */
export function decomposedTargetRecords(
  result: Decomposition,
  options: {
    assigneeId: string;
    kpiIds: Record<string, string>;
    keyPrefix: string;
    periodType?: 'Month' | 'Quarter';
  }
): Fields[] {
  return decomposition.targetRecords(result, options) as Fields[];
}

/** The KPI keys the engine's decomposition writes targets for (month by month). */
export const DECOMPOSED_KPI_KEYS = [
  'sales_won',
  'deals_won',
  'new_opportunities',
  'new_pipeline'
] as const;
/** The outcome KPI whose yearly target is decomposed. */
export const DECOMPOSABLE_KPI_KEY = 'sales_won';

/** The data-trust flags an open opportunity can carry (c/criteria FLAG_KEYS). */
export const TRUST_FLAG_KEYS = criteria.FLAG_KEYS as readonly string[];

/**
 * The data-trust flags of opportunities on one day, by the engine's predicates (compiled once).
 * @returns a function from an Opportunity record to the flags it carries
 */
export function flagsOfOpenDeals(context: {
  asOf: string;
  orgTimeZone: string;
  staleDays: number;
  lastReviewDate: string;
  stagePolicy: ReadonlyArray<Record<string, unknown>>;
}): (opportunity: Record<string, unknown>) => string[] {
  const predicates = metrics.flagPredicates(context) as Record<string, (o: unknown) => boolean>;
  return (opportunity) => TRUST_FLAG_KEYS.filter((key) => predicates[key](opportunity));
}

/** Forecast deviation (%) = (won − forecast) ÷ forecast × 100, null without a forecast. */
export function forecastDeviationPct(won: number, forecast: number): number | null {
  return metrics.forecastDeviation(won, forecast) as number | null;
}

/** Win rate (%) = won ÷ closed × 100, null without closed deals. */
export function winRate(won: number, closed: number): number | null {
  return metrics.winRate(won, closed) as number | null;
}

/** Average deal value = won amount ÷ won count, null without wins. */
export function averageDealValue(wonAmount: number, wonCount: number): number | null {
  return metrics.averageDealValue(wonAmount, wonCount) as number | null;
}

/** Sales cycle: mean days from CreatedDate (org day) to CloseDate over won deals. */
export function salesCycle(
  deals: ReadonlyArray<Record<string, unknown>>,
  timeZone: string
): { value: number | null; deals: number } {
  return metrics.salesCycle([...deals], timeZone) as { value: number | null; deals: number };
}

/** The fiscal period of a type containing a date. */
export function periodContaining(
  type: 'Year' | 'Quarter' | 'Month',
  date: string,
  fiscalYearStartMonth: number
): { start: string; end: string; label: string } {
  return periods.periodContaining(type, date, fiscalYearStartMonth) as {
    start: string;
    end: string;
    label: string;
  };
}

/**
 * The SPM_KPI__c records of the menu in force on a day: the latest menu year not after the day's
 * fiscal year (the panels choose the same way), records whose key or definition is unreadable left out.
 */
export function menuInForce<T extends Record<string, unknown>>(
  kpiRecords: readonly T[],
  asOf: string,
  fiscalYearStartMonth: number
): T[] {
  return reviewContext.menuInForce([...kpiRecords], asOf, fiscalYearStartMonth) as T[];
}
