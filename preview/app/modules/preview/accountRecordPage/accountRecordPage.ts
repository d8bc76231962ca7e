/**
 * The Account record page: a record header with the account's key fields, the component the
 * Account record page hosts (the coaching panel) with `recordId`, and a details card.
 */
import { LightningElement, api, wire } from 'lwc';
import { accountRecordPage, pageComponents } from 'preview:pages';
import { gql, graphql, type GraphQLResult } from '../../../../platform/graphql';
import { previewContext } from '../../../../platform/context';

const ACCOUNT = gql`
  query previewAccount($id: ID) {
    uiapi {
      query {
        Account(where: { Id: { eq: $id } }, first: 1) {
          edges {
            node {
              Id
              Name { value }
              Type { value }
              Industry { value }
              OwnerId { value }
              CreatedDate { value }
              LastModifiedDate { value }
            }
          }
        }
      }
    }
  }
`;

type Field<T> = { value: T } | null;
interface AccountNode {
  Id: string;
  Name: Field<string>;
  Type: Field<string>;
  Industry: Field<string>;
  OwnerId: Field<string>;
  CreatedDate: Field<string>;
  LastModifiedDate: Field<string>;
}

export default class AccountRecordPage extends LightningElement {
  @api recordId?: string;
  readonly panel = accountRecordPage;
  readonly hosted = pageComponents.find((page) => page.page === 'accountRecordPage');
  result?: GraphQLResult;

  get variables(): Record<string, unknown> | undefined {
    return this.recordId ? { id: this.recordId } : undefined;
  }

  @wire(graphql, { query: ACCOUNT, variables: '$variables' })
  wiredAccount(result: GraphQLResult): void {
    this.result = result;
    const name = this.account?.Name?.value;
    if (name) document.title = `${name} | Account | Pacer`;
  }

  get account(): AccountNode | undefined {
    const data = this.result?.data as
      { uiapi?: { query?: { Account?: { edges: Array<{ node: AccountNode }> } } } } | undefined;
    return data?.uiapi?.query?.Account?.edges?.[0]?.node;
  }

  get isLoading(): boolean {
    return !this.result;
  }

  get errorMessage(): string | undefined {
    if (this.result?.errors?.length)
      return this.result.errors.map((error) => error.message).join('; ');
    if (this.result && !this.account)
      return `No account with id ${this.recordId ?? ''} is visible to this user.`;
    return undefined;
  }

  get name(): string {
    return this.account?.Name?.value ?? '';
  }

  get details(): Array<{ label: string; value: string; type: string }> {
    const account = this.account;
    if (!account) return [];
    const owners = new Map(previewContext().users.map((user) => [user.id, user.name]));
    return [
      { label: 'Type', value: account.Type?.value ?? '', type: 'text' },
      { label: 'Industry', value: account.Industry?.value ?? '', type: 'text' },
      {
        label: 'Account Owner',
        value: owners.get(account.OwnerId?.value ?? '') ?? account.OwnerId?.value ?? '',
        type: 'text'
      }
    ];
  }

  get createdDate(): string | undefined {
    return this.account?.CreatedDate?.value ?? undefined;
  }

  get lastModifiedDate(): string | undefined {
    return this.account?.LastModifiedDate?.value ?? undefined;
  }
}
