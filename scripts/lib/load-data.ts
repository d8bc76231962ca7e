/**
 * Loads a sample data set into an org (`sample-data --load`), parents before children:
 * - custom objects (SPM_*) are upserted by Key__c, their lookups to other custom objects sent as
 *   `Rel__r: { Key__c }` — idempotent in any org;
 * - standard records (User, Account, Opportunity, Task, Event) keep their Id where the org already
 *   holds that Id (the local org started from the same data set: they are updated), users are matched
 *   by Username, and the others are created, their new Ids replacing the file's in every reference;
 * - OpportunityHistory cannot be written through the API (Salesforce records it itself) and is skipped;
 * - read-only fields (CreatedDate, IsClosed, …) are left out, as the org's describe says.
 * Standard records that are created are not idempotent: load into a fresh org, or the local org.
 */
import type { OrgClient, MixedRecord } from './org-client';
import type { Progress } from './progress';
import { quote } from './soql';
import type { StepOutcome } from './writes';

/** Objects in the order their references need. */
export const LOAD_ORDER = [
  'User',
  'Account',
  'Opportunity',
  'Task',
  'Event',
  'SPM_KPI__c',
  'SPM_Stage_Policy__c',
  'SPM_Cadence__c',
  'SPM_Agenda_Item__c',
  'SPM_Target__c',
  'SPM_Review__c',
  'SPM_Action__c',
  'SPM_Forecast_Snapshot__c'
] as const;

/** Objects the API does not let anyone write. */
const NOT_WRITABLE = new Set(['OpportunityHistory', 'Organization']);

interface DescribeField {
  name: string;
  type: string;
  createable: boolean;
  updateable: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
}

type Row = Record<string, unknown>;

/** What the load did, per object. */
export interface LoadOutcome extends StepOutcome {
  skipped: number;
  note?: string;
}

/** Loads the records of a data set; returns one outcome per object. */
export async function loadDataSet(
  client: OrgClient,
  records: Record<string, Row[]>,
  progress: Progress
): Promise<LoadOutcome[]> {
  const idMap = new Map<string, string>();
  const keyById = new Map<string, string>();
  for (const rows of Object.values(records))
    for (const row of rows)
      if (typeof row.Key__c === 'string') keyById.set(String(row.Id), row.Key__c);
  const order = [
    ...LOAD_ORDER.filter((t) => records[t]?.length),
    ...Object.keys(records).filter(
      (t) => !(LOAD_ORDER as readonly string[]).includes(t) && records[t].length
    )
  ];
  const outcomes: LoadOutcome[] = [];
  for (const type of order) {
    const rows = records[type];
    if (NOT_WRITABLE.has(type)) {
      outcomes.push({
        type,
        created: 0,
        updated: 0,
        failed: [],
        skipped: rows.length,
        note: 'not writable through the API'
      });
      continue;
    }
    const describe = await client.request<{ fields: DescribeField[] }>(
      'GET',
      `${client.root}/sobjects/${type}/describe`
    );
    const fields = new Map(describe.fields.map((f) => [f.name, f]));
    const isCustomWithKey = fields.get('Key__c')?.createable === true;
    /** A record's values for the org: writable fields only, references remapped. */
    const fileIds = new Set(rows.map((r) => String(r.Id)));
    /** References to records of the same object not created yet (User.ManagerId): set in a second pass. */
    const deferred = (name: string, value: unknown): boolean =>
      fields.get(name)?.referenceTo?.includes(type) === true &&
      typeof value === 'string' &&
      fileIds.has(value) &&
      !idMap.has(value);
    const values = (row: Row, creating: boolean): Row => {
      const out: Row = {};
      for (const [name, value] of Object.entries(row)) {
        const field = fields.get(name);
        if (!field || name === 'Id' || !(creating ? field.createable : field.updateable)) continue;
        if (creating && deferred(name, value)) continue;
        if (field.type === 'reference' && typeof value === 'string') {
          const targetKey = keyById.get(value);
          if (
            targetKey &&
            field.relationshipName &&
            field.referenceTo?.some((t) => t.endsWith('__c'))
          ) {
            out[field.relationshipName] = { Key__c: targetKey };
            continue;
          }
          out[name] = idMap.get(value) ?? value;
          continue;
        }
        out[name] = value;
      }
      return out;
    };
    const update = (label: string) => (done: number, total: number) =>
      progress.update(`${label} ${type}`, done, total);

    if (isCustomWithKey) {
      const result = await client.upsert(
        type,
        'Key__c',
        rows.map((row) => ({ key: String(row.Key__c), fields: values(row, true) })),
        update('Loading')
      );
      progress.done();
      outcomes.push({
        type,
        created: result.created.length,
        updated: result.updated.length,
        failed: result.failed,
        skipped: 0
      });
      continue;
    }

    // Standard records: which of the file's Ids (or, for users, Usernames) the org already holds.
    const present = new Set<string>();
    for (let start = 0; start < rows.length; start += 200) {
      const ids = rows.slice(start, start + 200).map((r) => quote(String(r.Id)));
      for (const found of await client.query<{ Id: string }>(
        `SELECT Id FROM ${type} WHERE Id IN (${ids.join(', ')})`
      ))
        present.add(found.Id);
    }
    if (type === 'User') {
      const missing = rows.filter(
        (r) => !present.has(String(r.Id)) && typeof r.Username === 'string'
      );
      for (let start = 0; start < missing.length; start += 200) {
        const names = missing.slice(start, start + 200).map((r) => quote(String(r.Username)));
        const found = await client.query<{ Id: string; Username: string }>(
          `SELECT Id, Username FROM User WHERE Username IN (${names.join(', ')})`
        );
        for (const user of found) {
          const row = missing.find(
            (r) => String(r.Username).toLowerCase() === user.Username.toLowerCase()
          );
          if (row) idMap.set(String(row.Id), user.Id);
        }
      }
    }
    for (const row of rows)
      if (present.has(String(row.Id))) idMap.set(String(row.Id), String(row.Id));
    const toUpdate: MixedRecord[] = rows
      .filter((r) => idMap.has(String(r.Id)))
      .map((r) => ({
        type,
        key: String(r.Id),
        id: idMap.get(String(r.Id)),
        fields: values(r, false)
      }));
    const creating = rows.filter((r) => !idMap.has(String(r.Id)));
    const toCreate: MixedRecord[] = creating.map((r) => ({
      type,
      key: String(r.Id),
      fields: values(r, true)
    }));
    const waiting = creating.filter((r) =>
      Object.entries(r).some(([name, value]) => deferred(name, value))
    );
    const outcome: LoadOutcome = { type, created: 0, updated: 0, failed: [], skipped: 0 };
    for (const [operation, list] of [
      ['update', toUpdate],
      ['create', toCreate]
    ] as const) {
      if (list.length === 0) continue;
      const result = await client.saveMixed(
        operation,
        list,
        update(operation === 'create' ? 'Creating' : 'Updating')
      );
      progress.done();
      for (const saved of result.saved) {
        if (saved.id) idMap.set(saved.key, saved.id);
        if (saved.created) outcome.created += 1;
        else outcome.updated += 1;
      }
      outcome.failed.push(...result.failed.map((f) => ({ key: f.key, message: f.message })));
    }
    // Second pass: the references to records of the same object, now that they all have Ids.
    const links: MixedRecord[] = waiting
      .filter((r) => idMap.has(String(r.Id)))
      .map((r) => {
        const linkFields: Row = {};
        for (const [name, value] of Object.entries(r)) {
          if (fields.get(name)?.referenceTo?.includes(type) && typeof value === 'string')
            linkFields[name] = idMap.get(value) ?? value;
        }
        return { type, key: String(r.Id), id: idMap.get(String(r.Id)), fields: linkFields };
      });
    if (links.length > 0) {
      const result = await client.saveMixed('update', links, update('Linking'));
      progress.done();
      outcome.failed.push(...result.failed.map((f) => ({ key: f.key, message: f.message })));
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
