/**
 * Builds UI API GraphQL response shapes (`edges/node/{ value }`, `aggregate { F { sum { value } } }`)
 * from plain records, the reverse of c/graphqlResults: the answers to the components' static documents
 * (the context, the coaching account), used by the fixture generator
 * (force-app/test/fixtures/buildFixtures.ts) and by tests that need answers for any team size. The
 * review plan's answers come from the engine (c/reviewModel responsesFromRecords).
 */
import { parse } from 'graphql';
// By path: the fixture generator runs under tsx, which resolves only the engine's `c/` modules.
import { aliased } from '../main/default/lwc/spmDocuments/spmDocuments';

const RAW_FIELDS = new Set(['Id']);

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A flat record as a GraphQL record node: fields wrapped in `{ value }`, parents nested, child lists as
 * connections, `Id` raw. Fields listed in `hidden` are left out, as a field the user cannot see is.
 * @param {object} record
 * @param {string[]} [hidden]
 * @returns {object}
 */
export function toNode(record, hidden = []) {
  const node = {};
  for (const [field, value] of Object.entries(record)) {
    if (hidden.includes(field)) {
      continue;
    }
    if (RAW_FIELDS.has(field)) {
      node[field] = value;
    } else if (Array.isArray(value)) {
      node[field] = toConnection(value);
    } else if (isPlainObject(value)) {
      node[field] = toNode(value);
    } else {
      node[field] = { value: value === undefined ? null : value };
    }
  }
  return node;
}

/**
 * Records as a connection.
 * @param {object[]} records
 * @param {{ hasNextPage?: boolean, hidden?: string[] }} [options]
 * @returns {object}
 */
export function toConnection(records, options = {}) {
  return {
    edges: records.map((record) => ({ node: toNode(record, options.hidden) })),
    pageInfo: { hasNextPage: Boolean(options.hasNextPage), endCursor: null }
  };
}

/**
 * Aggregate rows (`{ OwnerId, 'sum(Amount)': 10 }`) as an aggregate connection.
 * @param {object[]} rows
 * @param {boolean} [hasNextPage]
 * @returns {object}
 */
export function toAggregateConnection(rows, hasNextPage = false) {
  return {
    edges: rows.map((row) => {
      const aggregate = {};
      for (const [key, value] of Object.entries(row)) {
        const match = /^(\w+)\((.+)\)$/.exec(key);
        if (match) {
          const [, fn, field] = match;
          aggregate[field] = { ...(aggregate[field] || {}), [fn]: { value } };
        } else {
          aggregate[key] = { ...(aggregate[key] || {}), value };
        }
      }
      return { node: { aggregate } };
    }),
    pageInfo: { hasNextPage }
  };
}

/**
 * The data of the workspace's context query (reviewContext) for given records, custom fields under
 * the query's aliases.
 * @param {{ users: object[], cadences: object[], agendaItems: object[], kpis: object[],
 *           stagePolicy: object[], lastReviews?: Array<{ Subject_User__c: string, Cadence__c: string,
 *           date: string }>, hidden?: Object<string, string[]> }} input agenda items carry Cadence__c;
 *   `hidden` lists fields left out per object, as field-level security does
 * @returns {object} `{ uiapi: { query, aggregate } }`
 */
export function contextData(input) {
  const hidden = input.hidden || {};
  const userFields = ['Id', 'Name', 'ManagerId', 'Title'];
  const pick = (record, fields) =>
    Object.fromEntries(fields.map((f) => [f, record[f] === undefined ? null : record[f]]));
  const cadences = input.cadences.map((cadence) => ({
    ...cadence,
    Agenda_Items__r: input.agendaItems
      .filter((item) => item.Cadence__c === cadence.Id)
      .map((item) => {
        const out = { ...item };
        delete out.Cadence__c;
        delete out.Key__c;
        return out;
      })
  }));
  return aliased({
    uiapi: {
      query: {
        User: toConnection(
          input.users.map((u) => pick(u, userFields)),
          { hidden: hidden.User }
        ),
        SPM_Cadence__c: toConnection(cadences, { hidden: hidden.SPM_Cadence__c }),
        SPM_KPI__c: toConnection(input.kpis, { hidden: hidden.SPM_KPI__c }),
        SPM_Stage_Policy__c: toConnection(input.stagePolicy, { hidden: hidden.SPM_Stage_Policy__c })
      },
      aggregate: {
        SPM_Review__c: toAggregateConnection(
          (input.lastReviews || []).map((r) => ({
            Subject_User__c: r.Subject_User__c,
            Cadence__c: r.Cadence__c,
            'max(Review_Date__c)': r.date
          }))
        )
      }
    }
  });
}

/**
 * The data of the coaching panel's account query (spmCoachingAccount) for given records, custom fields
 * under the query's aliases: the current user, the account (its owner as `{ Name }`), the owners of
 * its opportunities and of its open actions (`{ Id, Name }` each), the menu and the stage policy.
 * `hidden` lists fields left out per object, as field-level security does.
 * @param {{ currentUser: { Id: string, Name: string }, account: object, dealOwners: object[],
 *           actionOwners: object[], kpis: object[], stagePolicy: object[],
 *           hidden?: Object<string, string[]> }} input
 * @returns {object} `{ uiapi: { query } }`
 */
export function accountData(input) {
  const hidden = input.hidden || {};
  return aliased({
    uiapi: {
      query: {
        User: toConnection([{ Id: input.currentUser.Id, Name: input.currentUser.Name }]),
        Account: toConnection([input.account], { hidden: hidden.Account }),
        dealOwners: toConnection(input.dealOwners, { hidden: hidden.User }),
        actionOwners: toConnection(input.actionOwners, { hidden: hidden.User }),
        SPM_KPI__c: toConnection(input.kpis, { hidden: hidden.SPM_KPI__c }),
        SPM_Stage_Policy__c: toConnection(input.stagePolicy, { hidden: hidden.SPM_Stage_Policy__c })
      }
    }
  });
}

/**
 * What an org without records answers to a document: every subquery of `uiapi.query` and
 * `uiapi.aggregate`, under its alias, an empty connection. For tests where the requests, not the
 * numbers, are under test.
 * @param {string} query the document's text
 * @returns {{ uiapi: object }}
 */
export function emptyAnswer(query) {
  const uiapi = {};
  const operation = parse(query).definitions.find((d) => d.kind === 'OperationDefinition');
  const root = operation.selectionSet.selections.find((s) => s.name.value === 'uiapi');
  for (const part of root.selectionSet.selections) {
    const name = part.name.value;
    if (name !== 'query' && name !== 'aggregate') {
      continue;
    }
    uiapi[name] = {};
    for (const subquery of part.selectionSet.selections) {
      const key = (subquery.alias || subquery.name).value;
      uiapi[name][key] = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    }
  }
  return { uiapi };
}
