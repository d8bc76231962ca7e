/**
 * Salesforce-style record ids: 15 case-sensitive characters (3-character key prefix, 2-character
 * instance, 1 reserved, 9 base-62 digits) plus the 3-character case-insensitive checksum that makes
 * the 18-character form. Both the sample-data generator and the local org mint ids here, so they
 * never disagree on the format.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes of the standard objects Pacer uses, as Salesforce assigns them. */
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  OpportunityHistory: '008',
  Organization: '00D',
  UserRole: '00E',
  Task: '00T',
  Event: '00U'
};

/**
 * Custom objects get a01, a02, … in the order of docs/data-model.md's custom-object table, so ids are the
 * same whichever helper created the metadata first.
 */
export const CUSTOM_KEY_PREFIXES: Readonly<Record<string, string>> = {
  SPM_KPI__c: 'a01',
  SPM_Target__c: 'a02',
  SPM_Cadence__c: 'a03',
  SPM_Agenda_Item__c: 'a04',
  SPM_Review__c: 'a05',
  SPM_Action__c: 'a06',
  SPM_Forecast_Snapshot__c: 'a07',
  SPM_Stage_Policy__c: 'a08'
};

/** The checksum suffix of a 15-character id (one letter per 5-character chunk, encoding its capitals). */
export function idSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const code = id15.charCodeAt(chunk * 5 + i);
      if (code >= 65 && code <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character id; other strings are returned unchanged. */
export function to18(id: string): string {
  if (id.length === 15 && /^[0-9A-Za-z]{15}$/.test(id)) return id + idSuffix(id);
  return id;
}

/** True for a well-formed 15- or 18-character id (checksum verified for 18). */
export function isValidId(id: string): boolean {
  if (!/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(id)) return false;
  if (id.length === 15) return true;
  return idSuffix(id.slice(0, 15)).toLowerCase() === id.slice(15).toLowerCase();
}

/**
 * Mints the 18-character id number `n` for a key prefix. `instance` (2 characters) keeps ids
 * minted by different sources apart: the generator uses one, the running server another.
 */
export function makeId(prefix: string, n: number, instance = '8N'): string {
  let digits = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}${instance}0${digits}`;
  return id15 + idSuffix(id15);
}

/** The org id that goes with the default access token `00D000000000001!…`. */
export const LOCAL_ORG_ID = to18('00D000000000001');
