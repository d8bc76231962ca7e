import { createElement } from 'lwc';
import SpmSparkline from 'c/spmSparkline';
import { flushPromises, resetDOM } from '@pacer/test-utils';
import { layoutPoints, normalizePoints } from '../sparklineLayout';

// The label's real text carries the placeholders the component fills in.
jest.mock(
  '@salesforce/label/c.SPM_Sparkline_Aria',
  () => ({ default: '{0}, last {1} periods: {2}' }),
  {
    virtual: true
  }
);

const SIX_MONTHS = [
  { label: 'Jun 2026', value: 10, display: '10' },
  { label: 'Jul 2026', value: 14, display: '14' },
  { label: 'Aug 2026', value: 12, display: '12' },
  { label: 'Sep 2026', value: 20, display: '20' },
  { label: 'Oct 2026', value: 16, display: '16' },
  { label: 'Nov 2026', value: 18, display: '18' }
];

async function render(props) {
  const element = createElement('c-spm-sparkline', { is: SpmSparkline });
  Object.assign(element, props);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-spm-sparkline', () => {
  afterEach(() => {
    resetDOM();
  });

  it('draws one point per period, highest value at the top of the box', async () => {
    const element = await render({ points: SIX_MONTHS, label: 'Meetings', width: 100, height: 20 });
    const line = element.shadowRoot.querySelector('polyline');
    const coords = line
      .getAttribute('points')
      .split(' ')
      .map((pair) => pair.split(',').map(Number));
    expect(coords).toHaveLength(6);
    // Sep (20) is the maximum: smallest y; Jun (10) the minimum: largest y.
    const ys = coords.map(([, y]) => y);
    expect(Math.min(...ys)).toBe(ys[3]);
    expect(Math.max(...ys)).toBe(ys[0]);
    expect(coords[0][0]).toBeLessThan(coords[5][0]);
  });

  it('reads every value to screen readers through role img and aria-label', async () => {
    const element = await render({ points: SIX_MONTHS, label: 'Meetings' });
    const svg = element.shadowRoot.querySelector('svg');
    expect(svg.getAttribute('role')).toBe('img');
    const aria = svg.getAttribute('aria-label');
    expect(aria).toContain('Meetings');
    expect(aria).toContain('Jun 2026 10');
    expect(aria).toContain('Nov 2026 18');
  });

  it('leaves a gap for a period without a value instead of inventing one', async () => {
    const points = SIX_MONTHS.map((p, i) => (i === 2 ? { label: p.label, value: null } : p));
    const element = await render({ points, label: 'Meetings' });
    expect(element.shadowRoot.querySelectorAll('polyline')).toHaveLength(2);
  });

  it('draws nothing with fewer than two known values', async () => {
    const element = await render({ points: [{ label: 'Nov 2026', value: 3 }], label: 'Calls' });
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
    const none = await render({ points: undefined, label: 'Calls' });
    expect(none.shadowRoot.querySelector('svg')).toBeNull();
  });

  it('draws a flat series through the middle of the box', () => {
    const coords = layoutPoints([5, 5, 5], 100, 20);
    expect(coords.map((c) => c.y)).toEqual([10, 10, 10]);
  });

  it('accepts plain numbers and marks missing ones with the no-value text', () => {
    expect(normalizePoints([1, null, 'x'], '-')).toEqual([
      { label: '1', value: 1, display: '1' },
      { label: '2', value: null, display: '-' },
      { label: '3', value: null, display: '-' }
    ]);
  });

  it('is accessible', async () => {
    const element = await render({ points: SIX_MONTHS, label: 'Meetings' });
    await expect(element).toBeAccessible();
  });
});
