/**
 * The static GraphQL documents the components send, as plain text: the review context
 * (c/reviewContext reads its answer) and the coaching panel's account query. The components wrap
 * them with `gql`; this module imports nothing, so Node scripts (the org pre-flight) can import the
 * same text and validate it. The review plan's documents are not here: the engine builds them per
 * review (c/reviewPlan).
 *
 * Custom fields and relationships are selected under an alias, as Salesforce's own samples do, so a
 * rename kept by referential integrity cannot break reading them; {@link unaliased} puts the API names
 * back, so the readers and everything after them keep using API names.
 */

/**
 * Alias → API name of every custom field and relationship the static documents select. One alias
 * means one API name in every static document (the review plan's documents alias with their own
 * scheme, c/criteria fieldAlias, and read back on their own); aliases start lower-case, so none can
 * be a standard field's name, nor a key of the response's structure (`edges`, `node`, `value`…).
 * A second subquery of one object (the coaching query's `dealOwners: User`) takes an alias of its own,
 * which is not listed here: it names a subquery, not a field.
 */
export const FIELD_ALIASES = Object.freeze({
  key: 'Key__c',
  sortOrder: 'Sort_Order__c',
  active: 'Active__c',
  menuYear: 'Menu_Year__c',
  category: 'Category__c',
  kind: 'Kind__c',
  unit: 'Unit__c',
  direction: 'Direction__c',
  definition: 'Definition__c',
  greenThreshold: 'Green_Threshold__c',
  amberThreshold: 'Amber_Threshold__c',
  levels: 'Levels__c',
  aboveTheLine: 'Above_The_Line__c',
  description: 'Description__c',
  stageName: 'Stage_Name__c',
  maxDaysInStage: 'Max_Days_In_Stage__c',
  earlyStage: 'Early_Stage__c',
  meetingType: 'Meeting_Type__c',
  level: 'Level__c',
  frequency: 'Frequency__c',
  durationMinutes: 'Duration_Minutes__c',
  decisions: 'Decisions__c',
  agendaItems: 'Agenda_Items__r',
  order: 'Order__c',
  questions: 'Questions__c',
  panel: 'Panel__c',
  focus: 'Focus__c',
  reviewPeriod: 'Review_Period__c',
  minutes: 'Minutes__c',
  subjectUser: 'Subject_User__c',
  cadence: 'Cadence__c',
  reviewDate: 'Review_Date__c'
});

/**
 * The KPI menu (active KPIs in menu order) and the stage policy: subqueries of the review context and
 * of the coaching panel's account query, written once so both read the same fields.
 */
const MENU_AND_POLICY_QUERY = `SPM_KPI__c(where: { Active__c: { eq: true } }, orderBy: { Sort_Order__c: { order: ASC } }, first: 200) {
        edges {
          node {
            Id
            Name { value }
            key: Key__c { value }
            menuYear: Menu_Year__c { value }
            category: Category__c { value }
            kind: Kind__c { value }
            unit: Unit__c { value }
            direction: Direction__c { value }
            definition: Definition__c { value }
            greenThreshold: Green_Threshold__c { value }
            amberThreshold: Amber_Threshold__c { value }
            levels: Levels__c { value }
            aboveTheLine: Above_The_Line__c { value }
            sortOrder: Sort_Order__c { value }
            active: Active__c { value }
            description: Description__c { value }
          }
        }
      }
      SPM_Stage_Policy__c(orderBy: { Sort_Order__c: { order: ASC } }, first: 200) {
        edges {
          node {
            Id
            key: Key__c { value }
            stageName: Stage_Name__c { value }
            maxDaysInStage: Max_Days_In_Stage__c { value }
            earlyStage: Early_Stage__c { value }
            sortOrder: Sort_Order__c { value }
          }
        }
      }`;

/** The context query. Named, variables only, records capped; read by c/reviewContext. */
export const CONTEXT_QUERY = `query reviewContext($asOf: Date) {
  uiapi {
    query {
      User(where: { IsActive: { eq: true } }, orderBy: { Name: { order: ASC } }, first: 2000) {
        edges { node { Id Name { value } ManagerId { value } Title { value } } }
        pageInfo { hasNextPage }
      }
      SPM_Cadence__c(where: { Active__c: { eq: true } }, orderBy: { Sort_Order__c: { order: ASC } }, first: 200) {
        edges {
          node {
            Id
            Name { value }
            key: Key__c { value }
            meetingType: Meeting_Type__c { value }
            level: Level__c { value }
            frequency: Frequency__c { value }
            durationMinutes: Duration_Minutes__c { value }
            decisions: Decisions__c { value }
            sortOrder: Sort_Order__c { value }
            reviewPeriod: Review_Period__c { value }
            agendaItems: Agenda_Items__r(orderBy: { Order__c: { order: ASC } }, first: 50) {
              edges {
                node {
                  Id
                  Name { value }
                  order: Order__c { value }
                  questions: Questions__c { value }
                  panel: Panel__c { value }
                  focus: Focus__c { value }
                  minutes: Minutes__c { value }
                }
              }
            }
          }
        }
      }
      ${MENU_AND_POLICY_QUERY}
    }
    aggregate {
      SPM_Review__c(
        where: { Review_Date__c: { lte: { value: $asOf } } }
        groupBy: { Subject_User__c: { group: true }, Cadence__c: { group: true } }
        first: 2000
      ) {
        edges {
          node {
            aggregate {
              subjectUser: Subject_User__c { value }
              cadence: Cadence__c { value }
              reviewDate: Review_Date__c { max { value } }
            }
          }
        }
        pageInfo { hasNextPage }
      }
    }
  }
}`;

/**
 * The coaching panel's account query: what its account-scoped review plan (c/reviewPlan
 * buildReviewPlan with `accountId`) needs before it can be built, and does not hold itself. The
 * account (its name and owner), the current user's name (a User record: `uiapi.currentUser` exists
 * only from API v66.0), the KPI menu and the stage policy, and the people whose numbers make up the
 * account: the plan counts the records of its subjects only (it filters every need by owner), so its
 * subjects are the account's owner, the current user, the owners of the account's opportunities and
 * of its open actions, each list read through a semi-join (`inq`, documented for record queries) on
 * User. Task and Event cannot be the inner object of a semi-join, so the owner of an activity on the
 * account who owns none of the above is not a subject. The numbers themselves, the deal lists and the
 * open actions come from the plan (aggregated in the org, no record cap on what is counted).
 *
 * No field is marked `@optional`: Salesforce documents the directive from API v65.0, and Pacer declares
 * 62.0. A field the user cannot see therefore fails the query, and the panel shows the org's message,
 * which names the field; the permission sets grant read on every field read here.
 */
export const ACCOUNT_QUERY = `query spmCoachingAccount($accountId: ID, $userId: ID) {
  uiapi {
    query {
      User(where: { Id: { eq: $userId } }, first: 1) {
        edges { node { Id Name { value } } }
      }
      Account(where: { Id: { eq: $accountId } }, first: 1) {
        edges { node { Id Name { value } OwnerId { value } Owner { Name { value } } } }
      }
      dealOwners: User(
        where: { Id: { inq: { Opportunity: { AccountId: { eq: $accountId } }, ApiName: "OwnerId" } } }
        orderBy: { Name: { order: ASC } }
        first: 200
      ) {
        edges { node { Id Name { value } } }
        pageInfo { hasNextPage }
      }
      actionOwners: User(
        where: {
          Id: {
            inq: {
              SPM_Action__c: { Account__c: { eq: $accountId }, Status__c: { eq: "Open" } }
              ApiName: "OwnerId"
            }
          }
        }
        orderBy: { Name: { order: ASC } }
        first: 200
      ) {
        edges { node { Id Name { value } } }
        pageInfo { hasNextPage }
      }
      ${MENU_AND_POLICY_QUERY}
    }
  }
}`;

/** Every static document, by operation name. */
export const STATIC_DOCUMENTS = Object.freeze({
  reviewContext: CONTEXT_QUERY,
  spmCoachingAccount: ACCOUNT_QUERY
});

function renamed(value, names) {
  if (Array.isArray(value)) {
    return value.map((item) => renamed(item, names));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const out = {};
  for (const [key, field] of Object.entries(value)) {
    const name = Object.prototype.hasOwnProperty.call(names, key) ? names[key] : key;
    out[name] = renamed(field, names);
  }
  return out;
}

/**
 * A static document's answer with API names in place of the aliases ({@link FIELD_ALIASES}), at
 * every depth: `{ key: { value: 'x' } }` → `{ Key__c: { value: 'x' } }`. A new object; the answer
 * (read-only, as the wire gives it) is untouched.
 * @param {*} data the wire's `data`
 * @returns {*}
 */
export function unaliased(data) {
  return renamed(data, FIELD_ALIASES);
}

const ALIAS_OF = Object.freeze(
  Object.fromEntries(Object.entries(FIELD_ALIASES).map(([alias, name]) => [name, alias]))
);

/**
 * The reverse of {@link unaliased}: data keyed by API names, as the org answers the static documents
 * (under their aliases). Test fixtures are built with it.
 * @param {*} data
 * @returns {*}
 */
export function aliased(data) {
  return renamed(data, ALIAS_OF);
}
