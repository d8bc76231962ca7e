/**
 * A full review loads with a bounded number of GraphQL requests, whatever the team size: one for the
 * context, then the review plan's documents (at most two). Teams of 1, 10 and 100 reps under the
 * current user, the monthly team meeting (scorecard, funnel, activity, data trust, forecast, actions,
 * top opportunities, won and lost).
 */
import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDOM } from '@pacer/test-utils';
import { toConnection } from '@pacer/graphql-fixtures';

const CONTEXT = require('./data/context.json');

const DIRECTOR_ID = '005TEST00000000000';
const MANAGER_ID = '005TEST00000000001';
jest.mock('@salesforce/user/Id', () => ({ default: '005TEST00000000001' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });

const byOperation = (name) => (config) =>
  Boolean(config.query) && config.query.operationName === name;

function teamOf(reps) {
  const users = [
    { Id: DIRECTOR_ID, Name: 'Dana Director', ManagerId: null, Title: 'Sales Director' },
    { Id: MANAGER_ID, Name: 'Max Manager', ManagerId: DIRECTOR_ID, Title: 'Sales Manager' }
  ];
  for (let i = 1; i <= reps; i++) {
    users.push({
      Id: `005TEST${String(1000 + i).padStart(11, '0')}`,
      Name: `Rep ${String(i).padStart(3, '0')}`,
      ManagerId: MANAGER_ID,
      Title: 'Account Executive'
    });
  }
  const data = JSON.parse(JSON.stringify(CONTEXT));
  data.uiapi.query.User = toConnection(users);
  data.uiapi.aggregate.SPM_Review__c = { edges: [], pageInfo: { hasNextPage: false } };
  return data;
}

async function fullReview(reps) {
  graphql.resetRequests();
  const element = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  element.asOf = '2026-11-23';
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(teamOf(reps), byOperation('spmReviewContext'));
  await flushPromises();
  const planOperations = graphql
    .requests()
    .map((r) => r.operationName)
    .filter((name) => name !== 'spmReviewContext');
  // Each plan document answered (empty answers: the count, not the numbers, is under test here).
  planOperations.forEach((name) => graphql.emit({ uiapi: {} }, byOperation(name)));
  await flushPromises();
  const items = Array.from(element.shadowRoot.querySelectorAll('c-spm-agenda-item'));
  return {
    requests: graphql.requests(),
    subjects: graphql.requests()[1].variables.userIds.length,
    panels: [...new Set(items.map((item) => item.item.Panel__c))].sort(),
    loaded: items.every((item) => item.loading === false && item.model && item.model.version === 1)
  };
}

describe('c-spm-review-workspace request count', () => {
  afterEach(() => {
    resetDOM();
    graphql.resetRequests();
  });

  it('loads a full team review with the same number of requests for 1, 10 and 100 reps', async () => {
    const check = (review, reps) => {
      expect(review.subjects).toBe(reps + 1);
      expect(review.loaded).toBe(true);
      expect(review.panels).toEqual([
        'Actions',
        'Activity',
        'Data trust',
        'Forecast',
        'Funnel',
        'Scorecard',
        'Top opportunities',
        'Won and lost'
      ]);
      expect(review.requests[0].operationName).toBe('spmReviewContext');
      // The review itself: at most two GraphQL documents.
      expect(review.requests.length - 1).toBeLessThanOrEqual(2);
      return review.requests.length;
    };
    // One team after the other, each in an empty document.
    const counts = {};
    counts[1] = check(await fullReview(1), 1);
    resetDOM();
    counts[10] = check(await fullReview(10), 10);
    resetDOM();
    counts[100] = check(await fullReview(100), 100);
    expect(counts[10]).toBe(counts[1]);
    expect(counts[100]).toBe(counts[1]);
    // Measured: one context request and two plan documents for every team size.
    expect(counts[1]).toBe(3);
    // Three full agendas are rendered: more than the default five seconds.
  }, 60000);
});
