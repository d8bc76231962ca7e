import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { buildGraphqlSchema } from '../../../localorg/graphql/schema';
import { loadSchema } from '../../../localorg/schema/load-schema';
import { API_VERSION } from '../org-client';
import { REPO_ROOT } from '../../metadata-check/__tests__/projectCopy';
import { PANEL_KEYS } from '../kpi-engine';
import { cadencePeriodTypes, pacerDocuments, projectDocuments } from '../pacer-documents';

describe('the documents Pacer sends', () => {
  const set = projectDocuments(REPO_ROOT);

  it('plans a rep and a team for each period the active cadences review, plus the context and the coaching panel', () => {
    // config/cadences.json: weekly, monthly, quarterly and annual cadences are active.
    expect(set.periodTypes).toEqual(['Week', 'Month', 'Quarter', 'Year']);
    const uses = set.documents.flatMap((d) => d.uses);
    expect(uses).toContain('review workspace · context');
    expect(uses).toContain('coaching · this account');
    expect(
      uses.filter((u) => u === 'coaching · this account, as Example Rep').length
    ).toBeGreaterThan(0);
    for (const period of set.periodTypes) {
      expect(uses.filter((u) => u === `review · ${period} · Example Rep`).length).toBeGreaterThan(
        0
      );
      expect(
        uses.filter((u) => u === `review · ${period} · team of Example Manager`).length
      ).toBeGreaterThan(0);
    }
    expect(uses.filter((u) => u === 'coaching · my numbers of Example Rep').length).toBeGreaterThan(
      0
    );
    expect(set.unplanned).toEqual([]);
  });

  it('lists a document two uses share once, with both uses', () => {
    const keys = set.documents.map((d) => `${d.query}${JSON.stringify(d.variables)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The rep's monthly review and "my numbers" plan the same documents.
    const shared = set.documents.filter((d) =>
      d.uses.includes('coaching · my numbers of Example Rep')
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const doc of shared) expect(doc.uses).toContain('review · Month · Example Rep');
  });

  it('says, for each document, the panels its failure would blank', () => {
    for (const doc of set.documents) {
      expect(doc.panels.length).toBeGreaterThan(0);
      expect(doc.panels.filter((p) => !PANEL_KEYS.includes(p))).toEqual([]);
    }
    const context = set.documents.find((d) => d.operationName === 'reviewContext');
    expect(context?.panels).toEqual(PANEL_KEYS);
  });

  it('builds documents that each name their operation and where their text comes from', () => {
    for (const doc of set.documents) {
      expect(doc.query).toContain(`query ${doc.operationName}`);
      expect(doc.origin).toMatch(/^force-app\/main\/default\/lwc\/.+\.js$/);
    }
  });

  it('sends variables that the operations declare, of the declared types', () => {
    const schema = buildGraphqlSchema(loadSchema(REPO_ROOT), { apiVersion: API_VERSION });
    for (const doc of set.documents) {
      const operation = parse(doc.query).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION
      )!;
      const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
      expect(Object.keys(doc.variables).filter((name) => !declared.includes(name))).toEqual([]);
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], doc.variables);
      expect(coerced.errors ?? []).toEqual([]);
    }
  });

  it('reviews a month when no cadence is active', () => {
    expect(cadencePeriodTypes([{ Frequency__c: 'Weekly', Active__c: false }])).toEqual(['Month']);
    expect(cadencePeriodTypes([{ Frequency__c: 'Weekly' }, { Frequency__c: 'Annual' }])).toEqual([
      'Week',
      'Year'
    ]);
  });

  it("asks the coaching panel's account query for the account and the viewer", () => {
    const users = [{ Id: '005000000000001AAA', Name: 'Rep', ManagerId: null }];
    const { documents } = pacerDocuments({
      users,
      kpis: [],
      cadences: [],
      stagePolicy: [],
      asOf: '2026-03-10',
      orgTimeZone: 'UTC',
      fiscalYearStartMonth: 1,
      repId: users[0].Id,
      managerId: users[0].Id,
      accountId: '001000000000009AAA'
    });
    const account = documents.find((d) => d.operationName === 'spmCoachingAccount');
    expect(account?.variables).toEqual({ accountId: '001000000000009AAA', userId: users[0].Id });
  });

  it("plans the coaching panel's account view: the account's own documents, no forecast, no targets", () => {
    const scoped = set.documents.filter((d) =>
      d.uses.includes('coaching · this account, as Example Rep')
    );
    expect(scoped.length).toBeGreaterThan(0);
    for (const doc of scoped) {
      expect(doc.origin).toBe('force-app/main/default/lwc/reviewPlan/reviewPlan.js');
      expect(doc.variables).toMatchObject({ accountId: '001000000000001AAA' });
      expect(doc.query).toMatch(/\$accountId/);
      expect(doc.query).not.toMatch(/SPM_Forecast_Snapshot__c|SPM_Target__c/);
      // Scoped to the account, so shared with no other use.
      expect(doc.uses).toEqual(['coaching · this account, as Example Rep']);
    }
  });
});
