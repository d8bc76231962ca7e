/** Small SOQL helpers: quoting literals and reading records by key in URL-sized chunks. */
import type { OrgClient } from './org-client';

/** A SOQL string literal (quotes and backslashes escaped). */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Keys per `IN (…)` list: keeps the GET URL well under the API's limits. */
const KEYS_PER_QUERY = 200;

/**
 * Reads the records of a type whose `keyField` is one of `keys`, in chunks, as a map by key.
 * `fields` must include `keyField`.
 */
export async function queryByKeys<T extends Record<string, unknown>>(
  client: OrgClient,
  type: string,
  fields: readonly string[],
  keyField: string,
  keys: readonly string[]
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += KEYS_PER_QUERY) {
    const chunk = unique.slice(start, start + KEYS_PER_QUERY);
    const rows = await client.query<T>(
      `SELECT ${fields.join(', ')} FROM ${type} WHERE ${keyField} IN (${chunk.map(quote).join(', ')})`
    );
    for (const row of rows) found.set(String(row[keyField]), row);
  }
  return found;
}
