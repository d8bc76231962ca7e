import { createElement } from 'lwc';
import SpmReviewWorkspace from 'c/spmReviewWorkspace';
import { graphql } from 'lightning/graphql';
import {
  flushPromises,
  resetDOM,
  inPanelCard,
  renderedPlanDocuments,
  holding
} from '@pacer/test-utils';

const CONTEXT = require('@pacer/fixtures/context.json');
const TEAM_RESPONSES = require('@pacer/fixtures/teamPlanResponses.json');

jest.mock('@salesforce/user/Id', () => ({ default: '0058N0000000002QAA' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Europe/Paris' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });

const AS_OF = '2026-11-23';
// What a real org answers when it rejects a Task/Event aggregate (Beta, undocumented in aggregates).
const REASON =
  "Validation error of type FieldUndefined: Field 'Event' in type 'AggregateQuery' is undefined @ 'uiapi/aggregate/Event'";

const isActivity = (doc) => doc.operationName.startsWith('spmReviewActivity');

async function openTeamMeeting({ failActivity }) {
  const element = createElement('c-spm-review-workspace', { is: SpmReviewWorkspace });
  element.asOf = AS_OF;
  document.body.appendChild(element);
  await flushPromises();
  graphql.emit(
    CONTEXT,
    (config) => Boolean(config.query) && config.query.operationName === 'reviewContext'
  );
  await flushPromises();
  const documents = renderedPlanDocuments(element);
  expect(documents.filter(isActivity).length).toBeGreaterThan(0);
  for (const doc of documents) {
    if (failActivity && isActivity(doc)) graphql.emitErrors([{ message: REASON }], holding(doc));
    else graphql.emit(TEAM_RESPONSES[doc.operationName], holding(doc));
  }
  await flushPromises();
  return element;
}

/** The panel element of the first agenda item showing `panel` (its Panel__c). */
function panelOf(element, panel, tag) {
  const item = Array.from(element.shadowRoot.querySelectorAll('c-spm-agenda-item')).find(
    (i) => i.item.Panel__c === panel
  );
  expect(item).toBeDefined();
  return item.shadowRoot.querySelector(tag);
}

describe('c-spm-review-workspace when the Task/Event documents fail', () => {
  afterEach(() => {
    resetDOM();
    jest.clearAllMocks();
    graphql.resetRequests();
  });

  it('blanks only the activity panel, with the reason, and the other panels keep their numbers', async () => {
    const full = await openTeamMeeting({ failActivity: false });
    const fullModel = panelOf(full, 'Funnel', 'c-spm-funnel-panel').model;
    resetDOM();

    const element = await openTeamMeeting({ failActivity: true });
    const activity = panelOf(element, 'Activity', 'c-spm-activity-panel');
    const activityErrors = inPanelCard(activity, 'c-spm-error-panel');
    expect(activityErrors).not.toBeNull();
    expect(activityErrors.errors.join(' ')).toContain(REASON);

    for (const [panel, tag] of [
      ['Funnel', 'c-spm-funnel-panel'],
      ['Data trust', 'c-spm-data-trust-panel'],
      ['Won and lost', 'c-spm-won-lost'],
      ['Top opportunities', 'c-spm-top-opportunities']
    ]) {
      const other = panelOf(element, panel, tag);
      expect(inPanelCard(other, 'c-spm-error-panel')).toBeNull();
      expect(inPanelCard(other, 'lightning-spinner')).toBeNull();
      expect(other.shadowRoot.querySelector('.panel-content').children.length).toBeGreaterThan(0);
    }

    const model = panelOf(element, 'Funnel', 'c-spm-funnel-panel').model;
    expect(model.unavailable.map((u) => u.group)).toEqual(model.unavailable.map(() => 'activity'));
    // The numbers that do not read Task/Event are the full review's, to the cent.
    expect(model.funnel).toEqual(fullModel.funnel);
    expect(model.trust).toEqual(fullModel.trust);
    const sales = (m) => m.kpis.find((k) => k.key === 'sales_won').total;
    expect(sales(model)).toEqual(sales(fullModel));
    expect(sales(model).value).toBeGreaterThan(0);
    // An activity KPI has no number, and says why.
    const meetings = model.kpis.find((k) => k.key === 'customer_meetings').total;
    expect(meetings.value).toBeNull();
    expect(meetings.unavailable).toContain(REASON);
    expect(fullModel.kpis.find((k) => k.key === 'customer_meetings').total.value).not.toBeNull();

    await expect(element).toBeAccessible();
  }, 30000);
});
