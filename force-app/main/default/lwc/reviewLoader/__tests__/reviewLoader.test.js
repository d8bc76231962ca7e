import { gql } from 'lightning/graphql';
import { buildReviewPlan } from 'c/reviewPlan';
import { reviewModelFromResponses } from 'c/reviewModel';
import {
  DEFAULT_STALE_DAYS,
  reviewDay,
  fiscalStartOf,
  planSettings,
  planDocuments,
  documentIndex,
  modelOrErrors,
  collectResponse,
  errorMessages,
  withActions
} from 'c/reviewLoader';

const { answerPlan } = require('../../reviewPlan/__tests__/support/graphqlEvaluator');
const {
  AS_OF,
  TZ,
  id,
  user,
  opp,
  emptyData,
  menuWithIds,
  stagePolicy
} = require('../../reviewPlan/__tests__/support/engineFixtures');

const M = id('005', 10);
const A = id('005', 11);
const users = [
  user(10, { Name: 'Maria Manager', Title: 'Sales Manager' }),
  user(11, { Name: 'Ana Rep', ManagerId: M })
];

/** A real plan of the engine for one manager and her rep (one or two documents). */
function realPlan() {
  return buildReviewPlan({
    subjectUserIds: [M, A],
    users,
    kpis: menuWithIds(),
    stagePolicy,
    periodType: 'Month',
    lastReviewDate: null,
    ...planSettings({ asOf: AS_OF }, TZ, 'EUR')
  });
}

/** The org's answers to a plan's documents, for a few deals of the rep. */
function answersOf(plan) {
  const data = emptyData();
  data.User = users;
  data.Opportunity = [opp(1, { OwnerId: A, Amount: 1000 }), opp(2, { OwnerId: A, Amount: 500 })];
  return answerPlan(plan, data);
}

/** A plan of two documents, enough for the bookkeeping (not run by the engine). */
const TWO = {
  documents: [
    { operationName: 'spmReviewCore1', query: 'query spmReviewCore1 { a }', variables: { x: 1 } },
    {
      operationName: 'spmReviewActivity1',
      query: 'query spmReviewActivity1 { b }',
      variables: { y: 2 }
    }
  ]
};

describe('c/reviewLoader', () => {
  afterEach(() => {
    jest.useRealTimers();
    gql.mockClear();
  });

  describe('reviewDay', () => {
    it('is the asOf attribute when set', () => {
      expect(reviewDay('2026-11-23', 'Europe/Paris')).toBe('2026-11-23');
    });

    it('is today in the given time zone otherwise', () => {
      jest.useFakeTimers({ now: new Date('2026-11-23T23:30:00Z') });
      expect(reviewDay(undefined, 'Europe/Paris')).toBe('2026-11-24');
      expect(reviewDay('', 'America/New_York')).toBe('2026-11-23');
    });
  });

  describe('fiscalStartOf', () => {
    it('reads a number or its text, and is January when unset', () => {
      expect(fiscalStartOf(4)).toBe(4);
      expect(fiscalStartOf('7')).toBe(7);
      expect(fiscalStartOf(undefined)).toBe(1);
      expect(fiscalStartOf('')).toBe(1);
      expect(fiscalStartOf('x')).toBe(1);
    });
  });

  describe('planSettings', () => {
    it("sets the plan's day, time zone, fiscal year, currency and stale days from the attributes", () => {
      expect(
        planSettings({ asOf: '2026-11-23', fiscalYearStartMonth: '4', staleDays: '30' }, TZ, 'EUR')
      ).toEqual({
        asOf: '2026-11-23',
        orgTimeZone: TZ,
        fiscalYearStartMonth: 4,
        currency: 'EUR',
        options: { staleDays: 30 }
      });
    });

    it('falls back to today, January and the default stale days', () => {
      jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
      expect(planSettings({}, 'Europe/Paris', 'USD')).toEqual({
        asOf: '2026-11-23',
        orgTimeZone: 'Europe/Paris',
        fiscalYearStartMonth: 1,
        currency: 'USD',
        options: { staleDays: DEFAULT_STALE_DAYS }
      });
      expect(DEFAULT_STALE_DAYS).toBe(60);
    });
  });

  describe('planDocuments', () => {
    it('parses each document once with gql, keeping its operation name and variables, in order', () => {
      const documents = planDocuments(TWO, 3);
      expect(gql).toHaveBeenCalledTimes(2);
      expect(documents.map((d) => d.operationName)).toEqual([
        'spmReviewCore1',
        'spmReviewActivity1'
      ]);
      expect(documents.map((d) => d.key)).toEqual(['3:0:spmReviewCore1', '3:1:spmReviewActivity1']);
      expect(documents.map((d) => d.variables)).toEqual([{ x: 1 }, { y: 2 }]);
      expect(documents[0].variables).toBe(TWO.documents[0].variables);
      expect(documents[0].query).toMatchObject({
        kind: 'Document',
        operationName: 'spmReviewCore1'
      });
      expect(documents[1].query.text.trim()).toBe('query spmReviewActivity1 { b }');
    });

    it('parses every document of a real plan', () => {
      const plan = realPlan();
      const documents = planDocuments(plan);
      expect(documents).toHaveLength(plan.documents.length);
      expect(documents.map((d) => d.operationName)).toEqual(
        plan.documents.map((d) => d.operationName)
      );
      expect(documents.map((d) => d.query.text.trim())).toEqual(
        plan.documents.map((d) => d.query.trim())
      );
    });
  });

  describe('documentIndex', () => {
    it("is the place of an answered document in the current plan, by key, or -1 for an earlier plan's", () => {
      const current = planDocuments(TWO, 2);
      expect(documentIndex(current, { ...current[1] })).toBe(1);
      expect(documentIndex(current, planDocuments(TWO, 1)[1])).toBe(-1);
      expect(documentIndex(current, undefined)).toBe(-1);
    });
  });

  describe('modelOrErrors', () => {
    it("is the engine's model of the responses", () => {
      const plan = realPlan();
      const responses = answersOf(plan);
      const { model } = modelOrErrors(plan, responses);
      expect(model).toEqual(reviewModelFromResponses(plan, responses));
      expect(model.scope.subjectUserIds).toEqual([M, A]);
    });

    it('is the error that stopped the engine', () => {
      const plan = realPlan();
      const result = modelOrErrors(plan, []);
      expect(Object.keys(result)).toEqual(['errors']);
      expect(result.errors).toBeInstanceOf(Error);
      expect(result.errors.message).toMatch(/expected \d responses, got 0/);
    });
  });

  describe('collectResponse', () => {
    const state = (plan, responses = []) => ({
      plan,
      documents: plan ? planDocuments(plan) : [],
      responses
    });

    it('ignores a result without a plan, or for a document not of the current plan', () => {
      expect(collectResponse(state(undefined), 0, { data: { uiapi: {} } })).toBeNull();
      const one = { documents: TWO.documents.slice(0, 1) };
      expect(collectResponse(state(one), 1, { data: { uiapi: {} } })).toBeNull();
      expect(collectResponse(state(TWO), -1, { data: { uiapi: {} } })).toBeNull();
    });

    it('changes nothing while a wire has neither data nor errors', () => {
      expect(collectResponse(state(TWO), 0, { data: undefined, errors: undefined })).toEqual({});
    });

    it('keeps a document that failed as a whole as its answer, and waits for the others', () => {
      const errors = [{ message: 'Too many subqueries' }];
      expect(collectResponse(state(TWO), 1, { data: undefined, errors })).toEqual({
        responses: [undefined, { data: null, errors }]
      });
    });

    it('keeps the data at its place, a new array, until every document has answered', () => {
      const before = [];
      const data = { uiapi: { query: {} } };
      const outcome = collectResponse(state(TWO, before), 1, { data, errors: undefined });
      expect(outcome).toEqual({ responses: [undefined, { data, errors: undefined }] });
      expect(before).toEqual([]);
      expect('model' in outcome).toBe(false);
    });

    it('keeps partial errors with the data of a response', () => {
      const data = { uiapi: {} };
      const errors = [{ message: 'a field is hidden' }];
      const outcome = collectResponse(state(TWO), 0, { data, errors });
      expect(outcome.responses[0]).toEqual({ data, errors });
    });

    it('builds the model once every document has answered, whatever the order', () => {
      const plan = realPlan();
      const answers = answersOf(plan);
      const expected = reviewModelFromResponses(plan, answers);
      let current = state(plan);
      let outcome;
      // Last document first.
      for (let i = answers.length - 1; i >= 0; i--) {
        outcome = collectResponse(current, i, { ...answers[i], refresh: () => {} });
        current = { ...current, responses: outcome.responses };
        expect('model' in outcome).toBe(i === 0);
      }
      expect(outcome.responses).toEqual(answers.map(({ data, errors }) => ({ data, errors })));
      expect(outcome.model).toEqual(expected);
      expect('errors' in outcome).toBe(false);
    });

    it('builds the model without a document that failed, which it lists as unavailable', () => {
      const plan = realPlan();
      const answers = answersOf(plan);
      const failed = plan.documents.findIndex((d) => d.group === 'activity');
      expect(failed).toBeGreaterThanOrEqual(0);
      const errors = [
        { message: "Validation error of type FieldUndefined: boom @ 'uiapi/aggregate/Task'" }
      ];
      let current = state(plan);
      let outcome;
      answers.forEach((answer, i) => {
        outcome = collectResponse(current, i, i === failed ? { data: undefined, errors } : answer);
        current = { ...current, responses: outcome.responses };
      });
      expect('errors' in outcome).toBe(false);
      expect(outcome.model.unavailable).toEqual([
        expect.objectContaining({
          operationName: plan.documents[failed].operationName,
          group: 'activity',
          reason: expect.stringContaining('boom')
        })
      ]);
    });

    it('is the one error when every document failed', () => {
      const plan = realPlan();
      const errors = [{ message: 'Too many subqueries' }];
      let current = state(plan);
      let outcome;
      plan.documents.forEach((doc, i) => {
        outcome = collectResponse(current, i, { data: undefined, errors });
        current = { ...current, responses: outcome.responses };
      });
      expect('model' in outcome).toBe(false);
      expect(errorMessages(outcome.errors).join(' ')).toMatch(/Too many subqueries/);
    });

    it('reports the error of a model that cannot be built, with the responses kept', () => {
      // Not a plan of the engine: building its model fails.
      const documents = TWO.documents;
      const outcome = collectResponse(
        { plan: { documents }, documents, responses: [undefined, { data: {} }] },
        0,
        { data: { uiapi: {} } }
      );
      expect(outcome.responses).toEqual([{ data: { uiapi: {} }, errors: undefined }, { data: {} }]);
      expect('model' in outcome).toBe(false);
      expect(outcome.errors).toBeInstanceOf(Error);
    });
  });

  describe('errorMessages', () => {
    it('is the messages of GraphQL errors or of an Error', () => {
      expect(errorMessages([{ message: 'Too many subqueries' }])).toEqual(['Too many subqueries']);
      expect(errorMessages(new Error('spmReviewCore1 failed: boom'))).toEqual([
        'spmReviewCore1 failed: boom'
      ]);
    });

    it('is undefined without an error', () => {
      expect(errorMessages(undefined)).toBeUndefined();
      expect(errorMessages([])).toBeUndefined();
    });
  });

  describe('withActions', () => {
    it('changes the open actions in a new model, the given one untouched', () => {
      const model = {
        version: 1,
        lists: { open: ['deal'], actions: [{ Id: 'a1' }, { Id: 'a2' }] }
      };
      const changed = withActions(model, (actions) => actions.filter((a) => a.Id !== 'a1'));
      expect(changed).toEqual({ version: 1, lists: { open: ['deal'], actions: [{ Id: 'a2' }] } });
      expect(model.lists.actions).toHaveLength(2);
      expect(changed.lists.open).toBe(model.lists.open);
    });

    it('starts from no actions when the model has no lists', () => {
      const changed = withActions({ version: 1 }, (actions) => [...actions, { Id: 'a3' }]);
      expect(changed.lists).toEqual({ actions: [{ Id: 'a3' }] });
    });
  });
});
