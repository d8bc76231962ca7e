/**
 * The preview's page shell: a Lightning-style global header (app name, navigation, the user the
 * page runs as) and the page the URL names, hosting the project's components.
 */
import { LightningElement } from 'lwc';
import { previewContext } from '../../../../platform/context';
import { markPageMounted } from '../../../../platform/readiness';
import {
  objectOfRecordId,
  pageReferenceToUrl,
  urlToPageReference,
  type PageReference
} from '../../../../platform/routes';

/** The tab the preview opens on (tabs/Performance_Review.tab-meta.xml). */
const REVIEW_TAB = 'Performance_Review';

interface NavItem {
  key: string;
  label: string;
  href: string;
  className: string;
  ariaCurrent: string | null;
}

export default class App extends LightningElement {
  pageReference: PageReference = urlToPageReference(
    window.location.pathname,
    window.location.search
  );
  private mounted = false;

  get page(): 'review' | 'accountList' | 'accountRecord' | 'record' | 'unknownList' {
    const { type, attributes = {} } = this.pageReference;
    if (type === 'standard__recordPage') {
      const objectApiName = attributes.objectApiName ?? objectOfRecordId(attributes.recordId);
      return objectApiName === 'Account' ? 'accountRecord' : 'record';
    }
    if (type === 'standard__objectPage')
      return attributes.objectApiName === 'Account' ? 'accountList' : 'unknownList';
    return 'review';
  }

  get isReview(): boolean {
    return this.page === 'review';
  }

  get isAccountList(): boolean {
    return this.page === 'accountList';
  }

  get isAccountRecord(): boolean {
    return this.page === 'accountRecord';
  }

  get isRecord(): boolean {
    return this.page === 'record';
  }

  get isUnknownList(): boolean {
    return this.page === 'unknownList';
  }

  get recordId(): string | undefined {
    return this.pageReference.attributes?.recordId;
  }

  get objectApiName(): string | undefined {
    return this.pageReference.attributes?.objectApiName ?? objectOfRecordId(this.recordId);
  }

  get navItems(): NavItem[] {
    const preserved = previewContext().preservedParams;
    const items = [
      {
        key: 'review',
        label: 'Performance Review',
        href: pageReferenceToUrl(
          { type: 'standard__navItemPage', attributes: { apiName: REVIEW_TAB } },
          preserved
        ),
        active: this.isReview
      },
      {
        key: 'accounts',
        label: 'Accounts',
        href: pageReferenceToUrl(
          {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Account', actionName: 'list' }
          },
          preserved
        ),
        active: this.isAccountList || this.isAccountRecord
      }
    ];
    return items.map(({ active, ...item }) => ({
      ...item,
      className: `slds-context-bar__item${active ? ' slds-is-active' : ''}`,
      ariaCurrent: active ? 'page' : null
    }));
  }

  get asOfLabel(): string | null {
    const { asOf } = previewContext();
    return asOf ? `Sample data as of ${asOf}` : null;
  }

  override renderedCallback(): void {
    if (this.mounted) return;
    this.mounted = true;
    // Every page's components are in the DOM now; the readiness tracker waits for their data.
    markPageMounted();
  }
}
