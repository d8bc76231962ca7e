import { createElement } from 'lwc';
import Host from './host/host';
import { flushPromises, resetDOM, inPanelCard } from '@pacer/test-utils';

async function render(props = {}) {
  const element = createElement('x-host', { is: Host });
  Object.assign(element, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

/** Slotted markup is the host's: it lives in the host's shadow root. */
const content = (host) => host.shadowRoot.querySelector('p.content');

describe('c-spm-panel-card', () => {
  afterEach(resetDOM);

  it('puts the title and icon on the lightning-card', async () => {
    const host = await render();
    const card = inPanelCard(host, 'lightning-card');
    expect(card.title).toBe('Deals');
    expect(card.iconName).toBe('standard:opportunity');
  });

  it('shows the content in the default slot when it is neither loading, failed nor empty', async () => {
    const host = await render();
    const slot = inPanelCard(host, 'slot:not([name])');
    expect(slot).not.toBeNull();
    expect(slot.assignedElements()).toEqual([content(host)]);
    expect(content(host).textContent).toBe("The panel's own content");
    expect(inPanelCard(host, 'lightning-spinner')).toBeNull();
    expect(inPanelCard(host, 'c-spm-error-panel')).toBeNull();
    expect(inPanelCard(host, '.empty')).toBeNull();
  });

  it('shows a spinner with the generic loading text while loading, and nothing else', async () => {
    const host = await render({ loading: true, errors: ['Ignored while loading'], empty: true });
    const spinner = inPanelCard(host, '.spinner-holder lightning-spinner');
    expect(spinner.alternativeText).toBe('c.SPM_Loading');
    expect(spinner.size).toBe('small');
    expect(inPanelCard(host, 'c-spm-error-panel')).toBeNull();
    expect(inPanelCard(host, '.empty')).toBeNull();
    expect(inPanelCard(host, 'slot:not([name])')).toBeNull();
    expect(content(host)).toBeNull();
  });

  it("uses the panel's loading text when it has one", async () => {
    const host = await render({ loading: true, loadingText: 'Loading the deals' });
    expect(inPanelCard(host, 'lightning-spinner').alternativeText).toBe('Loading the deals');
  });

  it('shows the errors in the shared error panel, announced as an alert, over the empty message', async () => {
    const errors = [{ message: 'Too many subqueries' }];
    const host = await render({ errors, empty: true });
    const panel = inPanelCard(host, 'c-spm-error-panel');
    expect(panel.errors).toEqual(errors);
    expect(panel.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
    expect(panel.shadowRoot.querySelector('.message').textContent).toBe('Too many subqueries');
    expect(inPanelCard(host, 'lightning-spinner')).toBeNull();
    expect(inPanelCard(host, '.empty')).toBeNull();
    expect(content(host)).toBeNull();
  });

  it('treats an empty error list as no error', async () => {
    const host = await render({ errors: [] });
    expect(inPanelCard(host, 'c-spm-error-panel')).toBeNull();
    expect(content(host)).not.toBeNull();
  });

  it('says so when empty, instead of the content', async () => {
    const host = await render({ empty: true });
    const empty = inPanelCard(host, 'p.empty');
    expect(empty.textContent).toBe('No deals this period');
    expect(empty.classList).toContain('slds-text-color_weak');
    expect(content(host)).toBeNull();
  });

  it('follows its inputs: loading, then content', async () => {
    const host = await render({ loading: true });
    expect(content(host)).toBeNull();
    host.loading = false;
    await flushPromises();
    expect(inPanelCard(host, 'lightning-spinner')).toBeNull();
    expect(content(host)).not.toBeNull();
  });

  const STATES = [
    ['content', {}],
    ['loading', { loading: true }],
    ['error', { errors: ['x', 'y'] }],
    ['empty', { empty: true }]
  ];

  it.each(STATES)(
    "forwards the actions slot to the lightning-card's actions (%s)",
    async (state, props) => {
      const host = await render(props);
      const action = host.shadowRoot.querySelector('lightning-button.card-action');
      const slot = inPanelCard(host, 'slot[name="actions"]');
      expect(action.label).toBe('Refresh');
      expect(slot.assignedElements()).toEqual([action]);
      expect(slot.parentElement.getAttribute('slot')).toBe('actions');
      expect(slot.parentElement.parentElement.tagName).toBe('LIGHTNING-CARD');
    }
  );

  it.each(STATES)('is accessible (%s)', async (state, props) => {
    const host = await render(props);
    await expect(host).toBeAccessible();
  });
});
