/**
 * The static GraphQL documents the components send, as plain text: the review context
 * (c/spmReviewContext reads its answer) and the coaching panel's account query. The components wrap
 * them with `gql`; this module imports nothing, so Node scripts (the org pre-flight) can import the
 * same text and validate it. The review plan's documents are not here: the engine builds them per
 * review (c/reviewPlan).
 */

/**
 * The KPI menu (active KPIs in menu order) and the stage policy: subqueries of the review context and
 * of the coaching panel's account query, written once so both read the same fields.
 */
export const MENU_AND_POLICY_QUERY = `SPM_KPI__c(where: { Active__c: { eq: true } }, orderBy: { Sort_Order__c: { order: ASC } }, first: 200) {
        edges {
          node {
            Id
            Name { value }
            Key__c { value }
            Menu_Year__c { value }
            Category__c { value }
            Kind__c { value }
            Unit__c { value }
            Direction__c { value }
            Definition__c { value }
            Green_Threshold__c { value }
            Amber_Threshold__c { value }
            Levels__c { value }
            Above_The_Line__c { value }
            Sort_Order__c { value }
            Active__c { value }
            Description__c { value }
          }
        }
      }
      SPM_Stage_Policy__c(orderBy: { Sort_Order__c: { order: ASC } }, first: 200) {
        edges {
          node {
            Id
            Key__c { value }
            Stage_Name__c { value }
            Max_Days_In_Stage__c { value }
            Early_Stage__c { value }
            Sort_Order__c { value }
          }
        }
      }`;

/** The context query. Named, variables only, records capped; read with {@link readContext}. */
export const CONTEXT_QUERY = `query spmReviewContext($asOf: Date) {
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
            Key__c { value }
            Meeting_Type__c { value }
            Level__c { value }
            Frequency__c { value }
            Duration_Minutes__c { value }
            Decisions__c { value }
            Sort_Order__c { value }
            Agenda_Items__r(orderBy: { Order__c: { order: ASC } }, first: 50) {
              edges {
                node {
                  Id
                  Name { value }
                  Order__c { value }
                  Questions__c { value }
                  Panel__c { value }
                  Minutes__c { value }
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
              Subject_User__c { value }
              Cadence__c { value }
              Review_Date__c { max { value } }
            }
          }
        }
        pageInfo { hasNextPage }
      }
    }
  }
}`;

/**
 * The coaching panel's account query: this account, its opportunities and their stage history, its
 * tasks and events of the period, its open actions, the KPI menu, the stage policy and the current
 * user. Records per list are capped at 200 (c/spmCoachingPanel reads the answer).
 */
export const ACCOUNT_QUERY = `query spmCoachingAccount($accountId: ID, $activityStart: Date) {
  uiapi {
    currentUser { Id Name { value } }
    query {
      Account(where: { Id: { eq: $accountId } }, first: 1) {
        edges { node { Id Name { value } OwnerId { value } Owner { Name { value } } } }
      }
      Opportunity(
        where: { AccountId: { eq: $accountId } }
        orderBy: { CloseDate: { order: DESC, nulls: LAST }, Id: { order: ASC } }
        first: 200
      ) {
        edges {
          node {
            Id
            Name { value }
            AccountId { value }
            Account { Name { value } }
            OwnerId { value }
            Owner { Name { value } }
            StageName { value }
            Amount { value }
            Probability { value }
            CloseDate { value }
            IsClosed { value }
            IsWon { value }
            ForecastCategoryName { value }
            Type { value }
            CreatedDate { value }
            LastModifiedDate { value }
            LastStageChangeDate { value }
            LastActivityDate { value }
            NextStep { value }
            SPM_Offer_Check_Date__c { value }
            SPM_Flag_Snoozed_Until__c { value }
            SPM_Flag_Snooze_Reason__c { value }
          }
        }
        pageInfo { hasNextPage }
      }
      OpportunityHistory(
        where: { Opportunity: { AccountId: { eq: $accountId } } }
        orderBy: { CreatedDate: { order: DESC } }
        first: 200
      ) {
        edges { node { Id OpportunityId { value } StageName { value } CreatedDate { value } } }
        pageInfo { hasNextPage }
      }
      Task(
        where: { AccountId: { eq: $accountId }, ActivityDate: { gte: { value: $activityStart } } }
        first: 200
      ) {
        edges {
          node {
            Id
            OwnerId { value }
            AccountId { value }
            WhatId { value }
            ActivityDate { value }
            Status { value }
            Type { value }
            TaskSubtype { value }
            CreatedDate { value }
          }
        }
        pageInfo { hasNextPage }
      }
      Event(
        where: { AccountId: { eq: $accountId }, ActivityDate: { gte: { value: $activityStart } } }
        first: 200
      ) {
        edges {
          node {
            Id
            OwnerId { value }
            AccountId { value }
            WhatId { value }
            ActivityDate { value }
            DurationInMinutes { value }
            Type { value }
            CreatedDate { value }
          }
        }
        pageInfo { hasNextPage }
      }
      SPM_Action__c(
        where: { Account__c: { eq: $accountId }, Status__c: { eq: "Open" } }
        orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
        first: 200
      ) {
        edges {
          node {
            Id
            Name { value }
            OwnerId { value }
            Due_Date__c { value }
            Status__c { value }
            KPI__c { value }
            Opportunity__c { value }
            Opportunity__r { Name { value } }
            Account__c { value }
            Account__r { Name { value } }
            Review__c { value }
          }
        }
      }
      ${MENU_AND_POLICY_QUERY}
    }
  }
}`;

/** Every static document, by operation name. */
export const STATIC_DOCUMENTS = Object.freeze({
  spmReviewContext: CONTEXT_QUERY,
  spmCoachingAccount: ACCOUNT_QUERY
});
