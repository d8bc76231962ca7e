/**
 * The Accounts list ("All Accounts" / "My Accounts"), each name linking to the Account record
 * page that hosts the coaching panel. Read through lightning/graphql like any component.
 */
import { LightningElement, wire } from 'lwc';
import { gql, graphql, type GraphQLResult } from '../../../../platform/graphql';
import { previewContext } from '../../../../platform/context';
import { pageReferenceToUrl } from '../../../../platform/routes';

/** Rows per "Load more", as a Lightning list view shows them. */
const PAGE_SIZE = 50;
const MAX_ROWS = 2000;
const VIEW_PARAM = 'c__listView';

const ALL_ACCOUNTS = gql`
  query previewAllAccounts($first: Int) {
    uiapi {
      query {
        Account(first: $first, orderBy: { Name: { order: ASC } }) {
          edges { node { Id Name { value } Type { value } Industry { value } OwnerId { value } } }
          pageInfo { hasNextPage }
        }
      }
    }
  }
`;

const MY_ACCOUNTS = gql`
  query previewMyAccounts($first: Int, $ownerId: ID) {
    uiapi {
      query {
        Account(first: $first, where: { OwnerId: { eq: $ownerId } }, orderBy: { Name: { order: ASC } }) {
          edges { node { Id Name { value } Type { value } Industry { value } OwnerId { value } } }
          pageInfo { hasNextPage }
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
}
interface AccountsData {
  uiapi: {
    query: { Account: { edges: Array<{ node: AccountNode }>; pageInfo: { hasNextPage: boolean } } };
  };
}

const COLUMNS = [
  {
    label: 'Account Name',
    fieldName: 'url',
    type: 'url',
    typeAttributes: { label: { fieldName: 'name' }, target: '_self' }
  },
  { label: 'Type', fieldName: 'type' },
  { label: 'Industry', fieldName: 'industry' },
  { label: 'Account Owner', fieldName: 'owner' }
];

export default class AccountListPage extends LightningElement {
  readonly columns = COLUMNS;
  limit = PAGE_SIZE;
  view: 'all' | 'mine';
  result?: GraphQLResult;

  constructor() {
    super();
    const fromUrl = new URLSearchParams(window.location.search).get(VIEW_PARAM);
    const context = previewContext();
    const me = context.users.find((user) => user.id === context.userId);
    // Reps start on their own accounts, as their default list view would show them.
    this.view =
      fromUrl === 'all' || fromUrl === 'mine' ? fromUrl : me?.persona === 'Rep' ? 'mine' : 'all';
  }

  get query() {
    return this.view === 'mine' ? MY_ACCOUNTS : ALL_ACCOUNTS;
  }

  get variables(): Record<string, unknown> {
    return this.view === 'mine'
      ? { first: this.limit, ownerId: previewContext().userId }
      : { first: this.limit };
  }

  @wire(graphql, { query: '$query', variables: '$variables' })
  wiredAccounts(result: GraphQLResult): void {
    this.result = result;
  }

  get connection(): AccountsData['uiapi']['query']['Account'] | undefined {
    return (this.result?.data as AccountsData | undefined)?.uiapi?.query?.Account;
  }

  get rows() {
    const owners = new Map(previewContext().users.map((user) => [user.id, user.name]));
    const preserved = previewContext().preservedParams;
    return (this.connection?.edges ?? []).map(({ node }) => ({
      id: node.Id,
      name: node.Name?.value ?? node.Id,
      url: pageReferenceToUrl(
        {
          type: 'standard__recordPage',
          attributes: { recordId: node.Id, objectApiName: 'Account', actionName: 'view' }
        },
        preserved
      ),
      type: node.Type?.value ?? '',
      industry: node.Industry?.value ?? '',
      owner: owners.get(node.OwnerId?.value ?? '') ?? node.OwnerId?.value ?? ''
    }));
  }

  get isLoading(): boolean {
    return !this.result;
  }

  get errorMessage(): string | undefined {
    const errors = this.result?.errors;
    return errors?.length ? errors.map((error) => error.message).join('; ') : undefined;
  }

  get isEmpty(): boolean {
    return !!this.connection && this.rows.length === 0;
  }

  get itemCount(): string {
    const count = this.rows.length;
    return `${count}${this.connection?.pageInfo?.hasNextPage ? '+' : ''} item${count === 1 ? '' : 's'}`;
  }

  get canLoadMore(): boolean {
    return !!this.connection?.pageInfo?.hasNextPage && this.limit < MAX_ROWS;
  }

  get viewTitle(): string {
    return this.view === 'mine' ? 'My Accounts' : 'All Accounts';
  }

  get viewOptions() {
    return [
      { label: 'All Accounts', value: 'all' },
      { label: 'My Accounts', value: 'mine' }
    ];
  }

  override connectedCallback(): void {
    document.title = 'Accounts | Pacer';
  }

  handleViewChange(event: CustomEvent<{ value: 'all' | 'mine' }>): void {
    this.view = event.detail.value;
    this.limit = PAGE_SIZE;
    const url = new URL(window.location.href);
    url.searchParams.set(VIEW_PARAM, this.view);
    window.history.replaceState(null, '', `${url.pathname}${url.search}`);
  }

  handleLoadMore(): void {
    this.limit = Math.min(this.limit + PAGE_SIZE, MAX_ROWS);
  }
}
