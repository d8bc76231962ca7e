/**
 * The answer to the coaching panel's account query (c/spmDocuments ACCOUNT_QUERY), read as what the
 * account-scoped review plan is built from: the account, the current user, the people the plan
 * reviews (the account's owner, the current user, the owners of its opportunities and of its open
 * actions, each once), the KPI menu and the stage policy. The numbers come from the plan's documents.
 */
import { flattenConnection } from 'c/graphqlResults';
import { unaliased } from 'c/spmDocuments';

/** The subqueries of owners (aliases of User subqueries), in the order their people are listed. */
const OWNER_LISTS = ['dealOwners', 'actionOwners'];

function addUser(users, id, name) {
  if (!id) {
    return;
  }
  const known = users.get(id);
  if (!known) {
    users.set(id, { Id: id, Name: name || id, ManagerId: null, Title: null });
  } else if (name && known.Name === id) {
    known.Name = name;
  }
}

/**
 * @param {object} data the wire's `data` (custom fields under their aliases)
 * @returns {{ account: object|null, currentUser: object|null, users: object[], subjectUserIds: string[],
 *             hasDeals: boolean, hasActions: boolean, kpis: object[], stagePolicy: object[],
 *             truncated: string[] }} `users` in the plan's User shape (Id, Name, ManagerId, Title):
 *   the account's owner first, then the current user, then the owners of deals and of actions;
 *   `truncated` names the owner lists that hold more than they returned
 */
export function readAccountContext(data) {
  const answer = unaliased(data);
  const query = (answer && answer.uiapi && answer.uiapi.query) || {};
  const account = flattenConnection(query.Account)[0] || null;
  const currentUser = flattenConnection(query.User)[0] || null;
  const users = new Map();
  if (account) {
    addUser(users, account.OwnerId, account.Owner && account.Owner.Name);
  }
  if (currentUser) {
    addUser(users, currentUser.Id, currentUser.Name);
  }
  const lists = Object.fromEntries(
    OWNER_LISTS.map((name) => [name, flattenConnection(query[name])])
  );
  for (const name of OWNER_LISTS) {
    for (const user of lists[name]) {
      addUser(users, user.Id, user.Name);
    }
  }
  const people = [...users.values()];
  return {
    account,
    currentUser,
    users: people,
    subjectUserIds: people.map((u) => u.Id),
    hasDeals: lists.dealOwners.length > 0,
    hasActions: lists.actionOwners.length > 0,
    kpis: flattenConnection(query.SPM_KPI__c),
    stagePolicy: flattenConnection(query.SPM_Stage_Policy__c),
    truncated: OWNER_LISTS.filter(
      (name) => query[name] && query[name].pageInfo && query[name].pageInfo.hasNextPage
    )
  };
}
