import { createElement } from 'lwc';
import SpmErrorPanel from 'c/spmErrorPanel';
import { flushPromises, resetDOM } from '@pacer/test-utils';

function render(props) {
  const element = createElement('c-spm-error-panel', { is: SpmErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-spm-error-panel', () => {
  afterEach(resetDOM);

  it('shows the generic title and the message of a UI API error', async () => {
    const element = render({ errors: { body: { message: 'insufficient access rights' } } });
    await flushPromises();
    expect(element.shadowRoot.querySelector('.title').textContent).toBe('c.SPM_Error_Title');
    expect(element.shadowRoot.querySelector('.message').textContent).toBe(
      'insufficient access rights'
    );
    expect(element.shadowRoot.querySelector('.toggle')).toBeNull();
  });

  it('uses the friendly message as its title', async () => {
    const element = render({ errors: ['x'], friendlyMessage: 'The review could not load' });
    await flushPromises();
    expect(element.shadowRoot.querySelector('.title').textContent).toBe(
      'The review could not load'
    );
  });

  it('keeps further GraphQL messages behind a details button', async () => {
    const element = render({
      errors: [{ message: 'First' }, { message: 'Second' }, { message: 'Third' }]
    });
    await flushPromises();
    const toggle = element.shadowRoot.querySelector('.toggle');
    expect(toggle.label).toBe('c.SPM_Error_ShowDetails');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot.querySelector('.details')).toBeNull();

    toggle.click();
    await flushPromises();
    const items = [...element.shadowRoot.querySelectorAll('.details li')].map(
      (li) => li.textContent
    );
    expect(items).toEqual(['Second', 'Third']);
    expect(toggle.label).toBe('c.SPM_Error_HideDetails');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('is announced as an alert and accessible', async () => {
    const element = render({ errors: [new Error('One'), 'Two'] });
    await flushPromises();
    element.shadowRoot.querySelector('.toggle').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
