import { createElement } from 'lwc';
import SpmDetails from 'c/spmDetails';

function mount(props = {}) {
  const element = createElement('c-spm-details', { is: SpmDetails });
  Object.assign(element, props);
  const slotted = document.createElement('p');
  slotted.className = 'slotted';
  slotted.textContent = 'stage table';
  element.appendChild(slotted);
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();

describe('c-spm-details', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('is closed at first: the button says what it opens and the content is not rendered', () => {
    const element = mount({ label: 'Stages and conversion' });
    const button = element.shadowRoot.querySelector('button.toggle');
    expect(button.textContent.trim()).toBe('Stages and conversion');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot.querySelector('.content')).toBeNull();
  });

  it('opens and closes on click, telling the container', async () => {
    const element = mount();
    const toggles = [];
    element.addEventListener('toggle', (event) => toggles.push(event.detail.open));
    const button = element.shadowRoot.querySelector('button.toggle');
    expect(button.textContent.trim()).toBe('c.SPM_Details_Label');
    button.click();
    await flush();
    const region = element.shadowRoot.querySelector('.content');
    expect(region.getAttribute('role')).toBe('region');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(region.getAttribute('id'));
    button.click();
    await flush();
    expect(element.shadowRoot.querySelector('.content')).toBeNull();
    expect(toggles).toEqual([true, false]);
  });

  it('can open on first render', () => {
    const element = mount({ open: true, label: 'Deals' });
    expect(element.shadowRoot.querySelector('.content')).not.toBeNull();
    expect(element.open).toBe(true);
  });
});
