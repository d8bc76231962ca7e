import {
  layoutFunnel,
  funnelHeight,
  textWidth,
  FUNNEL_WIDTH,
  LABEL_WIDTH,
  ROW_HEIGHT,
  ROW_GAP
} from '../funnelLayout';

const stage = (name, value, valueText) => ({ stage: name, value, valueText });

describe('funnel layout', () => {
  it('sizes bars by value, the largest filling the space right of the stage names', () => {
    const bars = layoutFunnel([stage('A', 400, '€400k'), stage('B', 100, '€100k')]);
    const room = FUNNEL_WIDTH - bars[0].x;
    expect(bars[0].x).toBeGreaterThan(LABEL_WIDTH);
    expect(bars[0].width).toBeCloseTo(room, 5);
    expect(bars[1].width).toBeCloseTo(room / 4, 1);
    // Centred on the same axis.
    expect(bars[1].x + bars[1].width / 2).toBeCloseTo(bars[0].x + bars[0].width / 2, 1);
    expect(bars.map((b) => b.y)).toEqual([0, ROW_HEIGHT + ROW_GAP]);
  });

  it('puts a value inside its bar when it fits, and just right of a bar too narrow for it', () => {
    const [wide, narrow, none] = layoutFunnel([
      stage('Prospecting', 1000, '€1.2M'),
      stage('Qualification', 5, '€5'),
      stage('Needs Analysis', 0, '€0')
    ]);
    expect(wide.valueAnchor).toBe('middle');
    expect(wide.valueX).toBeCloseTo(wide.x + wide.width / 2, 1);
    expect(textWidth(wide.valueText)).toBeLessThan(wide.width);

    expect(narrow.width).toBeLessThan(textWidth(narrow.valueText));
    expect(narrow.valueAnchor).toBe('start');
    expect(narrow.valueX).toBeGreaterThan(narrow.x + narrow.width);
    expect(narrow.valueFill).toBe('#181818');

    expect(none.width).toBe(0);
    expect(none.valueAnchor).toBe('start');
    // Text outside a bar stays inside the drawing.
    [narrow, none].forEach((bar) =>
      expect(bar.valueX + textWidth(bar.valueText)).toBeLessThanOrEqual(FUNNEL_WIDTH)
    );
  });

  it('writes white only on the dark blues, dark text on the light ones and outside bars', () => {
    const bars = layoutFunnel(
      ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'].map((name) => stage(name, 100, '€100'))
    );
    expect(bars.map((b) => b.valueFill)).toEqual([
      '#181818',
      '#181818',
      '#181818',
      '#181818',
      '#ffffff',
      '#ffffff',
      '#ffffff'
    ]);
  });

  it('right-aligns stage names against the bars and shortens the long ones', () => {
    const [short, long] = layoutFunnel([
      stage('Proposal/Price Quote', 1, '1'),
      stage('Negotiation and legal review with procurement', 1, '1')
    ]);
    expect(short.label).toBe('Proposal/Price Quote');
    expect(short.labelX).toBe(LABEL_WIDTH);
    expect(long.label.endsWith('…')).toBe(true);
    expect(textWidth(long.label)).toBeLessThanOrEqual(LABEL_WIDTH);
    expect(long.stage).toBe('Negotiation and legal review with procurement');
  });

  it('draws no bar when every value is zero or unknown, and keeps the text', () => {
    const bars = layoutFunnel([stage('A', 0, '€0'), stage('B', null, '—')]);
    expect(bars.map((b) => b.width)).toEqual([0, 0]);
    expect(bars.map((b) => b.valueText)).toEqual(['€0', '—']);
  });

  it('is as tall as its rows', () => {
    expect(funnelHeight(0)).toBe(ROW_HEIGHT);
    expect(funnelHeight(3)).toBe(3 * ROW_HEIGHT + 2 * ROW_GAP);
  });
});
