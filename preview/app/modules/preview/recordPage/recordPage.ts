/**
 * Record pages other than Account's, and object pages the preview has no list for: the preview
 * hosts Pacer's components on the Account record page and the review tab only, so other pages
 * show the record's name and fields (read with lightning/uiRecordApi) and a way back.
 */
import { LightningElement, api, wire } from 'lwc';
import {
  getRecord,
  type FetchResponseError,
  type RecordRepresentation
} from '../../../../platform/uiRecordApi';
import { previewContext } from '../../../../platform/context';
import { pageReferenceToUrl } from '../../../../platform/routes';

export default class RecordPage extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;
  record?: RecordRepresentation;
  error?: FetchResponseError;

  get optionalFields(): string[] | undefined {
    return this.objectApiName ? [`${this.objectApiName}.Name`] : undefined;
  }

  @wire(getRecord, { recordId: '$recordId', optionalFields: '$optionalFields' })
  wiredRecord({ data, error }: { data?: RecordRepresentation; error?: FetchResponseError }): void {
    this.record = data;
    this.error = error;
  }

  override connectedCallback(): void {
    document.title = `${this.objectApiName ?? 'Record'} | Pacer`;
  }

  get hasRecord(): boolean {
    return !!this.recordId;
  }

  get heading(): string {
    const name = this.record?.fields?.Name?.value;
    return typeof name === 'string' && name ? name : (this.recordId ?? this.objectApiName ?? '');
  }

  get fields(): Array<{ name: string; value: string; labelKey: string; valueKey: string }> {
    return Object.entries(this.record?.fields ?? {})
      .filter(([, field]) => field && typeof field.value !== 'object')
      .map(([name, field]) => ({
        name,
        value: field.displayValue ?? String(field.value ?? ''),
        labelKey: `label-${name}`,
        valueKey: `value-${name}`
      }));
  }

  get errorMessage(): string | undefined {
    if (!this.error) return undefined;
    const body = this.error.body as Array<{ message?: string }> | { message?: string } | null;
    const messages = Array.isArray(body) ? body.map((item) => item.message) : [body?.message];
    return messages.filter(Boolean).join('; ') || `HTTP ${this.error.status}`;
  }

  get accountsUrl(): string {
    return pageReferenceToUrl(
      {
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Account', actionName: 'list' }
      },
      previewContext().preservedParams
    );
  }
}
