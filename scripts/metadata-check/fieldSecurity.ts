/**
 * Which standard fields Pacer reads are under field-level security (FLS), and which are not.
 *
 * A field under FLS is invisible to a user until a profile or permission set grants Read; in the UI
 * API GraphQL schema it is then absent, and one absent field fails the whole document. A field that
 * FLS does not control (required fields, audit and system fields, fields derived by the platform) is
 * readable by anyone who can read the object, and a permission set that lists it does not deploy.
 * So the permission sets must grant exactly the first kind, never the second.
 *
 * Sources (re-check when a newer one appears; none of this was tried on an org by this project):
 * - PROFILE: an Admin profile retrieved from a production org at API 64.0, which lists every field
 *   FLS controls in that org (Salesforce writes one fieldPermissions entry per controllable field):
 *   https://github.com/AlexShmellyoff/Arbutus/blob/4c23f16886cfb0effb5d23cdf23c0e9749a39167/force-app/main/default/profiles/Admin.profile-meta.xml
 *   Opportunity: AccountId, Amount, CampaignId, ContractId, Description, ExpectedRevenue, IsPrivate,
 *   LeadSource, NextStep, Probability, TotalOpportunityQuantity, Type. Task: ActivityDate,
 *   Description, Type, WhatId, WhoId. Event: Description, IsAllDayEvent, Location, Type, WhatId,
 *   WhoId. No standard User field, no OpportunityHistory field.
 * - REQUIRED: a permission set or profile that lists a required field does not deploy ("You cannot
 *   deploy to a required field: Object.Field"); object access alone makes it readable:
 *   https://docs.gearset.com/en/articles/12476080-resolving-validation-errors-you-cannot-deploy-to-a-required-field-xxx
 *   and https://docs.zuora.com/zuora-cpq/manage-subscriptions/advanced-cpq-x-functionalities/opportunity-product-sync/permissions-and-security-updates/field-level-security--zqu__oppprodsyncgroupingkey__c
 * - ACTIVITY: Object Reference, Task (as quoted by third-party guides, not read here): Task and Event
 *   share field-level security, and a metadata deploy that lists a shared field for one and not the
 *   other disables it for both:
 *   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
 * - TYPES: types generated from real orgs in forcedotcom/afv-library (2026), where
 *   Opportunity.ExpectedRevenue, Task.Type and Event.Type were absent for the generating user
 *   (hidden by FLS), and LastStageChangeDate, ForecastCategoryName, IsClosed, IsWon,
 *   LastActivityDate, TaskSubtype, DurationInMinutes and User.ManagerId present (consistent with the
 *   table, though presence alone cannot tell a field FLS does not control from a granted one).
 *   Pacer reads none of the three hidden fields any more, so it asks for no grant on them.
 *
 * `verified: false` marks what rests on the absence of a field from the one retrieved profile (PROFILE)
 * rather than on a statement or a listing: a field absent there is taken as not controllable.
 * `npm run check:org` compares this table with the org's describe (`permissionable`) when the org
 * reports it.
 */

/** How FLS treats one standard field. */
export interface StandardFieldSecurity {
  /** `Object.Field`, as in a permission set's `<field>`. */
  field: string;
  /** True: FLS controls it, so each Pacer permission set grants Read. False: object access suffices. */
  fls: boolean;
  /** Why, in words. */
  why: string;
  /** Which of the sources above says so. */
  source: 'PROFILE' | 'REQUIRED';
  /** False when the entry is inferred (see the module comment). */
  verified: boolean;
}

/** Fields every object has that FLS never controls: identity, ownership and audit fields. */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'Id',
  'OwnerId',
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
  'SystemModstamp',
  'IsDeleted'
]);

const controlled = (field: string, why: string): StandardFieldSecurity => ({
  field,
  fls: true,
  why,
  source: 'PROFILE',
  verified: true
});
const required = (field: string): StandardFieldSecurity => ({
  field,
  fls: false,
  why: 'required field',
  source: 'REQUIRED',
  verified: true
});
const absent = (field: string, why: string): StandardFieldSecurity => ({
  field,
  fls: false,
  why,
  source: 'PROFILE',
  verified: false
});

/**
 * Every standard field Pacer's documents read (other than {@link SYSTEM_FIELDS}), and no other: the
 * metadata check fails on a standard field read by a document and missing here, so a new one is
 * looked up first, and a test fails on an entry no document reads any more.
 */
export const STANDARD_FIELD_SECURITY: readonly StandardFieldSecurity[] = [
  required('Account.Name'),
  absent('Event.AccountId', 'derived from WhatId/WhoId by the platform (read-only)'),
  absent('Event.ActivityDate', 'derived from StartDateTime by the platform'),
  absent('Event.DurationInMinutes', 'required for events that are not all-day'),
  controlled('Opportunity.AccountId', 'listed in the retrieved profile'),
  controlled('Opportunity.Amount', 'listed in the retrieved profile'),
  controlled('Opportunity.NextStep', 'listed in the retrieved profile'),
  controlled('Opportunity.Probability', 'listed in the retrieved profile'),
  required('Opportunity.CloseDate'),
  required('Opportunity.Name'),
  required('Opportunity.StageName'),
  absent('Opportunity.ForecastCategoryName', 'set from the stage by the platform'),
  absent('Opportunity.IsClosed', 'derived from the stage by the platform'),
  absent('Opportunity.IsWon', 'derived from the stage by the platform'),
  absent('Opportunity.LastStageChangeDate', 'maintained by the platform (read-only)'),
  absent('OpportunityHistory.OpportunityId', 'history rows are written by the platform'),
  absent('OpportunityHistory.StageName', 'history rows are written by the platform'),
  controlled('Task.ActivityDate', 'listed in the retrieved profile'),
  absent('Task.AccountId', 'derived from WhatId/WhoId by the platform (read-only)'),
  required('Task.Status'),
  absent('Task.TaskSubtype', 'set on create by the platform, read-only after'),
  absent('User.IsActive', 'standard User field'),
  absent('User.ManagerId', 'standard User field'),
  absent('User.Name', 'standard User field (compound name)'),
  absent('User.Title', 'standard User field')
];

/** The table by `Object.Field`. */
export const FIELD_SECURITY: ReadonlyMap<string, StandardFieldSecurity> = new Map(
  STANDARD_FIELD_SECURITY.map((entry) => [entry.field, entry])
);

/** Objects whose standard fields share FLS (Task and Event: both are activities). */
export const SHARED_FLS_OBJECTS: ReadonlyArray<readonly [string, string]> = [['Task', 'Event']];
