/**
 * Snoozing the flags of an opportunity: validation of the form and the `updateRecord` input.
 * Apart from the component so the rules are tested without a DOM.
 */
import ID_FIELD from '@salesforce/schema/Opportunity.Id';
import SNOOZED_UNTIL_FIELD from '@salesforce/schema/Opportunity.SPM_Flag_Snoozed_Until__c';
import SNOOZE_REASON_FIELD from '@salesforce/schema/Opportunity.SPM_Flag_Snooze_Reason__c';

/** SPM_Flag_Snooze_Reason__c is Text(255). */
export const REASON_MAX_LENGTH = 255;

/** Why a field of the form is refused. */
export const SNOOZE_ERRORS = Object.freeze({
  REQUIRED: 'required',
  NOT_FUTURE: 'notFuture',
  TOO_LONG: 'tooLong'
});

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the snooze form: a reason is required (and fits the field), the date must be after `asOf`
 * (a snooze that ends today or earlier would hide nothing and mislead the reader).
 * @param {{ until: string|null|undefined, reason: string|null|undefined, asOf: string }} input
 *   `until` and `asOf` as 'YYYY-MM-DD'
 * @returns {{ valid: boolean, until: string|null, reason: string|null }} an error code per field, or null
 */
export function validateSnooze({ until, reason, asOf }) {
  let untilError = null;
  if (typeof until !== 'string' || !DATE_ONLY.test(until)) {
    untilError = SNOOZE_ERRORS.REQUIRED;
  } else if (until <= asOf) {
    // 'YYYY-MM-DD' strings compare in date order.
    untilError = SNOOZE_ERRORS.NOT_FUTURE;
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  let reasonError = null;
  if (!text) {
    reasonError = SNOOZE_ERRORS.REQUIRED;
  } else if (text.length > REASON_MAX_LENGTH) {
    reasonError = SNOOZE_ERRORS.TOO_LONG;
  }
  return { valid: !untilError && !reasonError, until: untilError, reason: reasonError };
}

/**
 * The record input of `updateRecord` that snoozes the flags of an opportunity.
 * @param {string} opportunityId
 * @param {string} until 'YYYY-MM-DD'
 * @param {string} reason
 * @returns {{ fields: object }}
 */
export function snoozeRecordInput(opportunityId, until, reason) {
  return {
    fields: {
      [ID_FIELD.fieldApiName]: opportunityId,
      [SNOOZED_UNTIL_FIELD.fieldApiName]: until,
      [SNOOZE_REASON_FIELD.fieldApiName]: reason.trim()
    }
  };
}
