/**
 * Field-by-field comparison of the records a command wants with those the org holds, so a
 * command writes only what changed and can show the admin exactly what that is.
 */

/** One field that differs: what the org has and what the file wants. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The plan for one record. */
export interface RecordDiff {
  type: string;
  key: string;
  action: 'create' | 'update' | 'unchanged';
  /** The org's record Id, when it has one. */
  id?: string;
  changes: FieldChange[];
  /** The fields to send (all desired fields on create, the changed ones plus the key on update). */
  fields: Record<string, unknown>;
}

/** How two values compare: numbers by value, empty strings as null, objects by content. */
function sameValue(a: unknown, b: unknown, multiSelect = false): boolean {
  if (multiSelect && typeof a === 'string' && typeof b === 'string') {
    // The org returns multi-select values in picklist order, whatever order they were sent in.
    return a.split(';').sort().join(';') === b.split(';').sort().join(';');
  }
  const norm = (v: unknown): unknown => (v === undefined || v === '' ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) < 1e-9;
  if (x && y && typeof x === 'object' && typeof y === 'object')
    return JSON.stringify(x) === JSON.stringify(y);
  return false;
}

/**
 * Compares one desired record with the org's copy (undefined when the org has none).
 * Relationship references (`Cadence__r: { Key__c }`) compare against the same shape read back
 * by SOQL (`Cadence__r.Key__c`).
 */
export function diffRecord(
  type: string,
  key: string,
  keyField: string,
  desired: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  multiSelectFields: readonly string[] = []
): RecordDiff {
  if (!existing) {
    return {
      type,
      key,
      action: 'create',
      changes: Object.entries(desired)
        .filter(([field]) => field !== keyField)
        .map(([field, to]) => ({ field, from: null, to })),
      fields: desired
    };
  }
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(desired)) {
    if (field === keyField) continue;
    const from = existing[field];
    if (!sameValue(from, to, multiSelectFields.includes(field)))
      changes.push({ field, from: from ?? null, to });
  }
  const fields: Record<string, unknown> = { [keyField]: desired[keyField] };
  for (const change of changes) fields[change.field] = change.to;
  const id = typeof existing.Id === 'string' ? existing.Id : undefined;
  return { type, key, action: changes.length > 0 ? 'update' : 'unchanged', id, changes, fields };
}

/** Short printable form of a value in a diff line (long text cut to keep the diff readable). */
export function showValue(value: unknown, max = 60): string {
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
