/**
 * Every GraphQL document Pacer sends for one org's KPI menu, cadences, stage policy and a team,
 * built by the same code the components run: the review workspace's context document, the review
 * plan of a rep and of a manager's team for each period type the active cadences use, and the
 * coaching panel's account query, its account-scoped plan ("this account") and "my numbers" plan. `check:org` sends them to an org; the
 * metadata check reads which fields they touch.
 *
 * Documents that two uses share (same text, same variables) are listed once, with both uses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ACCOUNT_QUERY,
  CONTEXT_QUERY
} from '../../force-app/main/default/lwc/spmDocuments/spmDocuments.js';
import {
  contextVariables,
  periodTypeOf
} from '../../force-app/main/default/lwc/reviewContext/reviewContext.js';
import { InputError, type InputProblem } from '../../cli/errors';
import {
  buildReviewPlan,
  menuInForce,
  PANEL_KEYS,
  teamSubjectIds,
  type ReviewInput
} from './kpi-engine';
import { cadenceRecords, kpiRecords, stagePolicyRecords } from './config-records';
import {
  cadencesSchema,
  kpiMenuSchema,
  stagePolicySchema,
  validateJson,
  type CadencesFile,
  type KpiMenu,
  type StagePolicyFile
} from './schemas';

/** A user as the context document reads them. */
export interface PacerUser {
  Id: string;
  Name?: string | null;
  ManagerId?: string | null;
  Title?: string | null;
}

/** What the documents depend on: the org's configuration records and who the review is for. */
export interface PacerDocumentsInput {
  users: PacerUser[];
  /** SPM_KPI__c records (active ones are planned; the menu in force on `asOf` is chosen). */
  kpis: Array<Record<string, unknown>>;
  /** SPM_Cadence__c records: their frequencies decide the review periods. */
  cadences: Array<Record<string, unknown>>;
  /** SPM_Stage_Policy__c records. */
  stagePolicy: Array<Record<string, unknown>>;
  asOf: string;
  orgTimeZone: string;
  fiscalYearStartMonth: number;
  currency?: string | null;
  /** The rep whose own review and coaching "my numbers" are built. */
  repId: string;
  /** The manager whose team review is built. */
  managerId: string;
  /** An account for the coaching panel's account query and account-scoped plan. */
  accountId: string;
}

/** One document to send, and who sends it. */
export interface PacerDocument {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  /** Where the document is sent from, e.g. `review · Month · team of Tom Becker`. */
  uses: string[];
  /** Panels left without numbers when this document fails (keys of the engine's PANEL_KEYS). */
  panels: string[];
  /** The plan's group of the document (`core`, `activity`, `joins`), when the plan gives one. */
  group?: string;
  /** The module that holds or builds the document's text, relative to the project root. */
  origin: string;
}

/** KPIs a plan could not load (the menu needs more documents than a plan may have). */
export interface UnplannedKpi {
  use: string;
  key: string;
  reason: string;
}

/** The documents and what did not fit. */
export interface PacerDocumentSet {
  documents: PacerDocument[];
  unplanned: UnplannedKpi[];
  /** The period types the active cadences review (Month when there is no active cadence). */
  periodTypes: string[];
}

/** Where the static documents' text lives, and where the plans are built. */
const STATIC_ORIGIN = 'force-app/main/default/lwc/spmDocuments/spmDocuments.js';
const PLAN_ORIGIN = 'force-app/main/default/lwc/reviewPlan/reviewPlan.js';

/**
 * The panels a static document's failure leaves without numbers, as the components are wired: the
 * workspace plans nothing without its context, and the coaching panel's account view (data trust,
 * funnel, activity, actions) and its "my numbers" scorecard both start from the account query.
 */
const CONTEXT_PANELS: readonly string[] = PANEL_KEYS;
const COACHING_ACCOUNT_PANELS: readonly string[] = [
  'trust',
  'funnel',
  'activity',
  'actions',
  'scorecard'
];

/** The coaching panel reviews the current calendar month (spmCoachingPanel PERIOD_TYPE). */
const COACHING_PERIOD = 'Month';

interface PlanDocument {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  panels?: string[];
  group?: string;
}

const nameOf = (users: readonly PacerUser[], id: string): string =>
  users.find((u) => u.Id === id)?.Name ?? id;

/** The period types of the active cadences, in the order Week, Month, Quarter, Year. */
export function cadencePeriodTypes(cadences: ReadonlyArray<Record<string, unknown>>): string[] {
  const order = ['Week', 'Month', 'Quarter', 'Year'];
  const types = new Set(
    cadences.filter((c) => c.Active__c !== false).map((c) => periodTypeOf(c) as string)
  );
  if (types.size === 0) types.add('Month');
  return order.filter((t) => types.has(t));
}

/** Builds every document Pacer sends for the input (see the module comment). */
export function pacerDocuments(input: PacerDocumentsInput): PacerDocumentSet {
  const byText = new Map<string, PacerDocument>();
  const unplanned: UnplannedKpi[] = [];
  const add = (doc: PlanDocument, use: string, origin: string): void => {
    const key = `${doc.query}\n${JSON.stringify(doc.variables)}`;
    const known = byText.get(key);
    if (known) {
      if (!known.uses.includes(use)) known.uses.push(use);
      return;
    }
    byText.set(key, {
      operationName: doc.operationName,
      query: doc.query,
      variables: doc.variables,
      uses: [use],
      panels: [...(doc.panels ?? [])],
      ...(doc.group ? { group: doc.group } : {}),
      origin
    });
  };

  add(
    {
      operationName: 'reviewContext',
      query: CONTEXT_QUERY,
      variables: contextVariables({ asOf: input.asOf }),
      panels: [...CONTEXT_PANELS]
    },
    'review workspace · context',
    STATIC_ORIGIN
  );

  const kpis = menuInForce(input.kpis, input.asOf, input.fiscalYearStartMonth);
  const settings = {
    asOf: input.asOf,
    orgTimeZone: input.orgTimeZone,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
    currency: input.currency ?? null,
    kpis,
    stagePolicy: input.stagePolicy,
    lastReviewDate: null
  };
  const plan = (
    use: string,
    fields: Partial<ReviewInput> & Pick<ReviewInput, 'subjectUserIds'>
  ): void => {
    const built = buildReviewPlan({ ...settings, ...fields });
    for (const doc of built.documents) add(doc, use, PLAN_ORIGIN);
    for (const item of built.unplanned) unplanned.push({ use, ...item });
  };

  const periodTypes = cadencePeriodTypes(input.cadences);
  // The workspace's team choice: the leader first, then everyone below (reviewContext subjectsOf).
  const team = teamSubjectIds(input.users, input.managerId, [input.managerId]);
  for (const periodType of periodTypes) {
    plan(`review · ${periodType} · ${nameOf(input.users, input.repId)}`, {
      users: input.users,
      subjectUserIds: [input.repId],
      periodType
    });
    plan(`review · ${periodType} · team of ${nameOf(input.users, input.managerId)}`, {
      users: input.users,
      subjectUserIds: team,
      periodType
    });
  }

  add(
    {
      operationName: 'spmCoachingAccount',
      query: ACCOUNT_QUERY,
      // The panel's viewer (@salesforce/user/Id): the rep whose coaching this is.
      variables: { accountId: input.accountId, userId: input.repId },
      panels: [...COACHING_ACCOUNT_PANELS]
    },
    'coaching · this account',
    STATIC_ORIGIN
  );
  // "This account": the account-scoped plan of the people the account query names (spmCoachingPanel
  // planAccount). Who they are changes only the `userIds` variable's value, not the documents' text:
  // the viewer stands for them.
  plan(`coaching · this account, as ${nameOf(input.users, input.repId)}`, {
    users: [
      { Id: input.repId, Name: nameOf(input.users, input.repId), ManagerId: null, Title: null }
    ],
    subjectUserIds: [input.repId],
    accountId: input.accountId,
    periodType: COACHING_PERIOD
  });
  // "My numbers" knows only the current user among the users (spmCoachingPanel planMine).
  const me = input.users.filter((u) => u.Id === input.repId);
  plan(`coaching · my numbers of ${nameOf(input.users, input.repId)}`, {
    users: me.length > 0 ? me : [{ Id: input.repId, Name: input.repId }],
    subjectUserIds: [input.repId],
    periodType: COACHING_PERIOD
  });

  return { documents: [...byText.values()], unplanned, periodTypes };
}

/* ---------------------------------------------------------------- the project's own configuration */

/** Ids of the example team the metadata check plans for (a manager and two reps). */
const EXAMPLE_TEAM: PacerUser[] = [
  { Id: '005000000000001AAA', Name: 'Example Manager', ManagerId: null, Title: 'Sales Manager' },
  { Id: '005000000000002AAA', Name: 'Example Rep', ManagerId: '005000000000001AAA', Title: 'AE' },
  { Id: '005000000000003AAA', Name: 'Other Rep', ManagerId: '005000000000001AAA', Title: 'AE' }
];
const EXAMPLE_ACCOUNT_ID = '001000000000001AAA';

function readConfig<T>(
  rootDir: string,
  file: string,
  schema: Parameters<typeof validateJson>[0]
): { value?: T; problems: InputProblem[] } {
  const relative = `config/${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(rootDir, relative), 'utf8'));
  } catch (error) {
    return { problems: [{ file: relative, place: '', reason: (error as Error).message }] };
  }
  const result = validateJson(schema, raw, relative);
  return result.ok ? { value: result.value as T, problems: [] } : { problems: result.problems };
}

/**
 * The documents for the project's own configuration files (config/kpi-menu.json, cadences.json,
 * stage-policy.json, as `seed` would load them) and an example team of a manager and two reps, on a
 * fixed day of the menu's year (so the check does not change with the calendar). Throws InputError
 * when a config file is missing or invalid.
 */
export function projectDocuments(rootDir: string): PacerDocumentSet {
  const menu = readConfig<KpiMenu>(rootDir, 'kpi-menu.json', kpiMenuSchema);
  const cadences = readConfig<CadencesFile>(rootDir, 'cadences.json', cadencesSchema);
  const stages = readConfig<StagePolicyFile>(rootDir, 'stage-policy.json', stagePolicySchema);
  const problems = [...menu.problems, ...cadences.problems, ...stages.problems];
  if (!menu.value || !cadences.value || !stages.value) throw new InputError(problems);
  const withIds = (records: Array<{ fields: Record<string, unknown> }>, prefix: string) =>
    records.map((r, i) => ({ Id: `${prefix}${String(i + 1).padStart(12, '0')}AAA`, ...r.fields }));
  return pacerDocuments({
    users: EXAMPLE_TEAM,
    kpis: withIds(kpiRecords(menu.value), 'a00'),
    cadences: withIds(
      cadenceRecords(cadences.value).filter((r) => r.type === 'SPM_Cadence__c'),
      'a01'
    ),
    stagePolicy: withIds(stagePolicyRecords(stages.value), 'a02'),
    asOf: `${menu.value.menuYear}-06-15`,
    orgTimeZone: 'UTC',
    fiscalYearStartMonth: 1,
    currency: 'EUR',
    repId: EXAMPLE_TEAM[1].Id,
    managerId: EXAMPLE_TEAM[0].Id,
    accountId: EXAMPLE_ACCOUNT_ID
  });
}
