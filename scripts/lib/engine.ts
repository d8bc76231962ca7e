/**
 * The only module where the scripts meet the KPI engine's service modules (`c/…`). Everything a
 * script computes about KPIs — definitions, record mapping, decomposition, the review model —
 * comes from there; this module adds TypeScript types and turns engine errors into InputProblems.
 */
import * as decomposition from 'c/decomposition';
import * as definitions from 'c/kpiDefinitions';
import * as metrics from 'c/metrics';
import * as periods from 'c/periods';
import * as reviewPlan from 'c/reviewPlan';
import * as rollup from 'c/rollup';
import type { InputProblem } from '../../cli/errors';
import type { ReviewModel } from './review-report';
import type { CadencesFile, KpiMenu, StagePolicyFile } from './schemas';

type Fields = Record<string, unknown>;
interface EngineValidation {
  ok: boolean;
  errors: Array<{ path: string; key: string; property: string; message: string }>;
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
  PANELS: definitions.PANELS
} as const satisfies Record<string, readonly string[]>;

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

function problems(result: EngineValidation, file: string): InputProblem[] {
  return result.errors.map((e) => ({ file, place: e.path, reason: e.message }));
}

/** The engine's validator of each config file. */
const VALIDATORS = {
  menu: definitions.validateKpiMenu,
  cadences: definitions.validateCadences,
  stagePolicy: definitions.validateStagePolicy
} as const;

/**
 * Checks the meaning of one config file with the engine's validators (definitions, references
 * between KPIs, agenda minutes, closed stages…), on the parsed JSON as written.
 */
export function validateConfigSemantics(
  which: keyof typeof VALIDATORS,
  raw: unknown,
  file: string
): InputProblem[] {
  return problems(VALIDATORS[which](raw) as EngineValidation, file);
}

/* ---------------------------------------------------------------- review model (report) */

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

/**
 * A review plan: the GraphQL documents to send (all at once: one round trip), and what the engine
 * needs to read the answers.
 */
export interface ReviewPlan {
  documents: ReviewPlanDocument[];
  unplanned: Array<{ key: string; reason: string }>;
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

/** No review plan holds more documents than this. */
export const MAX_PLAN_DOCUMENTS = reviewPlan.MAX_PLAN_DOCUMENTS as number;
/** The keys of the review's panels, as documents' `panels` name them. */
export const PANEL_KEYS = reviewPlan.PANEL_KEYS as readonly string[];

/**
 * Plans a review: at most {@link MAX_PLAN_DOCUMENTS} GraphQL documents, to send in parallel. The
 * input is the engine's (c/reviewPlan buildReviewPlan): subjectUserIds, users, kpis, stagePolicy,
 * asOf, orgTimeZone, fiscalYearStartMonth, periodType, lastReviewDate, targets?, options?
 */
export function buildReviewPlan(input: Record<string, unknown>): ReviewPlan {
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
  return reviewPlan.reviewModelFromResponses(plan, responses) as ReviewModelWithGaps;
}

/** The review model computed from a sample-data file's records, as the panels would show it. */
export function modelFromDataSet(
  dataSet: { meta: object; records: Record<string, object[]> },
  options: Record<string, unknown>
): ReviewModelWithGaps {
  return (reviewPlan.reviewModelFromDataSet(dataSet, options) as { model: ReviewModelWithGaps })
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
