/**
 * The local org's records, in memory: one table per object (records in insertion order, which is
 * Id order for generated data), an id map across all objects, and equality indexes on reference,
 * id and unique fields built on first use and dropped when the table changes. Queries read the
 * stored objects directly; nothing is copied per request.
 */
import { LOCAL_ORG_ID, makeId, to18 } from '../sample-data/ids';
import type { ObjectDef, OrgSchema } from './schema/model';
import type { FieldValue, SampleDataSet, SObjectRecord } from '../sample-data/types';

/** One object's records. */
export interface Table {
  object: ObjectDef;
  records: SObjectRecord[];
  /** Bumped on every change; indexes remember the version they were built for. */
  version: number;
}

interface EqualityIndex {
  version: number;
  map: Map<string, SObjectRecord[]>;
}

/** Instance segment of ids minted by the running server (generated data uses another). */
const SERVER_ID_INSTANCE = 'LO';

/** Key under which a value is indexed: ids exact, text case-insensitive unless the field is case-sensitive. */
export function indexKey(value: FieldValue, caseSensitive: boolean): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return caseSensitive ? text : text.toLowerCase();
}

/** In-memory records of every object in the schema. */
export class RecordStore {
  readonly schema: OrgSchema;
  private readonly tables = new Map<string, Table>();
  private readonly byId = new Map<string, SObjectRecord>();
  private readonly indexes = new Map<string, EqualityIndex>();
  private readonly counters = new Map<string, number>();

  constructor(schema: OrgSchema, data?: SampleDataSet) {
    this.schema = schema;
    for (const object of schema.objects.values()) {
      this.tables.set(object.name, { object, records: [], version: 0 });
    }
    if (data) {
      for (const [name, records] of Object.entries(data.records)) {
        const table = this.tables.get(name);
        if (!table)
          throw new Error(`data file: records.${name}: no such object in the local org's schema`);
        for (const record of records) {
          const id = to18(String(record.Id));
          if (id !== record.Id) record.Id = id;
          if (this.byId.has(id)) throw new Error(`data file: records.${name}: duplicate Id ${id}`);
          table.records.push(record);
          this.byId.set(id, record);
        }
      }
    }
  }

  /** The table of an object (throws for an unknown object: callers resolve names first). */
  table(objectName: string): Table {
    const table = this.tables.get(objectName);
    if (!table) throw new Error(`no table for ${objectName}`);
    return table;
  }

  /** A record by 15- or 18-character id, across all objects. */
  getById(id: string): SObjectRecord | undefined {
    return this.byId.get(id.length === 15 ? to18(id) : id);
  }

  /** The object a record id belongs to, from its key prefix. */
  objectOfId(id: string): ObjectDef | undefined {
    return this.schema.byKeyPrefix.get(id.slice(0, 3));
  }

  /**
   * Records of `objectName` whose `field` equals `value` (ids exact; text case-insensitively unless
   * the field is case-sensitive), through an index built on first use.
   */
  lookup(objectName: string, fieldName: string, value: FieldValue): SObjectRecord[] {
    const key = indexKey(value, this.isExactField(objectName, fieldName));
    if (key === null) return [];
    return this.index(objectName, fieldName).get(key) ?? [];
  }

  /** The equality index of a field: value key → records, in table order. */
  index(objectName: string, fieldName: string): Map<string, SObjectRecord[]> {
    const table = this.table(objectName);
    const name = `${objectName}.${fieldName}`;
    const cached = this.indexes.get(name);
    if (cached && cached.version === table.version) return cached.map;
    const exact = this.isExactField(objectName, fieldName);
    const map = new Map<string, SObjectRecord[]>();
    for (const record of table.records) {
      const key = indexKey(record[fieldName] ?? null, exact);
      if (key === null) continue;
      const list = map.get(key);
      if (list) list.push(record);
      else map.set(key, [record]);
    }
    this.indexes.set(name, { version: table.version, map });
    return map;
  }

  private isExactField(objectName: string, fieldName: string): boolean {
    const field = this.table(objectName).object.fields.get(fieldName);
    return !field || field.type === 'id' || field.type === 'reference' || field.caseSensitive;
  }

  /** A fresh id for a record the server creates. */
  newId(objectName: string): string {
    const prefix = this.table(objectName).object.keyPrefix;
    let n = this.counters.get(prefix) ?? 0;
    let id: string;
    do {
      n += 1;
      id = makeId(prefix, n, SERVER_ID_INSTANCE);
    } while (this.byId.has(id));
    this.counters.set(prefix, n);
    return id;
  }

  /** Indexes of a table that are up to date, by field name. */
  private freshIndexes(objectName: string, table: Table): Array<[string, EqualityIndex]> {
    const fresh: Array<[string, EqualityIndex]> = [];
    for (const field of table.object.fieldList) {
      const index = this.indexes.get(`${objectName}.${field.name}`);
      if (index && index.version === table.version) fresh.push([field.name, index]);
    }
    return fresh;
  }

  /** Adds a complete record (with Id), keeping existing indexes current (appending keeps table order). */
  insert(objectName: string, record: SObjectRecord): void {
    const table = this.table(objectName);
    const fresh = this.freshIndexes(objectName, table);
    table.records.push(record);
    table.version += 1;
    this.byId.set(record.Id as string, record);
    for (const [field, index] of fresh) {
      const key = indexKey(record[field] ?? null, this.isExactField(objectName, field));
      if (key !== null) {
        const list = index.map.get(key);
        if (list) list.push(record);
        else index.map.set(key, [record]);
      }
      index.version = table.version;
    }
  }

  /** Sets fields of a stored record in place; indexes on the changed fields are rebuilt on next use. */
  assign(objectName: string, record: SObjectRecord, values: SObjectRecord): void {
    const table = this.table(objectName);
    const fresh = this.freshIndexes(objectName, table);
    Object.assign(record, values);
    table.version += 1;
    for (const [field, index] of fresh) if (!(field in values)) index.version = table.version;
  }

  /** Removes a record. */
  remove(objectName: string, id: string): boolean {
    const table = this.table(objectName);
    const record = this.byId.get(id);
    if (!record) return false;
    const at = table.records.indexOf(record);
    if (at >= 0) table.records.splice(at, 1);
    this.byId.delete(id);
    table.version += 1;
    return true;
  }

  /** Record counts by object, for the console and tests. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, table] of this.tables)
      if (table.records.length > 0) counts[name] = table.records.length;
    return counts;
  }

  /** The org id of the local org. */
  get orgId(): string {
    return LOCAL_ORG_ID;
  }
}
