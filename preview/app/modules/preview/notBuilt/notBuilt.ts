/**
 * Stands in for a project component that does not exist yet: says which one, where the page
 * takes its name from, and how to pick it up. Never a fake panel.
 */
import { LightningElement, api } from 'lwc';

export default class NotBuilt extends LightningElement {
  /** The component's tag, e.g. `c-spm-review-workspace`. */
  @api tag?: string;
  /** Its bundle folder, e.g. `spmReviewWorkspace`. */
  @api bundle?: string;
  /** Where the page takes the name from. */
  @api source?: string;

  get folder(): string {
    return `force-app/main/default/lwc/${this.bundle ?? ''}`;
  }
}
