/**
 * The Performance Review tab: the tab's component, full page as Lightning shows a component tab
 * (tabs/Performance_Review.tab-meta.xml), or a page header and a "not built yet" card.
 */
import { LightningElement } from 'lwc';
import { pageComponents, reviewTab } from 'preview:pages';

export default class ReviewPage extends LightningElement {
  readonly workspace = reviewTab;
  readonly hosted = pageComponents.find((page) => page.page === 'reviewTab');

  override connectedCallback(): void {
    document.title = 'Performance Review | Pacer';
  }
}
