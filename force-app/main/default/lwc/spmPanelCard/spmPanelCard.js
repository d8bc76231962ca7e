import { LightningElement, api } from 'lwc';
import { panelView } from 'c/panelModel';
import LOADING from '@salesforce/label/c.SPM_Loading';

/**
 * The card every Pacer panel sits in: a lightning-card with the panel's title and icon, and in its
 * body the first of: a spinner while loading, the shared error panel when there are errors, the
 * empty message when there is nothing to show, else the panel's content (the default slot).
 * Buttons for the card's header go in the `actions` slot.
 *
 * Slotted content is built by the panel whatever the card shows, so a panel guards it:
 *
 *   <c-spm-panel-card title={…} icon-name={…} loading={loading} errors={error}
 *                     empty={view.isEmpty} empty-message={labels.EMPTY}>
 *     <div class="panel-content">
 *       <template lwc:if={view.hasData}> … </template>
 *     </div>
 *   </c-spm-panel-card>
 *
 * with `view` from `panelView` of c/panelModel, which picks the branch by the same rule as this card.
 */
export default class SpmPanelCard extends LightningElement {
  /** The card's title. */
  @api title;
  /** The card's SLDS icon, e.g. `standard:opportunity`. */
  @api iconName;
  /** True while the panel's data loads: the spinner wins over everything else. */
  @api loading = false;
  /** Errors of any shape (c/errors); shown by the shared error panel when there are any. */
  @api errors;
  /** True when there is nothing to show: the empty message replaces the content. */
  @api empty = false;
  /** What the card says when it is empty. */
  @api emptyMessage;
  /** The spinner's alternative text; the generic "Loading" label by default. */
  @api loadingText;

  get view() {
    return panelView({ loading: this.loading, error: this.errors, hasData: !this.empty });
  }

  get spinnerText() {
    return this.loadingText || LOADING;
  }
}
