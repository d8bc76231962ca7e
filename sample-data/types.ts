/**
 * The shapes shared by the sample data file, the generator and the local org's store
 * (docs/data-model.md, "Record shape"): plain objects keyed by Salesforce API field names.
 */

/** A field value: Date fields 'YYYY-MM-DD', DateTime fields ISO-8601 UTC, null when empty. */
export type FieldValue = string | number | boolean | null;

/** One record: API field name → value. `Id` is always present once stored. */
export type SObjectRecord = Record<string, FieldValue>;

/** What the data set was generated for. */
export interface SampleDataMeta {
  seed: number;
  /** The day the file was generated for; equal to `asOf` so files are byte-identical. */
  generatedAt: string;
  /** The "today" the data is realistic for ('YYYY-MM-DD'). */
  asOf: string;
  /** IANA time zone of the org (DateTime values are UTC; days are counted in this zone). */
  orgTimeZone: string;
  /** ISO currency code of the (single-currency) org. */
  currency: string;
  /** First month of the fiscal year, 1–12. */
  fiscalYearStartMonth: number;
}

/** The sample data file: `{ meta, records: { User: [...], Opportunity: [...], ... } }`. */
export interface SampleDataSet {
  meta: SampleDataMeta;
  records: Record<string, SObjectRecord[]>;
}
