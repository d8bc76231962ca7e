/**
 * The users the header offers, read from the org's User records over GraphQL, each labelled
 * Rep, Manager or Director from the `ManagerId` hierarchy.
 */
import type { PreviewUser } from '../platform/context';

/** A User record as the preview reads it. */
export interface UserRecord {
  Id: string;
  Name: string;
  Title: string | null;
  ManagerId: string | null;
  IsActive: boolean;
  LocaleSidKey: string | null;
  TimeZoneSidKey: string | null;
}

/** A header user plus the locale settings the page needs when running as them. */
export interface OrgUser extends PreviewUser {
  localeSidKey: string | null;
  timeZoneSidKey: string | null;
}

/** Users are few (people in sales, not customers); one page is plenty. */
const USER_PAGE_SIZE = 2000;

/** The GraphQL document the preview server sends for the users. */
export const USERS_QUERY = `query previewUsers($first: Int) {
  uiapi {
    query {
      User(first: $first, orderBy: { Name: { order: ASC } }) {
        edges { node { Id Name { value } Title { value } ManagerId { value } IsActive { value } LocaleSidKey { value } TimeZoneSidKey { value } } }
      }
    }
  }
}`;

/**
 * Labels active users by their place in the hierarchy: a Director manages managers, a Manager
 * manages people who manage nobody, a Rep manages nobody. Sorted Director, Manager, Rep, then name.
 */
export function classifyUsers(records: readonly UserRecord[]): OrgUser[] {
  const active = records.filter((user) => user.IsActive);
  const reports = new Map<string, string[]>();
  for (const user of active) {
    if (user.ManagerId)
      reports.set(user.ManagerId, [...(reports.get(user.ManagerId) ?? []), user.Id]);
  }
  const rank = { Director: 0, Manager: 1, Rep: 2 } as const;
  return active
    .map((user): OrgUser => {
      const direct = reports.get(user.Id) ?? [];
      const persona = direct.some((id) => reports.has(id))
        ? 'Director'
        : direct.length
          ? 'Manager'
          : 'Rep';
      return {
        id: user.Id,
        name: user.Name,
        title: user.Title,
        persona,
        managerId: user.ManagerId,
        localeSidKey: user.LocaleSidKey,
        timeZoneSidKey: user.TimeZoneSidKey
      };
    })
    .sort((a, b) => rank[a.persona] - rank[b.persona] || a.name.localeCompare(b.name));
}

/** The user a page runs as when the URL names none: a manager, the Performance Review's first reader. */
export function defaultUser(users: readonly OrgUser[]): OrgUser | undefined {
  return users.find((user) => user.persona === 'Manager') ?? users[0];
}

type Field<T> = { value: T } | null | undefined;
interface UserNode {
  Id: string;
  Name: Field<string>;
  Title: Field<string>;
  ManagerId: Field<string>;
  IsActive: Field<boolean>;
  LocaleSidKey: Field<string>;
  TimeZoneSidKey: Field<string>;
}

/** Reads the org's users over GraphQL. Throws with the org's message when it cannot. */
export async function loadOrgUsers(
  org: { url: string; accessToken: string },
  apiVersion: string
): Promise<OrgUser[]> {
  const response = await fetch(
    `${org.url.replace(/\/$/, '')}/services/data/v${apiVersion}/graphql`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: USERS_QUERY,
        variables: { first: USER_PAGE_SIZE },
        operationName: 'previewUsers'
      })
    }
  );
  const body = (await response.json().catch(() => null)) as {
    data?: { uiapi?: { query?: { User?: { edges?: Array<{ node: UserNode }> } } } };
    errors?: Array<{ message: string }>;
  } | null;
  if (!response.ok || !body || body.errors?.length) {
    const reason =
      body?.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`The org did not return its users: ${reason}`);
  }
  const records = (body.data?.uiapi?.query?.User?.edges ?? []).map(({ node }): UserRecord => ({
    Id: node.Id,
    Name: node.Name?.value ?? node.Id,
    Title: node.Title?.value ?? null,
    ManagerId: node.ManagerId?.value ?? null,
    // A User without IsActive visible is taken as active: the header should not hide people.
    IsActive: node.IsActive?.value ?? true,
    LocaleSidKey: node.LocaleSidKey?.value ?? null,
    TimeZoneSidKey: node.TimeZoneSidKey?.value ?? null
  }));
  return classifyUsers(records);
}
