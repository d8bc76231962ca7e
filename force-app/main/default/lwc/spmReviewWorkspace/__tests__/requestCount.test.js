/**
 * A review opens in two round trips whatever the team size: the context, then every document of the
 * review plan at once; each later switch of person or meeting takes one. A round trip here is a wave of
 * requests sent before any of them is answered: the test answers each wave whole and counts the waves
 * until nothing more is sent. Teams of 1, 10 and 100 reps under the current user, the monthly team
 * meeting (scorecard, funnel, activity, data trust, forecast, actions, top opportunities, won and lost).
 */
import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDOM } from '@pacer/test-utils';
import { toConnection, emptyAnswer } from '@pacer/graphql-fixtures';
import { MAX_PLAN_DOCUMENTS } from 'c/reviewPlan';

const CONTEXT = require('@pacer/fixtures/context.json');

const DIRECTOR_ID = '005TEST00000000000';
const MANAGER_ID = '005TEST00000000001';
const FIRST_REP_ID = '005TEST00000001001';
jest.mock('@salesforce/user/Id', () => ({ default: '005TEST00000000001' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });

const CONTEXT_OPERATION = 'reviewContext';

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

/**
 * Answers every request not answered yet, wave after wave, until the page sends nothing more.
 * Plan documents get an empty org's answers: the requests, not the numbers, are under test here.
 * @returns {Promise<Array<Array<object>>>} the waves, each the requests it held
 */
async function answerAll(reps, from) {
  const waves = [];
  let seen = from;
  for (;;) {
    const wave = graphql.requests().slice(seen);
    if (!wave.length) {
      return waves;
    }
    seen += wave.length;
    waves.push(wave);
    for (const request of wave) {
      const data =
        request.operationName === CONTEXT_OPERATION ? teamOf(reps) : emptyAnswer(request.query);
      graphql.emit(
        data,
        (config) =>
          Boolean(config.query) &&
          config.query.text === request.query &&
          JSON.stringify(config.variables) === JSON.stringify(request.variables)
      );
    }
    // eslint-disable-next-line no-await-in-loop
    await flushPromises();
  }
}

function loadedPanels(element) {
  const items = Array.from(element.shadowRoot.querySelectorAll('c-spm-agenda-item'));
  return {
    panels: [...new Set(items.map((item) => item.item.Panel__c))].sort(),
    loaded: items.every((item) => item.loading === false && item.model && item.model.version === 1)
  };
}

async function choose(element, selector, value) {
  const combobox = element.shadowRoot.querySelector(selector);
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

async function openReview(reps) {
  graphql.resetRequests();
  const element = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  element.asOf = '2026-11-23';
  document.body.appendChild(element);
  await flushPromises();
  const waves = await answerAll(reps, 0);
  return { element, waves };
}

describe('c-spm-review-workspace round trips', () => {
  afterEach(() => {
    resetDOM();
    graphql.resetRequests();
  });

  it.each([1, 10, 100])(
    'opens the review of a team of %i in two round trips, then one per switch',
    async (reps) => {
      const { element, waves } = await openReview(reps);
      // The context, then every document of the plan at once.
      expect(waves).toHaveLength(2);
      expect(waves[0].map((r) => r.operationName)).toEqual([CONTEXT_OPERATION]);
      const documents = waves[1];
      expect(documents.length).toBeGreaterThanOrEqual(1);
      expect(documents.length).toBeLessThanOrEqual(MAX_PLAN_DOCUMENTS);
      expect(new Set(documents.map((r) => r.operationName)).size).toBe(documents.length);
      // The manager and her reps, in every document.
      expect(documents.every((r) => r.variables.userIds.length === reps + 1)).toBe(true);
      expect(loadedPanels(element)).toEqual({
        panels: [
          'Actions',
          'Activity',
          'Data trust',
          'Forecast',
          'Funnel',
          'Scorecard',
          'Top opportunities',
          'Won and lost'
        ],
        loaded: true
      });

      // A later switch of person: one round trip, every document of the new plan at once.
      let seen = graphql.requests().length;
      await choose(element, 'lightning-combobox.person', `report:${FIRST_REP_ID}`);
      const person = await answerAll(reps, seen);
      expect(person).toHaveLength(1);
      expect(person[0].every((r) => r.variables.userIds.length === 1)).toBe(true);
      expect(loadedPanels(element).loaded).toBe(true);

      // And of meeting.
      seen = graphql.requests().length;
      const meeting = element.shadowRoot.querySelector('lightning-combobox.meeting');
      const other = meeting.options.find((o) => o.value !== meeting.value);
      await choose(element, 'lightning-combobox.meeting', other.value);
      const switched = await answerAll(reps, seen);
      expect(switched).toHaveLength(1);
      expect(loadedPanels(element).loaded).toBe(true);
    },
    30000
  );
});
