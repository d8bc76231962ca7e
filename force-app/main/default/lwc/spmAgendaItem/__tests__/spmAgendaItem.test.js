import { createElement } from 'lwc';
import SpmAgendaItem from 'c/spmAgendaItem';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';
import { PANEL_KEYS } from 'c/reviewPlan';

const MODEL = require('@pacer/fixtures/repModel.json');

jest.mock('@salesforce/label/c.SPM_Workspace_Minutes', () => ({ default: '{0} min' }), {
  virtual: true
});

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

const ITEM = {
  Id: 'a048N0000000001QAA',
  Name: 'Can we trust the numbers?',
  Order__c: 1,
  Questions__c: 'Which deals are past their close date?\n\nWhich were not updated for 60 days?',
  Panel__c: 'Data trust',
  Minutes__c: 5
};

async function render(item, props = {}) {
  const element = createElement('c-spm-agenda-item', { is: SpmAgendaItem });
  Object.assign(
    element,
    { item, model: MODEL, loading: false, error: undefined, options: {} },
    props
  );
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const PANELS = [
  ['Funnel', 'c-spm-funnel-panel'],
  ['Activity', 'c-spm-activity-panel'],
  ['Data trust', 'c-spm-data-trust-panel'],
  ['Top opportunities', 'c-spm-top-opportunities'],
  ['Won and lost', 'c-spm-won-lost'],
  ['Forecast', 'c-spm-forecast-panel'],
  ['Scorecard', 'c-spm-scorecard'],
  ['Actions', 'c-spm-actions-panel']
];

/** Each panel that blanks on its own failed documents, with its key in the review plan. */
const OWN_PANELS = [
  ['Funnel', 'c-spm-funnel-panel', 'funnel'],
  ['Activity', 'c-spm-activity-panel', 'activity'],
  ['Data trust', 'c-spm-data-trust-panel', 'trust'],
  ['Top opportunities', 'c-spm-top-opportunities', 'top'],
  ['Won and lost', 'c-spm-won-lost', 'wonLost'],
  ['Forecast', 'c-spm-forecast-panel', 'forecast'],
  ['Actions', 'c-spm-actions-panel', 'actions']
];
const REASON =
  "Validation error of type WrongType: argument is invalid @ 'uiapi/aggregate/Task/groupBy'";

/** The model with one failed document, read by the panels with these keys (c/reviewPlan). */
function failedFor(panels) {
  return {
    ...MODEL,
    unavailable: [
      { operationName: 'spmReviewActivity1', group: 'activity', panels, reason: REASON }
    ]
  };
}

describe('c-spm-agenda-item', () => {
  afterEach(resetDOM);

  it('shows the title, the minutes and one question per line', async () => {
    const element = await render(ITEM);
    expect($(element, '.title').textContent).toBe('Can we trust the numbers?');
    expect($(element, '.minutes').textContent).toBe('5 min');
    expect($$(element, '.questions li').map((li) => li.textContent)).toEqual([
      'Which deals are past their close date?',
      'Which were not updated for 60 days?'
    ]);
  });

  it.each(PANELS)('renders the %s panel with the model, loading and error', async (panel, tag) => {
    const element = await render({ ...ITEM, Panel__c: panel }, { loading: true, error: ['x'] });
    const child = $(element, tag);
    expect(child).not.toBeNull();
    expect(child.model).toEqual(MODEL);
    expect(child.loading).toBe(true);
    expect(child.error).toEqual(['x']);
    const others = PANELS.filter(([, other]) => other !== tag).map(([, other]) =>
      $(element, other)
    );
    expect(others.every((other) => other === null)).toBe(true);
  });

  it("passes the person's level, and adds the team roll-up to a team's scorecard", async () => {
    const options = {
      level: 'Manager',
      isTeam: true,
      leaderId: '005A',
      ownerId: '005A',
      drafts: [],
      kpiIds: {}
    };
    const element = await render({ ...ITEM, Panel__c: 'Scorecard' }, { options });
    expect($(element, 'c-spm-scorecard').level).toBe('Manager');
    expect($(element, 'c-spm-scorecard').allowActions).toBe(true);
    expect($(element, 'c-spm-team-rollup').leaderId).toBe('005A');
    element.options = { ...options, isTeam: false };
    await flushPromises();
    expect($(element, 'c-spm-team-rollup')).toBeNull();
  });

  it("gives the actions panel the owner of the numbers, the meeting's agreed actions and the KPI ids, and opens its form", async () => {
    const element = await render(
      { ...ITEM, Panel__c: 'Actions', Focus__c: 'Agree actions' },
      { options: { ownerId: '005B', agreedIds: ['a06A'], kpiIds: { win_rate: 'a01' } } }
    );
    const actions = $(element, 'c-spm-actions-panel');
    expect(actions.ownerId).toBe('005B');
    expect(actions.agreedIds).toEqual(['a06A']);
    expect(actions.kpiIds).toEqual({ win_rate: 'a01' });
    expect(actions.focus).toBe('Agree actions');
    actions.startAction = jest.fn();
    expect(element.startAction({ name: 'Call Acme' })).toBe(true);
    expect(actions.startAction).toHaveBeenCalledWith({ name: 'Call Acme' });
  });

  it('has no form to open when it is not an actions item', async () => {
    const element = await render({ ...ITEM, Panel__c: 'Funnel' });
    expect(element.startAction({ name: 'Call Acme' })).toBe(false);
  });

  it('says a discussion item has no panel, also when the panel field is hidden', async () => {
    const element = await render({
      ...ITEM,
      Panel__c: 'None',
      Questions__c: null,
      Minutes__c: null
    });
    expect($(element, '.no-panel').textContent).toBe('c.SPM_Panel_None');
    expect($(element, '.minutes')).toBeNull();
    expect($(element, '.questions')).toBeNull();
    const hidden = await render({ Id: 'x', Name: 'Planning' });
    expect($(hidden, '.no-panel')).not.toBeNull();
  });

  it("passes the data-trust panel's refresh on to the workspace", async () => {
    const element = await render(ITEM);
    const handler = jest.fn();
    element.addEventListener('refresh', handler);
    $(element, 'c-spm-data-trust-panel').dispatchEvent(new CustomEvent('refresh'));
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].bubbles).toBe(true);
  });

  it('is accessible', async () => {
    const element = await render({ ...ITEM, Panel__c: 'None' });
    await expect(element).toBeAccessible();
  }, 30000);

  it("knows each panel by the key the review plan's documents name it with", () => {
    expect([...OWN_PANELS.map((p) => p[2]), 'scorecard', 'rollup'].sort()).toEqual(
      [...PANEL_KEYS].sort()
    );
  });

  it.each(OWN_PANELS)(
    'blanks the %s panel with the reason when a document it reads failed, and only then',
    async (panel, tag, key) => {
      const failed = await render({ ...ITEM, Panel__c: panel }, { model: failedFor([key]) });
      expect(inPanelCard($(failed, tag), 'c-spm-error-panel').errors).toEqual([REASON]);
      resetDOM();
      const others = OWN_PANELS.map((p) => p[2]).filter((k) => k !== key);
      const spared = await render({ ...ITEM, Panel__c: panel }, { model: failedFor(others) });
      expect(inPanelCard($(spared, tag), 'c-spm-error-panel')).toBeNull();
      expect(inPanelCard($(spared, tag), 'lightning-spinner')).toBeNull();
      // Its numbers: the content the card slots in.
      const content = $(spared, tag).shadowRoot.querySelector('.panel-content');
      expect(content.children.length).toBeGreaterThan(0);
    }
  );
});
