import { LightningElement, api } from 'lwc';
import ARIA_TEMPLATE from '@salesforce/label/c.SPM_Sparkline_Aria';
import NO_VALUE from '@salesforce/label/c.SPM_No_Value';
import { normalizePoints, layoutPoints } from './sparklineLayout';

const DEFAULT_WIDTH = 120;
const DEFAULT_HEIGHT = 32;
const MIN_POINTS = 2;

/**
 * A small trend line drawn as SVG in the template. It draws only the points it is given:
 * fewer than two known values → nothing is drawn.
 */
export default class SpmSparkline extends LightningElement {
  /** The series, oldest first: numbers or `{ label, value, display }`. */
  @api points;
  /** What the series measures, read by screen readers before the values. */
  @api label = '';
  @api width = DEFAULT_WIDTH;
  @api height = DEFAULT_HEIGHT;

  get normalized() {
    return normalizePoints(this.points, NO_VALUE);
  }

  get hasLine() {
    return this.normalized.filter((p) => p.value !== null).length >= MIN_POINTS;
  }

  get viewBox() {
    return `0 0 ${this.width} ${this.height}`;
  }

  get coordinates() {
    return layoutPoints(
      this.normalized.map((p) => p.value),
      this.width,
      this.height
    );
  }

  /** One polyline per run of known values, so a missing period is a visible gap. */
  get segments() {
    const segments = [];
    let current = [];
    this.coordinates.forEach((c) => {
      if (c === null) {
        if (current.length) segments.push(current);
        current = [];
      } else {
        current.push(`${c.x},${c.y}`);
      }
    });
    if (current.length) segments.push(current);
    return segments.map((list, index) => ({ key: `s${index}`, points: list.join(' ') }));
  }

  get lastDot() {
    const known = this.coordinates.filter((c) => c !== null);
    return known[known.length - 1];
  }

  get ariaLabel() {
    const list = this.normalized.map((p) => `${p.label} ${p.display}`).join(', ');
    return ARIA_TEMPLATE.replace('{0}', this.label ?? '')
      .replace('{1}', String(this.normalized.length))
      .replace('{2}', list);
  }
}
