/**
 * The review's numbers, recorded: a local org readied as `npm start` readies it (seed, forecast
 * backfill, targets), reviewed for a rep, a manager's team and the director's team over a month,
 * a quarter and a year, through the GraphQL path (the documents the panels send, answered by the
 * local org) and through the records path (`report --data`). Every number of the model — KPIs,
 * funnel, trust and its trend, movement, activity and its trend, the forecast and its months, the
 * lists — must equal `data/review-figures.json`, recorded with the engine as it was before the
 * documents were reshaped for the real UI API grammar (issue 11). New model fields may appear; no
 * recorded value may change.
 *
 * To record again after a change that is meant to move numbers (and say why in the commit):
 *   RECORD_FIGURES=1 npx jest scripts/__tests__/reviewFigures.test.ts
 */
import '../test-support/realm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewModelFromRecords } from 'c/reviewModel';
import { startLocalOrg, type LocalOrg } from '../../localorg/server';
import { generateSampleData } from '../../sample-data/generate';
import { graphql } from '../../localorg/testing';
import { prepareLocalOrg } from '../../preview/prepareOrg';
import {
  buildReviewPlan,
  modelFromResponses,
  teamSubjectIds,
  type ReviewPlan
} from '../lib/kpi-engine';
import { PROJECT_DIR } from '../test-support/local-org';

const FIGURES_FILE = join(__dirname, 'data', 'review-figures.json');
const RECORD = process.env.RECORD_FIGURES === '1';
const DATA_OPTIONS = { reps: 6, opportunities: 900 };
const PERIODS = ['Month', 'Quarter', 'Year'] as const;
const DAYS_SINCE_LAST_REVIEW = 14;

type Row = Record<string, unknown>;
type Model = Record<string, unknown> & { lists: Record<string, unknown> };

let org: LocalOrg;

beforeAll(async () => {
  org = await startLocalOrg({
    port: 0,
    data: generateSampleData(DATA_OPTIONS),
    projectDir: PROJECT_DIR
  });
  await prepareLocalOrg(org, { root: PROJECT_DIR });
}, 180_000);

afterAll(async () => {
  await org?.close();
});

function records(object: string): Row[] {
  return org.store.table(object).records as Row[];
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The scopes reviewed: the first rep, the first manager's team, the director's team. */
function scopes(): Array<{ name: string; subjectUserIds: string[] }> {
  const users = records('User') as Array<{ Id: string; ManagerId: string | null }>;
  const director = users.find((u) => !u.ManagerId);
  if (!director) throw new Error('The sample data has no director');
  const managers = users.filter((u) => u.ManagerId === director.Id);
  const rep = users.find((u) => u.ManagerId === managers[0].Id);
  if (!rep) throw new Error('The first manager has no rep');
  return [
    { name: 'rep', subjectUserIds: [rep.Id] },
    { name: 'manager', subjectUserIds: teamSubjectIds(users, managers[0].Id, []) },
    { name: 'director', subjectUserIds: teamSubjectIds(users, director.Id, []) }
  ];
}

function planFor(subjectUserIds: string[], periodType: string) {
  const asOf = org.data.meta.asOf;
  return buildReviewPlan({
    subjectUserIds,
    users: records('User'),
    kpis: records('SPM_KPI__c'),
    stagePolicy: records('SPM_Stage_Policy__c'),
    asOf,
    orgTimeZone: org.data.meta.orgTimeZone,
    fiscalYearStartMonth: org.data.meta.fiscalYearStartMonth,
    currency: org.data.meta.currency,
    periodType,
    lastReviewDate: daysBefore(asOf, DAYS_SINCE_LAST_REVIEW)
  });
}

/**
 * The flag names as the figures were recorded: the flag `offersPastCheck` was spelled
 * `offerPastCheck` then (issue 14 gave each builtin one name). A name, not a number: read back here.
 */
const RECORDED_FLAG_NAMES: Record<string, string> = { offersPastCheck: 'offerPastCheck' };

function recordedFlags(flags: unknown): unknown {
  return Array.isArray(flags) ? flags.map((f: string) => RECORDED_FLAG_NAMES[f] ?? f) : flags;
}

/** What the numbers are: the model without its bookkeeping, each list reduced to ids and flags. */
function figuresOf(model: Model): Row {
  const lists: Row = {};
  for (const [name, list] of Object.entries(model.lists)) {
    lists[name] = Array.isArray(list)
      ? list.map((item: Row) => ({
          Id: item.Id,
          ...(item.flags ? { flags: recordedFlags(item.flags) } : {}),
          ...(item.snoozed !== undefined ? { snoozed: item.snoozed } : {})
        }))
      : list;
  }
  return JSON.parse(
    JSON.stringify({
      scope: model.scope,
      kpis: model.kpis,
      funnel: model.funnel,
      trust: model.trust,
      movement: model.movement,
      activity: model.activity,
      forecast: model.forecast,
      lists
    })
  );
}

async function modelThroughGraphql(plan: ReviewPlan): Promise<Model> {
  const responses = await Promise.all(
    plan.documents.map(async (document) => {
      const { status, body } = await graphql(org, document.query, document.variables);
      if (status !== 200) throw new Error(`GraphQL answered ${status}`);
      return body as { data?: object; errors?: object[] };
    })
  );
  return modelFromResponses(plan, responses) as unknown as Model;
}

function modelThroughRecords(plan: ReviewPlan): Model {
  const byObject: Record<string, Row[]> = {};
  for (const name of org.schema.objects.keys()) byObject[name] = records(name);
  return reviewModelFromRecords(plan, byObject) as Model;
}

describe('the review figures on the sample data', () => {
  it('equal the figures recorded before the documents changed, on both paths', async () => {
    const figures: Record<string, Row> = {};
    for (const scope of scopes()) {
      for (const periodType of PERIODS) {
        const plan = planFor(scope.subjectUserIds, periodType);
        figures[`${scope.name} ${periodType}`] = figuresOf(await modelThroughGraphql(plan));
        // The records path (`report --data`) must give the very same figures.
        expect(figuresOf(modelThroughRecords(plan))).toEqual(
          figures[`${scope.name} ${periodType}`]
        );
      }
    }
    if (RECORD) {
      // One line per scope and period: a diff of the file says which moved.
      const lines = Object.entries(figures).map(
        ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`
      );
      writeFileSync(FIGURES_FILE, `{\n${lines.join(',\n')}\n}\n`);
      return;
    }
    if (!existsSync(FIGURES_FILE)) {
      throw new Error(
        `${FIGURES_FILE} is missing: record it with RECORD_FIGURES=1 (see the header)`
      );
    }
    const recorded = JSON.parse(readFileSync(FIGURES_FILE, 'utf8'));
    expect(Object.keys(figures).sort()).toEqual(Object.keys(recorded).sort());
    for (const key of Object.keys(recorded)) {
      // A named key in the failure message says which scope, period and path moved.
      expect({ [key]: figures[key] }).toMatchObject({ [key]: recorded[key] });
    }
    // The data set is not trivial: the figures would catch a change.
    const rep = recorded['rep Month'] as { funnel: { total: { count: number } } };
    expect(rep.funnel.total.count).toBeGreaterThan(0);
  }, 180_000);
});
