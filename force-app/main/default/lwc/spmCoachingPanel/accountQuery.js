/**
 * The coaching panel's one GraphQL request (its text is c/spmDocuments' ACCOUNT_QUERY), read: this
 * account, its opportunities and their stage history, its tasks and events of the period, its open
 * actions, the KPI menu, the stage policy and the current user. An account holds few records, so they
 * travel as records (≤ 200 each) and the engine's own review specs run on them
 * (reviewModelFromRecords): the same numbers as a review, scoped to the account.
 */
import { flattenConnection } from 'c/graphqlResults';
import { unaliased } from 'c/spmDocuments';

/** Records per list; an account with more shows the first 200 (warning in the model). */
export const LIST_SIZE = 200;

function addUser(users, id, name) {
  if (id && !users.has(id)) {
    users.set(id, { Id: id, Name: name || id, ManagerId: null, Title: null });
  } else if (id && name && users.get(id).Name === id) {
    users.get(id).Name = name;
  }
}

/**
 * The account's records in the engine's record shape, the people who own them, the menu and the
 * policy, from the query's data.
 * @param {object} data the wire's `data` (custom fields under their aliases)
 * @returns {{ account: object|null, currentUser: object|null, records: Object<string, object[]>, users: object[],
 *             ownerIds: string[], kpis: object[], stagePolicy: object[], truncated: string[] }}
 */
export function readAccount(data) {
  const answer = unaliased(data);
  const query = (answer && answer.uiapi && answer.uiapi.query) || {};
  const account = flattenConnection(query.Account)[0] || null;
  const currentUser = flattenConnection(query.User)[0] || null;
  const opportunities = flattenConnection(query.Opportunity);
  const history = flattenConnection(query.OpportunityHistory);
  const tasks = flattenConnection(query.Task);
  const events = flattenConnection(query.Event);
  // The engine reads an action's parents as Opportunity__r / Account__r, as the review plan queries them.
  const actions = flattenConnection(query.SPM_Action__c);
  const users = new Map();
  if (account) {
    addUser(users, account.OwnerId, account.Owner && account.Owner.Name);
  }
  for (const opp of opportunities) {
    addUser(users, opp.OwnerId, opp.Owner && opp.Owner.Name);
  }
  for (const record of [...tasks, ...events, ...actions]) {
    addUser(users, record.OwnerId);
  }
  if (currentUser) {
    addUser(users, currentUser.Id, currentUser.Name);
  }
  const truncated = ['Opportunity', 'OpportunityHistory', 'Task', 'Event'].filter(
    (name) => query[name] && query[name].pageInfo && query[name].pageInfo.hasNextPage
  );
  const ownerIds = [
    ...new Set(
      [
        account && account.OwnerId,
        ...opportunities.map((o) => o.OwnerId),
        ...tasks.map((t) => t.OwnerId),
        ...events.map((e) => e.OwnerId)
      ].filter(Boolean)
    )
  ];
  return {
    account,
    currentUser,
    records: {
      Account: account ? [account] : [],
      User: [...users.values()],
      Opportunity: opportunities,
      OpportunityHistory: history,
      Task: tasks,
      Event: events,
      SPM_Action__c: actions
    },
    users: [...users.values()],
    ownerIds,
    kpis: flattenConnection(query.SPM_KPI__c),
    stagePolicy: flattenConnection(query.SPM_Stage_Policy__c),
    truncated
  };
}
