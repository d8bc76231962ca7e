/**
 * The review plan as the scripts see it (scripts/lib/kpi-engine.ts), answered by a local org: documents
 * by group with their panels, sent in parallel; a document the org rejects leaves only its panels
 * without numbers, and says so in one warning line each.
 */
import '../../test-support/realm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../../../localorg/server';
import { generateSampleData } from '../../../sample-data/generate';
import { graphql } from '../../../localorg/testing';
import { PROJECT_DIR } from '../../test-support/local-org';
import {
  buildReviewPlan,
  modelFromResponses,
  unavailableWarnings,
  MAX_PLAN_DOCUMENTS,
  PANEL_KEYS,
  type ReviewPlan
} from '../kpi-engine';

type Response = { data?: object; errors?: object[] };

let org: LocalOrg;

beforeAll(async () => {
  org = await startLocalOrg({
    port: 0,
    data: generateSampleData({ reps: 3, opportunities: 200 }),
    projectDir: PROJECT_DIR
  });
}, 60_000);

afterAll(async () => {
  await org?.close();
});

function planForRep(): ReviewPlan {
  const users = org.store.table('User').records as Array<{ Id: string; ManagerId: string | null }>;
  const rep = users.find((u) => u.ManagerId && !users.some((r) => r.ManagerId === u.Id));
  if (!rep) throw new Error('The sample data has no rep');
  const read = (file: string) => JSON.parse(readFileSync(join(PROJECT_DIR, file), 'utf8'));
  return buildReviewPlan({
    subjectUserIds: [rep.Id],
    users,
    kpis: read('config/kpi-menu.json').kpis,
    stagePolicy: read('config/stage-policy.json').stages,
    asOf: org.data.meta.asOf,
    orgTimeZone: org.data.meta.orgTimeZone,
    fiscalYearStartMonth: org.data.meta.fiscalYearStartMonth,
    periodType: 'Month'
  });
}

async function send(query: string, variables: Record<string, unknown>): Promise<Response> {
  const { status, body } = await graphql(org, query, variables);
  if (status !== 200) throw new Error(`GraphQL answered ${status}`);
  return body as Response;
}

describe('the review plan from the scripts', () => {
  it('sends documents of one group each, naming the panels that read them', async () => {
    const plan = planForRep();
    expect(plan.documents.length).toBeLessThanOrEqual(MAX_PLAN_DOCUMENTS);
    expect([...new Set(plan.documents.map((d) => d.group))]).toEqual(['core', 'activity', 'joins']);
    for (const document of plan.documents) {
      expect(document.operationName).toMatch(/^spmReview(Core|Activity|Joins)\d+$/);
      expect(document.panels.every((p) => PANEL_KEYS.includes(p))).toBe(true);
    }
    const responses = await Promise.all(plan.documents.map((d) => send(d.query, d.variables)));
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(modelFromResponses(plan, responses).unavailable).toEqual([]);
  });

  it('keeps the other panels when the org rejects the activity documents, and says which and why', async () => {
    const plan = planForRep();
    const full = modelFromResponses(
      plan,
      await Promise.all(plan.documents.map((d) => send(d.query, d.variables)))
    );
    // The org's own rejection of a document: a field its Event type does not have.
    const responses = await Promise.all(
      plan.documents.map((d) =>
        send(
          d.group === 'activity'
            ? d.query.replace(/DurationInMinutes/g, 'DurationMinutes')
            : d.query,
          d.variables
        )
      )
    );
    const model = modelFromResponses(plan, responses);
    const activity = plan.documents.filter((d) => d.group === 'activity');
    expect(model.unavailable.map((u) => u.operationName)).toEqual(
      activity.map((d) => d.operationName)
    );
    expect(model.unavailable[0].reason).toMatch(
      /^Validation error of type FieldUndefined: Field 'DurationMinutes' in type 'EventAggregate' is undefined @ 'uiapi\/aggregate\/Event\//
    );
    expect(unavailableWarnings(model)).toEqual(
      model.unavailable.map(
        (u) =>
          `${u.operationName} (activity) failed, so ${u.panels.join(', ')} have no numbers from it: ${u.reason}`
      )
    );
    expect(model.unavailable[0].panels).toContain('activity');
    expect(model.funnel).toEqual(full.funnel);
    expect(model.kpis.find((k) => k.key === 'sales_won')).toEqual(
      full.kpis.find((k) => k.key === 'sales_won')
    );
    expect(model.kpis.find((k) => k.key === 'customer_meetings')?.total.value).toBeNull();
  });
});
